namespace ScholarlyRecord.Tests.Formats;

/// <summary>
/// What a chapter becomes after <c>Endnote.Read(Endnote.Write(chapter))</c>, written from the rules in
/// docs/formats-endnote.md. The EndNote mapping carries the same fields as RIS, with the same name, date and text
/// rules (docs/formats-ris.md), so this starts from <see cref="RisProjection"/> and applies what differs: names that
/// cannot be read back become <c>endnote:%A</c> (<c>%E</c>, <c>%Y</c>, <c>%?</c>) extras instead of <c>ris:AU</c>
/// ones, a further line of a multi-line value that starts with <c>%</c> comes back with a leading space (the writer
/// adds it so that the line cannot be read as a tag line), and the parts EndNote has no tag for come back whole through
/// the <c>%Z</c> lines: book DOI and date, series abbreviation, notes, references, copyright, metrics, offers, the
/// ORCID iDs and affiliations of the names written, and the extras of other formats (after the <c>endnote:</c> ones).
/// </summary>
internal static class EndnoteProjection
{
    private static readonly Dictionary<string, string> NameTags = new(StringComparer.Ordinal)
    {
        ["ris:AU"] = "endnote:%A", ["ris:A2"] = "endnote:%E", ["ris:A3"] = "endnote:%Y", ["ris:A4"] = "endnote:%?",
    };

    // The roles written under name tags, as the %Z lines number them: role, and whether the book holds them.
    private static readonly (ContributorRole Role, bool OfBook)[] WrittenRoles =
        [(ContributorRole.Author, false), (ContributorRole.Editor, true), (ContributorRole.SeriesEditor, true), (ContributorRole.Translator, false)];

    public static Chapter Project(Chapter chapter)
    {
        var ris = RisProjection.Project(chapter with { ExtraFields = [] });
        var extras = ris.ExtraFields.Select(e => e with { Name = NameTags[e.Name] }).ToList();
        var others = new List<ExtraField>();
        foreach (var extra in chapter.ExtraFields)
        {
            var name = extra.Name;
            if (name.Length == 10 && name.StartsWith("endnote:%", StringComparison.Ordinal) && name[9] is > ' ' and < '\u007F' and not '0')
            {
                extras.Add(extra with { Value = FurtherLines(extra.Value) });
            }
            else
            {
                // Extras of other formats (and endnote: names that are no tag) ride in the %Z lines, after the rest.
                others.Add(extra);
            }
        }

        // ORCID iDs and affiliations come back on the names that read back as names (the RIS projection keeps those, in order).
        var chapterPeople = ris.Contributors.ToList();
        var bookPeople = ris.Book?.Contributors.ToList() ?? [];
        foreach (var (role, ofBook) in WrittenRoles)
        {
            var originals = (ofBook ? chapter.Book?.Contributors ?? [] : chapter.Contributors)
                .Where(c => c.Role == role && !(c.Name.Literal is { } literal && string.IsNullOrWhiteSpace(RisProjection.Line(literal))))
                .ToList();
            var list = ofBook ? bookPeople : chapterPeople;
            var indexes = Enumerable.Range(0, list.Count).Where(i => list[i].Role == role).ToList();
            for (var k = 0; k < indexes.Count; k++)
            {
                list[indexes[k]] = list[indexes[k]] with { Orcid = originals[k].Orcid, Affiliations = originals[k].Affiliations };
            }
        }

        var book = ris.Book;
        var original = chapter.Book;
        if (original is not null && (original.Doi is not null || original.PublicationDate is not null || original.Series?.Abbreviation is not null || book is not null))
        {
            book ??= new Book();
            var series = original.Series?.Abbreviation is { } abbreviation ? (book.Series ?? new Series()) with { Abbreviation = abbreviation } : book.Series;
            book = book with { Doi = original.Doi, PublicationDate = original.PublicationDate, Series = series, Contributors = bookPeople };
        }

        return ris with
        {
            CitationKey = IsTextKey(chapter.CitationKey) ? chapter.CitationKey : null,
            Contributors = chapterPeople,
            Book = book,
            Abstract = ris.Abstract.Select((p, i) => i > 0 && p.StartsWith('%') ? " " + p : p).ToArray(),
            Notes = chapter.Notes,
            References = chapter.References,
            Copyright = chapter.Copyright,
            Metrics = chapter.Metrics,
            Offers = chapter.Offers,
            ExtraFields = [.. extras, .. others],
        };
    }

    // A key the writers can put on one line: not blank, no control characters.
    private static bool IsTextKey(string? key) => !string.IsNullOrWhiteSpace(key) && !key.Any(char.IsControl);

    // The first line as it is; further lines without the blank ones, a leading '%' protected by a space.
    private static string FurtherLines(string value)
    {
        var lines = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string> { lines[0] };
        kept.AddRange(lines.Skip(1).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.StartsWith('%') ? " " + l : l));
        return string.Join('\n', kept);
    }
}
