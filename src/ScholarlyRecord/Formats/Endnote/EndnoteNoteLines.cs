using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The parts of a chapter that EndNote has no tag for, carried as <c>key: value</c> lines in one <c>%Z</c> (Notes)
/// field, the way Zotero keeps fields it has no slot for in "Extra": each line is <c>scholarly.</c>, a name, <c>: </c>
/// and the value, so EndNote and Zotero show it as a plain-text note and our reader takes it back apart. The line table
/// is in docs/formats-endnote.md ("Parts without a tag: the %Z lines").
/// </summary>
internal static class EndnoteNoteLines
{
    /// <summary>The start of every line.</summary>
    public const string Prefix = "scholarly.";

    /// <summary>The tags names are written under, with the name each line uses for them, in the written order.</summary>
    internal static readonly (string Tag, string Name, ContributorRole Role, bool OfBook)[] NameTags =
    [
        ("%A", "author", ContributorRole.Author, false),
        ("%E", "editor", ContributorRole.Editor, true),
        ("%Y", "series-editor", ContributorRole.SeriesEditor, true),
        ("%?", "translator", ContributorRole.Translator, false),
    ];

    /// <summary>The <c>%Z</c> value for the parts of <paramref name="chapter"/> without a tag, or null when it has none.</summary>
    public static string? Write(Chapter chapter)
    {
        var lines = new List<string>();
        var book = chapter.Book;
        foreach (var (_, name, role, ofBook) in NameTags)
        {
            var contributors = ofBook ? book?.Contributors ?? [] : chapter.Contributors;
            var ordinal = 0;
            foreach (var contributor in contributors)
            {
                if (contributor.Role != role) continue;
                ordinal++;
                var key = name + "." + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (contributor.Orcid is { } orcid) lines.Add(Line(key + ".orcid", orcid.ToString()));
                foreach (var affiliation in contributor.Affiliations) lines.Add(Line(key + ".affiliation", Text(affiliation)));
            }
        }
        if (book?.Doi is { } bookDoi) lines.Add(Line("book-doi", bookDoi.ToString()));
        if (book?.PublicationDate is { } bookDate) lines.Add(Line("book-date", bookDate.ToString()));
        if (book?.Series?.Abbreviation is { } abbreviation) lines.Add(Line("series-abbreviation", Text(abbreviation)));
        if (chapter.Copyright is { } copyright) lines.Add(Line("copyright", Json(copyright, ScholarlyJson.PartInfo<Copyright>())));
        if (chapter.Metrics is { } metrics) lines.Add(Line("metrics", Json(metrics, ScholarlyJson.PartInfo<AccessMetrics>())));
        foreach (var note in chapter.Notes) lines.Add(Line("note", Json(note, ScholarlyJson.PartInfo<Note>())));
        foreach (var reference in chapter.References) lines.Add(Line("reference", Json(reference, ScholarlyJson.PartInfo<Reference>())));
        foreach (var offer in chapter.Offers) lines.Add(Line("offer", Json(offer, ScholarlyJson.PartInfo<Offer>())));
        foreach (var extra in chapter.ExtraFields)
        {
            if (EndnoteMapping.TryExtraTag(extra.Name, out _)) continue;
            lines.Add(IsPlainName(extra.Name) && IsPlain(extra.Value)
                ? Line("extra." + extra.Name, extra.Value)
                : Line("extra", Json(extra, ScholarlyJson.PartInfo<ExtraField>())));
        }
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>The parts read back from a <c>%Z</c> value, or null when it is not (wholly) our lines: then it stays an ordinary note.</summary>
    public static Parts? Read(string value)
    {
        var parts = new Parts();
        var any = false;
        foreach (var line in value.Split('\n'))
        {
            if (line.Length == 0) continue;
            if (!line.StartsWith(Prefix, StringComparison.Ordinal)) return null;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0) return null;
            var key = line[Prefix.Length..colon];
            var text = line[(colon + 2)..];
            if (!parts.Accept(key, text)) return null;
            any = true;
        }
        return any ? parts : null;
    }

    /// <summary>The parts of a chapter that the <c>%Z</c> lines carry.</summary>
    internal sealed class Parts
    {
        public readonly List<(string Name, int Ordinal, Orcid? Orcid, string? Affiliation)> People = [];
        public readonly List<Note> Notes = [];
        public readonly List<Reference> References = [];
        public readonly List<Offer> Offers = [];
        public readonly List<ExtraField> Extras = [];
        public Doi? BookDoi;
        public PartialDate? BookDate;
        public string? SeriesAbbreviation;
        public Copyright? Copyright;
        public AccessMetrics? Metrics;

        public bool Accept(string key, string text)
        {
            switch (key)
            {
                case "book-doi" when BookDoi is null && Doi.TryParse(text, out var doi):
                    BookDoi = doi;
                    return true;
                case "book-date" when BookDate is null && PartialDate.TryParse(text, out var date):
                    BookDate = date;
                    return true;
                case "series-abbreviation" when SeriesAbbreviation is null:
                    return (SeriesAbbreviation = Untext(text)) is not null;
                case "copyright" when Copyright is null:
                    return (Copyright = FromJson(text, ScholarlyJson.PartInfo<Copyright>())) is not null;
                case "metrics" when Metrics is null:
                    return (Metrics = FromJson(text, ScholarlyJson.PartInfo<AccessMetrics>())) is not null;
                case "note":
                    return AddJson(Notes, text, ScholarlyJson.PartInfo<Note>());
                case "reference":
                    return AddJson(References, text, ScholarlyJson.PartInfo<Reference>());
                case "offer":
                    return AddJson(Offers, text, ScholarlyJson.PartInfo<Offer>());
                case "extra":
                    return AddJson(Extras, text, ScholarlyJson.PartInfo<ExtraField>());
                default:
                    if (key.StartsWith("extra.", StringComparison.Ordinal) && key.Length > 6)
                    {
                        Extras.Add(new ExtraField { Name = key[6..], Value = text });
                        return true;
                    }
                    return AcceptPerson(key, text);
            }
        }

        // <role>.<n>.orcid or <role>.<n>.affiliation
        private bool AcceptPerson(string key, string text)
        {
            var pieces = key.Split('.');
            if (pieces.Length != 3 || !int.TryParse(pieces[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ordinal) || ordinal < 1) return false;
            if (Array.FindIndex(NameTags, t => t.Name == pieces[0]) < 0) return false;
            switch (pieces[2])
            {
                case "orcid" when Orcid.TryParse(text, out var orcid):
                    People.Add((pieces[0], ordinal, orcid, null));
                    return true;
                case "affiliation" when Untext(text) is { } affiliation:
                    People.Add((pieces[0], ordinal, null, affiliation));
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Puts the parts into the chapter read from the other fields; <paramref name="people"/> finds a contributor by role name and ordinal.</summary>
        public Chapter ApplyTo(Chapter chapter, Func<string, int, (bool OfBook, int Index)?> people)
        {
            var chapterContributors = chapter.Contributors.ToList();
            var bookContributors = chapter.Book?.Contributors.ToList() ?? [];
            foreach (var (name, ordinal, orcid, affiliation) in People)
            {
                if (people(name, ordinal) is not { } place) continue;
                var list = place.OfBook ? bookContributors : chapterContributors;
                var contributor = list[place.Index];
                list[place.Index] = orcid is { } id
                    ? contributor with { Orcid = id }
                    : contributor with { Affiliations = [.. contributor.Affiliations, affiliation!] };
            }

            var book = chapter.Book;
            if (BookDoi is not null || BookDate is not null || SeriesAbbreviation is not null || bookContributors.Count > 0)
            {
                book ??= new Book();
                var series = SeriesAbbreviation is null ? book.Series : (book.Series ?? new Series()) with { Abbreviation = SeriesAbbreviation };
                book = book with { Doi = BookDoi, PublicationDate = BookDate, Series = series, Contributors = bookContributors };
            }
            return chapter with
            {
                Contributors = chapterContributors,
                Book = book,
                Copyright = Copyright,
                Metrics = Metrics,
                Notes = Notes,
                References = References,
                Offers = Offers,
                ExtraFields = [.. chapter.ExtraFields, .. Extras],
            };
        }
    }

    private static string Line(string key, string value) => Prefix + key + ": " + value;

    // Text as it is when it reads back unchanged on one line; otherwise as a JSON string.
    private static string Text(string value) => IsPlain(value) ? value : JsonSerializer.Serialize(value, ScholarlyJson.PartInfo<string>());

    private static string? Untext(string text)
    {
        if (!text.StartsWith('"')) return text.Length == 0 ? null : text;
        return FromJson(text, ScholarlyJson.PartInfo<string>());
    }

    private static bool IsPlain(string value)
    {
        if (value.Length == 0 || value[0] is '"' or '{' || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) return false;
        foreach (var c in value)
        {
            if (char.IsControl(c)) return false;
        }
        return true;
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && !name.Contains(": ", StringComparison.Ordinal) && IsPlain(name) && !name.EndsWith(':');

    private static string Json<T>(T value, JsonTypeInfo<T> info) => JsonSerializer.Serialize(value, info);

    private static T? FromJson<T>(string text, JsonTypeInfo<T> info)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(text, info);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool AddJson<T>(List<T> list, string text, JsonTypeInfo<T> info)
        where T : class
    {
        if (FromJson(text, info) is not { } value) return false;
        list.Add(value);
        return true;
    }
}
