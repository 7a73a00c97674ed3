using System.Runtime.CompilerServices;
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
/// Crossref is read-only here: <see cref="Format"/> reports <see cref="RecordFormat.CanWrite"/> false.
/// </remarks>
public static class Crossref
{
    // The limit is checked per work (CrossrefReadOptions.MaxDepth), so the envelope is walked without one.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = JsonNesting.Unchecked };

    /// <summary>The Crossref REST format for tools (<c>crossref</c>, <c>.json</c>): read only.</summary>
    public static RecordFormat Format { get; } = new CrossrefFormat(CrossrefReadOptions.Default);

    /// <summary>Reads the chapters in a text. Bad input never throws: problems are diagnostics.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">How to read; <see cref="CrossrefReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(string text, CrossrefReadOptions? options = null) => ReadFormat(options).Read(text);

    /// <summary>Reads the chapters in a text reader, to its end (not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="CrossrefReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(TextReader reader, CrossrefReadOptions? options = null) => ReadFormat(options).Read(reader);

    /// <summary>Reads the chapters in a stream, to its end (not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 JSON; a byte order mark is skipped).</param>
    /// <param name="options">How to read; <see cref="CrossrefReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(Stream stream, CrossrefReadOptions? options = null) => ReadFormat(options).Read(stream);

    /// <summary>Reads the records of a text reader one at a time (the whole response is read first) (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="CrossrefReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(TextReader reader, CrossrefReadOptions? options = null) => ReadFormat(options).ReadRecords(reader);

    /// <summary>Reads the records of a stream one at a time (the whole response is read first) (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 JSON; a byte order mark is skipped).</param>
    /// <param name="options">How to read; <see cref="CrossrefReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(Stream stream, CrossrefReadOptions? options = null) => ReadFormat(options).ReadRecords(stream);

    /// <summary>Reads the records of a text reader one at a time, asynchronously (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="CrossrefReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(TextReader reader, CrossrefReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(reader, cancellationToken);

    /// <summary>Reads the records of a stream one at a time, asynchronously (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 JSON; a byte order mark is skipped).</param>
    /// <param name="options">How to read; <see cref="CrossrefReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(Stream stream, CrossrefReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(stream, cancellationToken);

    internal static ReadResult ReadUtf8(ReadOnlyMemory<byte> utf8) => ReadResult.Collect(Records(utf8, CrossrefReadOptions.Default.MaxDepth));

    private static RecordFormat ReadFormat(CrossrefReadOptions? options) => options is null ? Format : new CrossrefFormat(options);

    // Each work of the response is a record, numbered from 1; a response that holds no work gives one record 0.
    internal static IEnumerable<RecordResult> Records(ReadOnlyMemory<byte> utf8, int maxDepth)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        var located = new List<Diagnostic>();
        var works = new List<(int Start, int Length, int Depth)>();
        if (!TryLocateWorks(utf8.Span, works, located))
        {
            yield return new RecordResult(0, null, located);
            yield break;
        }

        long number = 0;
        var position = new Utf8Position.Cursor();
        var documentOptions = new JsonDocumentOptions { MaxDepth = maxDepth };
        foreach (var (start, length, depth) in works)
        {
            var diagnostics = new List<Diagnostic>();
            var (line, column) = position.MoveTo(utf8.Span, start);
            if (JsonNesting.FindTooDeep(utf8.Span.Slice(start, length), maxDepth, depth) is var tooDeep and >= 0)
            {
                var (deepLine, deepColumn) = position.MoveTo(utf8.Span, start + tooDeep);
                diagnostics.Add(DiagnosticCatalogue.Create(CrossrefCodes.NestingTooDeep, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The work that starts at line {line}, column {column} nests arrays and objects deeper than {maxDepth} levels (CrossrefReadOptions.MaxDepth, counted from the response's root) here; the work is skipped."),
                    deepLine, deepColumn));
                yield return new RecordResult(++number, null, diagnostics);
                continue;
            }
            using var document = JsonDocument.Parse(utf8.Slice(start, length), documentOptions);
            var chapter = CrossrefMapping.MapWork(document.RootElement, line, column, diagnostics);
            yield return new RecordResult(++number, chapter, diagnostics);
        }
    }

    // Finds the byte span of every work: the envelope's message (work), each of its items (work-list), or the root
    // (a bare work). Returns false, with an error diagnostic, when the input is not JSON or not a work.
    private static bool TryLocateWorks(ReadOnlySpan<byte> json, List<(int Start, int Length, int Depth)> works, List<Diagnostic> diagnostics)
    {
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read())
            {
                diagnostics.Add(DiagnosticCatalogue.Create(CrossrefCodes.MalformedJson, "The input holds no JSON value.", 1, 1));
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
                        var (typeLine, typeColumn) = Utf8Position.LineAndColumn(json, (int)reader.TokenStartIndex);
                        diagnostics.Add(DiagnosticCatalogue.Create(CrossrefCodes.MalformedJson,
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
                    works.Add((0, json.Length, 0));
                    return true;
                }

                diagnostics.Add(NotAWork("The JSON object is neither a Crossref response (no \"message\") nor a Crossref work (no \"DOI\" or \"container-title\").", 1, 1));
                return false;
            }

            var (line, column) = Utf8Position.LineAndColumn(json, messageStart);
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

            works.Add((messageStart, messageLength, 1));
            return true;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            diagnostics.Add(DiagnosticCatalogue.Create(CrossrefCodes.MalformedJson, $"The input is not well-formed JSON: {ex.Message}", line, column));
            return false;
        }
    }

    private static bool TryLocateItems(ReadOnlySpan<byte> json, int messageStart, int messageLength, JsonTokenType messageKind, List<(int Start, int Length, int Depth)> works, List<Diagnostic> diagnostics)
    {
        var (line, column) = Utf8Position.LineAndColumn(json, messageStart);
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
                works.Add((messageStart + start, (int)reader.BytesConsumed - start, 3));
            }
        }

        if (works.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalogue.Create(CrossrefCodes.EmptyWorkList,
                "The work list holds no works (its \"items\" array is empty or missing).", line, column));
            return false;
        }

        return true;
    }

    private static Diagnostic NotAWork(string message, int line, int column) =>
        DiagnosticCatalogue.Create(CrossrefCodes.NotAWork, message, line, column);

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

    private sealed class CrossrefFormat(CrossrefReadOptions read)
        : RecordFormat("crossref", [], [".json"], canRead: true, canWrite: false, streamsRecords: false)
    {
        private protected override NameLimit Names => read.NameLimit;

        private protected override IEnumerable<RecordResult> ReadText(TextReader reader)
        {
            return Records(Encoding.UTF8.GetBytes(reader.ReadToEnd()), read.MaxDepth);
        }

        private protected override IAsyncEnumerable<RecordResult> ReadTextAsync(TextReader reader, CancellationToken cancellationToken) =>
            ReadTextCoreAsync(reader, cancellationToken);

        private protected override IEnumerable<RecordResult> ReadBytes(Stream stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return Records(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), read.MaxDepth);
        }

        private protected override IAsyncEnumerable<RecordResult> ReadBytesAsync(Stream stream, CancellationToken cancellationToken) =>
            ReadBytesCoreAsync(stream, cancellationToken);

        private protected override RecordWriter CreateWriter() =>
            throw new NotSupportedException("The Crossref REST format is read-only: ScholarlyRecord does not write Crossref works.");

        private async IAsyncEnumerable<RecordResult> ReadTextCoreAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            foreach (var record in Records(Encoding.UTF8.GetBytes(text), read.MaxDepth)) yield return record;
        }

        private async IAsyncEnumerable<RecordResult> ReadBytesCoreAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            foreach (var record in Records(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), read.MaxDepth)) yield return record;
        }
    }
}

/// <summary>How a Crossref REST response is read (<see cref="Crossref"/>): the limits one work may reach.</summary>
public sealed record CrossrefReadOptions
{
    /// <summary>The defaults.</summary>
    public static CrossrefReadOptions Default { get; } = new();

    /// <summary>
    /// How deep arrays and objects may nest, the outermost counting 1 (as <see cref="System.Text.Json.JsonReaderOptions.MaxDepth"/>
    /// counts); a record nested deeper is <see cref="CrossrefCodes.NestingTooDeep"/> with its line and column, and is skipped. Default 64, counted from the response's root; in a work list the other works are read.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDepth { get; init => field = ReadLimits.AtLeastOne(value); } = 64;

    /// <summary>
    /// The most names one record may carry (the chapter's contributors and its book's together); past it the first names
    /// are kept, the others dropped, and <see cref="CrossrefCodes.TooManyNames"/> (a warning naming the record) is reported. Default 10,000:
    /// real records with several thousand authors are read whole.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxNames { get; init => field = ReadLimits.AtLeastOne(value); } = NameLimit.DefaultMax;

    internal NameLimit NameLimit => new(MaxNames, CrossrefCodes.TooManyNames, "CrossrefReadOptions.MaxNames");
}
