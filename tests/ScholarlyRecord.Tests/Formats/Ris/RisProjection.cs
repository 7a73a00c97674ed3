using System.Text;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>
/// What a chapter becomes after <c>Ris.Read(Ris.Write(chapter))</c>, written out from the rules in
/// docs/formats-ris.md and independently of the library's code: the fields RIS cannot carry are cleared, line
/// breaks in single-line values become spaces, the subtitle joins the title, commas in name parts become spaces,
/// known particles are read from the family part, and contributors are grouped by the tag they are written under.
/// </summary>
internal static class RisProjection
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "des",
        "le", "la", "ten", "ter", "te", "zu", "dos", "das", "do",
    };

    public static Chapter Project(Chapter chapter)
    {
        var nameExtras = new List<ExtraField>();
        var book = chapter.Book;

        // Written order: AU, A2, A3, A4; names that cannot be read back become extras in that order.
        var authors = Names(chapter.Contributors, ContributorRole.Author, "AU", nameExtras);
        var editors = book is null ? [] : Names(book.Contributors, ContributorRole.Editor, "A2", nameExtras);
        var seriesEditors = book is null ? [] : Names(book.Contributors, ContributorRole.SeriesEditor, "A3", nameExtras);
        var translators = Names(chapter.Contributors, ContributorRole.Translator, "A4", nameExtras);

        Book? projectedBook = null;
        if (book is not null)
        {
            var series = book.Series is { } s && (Text(s.Title) is not null || Text(s.Volume) is not null || s.Issns.Count > 0)
                ? new Series { Title = Text(s.Title), Volume = Text(s.Volume), Issns = s.Issns }
                : null;
            var publisher = book.Publisher is { } p && !string.IsNullOrEmpty(p.Name)
                ? new Publisher { Name = Line(p.Name), Location = Text(p.Location) }
                : null;
            var candidate = new Book
            {
                Title = Text(Full(book.Title, book.Subtitle)),
                Contributors = [.. editors, .. seriesEditors],
                Isbns = book.Isbns,
                Edition = Text(book.Edition),
                Series = series,
                Publisher = publisher,
            };
            projectedBook = candidate == new Book() ? null : candidate;
        }

        var extras = new List<ExtraField>(nameExtras);
        foreach (var extra in chapter.ExtraFields)
        {
            if (extra.Name.Length == 6 && extra.Name.StartsWith("ris:", StringComparison.Ordinal)
                && IsTag(extra.Name[4..]) && extra.Name[4..] is not "TY" and not "ER")
            {
                extras.Add(extra with { Value = Paragraphs(extra.Value) });
            }
        }

        return new Chapter
        {
            // The key is written as ID when it fits on a line (docs/formats.md, "Citation keys").
            CitationKey = !string.IsNullOrWhiteSpace(chapter.CitationKey) && !chapter.CitationKey.Any(char.IsControl) ? chapter.CitationKey : null,
            Doi = chapter.Doi,
            Title = Text(Full(chapter.Title, chapter.Subtitle)) ?? "",
            Number = Text(chapter.Number),
            Contributors = [.. authors, .. translators],
            Book = projectedBook,
            PublicationDate = chapter.PublicationDate,
            Pages = chapter.Pages,
            Language = Text(chapter.Language),
            Abstract = chapter.Abstract.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Line).ToArray(),
            Keywords = chapter.Keywords.Where(k => k.Length > 0).Select(Line).ToArray(),
            Url = Text(chapter.Url),
            ExtraFields = extras,
        };
    }

    private static bool IsTag(string tag) =>
        tag.Length == 2 && tag[0] is >= 'A' and <= 'Z' && (tag[1] is >= 'A' and <= 'Z' or >= '0' and <= '9');

    private static string? Full(string? title, string? subtitle) =>
        string.IsNullOrEmpty(subtitle) ? title : string.IsNullOrEmpty(title) ? subtitle : title + ": " + subtitle;

    /// <summary>A single-line value: each CR LF, CR or LF one space.</summary>
    public static string Line(string value) => value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');

    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : Line(value);

    /// <summary>An extra with line breaks: the white-space-only lines dropped, the rest joined with LF.</summary>
    private static string Paragraphs(string value)
    {
        if (value.IndexOfAny(['\r', '\n']) < 0) return value;
        var lines = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        return string.Join('\n', lines.Where(l => !string.IsNullOrWhiteSpace(l)));
    }

    private static List<Contributor> Names(IReadOnlyList<Contributor> contributors, ContributorRole role, string tag, List<ExtraField> extras)
    {
        var result = new List<Contributor>();
        foreach (var contributor in contributors.Where(c => c.Role == role))
        {
            var name = contributor.Name;
            if (name.Literal is not null)
            {
                var literal = Line(name.Literal);
                if (string.IsNullOrWhiteSpace(literal)) extras.Add(new ExtraField { Name = "ris:" + tag, Value = literal + "," });
                else result.Add(new Contributor { Name = new PersonName { Literal = literal }, Role = role });
                continue;
            }
            var family = name.Family is null ? null : Part(name.Family);
            var familyPart = string.IsNullOrEmpty(name.Particle) ? family ?? "" : Part(name.Particle) + (family is null ? "" : " " + family);
            var (particle, rest) = SplitParticle(familyPart);
            var projected = new PersonName
            {
                Particle = particle,
                Family = rest.Length == 0 ? null : rest,
                Given = name.Given is null || Part(name.Given).Length == 0 ? null : Part(name.Given),
                Suffix = string.IsNullOrEmpty(name.Suffix) ? null : Part(name.Suffix),
            };
            result.Add(new Contributor { Name = projected, Role = role });
        }
        return result;
    }

    private static string Part(string value) => Line(value).Replace(',', ' ');

    // Leading listed particles, each followed by exactly one space, never the whole family part.
    private static (string? Particle, string Family) SplitParticle(string familyPart)
    {
        var words = new StringBuilder();
        var rest = familyPart;
        while (true)
        {
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || space == rest.Length - 1 || !Particles.Contains(rest[..space])) break;
            if (words.Length > 0) words.Append(' ');
            words.Append(rest[..space]);
            rest = rest[(space + 1)..];
        }
        return words.Length == 0 ? (null, familyPart) : (words.ToString(), rest);
    }
}
