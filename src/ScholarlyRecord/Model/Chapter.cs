namespace ScholarlyRecord;

/// <summary>
/// A chapter of a scholarly book: the root of the model.
/// </summary>
/// <remarks>
/// Immutable: change a copy with <c>with</c>. Equality compares every property, lists included, by value.
/// Optional values are <see langword="null"/> when absent; lists are empty, never <see langword="null"/>.
/// </remarks>
public sealed record Chapter
{
    /// <summary>
    /// The key a bibliography cites the chapter by, such as <c>Haslam1992</c>: a BibTeX entry key, a RIS <c>ID</c>, a
    /// CSL-JSON <c>id</c> or an EndNote <c>%F</c> label, kept as read. Writers write it back unchanged (a second chapter
    /// with the same key in one file gets a suffix, see docs/formats.md) and make one up only when it is absent.
    /// </summary>
    public string? CitationKey { get; init; }

    /// <summary>The chapter's own DOI, such as <c>10.1007/978-1-349-05679-8_7</c>.</summary>
    public Doi? Doi { get; init; }

    /// <summary>The chapter title, without its subtitle.</summary>
    public required string Title { get; init; }

    /// <summary>The subtitle, when the source gives one apart from the title.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The chapter number as the book shows it ("7", "A1", "IV"): text, because not every book numbers in arabic digits.</summary>
    public string? Number { get; init; }

    /// <summary>The people and organisations responsible for the chapter, in the order the source lists them.</summary>
    public IReadOnlyList<Contributor> Contributors { get; init => field = ValueList.From(value); } = ValueList<Contributor>.Empty;

    /// <summary>The book the chapter appears in.</summary>
    public Book? Book { get; init; }

    /// <summary>The chapter's publication date, as precise as the source says (year, month or day).</summary>
    public PartialDate? PublicationDate { get; init; }

    /// <summary>The pages the chapter occupies in the book.</summary>
    public PageRange? Pages { get; init; }

    /// <summary>The language of the chapter as a BCP 47 tag, such as <c>en</c> or <c>de-CH</c>.</summary>
    public string? Language { get; init; }

    /// <summary>The abstract as plain-text paragraphs.</summary>
    public IReadOnlyList<string> Abstract { get; init => field = ValueList.From(value); } = ValueList<string>.Empty;

    /// <summary>Keywords or subject terms.</summary>
    public IReadOnlyList<string> Keywords { get; init => field = ValueList.From(value); } = ValueList<string>.Empty;

    /// <summary>The chapter's notes (footnotes or endnotes), in order.</summary>
    public IReadOnlyList<Note> Notes { get; init => field = ValueList.From(value); } = ValueList<Note>.Empty;

    /// <summary>The works the chapter cites.</summary>
    public IReadOnlyList<Reference> References { get; init => field = ValueList.From(value); } = ValueList<Reference>.Empty;

    /// <summary>The copyright line.</summary>
    public Copyright? Copyright { get; init; }

    /// <summary>The landing-page URL, exactly as the source gave it.</summary>
    public string? Url { get; init; }

    /// <summary>Usage figures (accesses, citations) and the date they were taken.</summary>
    public AccessMetrics? Metrics { get; init; }

    /// <summary>What the chapter, or the book holding it, can be bought as.</summary>
    public IReadOnlyList<Offer> Offers { get; init => field = ValueList.From(value); } = ValueList<Offer>.Empty;

    /// <summary>
    /// Fields the model has no slot for, kept in source order so that nothing a format carried is lost.
    /// Names carry the format they came from, such as <c>ris:M3</c> or <c>bibtex:timestamp</c>.
    /// </summary>
    public IReadOnlyList<ExtraField> ExtraFields { get; init => field = ValueList.From(value); } = ValueList<ExtraField>.Empty;
}
