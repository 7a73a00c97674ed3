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

    /// <summary>
    /// The chapter as written in <paramref name="dialect"/> and read back. In the BibLaTeX dialect without
    /// <paramref name="includeNonstandardFields"/>, only biblatex's data model is written: no copyright, no series ISSN,
    /// one ISBN, no extra field whose name the model lacks for the entry type written (nor an unreadable isbn).
    /// </summary>
    public static Chapter Project(Chapter c, BibtexDialect dialect, bool includeNonstandardFields = false)
    {
        var dataModelOnly = dialect == BibtexDialect.Biblatex && !includeNonstandardFields;
        var target = dialect == BibtexDialect.Bibtex ? LatexTarget.Mixed : LatexTarget.Unicode;
        var editors = c.Book is null ? 0 : Names(c.Book.Contributors, ContributorRole.Editor, target).Count();
        var bookAuthors = c.Book is null ? 0 : Names(c.Book.Contributors, ContributorRole.Author, target).Count();
        var inbook = c.Book?.Title is not null && (editors == 0 || bookAuthors > 0);
        var book = c.Book;
        Book? projectedBook = null;
        if (book is not null)
        {
            var series = book.Series is { } s
                ? new Series { Title = Nfc(s.Title), Abbreviation = Nfc(s.Abbreviation), Volume = Nfc(s.Volume), Issns = dataModelOnly ? [] : [.. s.Issns.Select(i => new SeriesIssn { Value = i.Value })] }
                : null;
            if (series == new Series()) series = null;
            projectedBook = new Book
            {
                Title = Nfc(book.Title),
                Subtitle = Nfc(book.Subtitle),
                Contributors = [.. Names(book.Contributors, ContributorRole.Author, target), .. Names(book.Contributors, ContributorRole.Editor, target)],
                Isbns = [.. book.Isbns.Take(dataModelOnly ? 1 : int.MaxValue).Select(i => new BookIsbn { Value = i.Value })],
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
            if (dataModelOnly && (!BiblatexDataModel.Allows(name, inbook) || name == "isbn")) continue;
            extras.Add(e with { Value = ScholarlyRecord.Formats.Bibtex.IsWritableRaw(e.Value) ? e.Value : LatexEncoder.Encode(e.Value, target) });
        }
        return new Chapter
        {
            // Every entry has a key: the chapter's own when BibTeX can hold it, else the made-up one (docs/formats.md, "Citation keys").
            CitationKey = CitationKeys.IsBibtexKey(c.CitationKey) ? c.CitationKey : ScholarlyRecord.Formats.Bibtex.GeneratedKey(c),
            Doi = c.Doi,
            Title = Nfc(c.Title)!,
            Subtitle = Nfc(c.Subtitle),
            Number = Nfc(c.Number),
            Contributors = [.. Names(c.Contributors, ContributorRole.Author, target), .. Names(c.Contributors, ContributorRole.Translator, target)],
            Book = projectedBook,
            PublicationDate = c.PublicationDate ?? book?.PublicationDate,
            Pages = c.Pages,
            Language = c.Language,
            // Paragraphs are separated by blank lines, so a paragraph written as white space only (spaces, U+2028 ...; not
            // controls, which are written as \char<n>{}) cannot be told from a separator.
            Abstract = [.. c.Abstract.Where(a => !string.IsNullOrWhiteSpace(LatexEncoder.Encode(a, target))).Select(a => Nfc(a)!)],
            Keywords = [.. c.Keywords.Select(k => Nfc(k)!)],
            Copyright = !dataModelOnly && c.Copyright?.Statement is { } statement ? new Copyright { Statement = Nfc(statement) } : null,
            Url = c.Url,
            ExtraFields = extras,
        };
    }

    private static IEnumerable<Contributor> Names(IReadOnlyList<Contributor> contributors, ContributorRole role, LatexTarget target)
    {
        foreach (var contributor in contributors)
        {
            if (contributor.Role != role || Name(contributor.Name, target) is not { } name) continue;
            yield return new Contributor { Name = name, Role = role };
        }
    }

    private static PersonName? Name(PersonName n, LatexTarget target)
    {
        if (n.Literal is not null) return Part(n.Literal) is { } literal ? new PersonName { Literal = literal } : null;
        // A particle with no family name is written as the family name (BibTeX's von part needs a Last part after it).
        var family = Part(n.Family);
        var particle = Part(n.Particle);
        var given = Part(n.Given);
        var suffix = Part(n.Suffix);
        if (family is null && particle is not null) (family, particle) = (particle, null);
        // No family name: the given name (and suffix) is the name's only part.
        if (family is null && (given is not null || suffix is not null))
        {
            family = given is null ? suffix : suffix is null ? given : given + ", " + suffix;
            (given, suffix) = (null, null);
        }
        if (family is not null && given is null)
        {
            // No given name: the suffix joins the family name ("van {X, Jr.}"); alone, more than one word is braced and
            // reads back as a literal.
            if (suffix is not null) family = family + ", " + suffix;
            if (particle is null && !ScholarlyRecord.Formats.Bibtex.IsOneNameToken(LatexEncoder.Encode(family, target))) return new PersonName { Literal = family };
            return new PersonName { Family = family, Particle = particle };
        }
        var name = new PersonName { Given = given, Family = family, Particle = particle, Suffix = suffix };
        return name == new PersonName() ? null : name;
    }

    private static string? Part(string? part) => part?.Trim() is { Length: > 0 } t ? Nfc(t)!.Trim() is { Length: > 0 } n ? n : null : null;

    private static string? Nfc(string? text) => text?.Normalize(NormalizationForm.FormC);
}
