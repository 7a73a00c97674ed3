namespace ScholarlyRecord;

/// <summary>The copyright of a chapter.</summary>
public sealed record Copyright
{
    /// <summary>The copyright year.</summary>
    public int? Year { get; init; }

    /// <summary>Who holds the copyright.</summary>
    public string? Holder { get; init; }

    /// <summary>The copyright line as printed, such as "© 1992 Jonathan Haslam".</summary>
    public string? Statement { get; init; }
}
