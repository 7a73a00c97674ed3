namespace ScholarlyRecord;

/// <summary>A book series, such as "Studies in Soviet History and Society".</summary>
public sealed record Series
{
    /// <summary>The series title.</summary>
    public string? Title { get; init; }

    /// <summary>The series' own abbreviation, such as <c>SSHS</c>.</summary>
    public string? Abbreviation { get; init; }

    /// <summary>The series' ISSNs, each with its medium where known.</summary>
    public IReadOnlyList<SeriesIssn> Issns { get; init => field = ValueList.From(value); } = ValueList<SeriesIssn>.Empty;

    /// <summary>The book's volume number within the series, as text.</summary>
    public string? Volume { get; init; }
}

/// <summary>An ISSN of a series together with the medium it identifies.</summary>
public sealed record SeriesIssn
{
    /// <summary>The ISSN.</summary>
    public required Issn Value { get; init; }

    /// <summary>The medium the ISSN identifies, or <see langword="null"/> when the source does not say.</summary>
    public PublicationMedium? Medium { get; init; }
}
