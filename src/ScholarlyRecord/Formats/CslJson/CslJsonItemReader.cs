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

        string? title = null, containerTitle = null, doiText = null, number = null, language = null, url = null, note = null, abstractText = null, keywords = null;
        string? citationKey = null;
        string? edition = null, seriesTitle = null, seriesVolume = null, publisher = null, place = null;
        JsonElement? custom = null;
        PartialDate? date = null;
        PageRange? pages = null;
        Doi? doi = null;
        var isbns = new List<BookIsbn>();
        var issns = new List<SeriesIssn>();
        var authors = new List<Contributor>();
        var translators = new List<Contributor>();
        var contributors = new List<Contributor>();
        var containerAuthors = new List<Contributor>();
        var editors = new List<Contributor>();
        var seriesEditors = new List<Contributor>();

        foreach (var property in item.EnumerateObject())
        {
            var value = property.Value;
            switch (NameOf(property))
            {
                case "type":
                    break;
                case "id":
                    citationKey = CitationKeys.Read(TextOrNumber(property));
                    break;
                case "title": title = Text(property); break;
                case "container-title": containerTitle = Text(property); break;
                case "DOI":
                    doiText = Text(property);
                    if (doiText is not null)
                    {
                        if (Doi.TryParse(doiText, out var parsedDoi)) doi = parsedDoi;
                        else Keep(property, CslJsonCodes.InvalidDoi, "DOI '" + doiText + "' is not a valid DOI.");
                    }

                    break;
                case "chapter-number": number = TextOrNumber(property); break;
                case "edition": edition = TextOrNumber(property); break;
                case "collection-title": seriesTitle = Text(property); break;
                case "collection-number": seriesVolume = TextOrNumber(property); break;
                case "publisher": publisher = Text(property); break;
                case "publisher-place": place = Text(property); break;
                case "language": language = Text(property); break;
                case "URL": url = Text(property); break;
                case "note": note = Text(property); break;
                case "abstract": abstractText = Text(property); break;
                case "keyword": keywords = Text(property); break;
                case "author": Names(property, ContributorRole.Author, authors); break;
                case "translator": Names(property, ContributorRole.Translator, translators); break;
                case "contributor": Names(property, ContributorRole.Contributor, contributors); break;
                case "container-author": Names(property, ContributorRole.Author, containerAuthors); break;
                case "editor": Names(property, ContributorRole.Editor, editors); break;
                case "collection-editor": Names(property, ContributorRole.SeriesEditor, seriesEditors); break;
                case "issued": date = Issued(property); break;
                case "page":
                    var pageText = TextOrNumber(property);
                    if (pageText is not null)
                    {
                        if (PageRange.TryParse(pageText, out var range)) pages = range;
                        else Keep(property, CslJsonCodes.InvalidPages, "Page '" + pageText + "' is not a page range.");
                    }

                    break;
                case "ISBN": Isbns(property, isbns); break;
                case "ISSN": Issns(property, issns); break;
                case "custom":
                    if (value.ValueKind == JsonValueKind.Object) custom = value;
                    else KeepRaw("csl:custom", value);
                    break;
                default:
                    KeepRaw("csl:" + property.Name, value);
                    break;
            }
        }

        string? subtitle = null, containerSubtitle = null;
        if (custom is { } customObject)
        {
            foreach (var member in customObject.EnumerateObject())
            {
                if (member.Name == SubtitleKey && title is not null && TrySplit(title, member.Value, false, out var main, out var sub))
                {
                    title = main!;
                    subtitle = sub;
                }
                else if (member.Name == ContainerSubtitleKey && containerTitle is not null && TrySplit(containerTitle, member.Value, true, out var bookMain, out var bookSub))
                {
                    containerTitle = bookMain;
                    containerSubtitle = bookSub;
                }
                else if (member.Name.Contains(':', StringComparison.Ordinal) && member.Value.ValueKind == JsonValueKind.String)
                {
                    var name = member.Name.StartsWith(ExtraEscape, StringComparison.Ordinal) ? member.Name[ExtraEscape.Length..] : member.Name;
                    _extras.Add(new ExtraField { Name = name, Value = member.Value.GetString()! });
                }
                else
                {
                    KeepRaw("csl:custom." + member.Name, member.Value);
                }
            }
        }

        if (title is null)
        {
            Report(CslJsonCodes.MissingTitle, "Chapter item has no title; skipped.", item.TryGetProperty("title", out _) ? "title" : null);
            return null;
        }

        Publisher? publisherRecord = null;
        if (publisher is not null) publisherRecord = new Publisher { Name = publisher, Location = place };
        else if (place is not null) _extras.Add(new ExtraField { Name = "csl:publisher-place", Value = JsonText(place) });

        Series? series = seriesTitle is null && seriesVolume is null && issns.Count == 0
            ? null
            : new Series { Title = seriesTitle, Volume = seriesVolume, Issns = issns };

        var bookContributors = new List<Contributor>(containerAuthors.Count + editors.Count + seriesEditors.Count);
        bookContributors.AddRange(containerAuthors);
        bookContributors.AddRange(editors);
        bookContributors.AddRange(seriesEditors);
        Book? book = containerTitle is null && containerSubtitle is null && bookContributors.Count == 0 && isbns.Count == 0 && edition is null && series is null && publisherRecord is null
            ? null
            : new Book
            {
                Title = containerTitle, Subtitle = containerSubtitle, Contributors = bookContributors, Isbns = isbns,
                Edition = edition, Series = series, Publisher = publisherRecord,
            };

        var chapterContributors = new List<Contributor>(authors.Count + translators.Count + contributors.Count);
        chapterContributors.AddRange(authors);
        chapterContributors.AddRange(translators);
        chapterContributors.AddRange(contributors);

        return new Chapter
        {
            CitationKey = citationKey,
            Title = title,
            Subtitle = subtitle,
            Doi = doi,
            Number = number,
            Contributors = chapterContributors,
            Book = book,
            PublicationDate = date,
            Pages = pages,
            Language = language,
            Abstract = SplitLines(abstractText),
            Keywords = SplitKeywords(keywords),
            Notes = note is null ? [] : [new Note { Text = note }],
            Url = url,
            ExtraFields = _extras,
        };
    }

    // "Main: Sub" with the custom member naming "Sub" splits; the title equal to the subtitle means no main title.
    private static bool TrySplit(string full, JsonElement subtitleElement, bool mainOptional, out string? main, out string sub)
    {
        main = null;
        sub = "";
        if (subtitleElement.ValueKind != JsonValueKind.String) return false;
        sub = subtitleElement.GetString()!;
        if (mainOptional && string.Equals(full, sub, StringComparison.Ordinal)) return true;
        if (full.Length >= sub.Length + 2 && full.EndsWith(sub, StringComparison.Ordinal) && full.AsSpan(full.Length - sub.Length - 2, 2).SequenceEqual(": "))
        {
            main = full[..^(sub.Length + 2)];
            return true;
        }

        return false;
    }

    private static List<string> SplitLines(string? text)
    {
        if (text is null) return [];
        var list = new List<string>();
        foreach (var range in text.AsSpan().SplitAny('\n', '\r'))
        {
            var part = text.AsSpan(range).Trim();
            if (!part.IsEmpty) list.Add(part.ToString());
        }

        return list;
    }

    private static List<string> SplitKeywords(string? text)
    {
        if (text is null) return [];
        var list = new List<string>();
        foreach (var range in text.AsSpan().SplitAny(',', ';'))
        {
            var part = text.AsSpan(range).Trim();
            if (!part.IsEmpty) list.Add(part.ToString());
        }

        return list;
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
        var bad = false;
        foreach (var range in text.AsSpan().SplitAny(',', ';'))
        {
            var part = text.AsSpan(range).Trim();
            if (part.IsEmpty) continue;
            if (Isbn.TryParse(part, out var whole))
            {
                into.Add(new BookIsbn { Value = whole });
                continue;
            }

            foreach (var wordRange in part.SplitAny(' ', '\t', '\n', '\r'))
            {
                var word = part[wordRange];
                if (word.IsEmpty) continue;
                if (Isbn.TryParse(word, out var isbn)) into.Add(new BookIsbn { Value = isbn });
                else bad = true;
            }
        }

        if (bad) Keep(property, CslJsonCodes.InvalidIsbn, "'ISBN' holds text that is not a valid ISBN: '" + text + "'.");
    }

    private void Issns(JsonProperty property, List<SeriesIssn> into)
    {
        var text = Text(property);
        if (text is null) return;
        var bad = false;
        foreach (var range in text.AsSpan().SplitAny(',', ';', ' '))
        {
            var part = text.AsSpan(range).Trim();
            if (part.IsEmpty) continue;
            if (Issn.TryParse(part, out var issn)) into.Add(new SeriesIssn { Value = issn });
            else bad = true;
        }

        if (bad) Keep(property, CslJsonCodes.InvalidIssn, "'ISSN' holds text that is not a valid ISSN: '" + text + "'.");
    }

    private void Keep(JsonProperty property, string code, string message)
    {
        Report(code, message, property.Name);
        KeepRaw("csl:" + property.Name, property.Value);
    }

    private void KeepRaw(string name, JsonElement value) => _extras.Add(new ExtraField { Name = name, Value = value.GetRawText() });

    private static string JsonText(string value) => JsonSerializerText.Quote(value);

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
