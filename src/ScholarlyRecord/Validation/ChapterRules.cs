using System.Globalization;
using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Internal;
using C = ScholarlyRecord.Validation.ValidationCodes;

namespace ScholarlyRecord.Validation;

/// <summary>One run of the model rules over one chapter; collects issues in document order.</summary>
internal sealed class ChapterRules(int latestYear)
{
    private readonly List<Diagnostic> _issues = [];

    public IReadOnlyList<Diagnostic> Issues => _issues;

    public void Run(Chapter chapter)
    {
        if (chapter.Doi is { } doi) CheckDoi(chapter, doi);
        else Add(C.NoDoi, "/doi", "The chapter has no DOI");

        if (string.IsNullOrWhiteSpace(chapter.Title)) Add(C.MissingTitle, "/title", "The chapter title is missing");
        Text(chapter.Title, "/title");
        Text(chapter.Subtitle, "/subtitle");
        Text(chapter.Number, "/number");

        if (chapter.Contributors.Count == 0) Add(C.NoContributor, "/contributors", "The chapter names no contributor");
        Contributors(chapter.Contributors, "/contributors");

        if (chapter.Book is null) Add(C.MissingBookTitle, "/book", "The chapter names no book");
        else CheckBook(chapter.Book);

        Date(chapter.PublicationDate, "/publicationDate");
        if (chapter.Pages is { } pages)
        {
            Text(pages.First, "/pages/first");
            Text(pages.Last, "/pages/last");
            if (pages.Last is not null && PageRange.IsDescending(pages.First, pages.Last))
            {
                Add(C.DescendingPages, "/pages", $"The page range {pages.First}–{pages.Last} ends before it starts");
            }
        }
        Text(chapter.Language, "/language");
        for (var i = 0; i < chapter.Abstract.Count; i++) Text(chapter.Abstract[i], Index("/abstract", i), multiline: true);
        for (var i = 0; i < chapter.Keywords.Count; i++) Text(chapter.Keywords[i], Index("/keywords", i));
        Notes(chapter.Notes);
        for (var i = 0; i < chapter.References.Count; i++)
        {
            var reference = chapter.References[i];
            var at = Index("/references", i);
            Text(reference.Key, at + "/key");
            Text(reference.Text, at + "/text");
            if (reference.Doi is { } referenceDoi && !IsReal(referenceDoi)) DefaultValue(at + "/doi", "DOI");
        }
        if (chapter.Copyright is { } copyright)
        {
            if (copyright.Year is { } year)
            {
                Year(year, "/copyright/year");
                var published = chapter.PublicationDate ?? chapter.Book?.PublicationDate;
                if (published is { Year: > 0 } date && date.Year != year)
                {
                    Add(C.CopyrightYearDiffers, "/copyright/year",
                        Inv($"The copyright year {year} differs from the publication year {date.Year}"));
                }
            }
            Text(copyright.Holder, "/copyright/holder");
            Text(copyright.Statement, "/copyright/statement");
        }
        Url(chapter.Url, "/url");
        if (chapter.Metrics is { } metrics)
        {
            if (metrics.Accesses < 0) Add(C.NegativeMetric, "/metrics/accesses", Inv($"The access count {metrics.Accesses} is negative"));
            if (metrics.Citations < 0) Add(C.NegativeMetric, "/metrics/citations", Inv($"The citation count {metrics.Citations} is negative"));
            Date(metrics.AsOf, "/metrics/asOf");
        }
        Offers(chapter.Offers);
        for (var i = 0; i < chapter.ExtraFields.Count; i++)
        {
            var at = Index("/extraFields", i);
            Text(chapter.ExtraFields[i].Name, at + "/name");
            Text(chapter.ExtraFields[i].Value, at + "/value");
        }
        SharedOrcids(chapter);
    }

    private void CheckBook(Book book)
    {
        if (string.IsNullOrWhiteSpace(book.Title)) Add(C.MissingBookTitle, "/book/title", "The book title is missing");
        Text(book.Title, "/book/title");
        Text(book.Subtitle, "/book/subtitle");
        Contributors(book.Contributors, "/book/contributors");
        for (var i = 0; i < book.Isbns.Count; i++)
        {
            if (!IsReal(book.Isbns[i].Value)) DefaultValue(Index("/book/isbns", i) + "/value", "ISBN");
        }
        if (book.Doi is { } doi && !IsReal(doi)) DefaultValue("/book/doi", "DOI");
        Text(book.Edition, "/book/edition");
        if (book.Series is { } series)
        {
            Text(series.Title, "/book/series/title");
            Text(series.Abbreviation, "/book/series/abbreviation");
            Text(series.Volume, "/book/series/volume");
            for (var i = 0; i < series.Issns.Count; i++)
            {
                if (!IsReal(series.Issns[i].Value)) DefaultValue(Index("/book/series/issns", i) + "/value", "ISSN");
            }
        }
        if (book.Publisher is { } publisher)
        {
            Text(publisher.Name, "/book/publisher/name");
            Text(publisher.Location, "/book/publisher/location");
        }
        Date(book.PublicationDate, "/book/publicationDate");
    }

    // Springer and others build chapter DOIs as <prefix>/<hyphenated ISBN-13>_<n>: check the ISBN, the book's ISBNs,
    // the chapter number and the book DOI against it.
    private void CheckDoi(Chapter chapter, Doi doi)
    {
        if (!IsReal(doi))
        {
            DefaultValue("/doi", "DOI");
            return;
        }
        var suffix = doi.Suffix;
        if (!TryFindEmbeddedIsbn(suffix, out var start, out var length)) return;
        var isbnText = suffix.Substring(start, length);
        var rest = suffix[(start + length)..];
        if (Isbn.Validate(isbnText) is { } error)
        {
            Add(C.EmbeddedIsbnInvalid, "/doi", $"The ISBN {isbnText} in the DOI is not valid: {error.Message}");
            return;
        }
        var isbn = Isbn.Parse(isbnText);
        var listed = false;
        foreach (var bookIsbn in chapter.Book?.Isbns ?? [])
        {
            listed |= bookIsbn.Value == isbn;
        }
        if (!listed)
        {
            Add(C.EmbeddedIsbnNotListed, "/book/isbns", $"The DOI embeds ISBN {isbnText}, which is not among the book's ISBNs");
        }

        if (rest.Length < 2 || rest[0] != '_' || !int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)) return;
        if (chapter.Number is { } number && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var chapterNumber) && chapterNumber != sequence)
        {
            Add(C.DoiNumberMismatch, "/number", Inv($"The chapter number {chapterNumber} differs from the number {sequence} at the end of the DOI"));
        }
        if (chapter.Book?.Doi is { } bookDoi && IsReal(bookDoi))
        {
            var expected = string.Concat(doi.Prefix, "/", suffix.AsSpan(0, start + length));
            if (Doi.TryParse(expected, out var expectedDoi) && bookDoi != expectedDoi)
            {
                Add(C.BookDoiMismatch, "/book/doi", $"The book DOI {bookDoi} is not the chapter DOI without its chapter number ({expected})");
            }
        }
    }

    /// <summary>Finds a hyphenated ISBN-13 (978-/979-, 13 digits, at least one more hyphen) in a DOI suffix.</summary>
    internal static bool TryFindEmbeddedIsbn(string suffix, out int start, out int length)
    {
        for (start = 0; start + 4 <= suffix.Length; start++)
        {
            if (start > 0 && (char.IsAsciiDigit(suffix[start - 1]) || suffix[start - 1] == '-')) continue;
            if (!(suffix.AsSpan(start).StartsWith("978-") || suffix.AsSpan(start).StartsWith("979-"))) continue;
            var digits = 0;
            var end = start;
            while (end < suffix.Length && (char.IsAsciiDigit(suffix[end]) || suffix[end] == '-') && digits < 13)
            {
                if (char.IsAsciiDigit(suffix[end])) digits++;
                end++;
            }
            if (digits == 13 && (end == suffix.Length || !char.IsAsciiDigit(suffix[end])))
            {
                length = end - start;
                return true;
            }
        }
        length = 0;
        return false;
    }

    private void Contributors(IReadOnlyList<Contributor> contributors, string at)
    {
        var seen = new HashSet<(string?, string?, string?, string?, string?, ContributorRole)>();
        for (var i = 0; i < contributors.Count; i++)
        {
            var contributor = contributors[i];
            var here = Index(at, i);
            var name = contributor.Name;
            Text(name.Given, here + "/name/given");
            Text(name.Family, here + "/name/family");
            Text(name.Particle, here + "/name/particle");
            Text(name.Suffix, here + "/name/suffix");
            Text(name.Literal, here + "/name/literal");
            if (string.IsNullOrWhiteSpace(name.Given) && string.IsNullOrWhiteSpace(name.Family) && string.IsNullOrWhiteSpace(name.Literal))
            {
                Add(C.EmptyName, here + "/name", "The contributor has no name (no family, given or literal name)");
            }
            if (contributor.Orcid is { } orcid && !IsReal(orcid)) DefaultValue(here + "/orcid", "ORCID iD");
            for (var a = 0; a < contributor.Affiliations.Count; a++) Text(contributor.Affiliations[a], Index(here + "/affiliations", a));
            if (!seen.Add((name.Given, name.Family, name.Particle, name.Suffix, name.Literal, contributor.Role)))
            {
                Add(C.DuplicateContributor, here, $"The contributor {Display(name)} is listed twice in the same role");
            }
        }
    }

    private void SharedOrcids(Chapter chapter)
    {
        var owners = new Dictionary<Orcid, PersonName>();
        Scan(chapter.Contributors, "/contributors");
        if (chapter.Book is { } book) Scan(book.Contributors, "/book/contributors");

        void Scan(IReadOnlyList<Contributor> contributors, string at)
        {
            for (var i = 0; i < contributors.Count; i++)
            {
                if (contributors[i].Orcid is not { } orcid || !IsReal(orcid)) continue;
                var name = contributors[i].Name;
                if (owners.TryGetValue(orcid, out var owner))
                {
                    if (!SamePerson(owner, name))
                    {
                        Add(C.SharedOrcid, Index(at, i) + "/orcid", $"The ORCID iD {orcid} is also given for {Display(owner)}");
                    }
                }
                else
                {
                    owners[orcid] = name;
                }
            }
        }
    }

    private static bool SamePerson(PersonName a, PersonName b) =>
        string.Equals(a.Given, b.Given, StringComparison.Ordinal) && string.Equals(a.Family, b.Family, StringComparison.Ordinal)
        && string.Equals(a.Particle, b.Particle, StringComparison.Ordinal) && string.Equals(a.Literal, b.Literal, StringComparison.Ordinal);

    private static string Display(PersonName name) =>
        name.Literal ?? string.Join(' ', new[] { name.Given, name.Particle, name.Family, name.Suffix }.Where(p => !string.IsNullOrEmpty(p)));

    private void Notes(IReadOnlyList<Note> notes)
    {
        var expected = 1;
        for (var i = 0; i < notes.Count; i++)
        {
            var note = notes[i];
            var at = Index("/notes", i);
            Text(note.Label, at + "/label");
            Text(note.Text, at + "/text", multiline: true);
            for (var l = 0; l < note.Links.Count; l++)
            {
                var link = Index(at + "/links", l);
                Text(note.Links[l].Label, link + "/label");
                Url(note.Links[l].Url, link + "/url");
            }
            if (note.Number is { } number)
            {
                if (number != expected)
                {
                    Add(C.NoteNumbering, at + "/number", Inv($"Note number {number} where {expected} was expected (notes are numbered 1 to n)"));
                }
                expected = number + 1;
            }
        }
    }

    private void Offers(IReadOnlyList<Offer> offers)
    {
        for (var i = 0; i < offers.Count; i++)
        {
            var offer = offers[i];
            var at = Index("/offers", i);
            Text(offer.Label, at + "/label");
            for (var f = 0; f < offer.Features.Count; f++) Text(offer.Features[f], Index(at + "/features", f));
            Text(offer.TaxNote, at + "/taxNote");
            if (offer.Price is not { } price) continue;
            if (price.Amount < 0) Add(C.NegativePrice, at + "/price/amount", Inv($"The price {price.Amount} is negative"));
            else if (price.Amount == 0) Add(C.ZeroPrice, at + "/price/amount", "The price is zero; leave the price out for a free offer");
            if (!CurrencyCodes.IsActive(price.Currency))
            {
                Add(C.UnknownCurrency, at + "/price/currency", CurrencyCodes.Describe(price.Currency ?? ""));
            }
        }
    }

    private void Url(string? url, string at)
    {
        if (url is null) return;
        Text(url, at);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Add(C.InvalidUrl, at, $"\"{Shorten(url)}\" is not an absolute http or https URL");
        }
    }

    private void Date(PartialDate? date, string at)
    {
        if (date is not { } value) return;
        if (value.Year == 0)
        {
            Add(C.DefaultDate, at, "The date is default(PartialDate), which is not a date");
            return;
        }
        Year(value.Year, at);
    }

    private void Year(int year, string at)
    {
        if (year < ChapterValidator.EarliestYear || year > latestYear)
        {
            Add(C.ImplausibleYear, at, Inv($"The year {year} is outside {ChapterValidator.EarliestYear} to {latestYear}"));
        }
    }

    private void DefaultValue(string at, string kind) =>
        Add(C.DefaultIdentifier, at, $"The {kind} is a default value, which holds no {kind}");

    /// <summary>The text rules, for one string slot.</summary>
    private void Text(string? text, string at, bool multiline = false)
    {
        if (string.IsNullOrEmpty(text)) return;
        var lone = Formats.StrictStringConverter.IndexOfLoneSurrogate(text);
        if (lone >= 0)
        {
            Add(C.LoneSurrogate, at, Inv($"The text holds a lone surrogate (U+{(int)text[lone]:X4}) at index {lone}"));
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' ? !(multiline && c is '\n' or '\t') : c is >= '\u007F' and <= '\u009F')
            {
                Add(C.ControlCharacter, at, Inv($"The text holds the control character U+{(int)c:X4} at index {i}"));
                break;
            }
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F')
            {
                Add(C.BidiControl, at, Inv($"The text holds the bidirectional control U+{(int)text[i]:X4} at index {i}"));
                break;
            }
        }
        if (IndexOfMarkup(text) is var markup and >= 0)
        {
            Add(C.Markup, at, $"The text holds markup left over from HTML or JATS: \"{Shorten(text[markup..])}\"");
        }
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            Add(C.OuterWhitespace, at, "The text starts or ends with white space");
        }
        if (lone < 0 && !TextNormalizer.IsNfc(text))
        {
            Add(C.NotNormalized, at, "The text is not in Unicode normalization form C (composed characters)");
        }
    }

    /// <summary>The index of a tag (<c>&lt;i&gt;</c>, <c>&lt;/sup&gt;</c>, <c>&lt;jats:p&gt;</c>, <c>&lt;br/&gt;</c>) or an entity (<c>&amp;nbsp;</c>, <c>&amp;#160;</c>), or -1.</summary>
    internal static int IndexOfMarkup(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<' && IsTagAt(text, i)) return i;
            if (text[i] == '&' && IsEntityAt(text, i)) return i;
        }
        return -1;
    }

    private static bool IsTagAt(string text, int i)
    {
        var j = i + 1;
        if (j < text.Length && text[j] == '/') j++;
        if (j >= text.Length || !char.IsAsciiLetter(text[j])) return false;
        while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is ':' or '-' or '_')) j++;
        if (j >= text.Length) return false;
        if (text[j] == '>') return true;
        if (text[j] == '/' && j + 1 < text.Length && text[j + 1] == '>') return true;
        // Attributes: <a href="...">, <jats:sec id="s1">.
        return char.IsWhiteSpace(text[j]) && text.IndexOf('>', j) > j && text.IndexOf('=', j) is var eq && eq > j && eq < text.IndexOf('>', j);
    }

    private static bool IsEntityAt(string text, int i)
    {
        var j = i + 1;
        if (j < text.Length && text[j] == '#')
        {
            j++;
            var hex = j < text.Length && text[j] is 'x' or 'X';
            if (hex) j++;
            var start = j;
            while (j < text.Length && (hex ? char.IsAsciiHexDigit(text[j]) : char.IsAsciiDigit(text[j]))) j++;
            return j > start && j < text.Length && text[j] == ';';
        }
        var nameStart = j;
        while (j < text.Length && char.IsAsciiLetterOrDigit(text[j]) && j - nameStart < 32) j++;
        return j - nameStart >= 2 && char.IsAsciiLetter(text[nameStart]) && j < text.Length && text[j] == ';';
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static bool IsReal<T>(T value) where T : struct, ITextValue<T> => value.IsValid;

    private static string Index(string at, int index) => JsonPointerText.Append(at, index);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Add(string code, string path, string message) => _issues.Add(DiagnosticCatalogue.CreateAt(code, path, message));
}
