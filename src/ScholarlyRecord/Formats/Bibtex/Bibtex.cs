namespace ScholarlyRecord.Formats;

/// <summary>
/// BibTeX and BibLaTeX: the front door. <see cref="Read(string, BibtexReadOptions?)"/> gives the chapters
/// (<c>@incollection</c>, <c>@inbook</c>, <c>@bookinbook</c>, <c>@inreference</c>) with <c>crossref</c> inheritance from
/// book-type parents applied, and reports every other entry as skipped (<see cref="BibtexCodes.NotAChapter"/>);
/// <see cref="Write(Chapter, BibtexWriteOptions?)"/> writes chapters in either <see cref="BibtexDialect"/>.
/// <see cref="BibtexDocument.Parse(string, BibtexReadOptions?)"/> gives the document layer (every entry of every type)
/// and <see cref="BibtexMapping"/> maps between its entries and chapters. The field mapping is in docs/formats-bibtex.md.
/// </summary>
/// <remarks>
/// Every read path follows one rule: entries are records numbered from 1; a chapter inherits through <c>crossref</c>
/// only from book-type parents (<c>@book</c>, <c>@collection</c>, <c>@reference</c>, <c>@proceedings</c> and their
/// <c>mv</c> forms), along the whole chain, and a cycle is reported once as <see cref="BibtexCodes.CrossrefCycle"/>.
/// A streaming read gives a chapter once all its ancestors have been read, or at the end of the input.
/// </remarks>
public static partial class Bibtex
{
    /// <summary>The format "bibtex" (alias "bib"; <c>.bib</c>, <c>.bibtex</c>): reads both dialects, writes <see cref="BibtexDialect.Bibtex"/>.</summary>
    public static RecordFormat Format { get; } =
        new BibtexRecordFormat("bibtex", ["bib"], [".bib", ".bibtex"], BibtexReadOptions.Default, BibtexWriteOptions.Default);

    /// <summary>The format "biblatex" (<c>.biblatex</c>): reads both dialects, writes <see cref="BibtexDialect.Biblatex"/>.</summary>
    public static RecordFormat BiblatexFormat { get; } =
        new BibtexRecordFormat("biblatex", [], [".biblatex"], BibtexReadOptions.Default, BibtexWriteOptions.Default with { Dialect = BibtexDialect.Biblatex });

    /// <summary>Reads the chapters in a text. Bad input never throws: problems are diagnostics.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">How to read; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(string text, BibtexReadOptions? options = null) => ReadFormat(options).Read(text);

    /// <summary>Reads the chapters in a text reader, to its end (not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(TextReader reader, BibtexReadOptions? options = null) => ReadFormat(options).Read(reader);

    /// <summary>Reads the chapters in a stream, to its end (not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 unless a byte order mark says otherwise).</param>
    /// <param name="options">How to read; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(Stream stream, BibtexReadOptions? options = null) => ReadFormat(options).Read(stream);

    /// <summary>Reads the records of a text reader one at a time, in memory bounded by the largest entry and the chapters waiting for their crossref parents (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(TextReader reader, BibtexReadOptions? options = null) => ReadFormat(options).ReadRecords(reader);

    /// <summary>Reads the records of a stream one at a time, in memory bounded by the largest entry and the chapters waiting for their crossref parents (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 unless a byte order mark says otherwise).</param>
    /// <param name="options">How to read; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(Stream stream, BibtexReadOptions? options = null) => ReadFormat(options).ReadRecords(stream);

    /// <summary>Reads the records of a text reader one at a time, asynchronously (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(TextReader reader, BibtexReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(reader, cancellationToken);

    /// <summary>Reads the records of a stream one at a time, asynchronously (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 unless a byte order mark says otherwise).</param>
    /// <param name="options">How to read; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(Stream stream, BibtexReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(stream, cancellationToken);

    /// <summary>Writes one chapter.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="options">How to write; <see cref="BibtexWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry the chapter.</exception>
    public static string Write(Chapter chapter, BibtexWriteOptions? options = null) => WriteFormat(options).Write(chapter);

    /// <summary>Writes chapters as one text.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="options">How to write; <see cref="BibtexWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry one of the chapters.</exception>
    public static string Write(IEnumerable<Chapter> chapters, BibtexWriteOptions? options = null) => WriteFormat(options).Write(chapters);

    /// <summary>Writes chapters to a text writer one record at a time (flushed, not disposed); a chapter the format cannot carry is left out and reported.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="BibtexWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, TextWriter writer, BibtexWriteOptions? options = null) => WriteFormat(options).Write(chapters, writer);

    /// <summary>Writes chapters to a stream as UTF-8, one record at a time (flushed, not disposed).</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="BibtexWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, Stream stream, BibtexWriteOptions? options = null) => WriteFormat(options).Write(chapters, stream);

    /// <summary>Writes chapters to a text writer as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="BibtexWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, TextWriter writer, BibtexWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, writer, cancellationToken);

    /// <summary>Writes chapters to a stream as UTF-8 as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="BibtexWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, Stream stream, BibtexWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, stream, cancellationToken);

    internal static bool IsParentType(string type) =>
        type is "book" or "mvbook" or "collection" or "mvcollection" or "reference" or "mvreference" or "proceedings" or "mvproceedings";

    internal static bool IsChapterType(string type) => type is "incollection" or "inbook" or "bookinbook" or "inreference";

    internal static RecordWriter CreateEntryWriter(BibtexWriteOptions options) => new EntryWriter(options);

    private static RecordFormat ReadFormat(BibtexReadOptions? options) =>
        options is null ? Format : new BibtexRecordFormat("bibtex", [], [], options, BibtexWriteOptions.Default);

    private static RecordFormat WriteFormat(BibtexWriteOptions? options) =>
        options is null ? Format : new BibtexRecordFormat("bibtex", [], [], BibtexReadOptions.Default, options);

    // Entries separated by blank lines, citation keys unique within the output.
    private sealed class EntryWriter(BibtexWriteOptions options) : RecordWriter
    {
        private readonly EmittedKeys _keys = new();
        private readonly EntryText _entry = new(options);
        private bool _first = true;

        public override bool Write(Chapter chapter, long record, TextWriter output, List<Diagnostic> diagnostics)
        {
            if (!_first) output.Write(options.NewLineText);
            _first = false;
            WriteEntry(chapter, output, _entry, _keys);
            return true;
        }
    }
}
