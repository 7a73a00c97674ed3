using System.Runtime.CompilerServices;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The EndNote tagged format (<c>.enw</c>, EndNote's Refer/BibIX-based import format) front door: reads
/// <c>%0 Book Section</c> records as chapters and writes chapters as such records.
/// <c>text -&gt; Endnote.Read -&gt; ReadResult (chapters + diagnostics) -&gt; Chapter -&gt; Endnote.Write -&gt; text</c>.
/// </summary>
/// <remarks>
/// <para>The tag table and the diagnostic codes (<c>ENWxxx</c>) are in docs/formats-endnote.md. Records of other
/// types are reported as skipped (<c>ENW302</c>, Info) with their line. Tags the model has no slot for are kept as
/// extra fields named <c>endnote:%X</c> and written back.</para>
/// <para>Reading never throws on bad input: problems are diagnostics with line and column, and one broken record never
/// costs the others. <see cref="EndnoteDocument.Parse(string, EndnoteReadOptions?)"/> gives the document layer.</para>
/// </remarks>
public static class Endnote
{
    /// <summary>The EndNote format for tools that pick a format by name (<c>endnote</c>, alias <c>enw</c>) or extension (<c>.enw</c>).</summary>
    public static RecordFormat Format { get; } = new EndnoteFormat(EndnoteReadOptions.Default, EndnoteWriteOptions.Default);

    /// <summary>Reads the chapters in a text. Bad input never throws: problems are diagnostics.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">How to read; <see cref="EndnoteReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(string text, EndnoteReadOptions? options = null) => ReadFormat(options).Read(text);

    /// <summary>Reads the chapters in a text reader, to its end (not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="EndnoteReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(TextReader reader, EndnoteReadOptions? options = null) => ReadFormat(options).Read(reader);

    /// <summary>Reads the chapters in a stream, to its end (not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 unless a byte order mark says otherwise).</param>
    /// <param name="options">How to read; <see cref="EndnoteReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(Stream stream, EndnoteReadOptions? options = null) => ReadFormat(options).Read(stream);

    /// <summary>Reads the records of a text reader one at a time, in memory bounded by the largest record (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="EndnoteReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(TextReader reader, EndnoteReadOptions? options = null) => ReadFormat(options).ReadRecords(reader);

    /// <summary>Reads the records of a stream one at a time, in memory bounded by the largest record (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 unless a byte order mark says otherwise).</param>
    /// <param name="options">How to read; <see cref="EndnoteReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(Stream stream, EndnoteReadOptions? options = null) => ReadFormat(options).ReadRecords(stream);

    /// <summary>Reads the records of a text reader one at a time, asynchronously (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="EndnoteReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(TextReader reader, EndnoteReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(reader, cancellationToken);

    /// <summary>Reads the records of a stream one at a time, asynchronously (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 unless a byte order mark says otherwise).</param>
    /// <param name="options">How to read; <see cref="EndnoteReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(Stream stream, EndnoteReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(stream, cancellationToken);

    /// <summary>Writes one chapter.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="options">How to write; <see cref="EndnoteWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry the chapter.</exception>
    public static string Write(Chapter chapter, EndnoteWriteOptions? options = null) => WriteFormat(options).Write(chapter);

    /// <summary>Writes chapters as one text.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="options">How to write; <see cref="EndnoteWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry one of the chapters.</exception>
    public static string Write(IEnumerable<Chapter> chapters, EndnoteWriteOptions? options = null) => WriteFormat(options).Write(chapters);

    /// <summary>Writes chapters to a text writer one record at a time (flushed, not disposed); a chapter the format cannot carry is left out and reported.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="EndnoteWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, TextWriter writer, EndnoteWriteOptions? options = null) => WriteFormat(options).Write(chapters, writer);

    /// <summary>Writes chapters to a stream as UTF-8, one record at a time (flushed, not disposed).</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="EndnoteWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, Stream stream, EndnoteWriteOptions? options = null) => WriteFormat(options).Write(chapters, stream);

    /// <summary>Writes chapters to a text writer as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="EndnoteWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, TextWriter writer, EndnoteWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, writer, cancellationToken);

    /// <summary>Writes chapters to a stream as UTF-8 as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="EndnoteWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, Stream stream, EndnoteWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, stream, cancellationToken);

    private static RecordFormat ReadFormat(EndnoteReadOptions? options) => options is null ? Format : new EndnoteFormat(options, EndnoteWriteOptions.Default);

    private static RecordFormat WriteFormat(EndnoteWriteOptions? options) => options is null ? Format : new EndnoteFormat(EndnoteReadOptions.Default, options);

    // The document layer's diagnostics found up to and with a record come before the mapping's diagnostics about it.
    private static RecordResult Record(long number, EndnoteRecord record, EndnoteReader reader, LayerDiagnostics layer)
    {
        var batch = new List<Diagnostic>();
        for (var i = layer.Seen; i < reader.Diagnostics.Count; i++) batch.Add(reader.Diagnostics[i]);
        layer.Seen = reader.Diagnostics.Count;
        var chapter = EndnoteMapping.ToChapterCore(record, batch.Add);
        return new RecordResult(number, chapter, batch);
    }

    // The record EndnoteMapping.ToRecord builds, written straight to the output, then the blank line that ends it.
    private static void WriteChapter(Chapter chapter, string? key, TextWriter writer, string newLine)
    {
        EndnoteWriter.WriteField(writer, EndnoteSyntax.TypeTag, EndnoteMapping.ChapterType, newLine);
        EndnoteMapping.MapFields(chapter, key, (tag, value) => EndnoteWriter.WriteField(writer, tag, value, newLine));
        writer.Write(newLine);
    }

    private sealed class EndnoteFormat(EndnoteReadOptions read, EndnoteWriteOptions write)
        : RecordFormat("endnote", ["enw"], [".enw"], canRead: true, canWrite: true, streamsRecords: true)
    {
        private protected override NameLimit Names => read.NameLimit;

        private protected override IEnumerable<RecordResult> ReadText(TextReader reader)
        {
            var endnoteReader = new EndnoteReader(reader, read);
            var layer = new LayerDiagnostics();
            long number = 0;
            foreach (var record in endnoteReader.ReadRecords()) yield return Record(++number, record, endnoteReader, layer);
            if (layer.Take(endnoteReader.Diagnostics) is { } last) yield return last;
        }

        private protected override async IAsyncEnumerable<RecordResult> ReadTextAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var endnoteReader = new EndnoteReader(reader, read);
            var layer = new LayerDiagnostics();
            long number = 0;
            await foreach (var record in endnoteReader.ReadRecordsAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return Record(++number, record, endnoteReader, layer);
            }
            if (layer.Take(endnoteReader.Diagnostics) is { } last) yield return last;
        }

        private protected override RecordWriter CreateWriter() => new RecordsWriter(write.NewLineText);
    }

    private sealed class RecordsWriter(string newLine) : RecordWriter
    {
        private readonly CitationKeys _keys = new();

        public override bool Write(Chapter chapter, long record, TextWriter output, List<Diagnostic> diagnostics)
        {
            WriteChapter(chapter, _keys.Optional(chapter), output, newLine);
            return true;
        }
    }
}
