namespace ScholarlyRecord;

/// <summary>A footnote or endnote of a chapter.</summary>
public sealed record Note
{
    /// <summary>The note's number, when notes are numbered.</summary>
    public int? Number { get; init; }

    /// <summary>The note's label, when it is marked by something other than a number (such as "*").</summary>
    public string? Label { get; init; }

    /// <summary>The note's text.</summary>
    public required string Text { get; init; }

    /// <summary>Links attached to the note, such as a "Google Scholar" look-up.</summary>
    public IReadOnlyList<Link> Links { get; init => field = ValueList.From(value); } = ValueList<Link>.Empty;
}

/// <summary>A labelled link.</summary>
public sealed record Link
{
    /// <summary>The text the link shows, such as "Google Scholar".</summary>
    public string? Label { get; init; }

    /// <summary>The target URL exactly as the source gave it, or <see langword="null"/> when the source shows the label only.</summary>
    public string? Url { get; init; }
}
