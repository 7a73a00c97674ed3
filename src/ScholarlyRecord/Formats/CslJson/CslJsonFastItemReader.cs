using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Maps one CSL-JSON item straight from its tokens (a <see cref="Utf8JsonReader"/> over the item's UTF-8 bytes) to a
/// <see cref="Chapter"/>, with no document in between: member names are matched as UTF-8 bytes, each string value is
/// unescaped once, and the lists are reused from item to item. It reads only items that need no diagnostic; at anything
/// that would give one, or that it does not read itself (a duplicate member, an escaped member name, an escaped
/// surrogate, a date with a season, a range or a literal, a name the model cannot hold whole, an item that is not a
/// chapter), it gives up and the caller maps the item with <see cref="CslJsonItemReader"/>, which reports. Both build
/// the chapter with <see cref="CslChapterParts"/>, so they give the same chapter for the items this one reads.
/// </summary>
internal sealed class CslJsonFastItemReader
{
    // The scanner has checked the item's syntax and its nesting against CslJsonReadOptions.MaxDepth.
    private static readonly JsonReaderOptions Options = new() { MaxDepth = Internal.JsonNesting.Unchecked };

    private enum Member
    {
        Unknown,
        Type,
        Id,
        Title,
        ContainerTitle,
        Doi,
        ChapterNumber,
        Edition,
        CollectionTitle,
        CollectionNumber,
        Publisher,
        PublisherPlace,
        Language,
        Url,
        Note,
        Abstract,
        Keyword,
        Author,
        Translator,
        Contributor,
        ContainerAuthor,
        Editor,
        CollectionEditor,
        Issued,
        Page,
        Isbn,
        Issn,
        Custom,
    }

    private enum NamePart
    {
        Unknown,
        Given,
        Family,
        Particle,
        DroppingParticle,
        Suffix,
        Literal,
    }

    private readonly CslChapterParts _parts = new();
    private readonly List<ExtraField> _extras = [];
    private readonly List<(string Name, string? Text, int Start, int End)> _custom = [];

    /// <summary>The chapter of an item that needs no diagnostic; false when the item must be mapped by <see cref="CslJsonItemReader"/>.</summary>
    public bool TryMap(ReadOnlySpan<byte> item, out Chapter? chapter)
    {
        chapter = null;
        var reader = new Utf8JsonReader(item, Options);
        try
        {
            if (!reader.Read()) return false;
        }
        catch (JsonException)
        {
            return false;
        }

        return TryRead(ref reader, item, int.MaxValue, out chapter);
    }

    /// <summary>
    /// As <see cref="TryMap"/>, reading on from <paramref name="reader"/>, which is on the item's start in
    /// <paramref name="input"/> (the span the reader reads): true leaves it on the item's end. False when the item must
    /// be read otherwise, also when it does not end in the data the reader has, when it holds a syntax error, or when
    /// it nests as deep as <paramref name="maxDepth"/>; the caller then goes back to its copy of the reader.
    /// </summary>
    public bool TryRead(ref Utf8JsonReader reader, ReadOnlySpan<byte> input, int maxDepth, out Chapter? chapter)
    {
        chapter = null;
        // The deepest container read here is a date's parts array, three levels inside the item.
        if (reader.TokenType != JsonTokenType.StartObject || reader.CurrentDepth + 3 >= maxDepth) return false;
        var start = (int)reader.TokenStartIndex;
        var depth = reader.CurrentDepth;
        _parts.Clear();
        _extras.Clear();
        _custom.Clear();
        try
        {
            if (!ReadItem(ref reader, input, maxDepth)) return false;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // A syntax error (the caller's reader reports it) or text that is not valid (the careful reader reports it).
            return false;
        }

        // Every loop below ends when the data does: only the item's own end proves that it was read whole.
        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != depth) return false;
        var item = input[start..(int)reader.BytesConsumed];
        if (!IsPlainText(item)) return false;
        foreach (var (name, text, from, to) in _custom)
        {
            if (!_parts.TryCustom(name, text, _extras)) _extras.Add(new ExtraField { Name = "csl:custom." + name, Value = Encoding.UTF8.GetString(input[from..to]) });
        }

        chapter = _parts.Build(_extras);
        return true;
    }

    // Valid UTF-8 with no escaped surrogate (a lone one is reported by the careful reader; a pair is rare enough to leave to it).
    private static bool IsPlainText(ReadOnlySpan<byte> item)
    {
        if (!Utf8.IsValid(item)) return false;
        var rest = item;
        for (var i = rest.IndexOf("\\u"u8); i >= 0; i = rest.IndexOf("\\u"u8))
        {
            if (i + 3 < rest.Length && rest[i + 2] is (byte)'d' or (byte)'D' && rest[i + 3] is (>= (byte)'8' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F'))
            {
                return false;
            }

            rest = rest[(i + 2)..];
        }

        return true;
    }

    private bool ReadItem(ref Utf8JsonReader reader, ReadOnlySpan<byte> input, int maxDepth)
    {
        var p = _parts;
        var seen = 0UL;
        var chapter = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped) return false;
            var name = reader.ValueSpan;
            var member = Classify(name);
            if (member != Member.Unknown)
            {
                var bit = 1UL << (int)member;
                if ((seen & bit) != 0) return false;
                seen |= bit;
            }

            if (!reader.Read()) return false;
            string? text;
            switch (member)
            {
                case Member.Type:
                    if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("chapter"u8)) return false;
                    chapter = true;
                    break;
                case Member.Id:
                    if (!TextOrNumber(ref reader, out text)) return false;
                    p.CitationKey = CitationKeys.Read(text);
                    break;
                case Member.Title:
                    if (!Text(ref reader, out p.Title)) return false;
                    break;
                case Member.ContainerTitle:
                    if (!Text(ref reader, out p.ContainerTitle)) return false;
                    break;
                case Member.Doi:
                    if (!Text(ref reader, out text)) return false;
                    if (text is not null)
                    {
                        if (!Doi.TryParse(text, out var doi)) return false;
                        p.Doi = doi;
                    }

                    break;
                case Member.ChapterNumber:
                    if (!TextOrNumber(ref reader, out p.Number)) return false;
                    break;
                case Member.Edition:
                    if (!TextOrNumber(ref reader, out p.Edition)) return false;
                    break;
                case Member.CollectionTitle:
                    if (!Text(ref reader, out p.SeriesTitle)) return false;
                    break;
                case Member.CollectionNumber:
                    if (!TextOrNumber(ref reader, out p.SeriesVolume)) return false;
                    break;
                case Member.Publisher:
                    if (!Text(ref reader, out p.Publisher)) return false;
                    break;
                case Member.PublisherPlace:
                    if (!Text(ref reader, out p.Place)) return false;
                    break;
                case Member.Language:
                    if (!Text(ref reader, out p.Language)) return false;
                    break;
                case Member.Url:
                    if (!Text(ref reader, out p.Url)) return false;
                    break;
                case Member.Note:
                    if (!Text(ref reader, out p.Note)) return false;
                    break;
                case Member.Abstract:
                    if (!Text(ref reader, out p.Abstract)) return false;
                    break;
                case Member.Keyword:
                    if (!Text(ref reader, out p.Keywords)) return false;
                    break;
                case Member.Author:
                    if (!Names(ref reader, ContributorRole.Author, p.Authors)) return false;
                    break;
                case Member.Translator:
                    if (!Names(ref reader, ContributorRole.Translator, p.Translators)) return false;
                    break;
                case Member.Contributor:
                    if (!Names(ref reader, ContributorRole.Contributor, p.Contributors)) return false;
                    break;
                case Member.ContainerAuthor:
                    if (!Names(ref reader, ContributorRole.Author, p.ContainerAuthors)) return false;
                    break;
                case Member.Editor:
                    if (!Names(ref reader, ContributorRole.Editor, p.Editors)) return false;
                    break;
                case Member.CollectionEditor:
                    if (!Names(ref reader, ContributorRole.SeriesEditor, p.SeriesEditors)) return false;
                    break;
                case Member.Issued:
                    if (!Issued(ref reader, out p.Date)) return false;
                    break;
                case Member.Page:
                    if (!TextOrNumber(ref reader, out text)) return false;
                    if (text is not null)
                    {
                        if (!PageRange.TryParse(text, out var pages)) return false;
                        p.Pages = pages;
                    }

                    break;
                case Member.Isbn:
                    if (!Text(ref reader, out text)) return false;
                    if (text is not null && !CslChapterParts.ParseIsbns(text, p.Isbns)) return false;
                    break;
                case Member.Issn:
                    if (!Text(ref reader, out text)) return false;
                    if (text is not null && !CslChapterParts.ParseIssns(text, p.Issns)) return false;
                    break;
                case Member.Custom:
                    if (!Custom(ref reader, maxDepth)) return false;
                    break;
                default:
                    // Kept as written, as the careful reader keeps it (JsonElement.GetRawText is the same slice).
                    var key = "csl:" + Encoding.UTF8.GetString(name);
                    var start = (int)reader.TokenStartIndex;
                    if (!Skip(ref reader, maxDepth)) return false;
                    _extras.Add(new ExtraField { Name = key, Value = Encoding.UTF8.GetString(input[start..(int)reader.BytesConsumed]) });
                    break;
            }
        }

        return chapter && p.Title is not null && reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool Text(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            text = reader.GetString();
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    private static bool TextOrNumber(ref Utf8JsonReader reader, out string? text)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            text = Encoding.UTF8.GetString(reader.ValueSpan);
            return true;
        }

        return Text(ref reader, out text);
    }

    private static bool Names(ref Utf8JsonReader reader, ContributorRole role, List<Contributor> into)
    {
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) return false;
            string? given = null, family = null, particle = null, dropping = null, suffix = null, literal = null;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueIsEscaped) return false;
                var part = ClassifyPart(reader.ValueSpan);
                if (part == NamePart.Unknown || (seen & (1 << (int)part)) != 0) return false;
                seen |= 1 << (int)part;
                if (!reader.Read()) return false;
                if (reader.TokenType != JsonTokenType.String) return false;
                var text = reader.GetString();
                switch (part)
                {
                    case NamePart.Given: given = text; break;
                    case NamePart.Family: family = text; break;
                    case NamePart.Particle: particle = text; break;
                    case NamePart.DroppingParticle: dropping = text; break;
                    case NamePart.Suffix: suffix = text; break;
                    default: literal = text; break;
                }
            }

            // Both particles, or no part at all: the careful reader keeps the raw value or reports the entry.
            if (dropping is not null && particle is not null) return false;
            particle ??= dropping;
            if (given is null && family is null && literal is null && particle is null && suffix is null) return false;
            into.Add(new Contributor { Name = new PersonName { Given = given, Family = family, Particle = particle, Suffix = suffix, Literal = literal }, Role = role });
        }

        return true;
    }

    // Only {"date-parts": [[year, month?, day?]]} with integer parts, no zero, no season month; anything else is the careful reader's.
    private static bool Issued(ref Utf8JsonReader reader, out PartialDate? date)
    {
        date = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("date-parts"u8)) return false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return false;
        Span<int> parts = stackalloc int[3];
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
        {
            if (count == 3 || !reader.TryGetInt32(out parts[count])) return false;
            count++;
        }

        if (count == 0 || reader.TokenType != JsonTokenType.EndArray) return false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray) return false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject) return false;
        int? month = count > 1 && parts[1] != 0 ? parts[1] : null;
        int? day = count > 2 && parts[2] != 0 ? parts[2] : null;
        if (month is >= 13) return false;
        if (!PartialDate.TryCreate(parts[0], month, day, out var value)) return false;
        date = value;
        return true;
    }

    // The custom object's members, taken once the titles are known (as the careful reader does).
    private bool Custom(ref Utf8JsonReader reader, int maxDepth)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped) return false;
            var name = Encoding.UTF8.GetString(reader.ValueSpan);
            if (!reader.Read()) return false;
            var start = (int)reader.TokenStartIndex;
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (!Skip(ref reader, maxDepth)) return false;
            _custom.Add((name, text, start, (int)reader.BytesConsumed));
        }

        return true;
    }

    // Past the value the reader is on (to its last token); false when the data ends first or an array or object in it
    // nests as deep as the limit (the caller's checked pass reports that).
    private static bool Skip(ref Utf8JsonReader reader, int maxDepth)
    {
        if (reader.TokenType == JsonTokenType.PropertyName) return false;
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return true;
        var depth = reader.CurrentDepth;
        if (depth >= maxDepth) return false;
        while (reader.Read())
        {
            if (Internal.JsonNesting.OpensTooDeep(in reader, maxDepth)) return false;
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == depth) return true;
        }

        return false;
    }

    private static Member Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => Member.Id,
        3 when name.SequenceEqual("DOI"u8) => Member.Doi,
        3 when name.SequenceEqual("URL"u8) => Member.Url,
        4 when name.SequenceEqual("type"u8) => Member.Type,
        4 when name.SequenceEqual("page"u8) => Member.Page,
        4 when name.SequenceEqual("ISBN"u8) => Member.Isbn,
        4 when name.SequenceEqual("ISSN"u8) => Member.Issn,
        4 when name.SequenceEqual("note"u8) => Member.Note,
        5 when name.SequenceEqual("title"u8) => Member.Title,
        6 when name.SequenceEqual("author"u8) => Member.Author,
        6 when name.SequenceEqual("editor"u8) => Member.Editor,
        6 when name.SequenceEqual("issued"u8) => Member.Issued,
        6 when name.SequenceEqual("custom"u8) => Member.Custom,
        7 when name.SequenceEqual("edition"u8) => Member.Edition,
        7 when name.SequenceEqual("keyword"u8) => Member.Keyword,
        8 when name.SequenceEqual("language"u8) => Member.Language,
        8 when name.SequenceEqual("abstract"u8) => Member.Abstract,
        9 when name.SequenceEqual("publisher"u8) => Member.Publisher,
        10 when name.SequenceEqual("translator"u8) => Member.Translator,
        11 when name.SequenceEqual("contributor"u8) => Member.Contributor,
        14 when name.SequenceEqual("chapter-number"u8) => Member.ChapterNumber,
        15 when name.SequenceEqual("container-title"u8) => Member.ContainerTitle,
        15 when name.SequenceEqual("publisher-place"u8) => Member.PublisherPlace,
        16 when name.SequenceEqual("collection-title"u8) => Member.CollectionTitle,
        16 when name.SequenceEqual("container-author"u8) => Member.ContainerAuthor,
        17 when name.SequenceEqual("collection-number"u8) => Member.CollectionNumber,
        17 when name.SequenceEqual("collection-editor"u8) => Member.CollectionEditor,
        _ => Member.Unknown,
    };

    private static NamePart ClassifyPart(ReadOnlySpan<byte> name) => name.Length switch
    {
        5 when name.SequenceEqual("given"u8) => NamePart.Given,
        6 when name.SequenceEqual("family"u8) => NamePart.Family,
        6 when name.SequenceEqual("suffix"u8) => NamePart.Suffix,
        7 when name.SequenceEqual("literal"u8) => NamePart.Literal,
        17 when name.SequenceEqual("dropping-particle"u8) => NamePart.DroppingParticle,
        21 when name.SequenceEqual("non-dropping-particle"u8) => NamePart.Particle,
        _ => NamePart.Unknown,
    };
}
