using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ScholarlyRecord.Formats;

/// <summary>
/// schema.org JSON-LD for chapters: writes a <c>Chapter</c> node (inside its <c>Book</c>, inside its
/// <c>BookSeries</c>) for a landing page's <c>&lt;script type="application/ld+json"&gt;</c>, and reads such documents back.
/// </summary>
/// <remarks>
/// <para>
/// The mapping is in docs/formats-schemaorg.md. <see cref="Write(Chapter, SchemaOrgWriteOptions?)"/> writes one document with
/// <c>"@context": "https://schema.org"</c>, members in a fixed order, and the characters <c>&lt; &gt; &amp; ' "</c>
/// escaped inside strings so that the text can be pasted into an HTML script element as is.
/// </para>
/// <para>
/// <see cref="Read(string, SchemaOrgReadOptions?)"/> reads what <see cref="Write(Chapter, SchemaOrgWriteOptions?)"/> writes and tolerates common variations: a
/// top-level array or <c>@graph</c> of nodes, single values or arrays, <c>headline</c> for <c>name</c>,
/// <c>ScholarlyArticle</c> for <c>Chapter</c>, a DOI given only as <c>sameAs</c> or <c>@id</c>. Notes, references,
/// extra fields and the order of contributors across roles are not carried (see the docs file).
/// </para>
/// </remarks>
public static partial class SchemaOrg
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The schema.org format for tools (<c>schemaorg</c>, aliases <c>schema.org</c>, <c>jsonld</c>; <c>.jsonld</c>).</summary>
    public static RecordFormat Format { get; } = new SchemaOrgFormat(SchemaOrgReadOptions.Default, SchemaOrgWriteOptions.Default);

    /// <summary>Reads the chapters in a text. Bad input never throws: problems are diagnostics.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">How to read; <see cref="SchemaOrgReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(string text, SchemaOrgReadOptions? options = null) => ReadFormat(options).Read(text);

    /// <summary>Reads the chapters in a text reader, to its end (not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="SchemaOrgReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(TextReader reader, SchemaOrgReadOptions? options = null) => ReadFormat(options).Read(reader);

    /// <summary>Reads the chapters in a stream, to its end (not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 JSON; a byte order mark is skipped).</param>
    /// <param name="options">How to read; <see cref="SchemaOrgReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(Stream stream, SchemaOrgReadOptions? options = null) => ReadFormat(options).Read(stream);

    /// <summary>Reads the records of a text reader one at a time (the whole document is read first) (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="SchemaOrgReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(TextReader reader, SchemaOrgReadOptions? options = null) => ReadFormat(options).ReadRecords(reader);

    /// <summary>Reads the records of a stream one at a time (the whole document is read first) (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 JSON; a byte order mark is skipped).</param>
    /// <param name="options">How to read; <see cref="SchemaOrgReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(Stream stream, SchemaOrgReadOptions? options = null) => ReadFormat(options).ReadRecords(stream);

    /// <summary>Reads the records of a text reader one at a time, asynchronously (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="SchemaOrgReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(TextReader reader, SchemaOrgReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(reader, cancellationToken);

    /// <summary>Reads the records of a stream one at a time, asynchronously (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 JSON; a byte order mark is skipped).</param>
    /// <param name="options">How to read; <see cref="SchemaOrgReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(Stream stream, SchemaOrgReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(stream, cancellationToken);

    /// <summary>Writes one chapter.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="options">How to write; <see cref="SchemaOrgWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry the chapter.</exception>
    public static string Write(Chapter chapter, SchemaOrgWriteOptions? options = null) => WriteFormat(options).Write(chapter);

    /// <summary>Writes chapters as one text.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="options">How to write; <see cref="SchemaOrgWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry one of the chapters.</exception>
    public static string Write(IEnumerable<Chapter> chapters, SchemaOrgWriteOptions? options = null) => WriteFormat(options).Write(chapters);

    /// <summary>Writes chapters to a text writer one record at a time (flushed, not disposed); a chapter the format cannot carry is left out and reported.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="SchemaOrgWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, TextWriter writer, SchemaOrgWriteOptions? options = null) => WriteFormat(options).Write(chapters, writer);

    /// <summary>Writes chapters to a stream as UTF-8, one record at a time (flushed, not disposed).</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="SchemaOrgWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, Stream stream, SchemaOrgWriteOptions? options = null) => WriteFormat(options).Write(chapters, stream);

    /// <summary>Writes chapters to a text writer as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="SchemaOrgWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, TextWriter writer, SchemaOrgWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, writer, cancellationToken);

    /// <summary>Writes chapters to a stream as UTF-8 as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="SchemaOrgWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, Stream stream, SchemaOrgWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, stream, cancellationToken);

    private static RecordFormat ReadFormat(SchemaOrgReadOptions? options) => options is null ? Format : new SchemaOrgFormat(options, SchemaOrgWriteOptions.Default);

    private static RecordFormat WriteFormat(SchemaOrgWriteOptions? options) => options is null ? Format : new SchemaOrgFormat(SchemaOrgReadOptions.Default, options);

    private sealed class SchemaOrgFormat(SchemaOrgReadOptions read, SchemaOrgWriteOptions write)
        : RecordFormat("schemaorg", ["schema.org", "jsonld"], [".jsonld"], canRead: true, canWrite: true, streamsRecords: false)
    {
        private protected override NameLimit Names => read.NameLimit;

        private protected override IEnumerable<RecordResult> ReadText(TextReader reader)
        {
            return SchemaOrgReader.Records(reader.ReadToEnd(), read.MaxDepth);
        }

        private protected override IAsyncEnumerable<RecordResult> ReadTextAsync(TextReader reader, CancellationToken cancellationToken) =>
            ReadTextCoreAsync(reader, cancellationToken);

        private protected override RecordWriter CreateWriter()
        {
            _ = write;
            return new NodeWriter();
        }

        private async IAsyncEnumerable<RecordResult> ReadTextCoreAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            foreach (var record in SchemaOrgReader.Records(text, read.MaxDepth)) yield return record;
        }
    }

    // One chapter is held back to choose between a single node and a @graph: a single chapter is written as one node with
    // its @context, two or more as a @graph. The JSON writer keeps its state across records and is flushed after each.
    private sealed class NodeWriter : RecordWriter
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(4096);
        private Utf8JsonWriter? _json;
        private Chapter? _held;
        private long _count;

        protected override void Dispose(bool disposing)
        {
            if (disposing) _json?.Dispose();
            base.Dispose(disposing);
        }

        public override bool Write(Chapter chapter, long record, TextWriter output, List<Diagnostic> diagnostics)
        {
            _count++;
            if (_count == 1)
            {
                _held = chapter;
                return true;
            }
            if (_json is null)
            {
                _json = new Utf8JsonWriter(_buffer, WriterOptions);
                _json.WriteStartObject();
                _json.WriteString("@context", Context);
                _json.WriteStartArray("@graph");
                WriteChapter(_json, _held!, withContext: false);
                _held = null;
            }
            WriteChapter(_json, chapter, withContext: false);
            Drain(output);
            return true;
        }

        public override void End(TextWriter output)
        {
            if (_count == 1)
            {
                output.Write(Write(_held!));
                return;
            }
            _json ??= StartEmptyGraph();
            _json.WriteEndArray();
            _json.WriteEndObject();
            Drain(output);
            _json.Dispose();
        }

        private Utf8JsonWriter StartEmptyGraph()
        {
            var json = new Utf8JsonWriter(_buffer, WriterOptions);
            json.WriteStartObject();
            json.WriteString("@context", Context);
            json.WriteStartArray("@graph");
            return json;
        }

        private void Drain(TextWriter output)
        {
            _json!.Flush();
            output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            _buffer.ResetWrittenCount();
        }

        private static string Write(Chapter chapter)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                WriteChapter(writer, chapter, withContext: true);
            }
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }
}

/// <summary>How schema.org JSON-LD is read (<see cref="SchemaOrg"/>): the limits the document may reach.</summary>
public sealed record SchemaOrgReadOptions
{
    /// <summary>The defaults.</summary>
    public static SchemaOrgReadOptions Default { get; } = new();

    /// <summary>
    /// How deep arrays and objects may nest, the outermost counting 1 (as <see cref="System.Text.Json.JsonReaderOptions.MaxDepth"/>
    /// counts); a record nested deeper is <see cref="SchemaOrgCodes.NestingTooDeep"/> with its line and column, and is skipped. Default 128; the document is one record, so nothing of it is read.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDepth { get; init => field = ReadLimits.AtLeastOne(value); } = 128;

    /// <summary>
    /// The most names one record may carry (the chapter's contributors and its book's together); past it the first names
    /// are kept, the others dropped, and <see cref="SchemaOrgCodes.TooManyNames"/> (a warning naming the record) is reported. Default 10,000:
    /// real records with several thousand authors are read whole.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxNames { get; init => field = ReadLimits.AtLeastOne(value); } = NameLimit.DefaultMax;

    internal NameLimit NameLimit => new(MaxNames, SchemaOrgCodes.TooManyNames, "SchemaOrgReadOptions.MaxNames");
}

/// <summary>How schema.org JSON-LD is written (<see cref="SchemaOrg"/>); nothing to set yet.</summary>
public sealed record SchemaOrgWriteOptions
{
    /// <summary>The defaults.</summary>
    public static SchemaOrgWriteOptions Default { get; } = new();
}
