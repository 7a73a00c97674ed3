using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>Maps one CSL-JSON item (its UTF-8 bytes) to a <see cref="Chapter"/>; see docs/formats-csl.md.</summary>
internal sealed class CslJsonItemReader
{
    internal const string SubtitleKey = "subtitle";
    internal const string ContainerSubtitleKey = "container-subtitle";
    internal const string ExtraEscape = "extra:";

    // The member names the mapping switches on. NameOf returns these strings instead of a new one per member (about 25
    // per item, a few percent of a CSL-JSON read's allocations).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownNames = new[]
    {
        "type", "id", "title", "container-title", "DOI", "chapter-number", "edition", "collection-title", "collection-number",
        "publisher", "publisher-place", "language", "URL", "note", "abstract", "keyword", "author", "translator", "contributor",
        "container-author", "editor", "collection-editor", "issued", "page", "ISBN", "ISSN", "custom",
        "given", "family", "non-dropping-particle", "dropping-particle", "suffix", "literal",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly int _line;
    private readonly int _column;
    private readonly Action<Diagnostic> _report;
    private readonly List<ExtraField> _extras = [];
    private readonly List<Contributor> _chapterPeople = [];
    private readonly List<Contributor> _bookPeople = [];

    private CslJsonItemReader(ReadOnlyMemory<byte> bytes, int line, int column, Action<Diagnostic> report)
    {
        _bytes = bytes;
        _line = line;
        _column = column;
        _report = report;
    }

    /// <summary>
    /// The chapter the item describes, or null when it is skipped (the reason is reported). The item's nesting has been
    /// checked by whoever hands it on (the scanner against <see cref="CslJsonReadOptions.MaxDepth"/>), so it is parsed
    /// without a limit of its own.
    /// </summary>
    public static Chapter? Map(ReadOnlyMemory<byte> bytes, int line, int column, Action<Diagnostic> report)
    {
        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = Internal.JsonNesting.Unchecked });
        var reader = new CslJsonItemReader(bytes, line, column, report);
        if (JsonTextCheck.FindInvalid(document.RootElement) is { } invalid)
        {
            // Placed at the bad string (or the object with the bad name), not at the item's start.
            var place = new JsonLocator(document.RootElement, line, column).Locate(invalid.At);
            var diagnostic = DiagnosticCatalogue.Create(CslJsonCodes.MalformedJson,
                "The item holds text that is not valid Unicode at " + invalid.Path + " (bytes that are not UTF-8, or an escaped lone surrogate); it is skipped.", line, column);
            report(place is { } p ? diagnostic with { Line = p.Line, Column = p.Column, Path = p.Path } : diagnostic);
            return null;
        }
        return reader.Map(document.RootElement);
    }

    private Chapter? Map(JsonElement item)
    {
        var type = item.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        if (!string.Equals(type, "chapter", StringComparison.Ordinal))
        {
            var label = type is null ? "no type" : "type '" + type + "'";
            Report(CslJsonCodes.NotAChapter, "Item with " + label + " skipped: only 'chapter' items are chapters.", null);
            return null;
        }

        var p = new CslChapterParts();
        JsonElement? custom = null;

        foreach (var property in item.EnumerateObject())
        {
            var value = property.Value;
            switch (NameOf(property))
            {
                case "type":
                    break;
                case "id":
                    p.CitationKey = CitationKeys.Read(TextOrNumber(property));
                    break;
                case "title": p.Title = Text(property); break;
                case "container-title": p.ContainerTitle = Text(property); break;
                case "DOI":
                    var doiText = Text(property);
                    if (doiText is not null)
                    {
                        if (Doi.TryParse(doiText, out var parsedDoi)) p.Doi = parsedDoi;
                        else Keep(property, CslJsonCodes.InvalidDoi, "DOI '" + doiText + "' is not a valid DOI.");
                    }

                    break;
                case "chapter-number": p.Number = TextOrNumber(property); break;
                case "edition": p.Edition = TextOrNumber(property); break;
                case "collection-title": p.SeriesTitle = Text(property); break;
                case "collection-number": p.SeriesVolume = TextOrNumber(property); break;
                case "publisher": p.Publisher = Text(property); break;
                case "publisher-place": p.Place = Text(property); break;
                case "language": p.Language = Text(property); break;
                case "URL": p.Url = Text(property); break;
                case "note": p.Note = Text(property); break;
                case "abstract": p.Abstract = Text(property); break;
                case "keyword": p.Keywords = Text(property); break;
                case "author": Names(property, ContributorRole.Author, p.Authors); break;
                case "translator": Names(property, ContributorRole.Translator, p.Translators); break;
                case "contributor": Names(property, ContributorRole.Contributor, p.Contributors); break;
                case "container-author": Names(property, ContributorRole.Author, p.ContainerAuthors); break;
                case "editor": Names(property, ContributorRole.Editor, p.Editors); break;
                case "collection-editor": Names(property, ContributorRole.SeriesEditor, p.SeriesEditors); break;
                case "issued": p.Date = Issued(property); break;
                case "page":
                    var pageText = TextOrNumber(property);
                    if (pageText is not null)
                    {
                        if (PageRange.TryParse(pageText, out var range)) p.Pages = range;
                        else Keep(property, CslJsonCodes.InvalidPages, "Page '" + pageText + "' is not a page range.");
                    }

                    break;
                case "ISBN": Isbns(property, p.Isbns); break;
                case "ISSN": Issns(property, p.Issns); break;
                case "custom":
                    if (value.ValueKind == JsonValueKind.Object) custom = value;
                    else KeepRaw("csl:custom", value);
                    break;
                default:
                    KeepRaw("csl:" + property.Name, value);
                    break;
            }
        }

        if (custom is { } customObject)
        {
            foreach (var member in customObject.EnumerateObject())
            {
                var text = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null;
                if (!p.TryCustom(member.Name, text, _extras)) KeepRaw("csl:custom." + member.Name, member.Value);
            }
        }

        if (p.Title is null)
        {
            Report(CslJsonCodes.MissingTitle, "Chapter item has no title; skipped.", item.TryGetProperty("title", out _) ? "title" : null);
            return null;
        }

        return p.Build(_extras);
    }

    private string? Text(JsonProperty property)
    {
        if (property.Value.ValueKind == JsonValueKind.String) return property.Value.GetString();
        if (property.Value.ValueKind == JsonValueKind.Null) return null;
        Keep(property, CslJsonCodes.UnexpectedValue, "'" + property.Name + "' should be a string, not " + Kind(property.Value) + ".");
        return null;
    }

    private string? TextOrNumber(JsonProperty property)
    {
        if (property.Value.ValueKind == JsonValueKind.Number) return property.Value.GetRawText();
        if (property.Value.ValueKind == JsonValueKind.String) return property.Value.GetString();
        if (property.Value.ValueKind == JsonValueKind.Null) return null;
        Keep(property, CslJsonCodes.UnexpectedValue, "'" + property.Name + "' should be a string or a number, not " + Kind(property.Value) + ".");
        return null;
    }

    private void Names(JsonProperty property, ContributorRole role, List<Contributor> into)
    {
        var value = property.Value;
        if (value.ValueKind == JsonValueKind.Null) return;
        if (value.ValueKind != JsonValueKind.Array)
        {
            Keep(property, CslJsonCodes.UnexpectedValue, "'" + property.Name + "' should be an array of names, not " + Kind(value) + ".");
            return;
        }

        var keepRaw = false;
        foreach (var entry in value.EnumerateArray())
        {
            var name = ReadName(entry, out var complete);
            keepRaw |= !complete;
            if (name is null)
            {
                Report(CslJsonCodes.InvalidName, "An entry of '" + property.Name + "' is not a name object with a name part; it is dropped.", property.Name);
                continue;
            }

            into.Add(new Contributor { Name = name, Role = role });
        }

        if (keepRaw) KeepRaw("csl:" + property.Name, value);
    }

    // The member's name: one of KnownNames when it is one (an ASCII name without escapes), else JsonProperty.Name.
    private static string NameOf(JsonProperty property)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= 32 && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> chars = stackalloc char[32];
            if (Ascii.ToUtf16(raw, chars, out var written) == OperationStatus.Done && KnownNames.TryGetValue(chars[..written], out var known))
            {
                return known;
            }
        }

        return property.Name;
    }

    // complete: every member of the entry was carried into the PersonName.
    private static PersonName? ReadName(JsonElement entry, out bool complete)
    {
        complete = false;
        if (entry.ValueKind != JsonValueKind.Object) return null;
        complete = true;
        string? given = null, family = null, particle = null, dropping = null, suffix = null, literal = null;
        foreach (var part in entry.EnumerateObject())
        {
            if (part.Value.ValueKind != JsonValueKind.String)
            {
                complete = false;
                continue;
            }

            var text = part.Value.GetString();
            switch (NameOf(part))
            {
                case "given": given = text; break;
                case "family": family = text; break;
                case "non-dropping-particle": particle = text; break;
                case "dropping-particle": dropping = text; break;
                case "suffix": suffix = text; break;
                case "literal": literal = text; break;
                default: complete = false; break;
            }
        }

        if (dropping is not null)
        {
            complete &= particle is null;
            particle = particle is null ? dropping : dropping + " " + particle;
        }

        if (given is null && family is null && literal is null && particle is null && suffix is null) return null;
        return new PersonName { Given = given, Family = family, Particle = particle, Suffix = suffix, Literal = literal };
    }

    private PartialDate? Issued(JsonProperty property)
    {
        var value = property.Value;
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (!PartialDate.TryFromCslDateParts(value, out var date, out var range))
        {
            Keep(property, CslJsonCodes.InvalidDate, "'issued' is not a valid CSL date.");
            return null;
        }

        // What the model cannot hold (an interval's end, circa, a literal) survives as the raw value.
        if (range is not null || value.TryGetProperty("circa", out _) || value.TryGetProperty("literal", out _)) KeepRaw("csl:issued", value);
        return date;
    }

    private void Isbns(JsonProperty property, List<BookIsbn> into)
    {
        var text = Text(property);
        if (text is null) return;
        if (!CslChapterParts.ParseIsbns(text, into)) Keep(property, CslJsonCodes.InvalidIsbn, "'ISBN' holds text that is not a valid ISBN: '" + text + "'.");
    }

    private void Issns(JsonProperty property, List<SeriesIssn> into)
    {
        var text = Text(property);
        if (text is null) return;
        if (!CslChapterParts.ParseIssns(text, into)) Keep(property, CslJsonCodes.InvalidIssn, "'ISSN' holds text that is not a valid ISSN: '" + text + "'.");
    }

    private void Keep(JsonProperty property, string code, string message)
    {
        Report(code, message, property.Name);
        KeepRaw("csl:" + property.Name, property.Value);
    }

    private void KeepRaw(string name, JsonElement value) => _extras.Add(new ExtraField { Name = name, Value = value.GetRawText() });

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private void Report(string code, string message, string? propertyName)
    {
        var (line, column) = propertyName is null ? (_line, _column) : Locate(propertyName);
        var path = propertyName is null ? "" : Validation.JsonPointerText.Append("", propertyName);
        _report(DiagnosticCatalogue.Create(code, message, line, column) with { Path = path });
    }

    // The position of a top-level property name of this item (first occurrence), or the item's own position.
    private (int Line, int Column) Locate(string propertyName)
    {
        var span = _bytes.Span;
        var reader = new Utf8JsonReader(span);
        var offset = -1;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(propertyName))
            {
                offset = (int)reader.TokenStartIndex;
                break;
            }

            if (reader.CurrentDepth >= 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
        }

        if (offset < 0) return (_line, _column);
        var line = _line;
        var column = _column;
        foreach (var b in span[..offset])
        {
            if (b == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }
}

/// <summary>JSON string literals for short values, without reflection.</summary>
internal static class JsonSerializerText
{
    public static string Quote(string value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStringValue(value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
