namespace ScholarlyRecord;

/// <summary>A work that a chapter cites.</summary>
public sealed record Reference
{
    /// <summary>The source's own key for the reference, when it has one.</summary>
    public string? Key { get; init; }

    /// <summary>The reference as text.</summary>
    public string? Text { get; init; }

    /// <summary>The cited work's DOI.</summary>
    public Doi? Doi { get; init; }
}
