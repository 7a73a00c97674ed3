namespace ScholarlyRecord.Formats;

/// <summary>
/// The parts of a chapter that a tagged-record mapping (RIS, EndNote) collects field by field, and the one rule that
/// turns them into a <see cref="Chapter"/>: a series only when it has a title, a volume or an ISSN, a book only when
/// it has something, a publisher only with a name (the caller keeps a place without a publisher as an extra field).
/// </summary>
/// <remarks>Public fields, so that a mapper can pass a slot by reference to its "first value wins" helper.</remarks>
internal sealed class ChapterParts
{
    public readonly List<Contributor> ChapterContributors = [];
    public readonly List<Contributor> BookContributors = [];
    public readonly List<string> Abstract = [];
    public readonly List<string> Keywords = [];
    public readonly List<BookIsbn> Isbns = [];
    public readonly List<SeriesIssn> Issns = [];

    public string? Title;
    public string? Number;
    public string? Url;
    public string? Language;
    public string? BookTitle;
    public string? SeriesTitle;
    public string? Volume;
    public string? Edition;
    public string? PublisherName;
    public string? CitationKey;
    public Doi? Doi;

    /// <summary>Whether a DOI field has been taken (valid or not), so that a later one becomes an extra field.</summary>
    public bool SawDoi;

    /// <summary>Empties every part, so that one instance can collect record after record (<see cref="Build"/> copies the
    /// lists into the chapter, which therefore never sees a later record's parts).</summary>
    public void Clear()
    {
        ChapterContributors.Clear();
        BookContributors.Clear();
        Abstract.Clear();
        Keywords.Clear();
        Isbns.Clear();
        Issns.Clear();
        Title = Number = Url = Language = BookTitle = SeriesTitle = Volume = Edition = PublisherName = CitationKey = null;
        Doi = null;
        SawDoi = false;
    }

    /// <summary>Builds the chapter from the parts collected.</summary>
    /// <param name="place">The place of publication, used only when there is a publisher name.</param>
    /// <param name="date">The publication date.</param>
    /// <param name="pages">The pages.</param>
    /// <param name="extras">The extra fields, in their final order.</param>
    public Chapter Build(string? place, PartialDate? date, PageRange? pages, IReadOnlyList<ExtraField> extras)
    {
        var publisher = PublisherName is null ? null : new Publisher { Name = PublisherName, Location = place };
        Series? series = SeriesTitle is null && Volume is null && Issns.Count == 0
            ? null
            : new Series { Title = SeriesTitle, Volume = Volume, Issns = Issns };
        Book? book = BookTitle is null && BookContributors.Count == 0 && Isbns.Count == 0 && Edition is null
            && series is null && publisher is null
            ? null
            : new Book
            {
                Title = BookTitle,
                Contributors = BookContributors,
                Isbns = Isbns,
                Edition = Edition,
                Series = series,
                Publisher = publisher,
            };

        return new Chapter
        {
            CitationKey = CitationKey,
            Doi = Doi,
            Title = Title ?? "",
            Number = Number,
            Contributors = ChapterContributors,
            Book = book,
            PublicationDate = date,
            Pages = pages,
            Language = Language,
            Abstract = Abstract,
            Keywords = Keywords,
            Url = Url,
            ExtraFields = extras,
        };
    }
}
