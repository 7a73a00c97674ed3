using System.Text;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Tests.Formats.Bibtex;

/// <summary>
/// What a chapter looks like after a trip through BibTeX: the parts the format cannot carry cleared or normalised,
/// as docs/formats-bibtex.md ("What a round trip keeps") lists them.
/// </summary>
internal static class BibtexProjection
{
    private static readonly HashSet<string> Mapped = new(StringComparer.Ordinal)
    {
        "author", "title", "subtitle", "translator", "booktitle", "booksubtitle", "bookauthor", "editor", "edition", "series",
        "shortseries", "number", "publisher", "address", "location", "year", "month", "day", "date", "chapter", "pages",
        "doi", "url", "language", "abstract", "keywords", "copyright",
    };

    public static Chapter Project(Chapter c, BibtexDialect dialect)
    {
        var target = dialect == BibtexDialect.Bibtex ? LatexTarget.Mixed : LatexTarget.Unicode;
        var book = c.Book;
        Book? projectedBook = null;
        if (book is not null)
        {
            var series = book.Series is { } s
                ? new Series { Title = Nfc(s.Title), Abbreviation = Nfc(s.Abbreviation), Volume = Nfc(s.Volume), Issns = [.. s.Issns.Select(i => new SeriesIssn { Value = i.Value })] }
                : null;
            if (series == new Series()) series = null;
            projectedBook = new Book
            {
                Title = Nfc(book.Title),
                Subtitle = Nfc(book.Subtitle),
                Contributors = [.. Names(book.Contributors, ContributorRole.Author), .. Names(book.Contributors, ContributorRole.Editor)],
                Isbns = [.. book.Isbns.Select(i => new BookIsbn { Value = i.Value })],
                Edition = Nfc(book.Edition),
                Series = series,
                Publisher = book.Publisher is { } p ? new Publisher { Name = Nfc(p.Name)!, Location = Nfc(p.Location) } : null,
            };
            if (projectedBook == new Book()) projectedBook = null;
        }
        var extras = new List<ExtraField>();
        foreach (var e in c.ExtraFields)
        {
            if (!e.Name.StartsWith("bibtex:", StringComparison.Ordinal)) continue;
            var name = e.Name["bibtex:".Length..];
            if (Mapped.Contains(name) || name.EndsWith("+others", StringComparison.Ordinal)) continue;
            extras.Add(e with { Value = ScholarlyRecord.Formats.Bibtex.IsWritableRaw(e.Value) ? e.Value : LatexEncoder.Encode(e.Value, target) });
        }
        return new Chapter
        {
            Doi = c.Doi,
            Title = Nfc(c.Title)!,
            Subtitle = Nfc(c.Subtitle),
            Number = Nfc(c.Number),
            Contributors = [.. Names(c.Contributors, ContributorRole.Author), .. Names(c.Contributors, ContributorRole.Translator)],
            Book = projectedBook,
            PublicationDate = c.PublicationDate ?? book?.PublicationDate,
            Pages = c.Pages,
            Language = c.Language,
            // Paragraphs are separated by blank lines, so a paragraph written as white space only (spaces, U+2028 ...; not
            // controls, which are written as \char<n>{}) cannot be told from a separator.
            Abstract = [.. c.Abstract.Where(a => !string.IsNullOrWhiteSpace(LatexEncoder.Encode(a, target))).Select(a => Nfc(a)!)],
            Keywords = [.. c.Keywords.Select(k => Nfc(k)!)],
            Copyright = c.Copyright?.Statement is { } statement ? new Copyright { Statement = Nfc(statement) } : null,
            Url = c.Url,
            ExtraFields = extras,
        };
    }

    private static IEnumerable<Contributor> Names(IReadOnlyList<Contributor> contributors, ContributorRole role)
    {
        foreach (var contributor in contributors)
        {
            if (contributor.Role != role || Name(contributor.Name) is not { } name) continue;
            yield return new Contributor { Name = name, Role = role };
        }
    }

    private static PersonName? Name(PersonName n)
    {
        if (n.Literal is not null) return Part(n.Literal) is { } literal ? new PersonName { Literal = literal } : null;
        // A particle with no family name is written as the family name (BibTeX's von part needs a Last part after it).
        var family = Part(n.Family);
        var particle = Part(n.Particle);
        if (family is null && particle is not null) (family, particle) = (particle, null);
        var name = new PersonName { Given = Part(n.Given), Family = family, Particle = particle, Suffix = Part(n.Suffix) };
        return name == new PersonName() ? null : name;
    }

    private static string? Part(string? part) => part?.Trim() is { Length: > 0 } t ? Nfc(t)!.Trim() is { Length: > 0 } n ? n : null : null;

    private static string? Nfc(string? text) => text?.Normalize(NormalizationForm.FormC);
}
