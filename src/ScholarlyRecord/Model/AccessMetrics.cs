namespace ScholarlyRecord;

/// <summary>Usage figures for a chapter, as a platform reported them on a given date.</summary>
public sealed record AccessMetrics
{
    /// <summary>How many times the chapter was accessed (viewed or downloaded).</summary>
    public long? Accesses { get; init; }

    /// <summary>How many times the chapter was cited.</summary>
    public long? Citations { get; init; }

    /// <summary>The date the figures were taken.</summary>
    public PartialDate? AsOf { get; init; }
}
