using System.Runtime.CompilerServices;

namespace ScholarlyRecord.Formats;

/// <summary>
/// CSL-JSON, the input format of citeproc processors (citation-js, pandoc, Zotero): an array of items, or one item
/// object as DOI content negotiation returns it. Items of type <c>chapter</c> are read as chapters; every other item is
/// reported (<see cref="CslJsonCodes.NotAChapter"/>) and skipped. Each item is a record. The mapping, its losses and the
/// diagnostic codes are in docs/formats-csl.md.
/// </summary>
/// <example><code>
/// var result = CslJson.Read(json);
/// foreach (var chapter in result.Chapters) Console.WriteLine(chapter.Title);
/// string csl = CslJson.Write(result.Chapters);
/// </code></example>
public static class CslJson
{
    private const int ReadChunk = 16 * 1024;

    /// <summary>The CSL-JSON format for tools that pick a format by name (<c>csl-json</c>, <c>csljson</c>, <c>csl</c>) or extension (<c>.csl.json</c>, <c>.json</c>).</summary>
    public static RecordFormat Format { get; } = new CslJsonFormat(CslJsonReadOptions.Default, CslJsonWriteOptions.Default);

    /// <summary>Reads the chapters in a text. Bad input never throws: problems are diagnostics.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">How to read; <see cref="CslJsonReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(string text, CslJsonReadOptions? options = null) => ReadFormat(options).Read(text);

    /// <summary>Reads the chapters in a text reader, to its end (not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="CslJsonReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(TextReader reader, CslJsonReadOptions? options = null) => ReadFormat(options).Read(reader);

    /// <summary>Reads the chapters in a stream, to its end (not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 JSON; a byte order mark is skipped).</param>
    /// <param name="options">How to read; <see cref="CslJsonReadOptions.Default"/> when null.</param>
    /// <returns>The chapters in record order, and the diagnostics by line and column.</returns>
    public static ReadResult Read(Stream stream, CslJsonReadOptions? options = null) => ReadFormat(options).Read(stream);

    /// <summary>Reads the records of a text reader one at a time, holding only the current item (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="CslJsonReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(TextReader reader, CslJsonReadOptions? options = null) => ReadFormat(options).ReadRecords(reader);

    /// <summary>Reads the records of a stream one at a time, holding only the current item (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 JSON; a byte order mark is skipped).</param>
    /// <param name="options">How to read; <see cref="CslJsonReadOptions.Default"/> when null.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IEnumerable<RecordResult> ReadRecords(Stream stream, CslJsonReadOptions? options = null) => ReadFormat(options).ReadRecords(stream);

    /// <summary>Reads the records of a text reader one at a time, asynchronously (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="CslJsonReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(TextReader reader, CslJsonReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(reader, cancellationToken);

    /// <summary>Reads the records of a stream one at a time, asynchronously (the stream is not disposed).</summary>
    /// <param name="stream">The bytes (UTF-8 JSON; a byte order mark is skipped).</param>
    /// <param name="options">How to read; <see cref="CslJsonReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, each with its chapter (or null) and its diagnostics.</returns>
    public static IAsyncEnumerable<RecordResult> ReadRecordsAsync(Stream stream, CslJsonReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFormat(options).ReadRecordsAsync(stream, cancellationToken);

    /// <summary>Writes one chapter.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="options">How to write; <see cref="CslJsonWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry the chapter.</exception>
    public static string Write(Chapter chapter, CslJsonWriteOptions? options = null) => WriteFormat(options).Write(chapter);

    /// <summary>Writes chapters as one text.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="options">How to write; <see cref="CslJsonWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry one of the chapters.</exception>
    public static string Write(IEnumerable<Chapter> chapters, CslJsonWriteOptions? options = null) => WriteFormat(options).Write(chapters);

    /// <summary>Writes chapters to a text writer one record at a time (flushed, not disposed); a chapter the format cannot carry is left out and reported.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="CslJsonWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, TextWriter writer, CslJsonWriteOptions? options = null) => WriteFormat(options).Write(chapters, writer);

    /// <summary>Writes chapters to a stream as UTF-8, one record at a time (flushed, not disposed).</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="CslJsonWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, Stream stream, CslJsonWriteOptions? options = null) => WriteFormat(options).Write(chapters, stream);

    /// <summary>Writes chapters to a text writer as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="CslJsonWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, TextWriter writer, CslJsonWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, writer, cancellationToken);

    /// <summary>Writes chapters to a stream as UTF-8 as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="CslJsonWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, Stream stream, CslJsonWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, stream, cancellationToken);

    private static RecordFormat ReadFormat(CslJsonReadOptions? options) => options is null ? Format : new CslJsonFormat(options, CslJsonWriteOptions.Default);

    private static RecordFormat WriteFormat(CslJsonWriteOptions? options) => options is null ? Format : new CslJsonFormat(CslJsonReadOptions.Default, options);

    // The one read core works on UTF-8 bytes: text is encoded first (a whole text reader is read), a stream is scanned as it
    // arrives. The scanner's own diagnostics (syntax, a root that is not an item list, an element that is no object) are
    // handed on as record 0 as soon as they are found.
    private sealed class CslJsonFormat(CslJsonReadOptions read, CslJsonWriteOptions write)
        : RecordFormat("csl-json", ["csljson", "csl"], [".csl.json", ".json"], canRead: true, canWrite: true, streamsRecords: true)
    {
        private protected override NameLimit Names => read.NameLimit;

        // The text is encoded to UTF-8 a chunk at a time, straight into the scanner's buffer: no copy of the whole input.
        private protected override IEnumerable<RecordResult> ReadText(TextReader reader)
        {
            var found = new List<Diagnostic>();
            var fast = new CslJsonFastItemReader();
            var scanner = new CslJsonScanner(found.Add, read.MaxDepth, fast);
            var encoder = new Utf8Encoder(reader);
            long number = 0;
            while (!scanner.IsDone)
            {
                if (scanner.NeedsData)
                {
                    scanner.Advance(encoder.Fill(scanner.GetWriteBuffer(Utf8Encoder.MinimumSpace).Span[..Utf8Encoder.MinimumSpace]));
                    continue;
                }
                if (Next(scanner, fast, ref number) is { } record) yield return record;
                if (Layer(found) is { } layer) yield return layer;
            }
            if (Layer(found) is { } last) yield return last;
        }

        private protected override IAsyncEnumerable<RecordResult> ReadTextAsync(TextReader reader, CancellationToken cancellationToken) =>
            ReadTextCoreAsync(reader, cancellationToken);

        private protected override IEnumerable<RecordResult> ReadBytes(Stream stream)
        {
            var found = new List<Diagnostic>();
            var fast = new CslJsonFastItemReader();
            var scanner = new CslJsonScanner(found.Add, read.MaxDepth, fast);
            long number = 0;
            while (!scanner.IsDone)
            {
                if (scanner.NeedsData)
                {
                    var memory = scanner.GetWriteBuffer();
                    scanner.Advance(stream.Read(memory.Span[..Math.Min(memory.Length, ReadChunk)]));
                    continue;
                }
                if (Next(scanner, fast, ref number) is { } record) yield return record;
                if (Layer(found) is { } layer) yield return layer;
            }
            if (Layer(found) is { } last) yield return last;
        }

        private protected override async IAsyncEnumerable<RecordResult> ReadBytesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var found = new List<Diagnostic>();
            var fast = new CslJsonFastItemReader();
            var scanner = new CslJsonScanner(found.Add, read.MaxDepth, fast);
            long number = 0;
            while (!scanner.IsDone)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (scanner.NeedsData)
                {
                    var memory = scanner.GetWriteBuffer();
                    scanner.Advance(await stream.ReadAsync(memory[..Math.Min(memory.Length, ReadChunk)], cancellationToken).ConfigureAwait(false));
                    continue;
                }
                if (Next(scanner, fast, ref number) is { } record) yield return record;
                if (Layer(found) is { } layer) yield return layer;
            }
            if (Layer(found) is { } last) yield return last;
        }

        private protected override RecordWriter CreateWriter()
        {
            _ = write;
            return new CslJsonItemWriter.ArrayWriter();
        }

        private async IAsyncEnumerable<RecordResult> ReadTextCoreAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            foreach (var record in ReadBytes(new MemoryStream(CslJsonScanner.Encode(text), writable: false))) yield return record;
        }

        // An item is a record with its mapping's diagnostics; the scanner's own are handed on as record 0.
        // An item that needs no diagnostic is mapped from its tokens; any other by the careful reader, which reports.
        private static RecordResult? Next(CslJsonScanner scanner, CslJsonFastItemReader fast, ref long number)
        {
            if (!scanner.TryNext(out var item, out var line, out var column)) return null;
            if (scanner.Mapped is { } mapped || (!scanner.MappingTried && fast.TryMap(item.Span, out mapped))) return new RecordResult(++number, mapped, []);
            var diagnostics = new List<Diagnostic>();
            var chapter = CslJsonItemReader.Map(item, line, column, diagnostics.Add);
            return new RecordResult(++number, chapter, diagnostics);
        }

        // UTF-16 to UTF-8 a chunk at a time; a surrogate pair split between chunks is carried over, and a lone surrogate
        // becomes U+FFFD, as Encoding.UTF8.GetBytes makes it.
        private sealed class Utf8Encoder(TextReader reader)
        {
            public const int MinimumSpace = 4 * ReadChunk;

            private readonly System.Text.Encoder _encoder = System.Text.Encoding.UTF8.GetEncoder();
            private readonly char[] _chars = new char[ReadChunk];
            private int _position;
            private int _count;
            private bool _end;

            // Bytes written; zero only at the end of the text.
            public int Fill(Span<byte> into)
            {
                while (true)
                {
                    if (_position == _count && !_end)
                    {
                        _count = reader.Read(_chars, 0, _chars.Length);
                        _position = 0;
                        _end = _count == 0;
                    }

                    _encoder.Convert(_chars.AsSpan(_position, _count - _position), into, _end, out var used, out var written, out _);
                    _position += used;
                    if (written > 0 || _end) return written;
                }
            }
        }

        private static RecordResult? Layer(List<Diagnostic> found)
        {
            if (found.Count == 0) return null;
            var batch = found.ToArray();
            found.Clear();
            return new RecordResult(0, null, batch);
        }
    }
}

/// <summary>How CSL-JSON is read (<see cref="CslJson"/>): the limits one item may reach.</summary>
public sealed record CslJsonReadOptions
{
    /// <summary>The defaults.</summary>
    public static CslJsonReadOptions Default { get; } = new();

    /// <summary>
    /// How deep arrays and objects may nest, the outermost counting 1 (as <see cref="System.Text.Json.JsonReaderOptions.MaxDepth"/>
    /// counts); a record nested deeper is <see cref="CslJsonCodes.NestingTooDeep"/> with its line and column, and is skipped. Default 64; the items after a skipped one are read.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDepth { get; init => field = ReadLimits.AtLeastOne(value); } = 64;

    /// <summary>
    /// The most names one record may carry (the chapter's contributors and its book's together); past it the first names
    /// are kept, the others dropped, and <see cref="CslJsonCodes.TooManyNames"/> (a warning naming the record) is reported. Default 10,000:
    /// real records with several thousand authors are read whole.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxNames { get; init => field = ReadLimits.AtLeastOne(value); } = NameLimit.DefaultMax;

    internal NameLimit NameLimit => new(MaxNames, CslJsonCodes.TooManyNames, "CslJsonReadOptions.MaxNames");
}

/// <summary>How CSL-JSON is written (<see cref="CslJson"/>); nothing to set yet: items are written two-space indented, one per array element.</summary>
public sealed record CslJsonWriteOptions
{
    /// <summary>The defaults.</summary>
    public static CslJsonWriteOptions Default { get; } = new();
}
