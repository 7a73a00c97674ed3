using System.Text;
using System.Text.Json;

namespace ScholarlyRecord.Formats;

public static partial class ScholarlyJson
{

    /// <summary>The format "json" (<c>.json</c>): one chapter per document, read whole; a second chapter is not written.</summary>
    public static RecordFormat Format { get; } = new DocumentFormat(ScholarlyJsonReadOptions.Default);

    /// <summary>The format "jsonl" (alias "ndjson"; <c>.jsonl</c>, <c>.ndjson</c>): JSON Lines, one chapter per line, streamed.</summary>
    public static RecordFormat LinesFormat { get; } = new LinesRecordFormat(ScholarlyJsonReadOptions.Default with { Layout = ScholarlyJsonLayout.Lines });

    /// <summary>Reads the chapters in a text. Bad input never throws: problems are diagnostics.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">How to read; <see cref="ScholarlyJsonReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(string text, ScholarlyJsonReadOptions? options = null) => ReadFormat(options).Read(text);

    /// <summary>Reads the chapters in a text reader, to its end (not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="ScholarlyJsonReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(TextReader reader, ScholarlyJsonReadOptions? options = null) => ReadFormat(options).Read(reader);

    /// <summary>Reads the chapters in a stream, to its end (not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8).</param>
    /// <param name="options">How to read; <see cref="ScholarlyJsonReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(Stream stream, ScholarlyJsonReadOptions? options = null) => ReadFormat(options).Read(stream);

    /// <summary>Reads the records of a text reader one at a time (JSON Lines: in memory bounded by the longest line) (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="ScholarlyJsonReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(TextReader reader, ScholarlyJsonReadOptions? options = null) => ReadFormat(options).ReadRecords(reader);

    /// <summary>Reads the records of a stream one at a time (JSON Lines: in memory bounded by the longest line) (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8).</param>
    /// <param name="options">How to read; <see cref="ScholarlyJsonReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(Stream stream, ScholarlyJsonReadOptions? options = null) => ReadFormat(options).ReadRecords(stream);

    /// <summary>Reads the records of a text reader one at a time, asynchronously (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="ScholarlyJsonReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(TextReader reader, ScholarlyJsonReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(reader, cancellationToken);

    /// <summary>Reads the records of a stream one at a time, asynchronously (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8).</param>
    /// <param name="options">How to read; <see cref="ScholarlyJsonReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(Stream stream, ScholarlyJsonReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(stream, cancellationToken);

    /// <summary>Writes one chapter.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="options">How to write; <see cref="ScholarlyJsonWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry the chapter.</exception>
    public static string Write(Chapter chapter, ScholarlyJsonWriteOptions? options = null) => WriteFormat(options).Write(chapter);

    /// <summary>Writes chapters as one text.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="options">How to write; <see cref="ScholarlyJsonWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry one of the chapters.</exception>
    public static string Write(IEnumerable<Chapter> chapters, ScholarlyJsonWriteOptions? options = null) => WriteFormat(options).Write(chapters);

    /// <summary>Writes chapters to a text writer one record at a time (flushed, not disposed); a chapter the format cannot carry is left out and reported.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="ScholarlyJsonWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, TextWriter writer, ScholarlyJsonWriteOptions? options = null) => WriteFormat(options).Write(chapters, writer);

    /// <summary>Writes chapters to a stream as UTF-8, one record at a time (flushed, not disposed).</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="ScholarlyJsonWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, Stream stream, ScholarlyJsonWriteOptions? options = null) => WriteFormat(options).Write(chapters, stream);

    /// <summary>Writes chapters to a text writer as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="ScholarlyJsonWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, TextWriter writer, ScholarlyJsonWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, writer, cancellationToken);

    /// <summary>Writes chapters to a stream as UTF-8 as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="ScholarlyJsonWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, Stream stream, ScholarlyJsonWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, stream, cancellationToken);

    private static RecordFormat ReadFormat(ScholarlyJsonReadOptions? options) => options switch
    {
        null => Format,
        { Layout: ScholarlyJsonLayout.Lines } => new LinesRecordFormat(options),
        _ => new DocumentFormat(options),
    };

    private static RecordFormat WriteFormat(ScholarlyJsonWriteOptions? options) =>
        options is { Layout: ScholarlyJsonLayout.Lines } ? LinesFormat : Format;

    private static Diagnostic ToDiagnostic(JsonException ex, string code) => DiagnosticCatalogue.Create(
        code,
        ex.Message,
        (int)Math.Min((ex.LineNumber ?? 0) + 1, int.MaxValue),
        (int)Math.Min((ex.BytePositionInLine ?? 0) + 1, int.MaxValue));

    // Why a document or line is not a chapter: in the schema's words when it has any (SR0xxx, each with its JSON Pointer),
    // else the deserializer's. The schema runs only on failure.
    private static List<Diagnostic> Explain(string json, long line, Diagnostic failure)
    {
        var schema = Validation.ScholarlySchema.Validate(json).Diagnostics;
        // Text that is not JSON at all is the deserializer's to place: it knows the line and column, the schema does not.
        if (schema.All(d => d.Code == Validation.ValidationCodes.MalformedJson)) return [failure];
        return [.. schema.Select(d => line > 0 ? d with { Line = (int)Math.Min(line, int.MaxValue) } : d)];
    }

    private static Diagnostic NotWritten(long record, string message) =>
        DiagnosticCatalogue.Create(ScholarlyJsonCodes.ChapterNotWritten,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"record {record} was left out: {message}")) with { Record = record };

    private sealed class DocumentFormat(ScholarlyJsonReadOptions read)
        : RecordFormat("json", [], [".json"], canRead: true, canWrite: true, streamsRecords: false)
    {
        private protected override NameLimit Names => read.NameLimit;

        private protected override IEnumerable<RecordResult> ReadText(TextReader reader)
        {
            return [Document(reader.ReadToEnd(), read.MaxDepth)];
        }

        private protected override IAsyncEnumerable<RecordResult> ReadTextAsync(TextReader reader, CancellationToken cancellationToken) =>
            ReadTextCoreAsync(reader, cancellationToken);

        private protected override RecordWriter CreateWriter() => new DocumentWriter();

        private async IAsyncEnumerable<RecordResult> ReadTextCoreAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return Document(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), read.MaxDepth);
        }

        private static RecordResult Document(string text, int maxDepth)
        {
            if (maxDepth < MaxSerializerDepth && TooDeep(Encoding.UTF8.GetBytes(text), maxDepth, lineNumber: 0) is { } deep) return new RecordResult(1, null, [deep]);
            try
            {
                return new RecordResult(1, Deserialize(text), []);
            }
            catch (JsonException) when (TooDeep(Encoding.UTF8.GetBytes(text), maxDepth, lineNumber: 0) is { } tooDeep)
            {
                return new RecordResult(1, null, [tooDeep]);
            }
            catch (JsonException ex)
            {
                return new RecordResult(1, null, Explain(text, line: 0, ToDiagnostic(ex, ScholarlyJsonCodes.InvalidDocument)));
            }
        }
    }

    // A document holds one chapter: the first that can be written; every other chapter is left out and reported.
    private sealed class DocumentWriter : RecordWriter
    {
        private bool _written;

        public override bool Write(Chapter chapter, long record, TextWriter output, List<Diagnostic> diagnostics)
        {
            if (_written)
            {
                diagnostics.Add(NotWritten(record, "a JSON document holds one chapter; use JSON Lines (\"jsonl\") for several"));
                return false;
            }
            string text;
            try
            {
                text = Serialize(chapter);
            }
            catch (JsonException ex)
            {
                diagnostics.Add(NotWritten(record, ex.Message));
                return false;
            }
            output.Write(text);
            _written = true;
            return true;
        }
    }

    private sealed class LinesRecordFormat(ScholarlyJsonReadOptions read)
        : RecordFormat("jsonl", ["ndjson"], [".jsonl", ".ndjson"], canRead: true, canWrite: true, streamsRecords: true)
    {
        private protected override NameLimit Names => read.NameLimit;

        private protected override IEnumerable<RecordResult> ReadText(TextReader reader) =>
            LineRecords(new MemoryStream(Encoding.UTF8.GetBytes(reader.ReadToEnd()), writable: false), read);

        private protected override IAsyncEnumerable<RecordResult> ReadTextAsync(TextReader reader, CancellationToken cancellationToken) =>
            ReadTextCoreAsync(reader, cancellationToken);

        private protected override IEnumerable<RecordResult> ReadBytes(Stream stream) => LineRecords(stream, read);

        private protected override IAsyncEnumerable<RecordResult> ReadBytesAsync(Stream stream, CancellationToken cancellationToken) =>
            LineRecordsAsync(stream, read, cancellationToken);

        private protected override RecordWriter CreateWriter() => new LineWriter();

        private async IAsyncEnumerable<RecordResult> ReadTextCoreAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var record in LineRecordsAsync(new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false), read, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }

    // One compact line per chapter; a chapter the library's JSON refuses is left out and reported.
    private sealed class LineWriter : RecordWriter
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(16 * 1024);
        private Utf8JsonWriter? _json;

        protected override void Dispose(bool disposing)
        {
            if (disposing) _json?.Dispose();
            base.Dispose(disposing);
        }

        public override bool Write(Chapter chapter, long record, TextWriter output, List<Diagnostic> diagnostics)
        {
            _json ??= new Utf8JsonWriter(_buffer, LineWriterOptions);
            _buffer.ResetWrittenCount();
            try
            {
                WriteLine(_json, _buffer, chapter);
            }
            catch (JsonException ex)
            {
                diagnostics.Add(NotWritten(record, ex.Message));
                return false;
            }
            output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            return true;
        }
    }
}

/// <summary>How the library's JSON is laid out: one document, or JSON Lines.</summary>
public enum ScholarlyJsonLayout
{
    /// <summary>One JSON document holding one chapter (<c>.json</c>).</summary>
    Document = 0,

    /// <summary>JSON Lines: one chapter per line (<c>.jsonl</c>, <c>.ndjson</c>).</summary>
    Lines = 1,
}

/// <summary>How the library's JSON is read (<see cref="ScholarlyJson"/>).</summary>
public sealed record ScholarlyJsonReadOptions
{
    /// <summary>The defaults: one document.</summary>
    public static ScholarlyJsonReadOptions Default { get; } = new();

    /// <summary>One document (the default) or JSON Lines.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="ScholarlyJsonLayout"/>.</exception>
    public ScholarlyJsonLayout Layout { get; init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value)); }

    /// <summary>The longest JSON Lines line read, in bytes; a longer line is reported (<see cref="ScholarlyJsonCodes.LineTooLong"/>) and skipped. Default <see cref="ScholarlyJson.MaxLineBytes"/> (16 MiB).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxLineBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = ScholarlyJson.MaxLineBytes;

    /// <summary>
    /// How deep arrays and objects may nest, the outermost counting 1 (as <see cref="System.Text.Json.JsonReaderOptions.MaxDepth"/>
    /// counts); a record nested deeper is <see cref="ScholarlyJsonCodes.NestingTooDeep"/> with its line and column, and is skipped. Default 64, which is also the most: no chapter nests near that deep, and the serializer stops there; in JSON Lines the other lines are read.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1, or more than 64.</exception>
    public int MaxDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(ReadLimits.AtLeastOne(value), ScholarlyJson.MaxSerializerDepth);
            field = value;
        }
    } = ScholarlyJson.MaxSerializerDepth;

    /// <summary>
    /// The most names one record may carry (the chapter's contributors and its book's together); past it the first names
    /// are kept, the others dropped, and <see cref="ScholarlyJsonCodes.TooManyNames"/> (a warning naming the record) is reported. Default 10,000:
    /// real records with several thousand authors are read whole.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxNames { get; init => field = ReadLimits.AtLeastOne(value); } = NameLimit.DefaultMax;

    internal NameLimit NameLimit => new(MaxNames, ScholarlyJsonCodes.TooManyNames, "ScholarlyJsonReadOptions.MaxNames");
}

/// <summary>How the library's JSON is written (<see cref="ScholarlyJson"/>).</summary>
public sealed record ScholarlyJsonWriteOptions
{
    /// <summary>The defaults: one document.</summary>
    public static ScholarlyJsonWriteOptions Default { get; } = new();

    /// <summary>One document (the default) or JSON Lines.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="ScholarlyJsonLayout"/>.</exception>
    public ScholarlyJsonLayout Layout { get; init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value)); }
}
