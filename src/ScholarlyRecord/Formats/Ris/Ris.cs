using System.Runtime.CompilerServices;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The RIS front door: reads <c>CHAP</c> and <c>ECHAP</c> records as chapters and writes chapters as <c>CHAP</c>
/// records. <c>text -&gt; Ris.Read -&gt; ReadResult (chapters + diagnostics) -&gt; Chapter -&gt; Ris.Write -&gt; text</c>.
/// </summary>
/// <remarks>
/// <para>The field table, the name, date and text rules and the diagnostic codes are in docs/formats-ris.md. Records of
/// other types are reported as skipped (<c>RIS401</c>, Info). Fields the model has no slot for are kept as extra fields
/// named <c>ris:&lt;TAG&gt;</c> and written back.</para>
/// <para>Reading never throws on bad input: problems are diagnostics with line and column, and one broken record never
/// costs the others. <see cref="RisDocument.Parse(string, RisReadOptions?)"/> gives the document layer and
/// <see cref="RisMapping"/> maps between its records and chapters.</para>
/// </remarks>
public static partial class Ris
{
    /// <summary>The RIS format for tools that pick a format by name (<c>ris</c>) or extension (<c>.ris</c>).</summary>
    public static RecordFormat Format { get; } = new RisFormat(RisReadOptions.Default, RisWriteOptions.Default);

    /// <summary>Reads the chapters in a text. Bad input never throws: problems are diagnostics.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(string text, RisReadOptions? options = null) => ReadFormat(options).Read(text);

    /// <summary>Reads the chapters in a text reader, to its end (not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(TextReader reader, RisReadOptions? options = null) => ReadFormat(options).Read(reader);

    /// <summary>Reads the chapters in a stream, to its end (not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 unless a byte order mark says otherwise).</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(Stream stream, RisReadOptions? options = null) => ReadFormat(options).Read(stream);

    /// <summary>Reads the records of a text reader one at a time, in memory bounded by the largest record (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(TextReader reader, RisReadOptions? options = null) => ReadFormat(options).ReadRecords(reader);

    /// <summary>Reads the records of a stream one at a time, in memory bounded by the largest record (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 unless a byte order mark says otherwise).</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(Stream stream, RisReadOptions? options = null) => ReadFormat(options).ReadRecords(stream);

    /// <summary>Reads the records of a text reader one at a time, asynchronously (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(TextReader reader, RisReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(reader, cancellationToken);

    /// <summary>Reads the records of a stream one at a time, asynchronously (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 unless a byte order mark says otherwise).</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(Stream stream, RisReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(stream, cancellationToken);

    /// <summary>Writes one chapter.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="options">How to write; <see cref="RisWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry the chapter.</exception>
    public static string Write(Chapter chapter, RisWriteOptions? options = null) => WriteFormat(options).Write(chapter);

    /// <summary>Writes chapters as one text.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="options">How to write; <see cref="RisWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry one of the chapters.</exception>
    public static string Write(IEnumerable<Chapter> chapters, RisWriteOptions? options = null) => WriteFormat(options).Write(chapters);

    /// <summary>Writes chapters to a text writer one record at a time (flushed, not disposed); a chapter the format cannot carry is left out and reported.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="RisWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, TextWriter writer, RisWriteOptions? options = null) => WriteFormat(options).Write(chapters, writer);

    /// <summary>Writes chapters to a stream as UTF-8, one record at a time (flushed, not disposed).</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="RisWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, Stream stream, RisWriteOptions? options = null) => WriteFormat(options).Write(chapters, stream);

    /// <summary>Writes chapters to a text writer as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="RisWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, TextWriter writer, RisWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, writer, cancellationToken);

    /// <summary>Writes chapters to a stream as UTF-8 as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="RisWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, Stream stream, RisWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, stream, cancellationToken);

    internal static Chapter? ToChapterCore(RisRecord record, Action<Diagnostic>? report) => MapRecord(record, report);

    internal static RisRecord ToRecordCore(Chapter chapter) => BuildRecord(chapter);

    private static RecordFormat ReadFormat(RisReadOptions? options) => options is null ? Format : new RisFormat(options, RisWriteOptions.Default);

    private static RecordFormat WriteFormat(RisWriteOptions? options) => options is null ? Format : new RisFormat(RisReadOptions.Default, options);

    // The document layer reports a missing ER at the next TY line, before the record it closes is mapped: a stable sort by
    // line puts the record's own diagnostics first.
    // One batch and one set of parts serve every record of a read: most records have no diagnostic, so the batch
    // allocates nothing for them, and the parts' lists keep their capacity from record to record.
    private static RecordResult Record(long number, RisRecord record, RisReader reader, ref int seen, DiagnosticBatch batch, ChapterParts parts)
    {
        batch.Clear();
        for (; seen < reader.Diagnostics.Count; seen++) batch.Add(reader.Diagnostics[seen]);
        var chapter = MapRecord(record, batch.Report, parts);
        return new RecordResult(number, chapter, batch.ByLine());
    }

    private sealed class RisFormat(RisReadOptions read, RisWriteOptions write)
        : RecordFormat("ris", [], [".ris"], canRead: true, canWrite: true, streamsRecords: true)
    {
        private protected override NameLimit Names => read.NameLimit;

        private protected override IEnumerable<RecordResult> ReadText(TextReader reader)
        {
            var risReader = new RisReader(reader, read);
            var layer = new LayerDiagnostics();
            var batch = new DiagnosticBatch();
            var parts = new ChapterParts();
            long number = 0;
            foreach (var record in risReader.ReadRecords())
            {
                var seen = layer.Seen;
                var result = Record(++number, record, risReader, ref seen, batch, parts);
                layer.Seen = seen;
                yield return result;
            }
            if (layer.Take(risReader.Diagnostics) is { } last) yield return last;
        }

        private protected override async IAsyncEnumerable<RecordResult> ReadTextAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var risReader = new RisReader(reader, read);
            var layer = new LayerDiagnostics();
            var batch = new DiagnosticBatch();
            var parts = new ChapterParts();
            long number = 0;
            await foreach (var record in risReader.ReadRecordsAsync(cancellationToken).ConfigureAwait(false))
            {
                var seen = layer.Seen;
                var result = Record(++number, record, risReader, ref seen, batch, parts);
                layer.Seen = seen;
                yield return result;
            }
            if (layer.Take(risReader.Diagnostics) is { } last) yield return last;
        }

        private protected override RecordWriter CreateWriter() => new RecordsWriter(write.NewLineText);
    }

    private sealed class RecordsWriter(string newLine) : RecordWriter
    {
        private readonly CitationKeys _keys = new();

        public override bool Write(Chapter chapter, long record, TextWriter output, List<Diagnostic> diagnostics)
        {
            WriteRecord(chapter, _keys.Optional(chapter), new TextFields(output, newLine));
            output.Write(newLine);
            return true;
        }
    }
}
