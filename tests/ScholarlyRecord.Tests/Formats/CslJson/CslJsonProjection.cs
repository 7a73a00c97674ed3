namespace ScholarlyRecord.Tests.Formats.CslJson;

/// <summary>
/// What a chapter looks like after a trip through CSL-JSON (docs/formats-csl.md, "The projection"): the fields CSL
/// cannot carry are cleared and the rest is normalised the way the mapping forces.
/// </summary>
public static class CslJsonProjection
{
    public static Chapter Project(Chapter chapter)
    {
        static Contributor Bare(Contributor c) => new() { Name = c.Name, Role = c.Role };
        var book = chapter.Book;
        var bookPeople = book?.Contributors ?? [];
        IEnumerable<Contributor> Of(IEnumerable<Contributor> people, ContributorRole role) => people.Where(c => c.Role == role).Select(Bare);

        var chapterContributors = Of(chapter.Contributors, ContributorRole.Author)
            .Concat(Of(chapter.Contributors, ContributorRole.Translator)).Concat(Of(bookPeople, ContributorRole.Translator))
            .Concat(Of(chapter.Contributors, ContributorRole.Contributor)).Concat(Of(bookPeople, ContributorRole.Contributor))
            .ToList();
        var bookContributors = Of(bookPeople, ContributorRole.Author)
            .Concat(Of(chapter.Contributors, ContributorRole.Editor)).Concat(Of(bookPeople, ContributorRole.Editor))
            .Concat(Of(chapter.Contributors, ContributorRole.SeriesEditor)).Concat(Of(bookPeople, ContributorRole.SeriesEditor))
            .ToList();

        Series? series = null;
        if (book?.Series is { } s && (s.Title is not null || s.Volume is not null || s.Issns.Count > 0))
        {
            series = new Series { Title = s.Title, Volume = s.Volume, Issns = s.Issns.Select(i => new SeriesIssn { Value = i.Value }).ToList() };
        }

        Book? projectedBook = null;
        if (book is not null || bookContributors.Count > 0)
        {
            var candidate = new Book
            {
                Title = book?.Title,
                Subtitle = book?.Subtitle,
                Contributors = bookContributors,
                Isbns = book?.Isbns.Select(i => new BookIsbn { Value = i.Value }).ToList() ?? [],
                Edition = book?.Edition,
                Series = series,
                Publisher = book?.Publisher,
            };
            if (candidate != new Book()) projectedBook = candidate;
        }

        var notes = chapter.Notes.Count == 0 ? [] : new[] { new Note { Text = string.Join("\n", chapter.Notes.Select(n => n.Text)) } };
        return chapter with
        {
            // Every item has an id: the chapter's own key, else the made-up one (docs/formats.md, "Citation keys").
            CitationKey = ScholarlyRecord.Formats.CitationKeys.IsTextKey(chapter.CitationKey) ? chapter.CitationKey : ScholarlyRecord.Formats.CslJsonItemWriter.BaseId(chapter),
            Contributors = chapterContributors,
            Book = projectedBook,
            Abstract = Split(string.Join("\n", chapter.Abstract), '\n', '\r'),
            Keywords = Split(string.Join(", ", chapter.Keywords), ',', ';'),
            Notes = notes,
            References = [],
            Copyright = null,
            Metrics = null,
            Offers = [],
            ExtraFields = FirstPerName(chapter.ExtraFields),
        };
    }

    private static List<string> Split(string text, params char[] separators) =>
        text.Split(separators).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    // custom is a JSON object: a repeated extra-field name keeps its first value (and moves... never, it keeps its place).
    private static List<ExtraField> FirstPerName(IReadOnlyList<ExtraField> extras)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return extras.Where(e => seen.Add(e.Name)).ToList();
    }
}
