using System.Text;
using System.Text.Json;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Reads Crossref REST API works (<c>/works/{doi}</c> responses, <c>/works?…</c> lists, or a bare work object) into
/// chapters. Only works of type <c>book-chapter</c> become <see cref="Chapter"/>s; every other work is reported as
/// skipped (<see cref="CrossrefCodes.NotAChapter"/>), never dropped silently. docs/formats-crossref.md has the mapping.
/// </summary>
/// <remarks>
/// The reader never throws on bad input: problems are diagnostics with a code from <see cref="CrossrefCodes"/> and the
/// 1-based line and column where the work starts. One bad work in a list never costs the others. The whole input is
/// held in memory (a Crossref response is one work, or a page of at most 1,000 works); each work is parsed on its own.
/// Crossref is read-only here: <see cref="Format"/> reports <see cref="IRecordFormat.CanWrite"/> false.
/// </remarks>
public static class Crossref
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>The Crossref format as an <see cref="IRecordFormat"/> (name <c>crossref</c>, extension <c>.json</c>, read only).</summary>
    public static IRecordFormat Format { get; } = new CrossrefFormat();

    /// <summary>Reads a Crossref work, work list or bare work object.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The book chapters found and the diagnostics.</returns>
    public static ReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var span = json.AsSpan();
        if (span.Length > 0 && span[0] == '\uFEFF') span = span[1..];
        var bytes = new byte[Encoding.UTF8.GetByteCount(span)];
        Encoding.UTF8.GetBytes(span, bytes);
        return ReadUtf8(bytes);
    }

    /// <summary>Reads a Crossref work, work list or bare work object from a text reader (read to its end).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The book chapters found and the diagnostics.</returns>
    public static ReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(reader.ReadToEnd());
    }

    /// <summary>Reads a Crossref work, work list or bare work object from UTF-8 bytes (a BOM is skipped).</summary>
    /// <param name="stream">The stream, read to its end and not closed.</param>
    /// <returns>The book chapters found and the diagnostics.</returns>
    public static ReadResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return ReadUtf8(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>Reads a Crossref work, work list or bare work object from UTF-8 bytes (a BOM is skipped).</summary>
    /// <param name="stream">The stream, read to its end and not closed.</param>
    /// <param name="cancellationToken">Cancels reading the stream.</param>
    /// <returns>The book chapters found and the diagnostics.</returns>
    public static async Task<ReadResult> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return ReadUtf8(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>Reads UTF-8 JSON; the entry point every overload and the client share.</summary>
    internal static ReadResult ReadUtf8(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        var diagnostics = new List<Diagnostic>();
        var chapters = new List<Chapter>();
        var works = new List<(int Start, int Length)>();
        if (!TryLocateWorks(utf8.Span, works, diagnostics)) return new ReadResult(chapters, diagnostics);

        foreach (var (start, length) in works)
        {
            var (line, column) = LineAndColumn(utf8.Span, start);
            using var document = JsonDocument.Parse(utf8.Slice(start, length), DocumentOptions);
            var work = document.RootElement;
            if (work.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, CrossrefCodes.WorkNotAnObject,
                    $"A work list item is a JSON {Describe(work.ValueKind)}, not an object; it was skipped.", line, column));
                continue;
            }

            if (JsonTextCheck.FindInvalidText(work) is { } path)
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, CrossrefCodes.MalformedJson,
                    $"The work holds text that is not valid Unicode at {path} (bytes that are not UTF-8, or an escaped lone surrogate); it was skipped.", line, column));
                continue;
            }

            var chapter = new CrossrefWorkMapper(work, line, column, diagnostics).Map();
            if (chapter is not null) chapters.Add(chapter);
        }

        return new ReadResult(chapters, diagnostics);
    }

    // Finds the byte span of every work: the envelope's message (work), each of its items (work-list), or the root
    // (a bare work). Returns false, with an error diagnostic, when the input is not JSON or not a work.
    private static bool TryLocateWorks(ReadOnlySpan<byte> json, List<(int Start, int Length)> works, List<Diagnostic> diagnostics)
    {
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read())
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, CrossrefCodes.MalformedJson, "The input holds no JSON value.", 1, 1));
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                diagnostics.Add(NotAWork($"The JSON is a {Describe(reader.TokenType)}, not a Crossref work object.", 1, 1));
                return false;
            }

            string? messageType = null;
            int messageStart = -1, messageLength = 0;
            var messageKind = JsonTokenType.None;
            var looksLikeWork = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // A name that is not valid text (not UTF-8, an escaped lone surrogate) is none of the names looked for;
                // comparing it would throw. A work holding one is reported when the work is read.
                var validName = JsonTextCheck.IsValidUtf8JsonText(reader.ValueSpan);
                var isMessageType = validName && reader.ValueTextEquals("message-type"u8);
                var isMessage = validName && reader.ValueTextEquals("message"u8);
                // Crossref's own spellings: an OpenAlex or CSL-JSON object (lower-case "doi") is not taken for a work.
                looksLikeWork |= validName && (reader.ValueTextEquals("DOI"u8) || reader.ValueTextEquals("container-title"u8));
                reader.Read();
                if (isMessageType && reader.TokenType == JsonTokenType.String)
                {
                    if (!JsonTextCheck.IsValidUtf8JsonText(reader.ValueSpan))
                    {
                        var (typeLine, typeColumn) = LineAndColumn(json, (int)reader.TokenStartIndex);
                        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, CrossrefCodes.MalformedJson,
                            "The response's message-type is not valid Unicode (bytes that are not UTF-8, or an escaped lone surrogate).", typeLine, typeColumn));
                        return false;
                    }
                    messageType = reader.GetString();
                }
                else if (isMessage)
                {
                    messageStart = (int)reader.TokenStartIndex;
                    messageKind = reader.TokenType;
                    reader.Skip();
                    messageLength = (int)reader.BytesConsumed - messageStart;
                }
                else
                {
                    reader.Skip();
                }
            }

            // Anything after the root object is an error the reader reports here.
            while (reader.Read()) { }

            if (messageStart < 0)
            {
                if (messageType is null && looksLikeWork)
                {
                    works.Add((0, json.Length));
                    return true;
                }

                diagnostics.Add(NotAWork("The JSON object is neither a Crossref response (no \"message\") nor a Crossref work (no \"DOI\" or \"container-title\").", 1, 1));
                return false;
            }

            var (line, column) = LineAndColumn(json, messageStart);
            if (string.Equals(messageType, "work-list", StringComparison.Ordinal))
            {
                return TryLocateItems(json, messageStart, messageLength, messageKind, works, diagnostics);
            }

            if (messageType is not null && !string.Equals(messageType, "work", StringComparison.Ordinal))
            {
                diagnostics.Add(NotAWork($"The response's message-type is \"{messageType}\", not \"work\" or \"work-list\".", line, column));
                return false;
            }

            if (messageKind != JsonTokenType.StartObject)
            {
                diagnostics.Add(NotAWork($"The response's message is a {Describe(messageKind)}, not a work object.", line, column));
                return false;
            }

            works.Add((messageStart, messageLength));
            return true;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, CrossrefCodes.MalformedJson, $"The input is not well-formed JSON: {ex.Message}", line, column));
            return false;
        }
    }

    private static bool TryLocateItems(ReadOnlySpan<byte> json, int messageStart, int messageLength, JsonTokenType messageKind, List<(int Start, int Length)> works, List<Diagnostic> diagnostics)
    {
        var (line, column) = LineAndColumn(json, messageStart);
        if (messageKind != JsonTokenType.StartObject)
        {
            diagnostics.Add(NotAWork($"The work list's message is a {Describe(messageKind)}, not an object.", line, column));
            return false;
        }

        var reader = new Utf8JsonReader(json.Slice(messageStart, messageLength), ReaderOptions);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isItems = JsonTextCheck.IsValidUtf8JsonText(reader.ValueSpan) && reader.ValueTextEquals("items"u8);
            reader.Read();
            if (!isItems || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                works.Add((messageStart + start, (int)reader.BytesConsumed - start));
            }
        }

        if (works.Count == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, CrossrefCodes.EmptyWorkList,
                "The work list holds no works (its \"items\" array is empty or missing).", line, column));
            return false;
        }

        return true;
    }

    private static Diagnostic NotAWork(string message, int line, int column) =>
        new(DiagnosticSeverity.Error, CrossrefCodes.NotAWork, message, line, column);

    /// <summary>The 1-based line and column (in characters) of a byte offset in UTF-8 text.</summary>
    internal static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var line = 1 + before.Count((byte)'\n');
        var lastNewline = before.LastIndexOf((byte)'\n');
        var column = 1;
        foreach (var b in before[(lastNewline + 1)..])
        {
            if ((b & 0xC0) != 0x80) column++;
        }

        return (line, column);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.StartObject => "object",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "value",
    };

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    private sealed class CrossrefFormat : IRecordFormat
    {
        public string Name => "crossref";

        public IReadOnlyList<string> FileExtensions { get; } = ValueList.From([".json"]);

        public bool CanRead => true;

        public bool CanWrite => false;

        public ReadResult Read(TextReader reader) => Crossref.Read(reader);

        public void Write(IEnumerable<Chapter> chapters, TextWriter writer) =>
            throw new NotSupportedException("The Crossref REST format is read-only: ScholarlyRecord does not write Crossref works.");
    }
}
