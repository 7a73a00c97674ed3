using System.Runtime.CompilerServices;
using System.Text;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// A record format as an object, for tools that choose a format at run time (<see cref="RecordFormats"/> finds one by
/// name, alias or file extension). It offers the read set and the write set of the format's static front door
/// (<see cref="Bibtex"/>, <see cref="Ris"/>, ...) with the options it was built with. Only the library implements it.
/// </summary>
/// <remarks>
/// Every member checks its arguments at the call, before anything is read, enumerated or awaited. Bad input never
/// throws: it is reported as <see cref="Diagnostic"/>s. A <see cref="Stream"/> is read as UTF-8 unless a byte order mark
/// says otherwise, read to its end and never disposed; writes flush the caller's writer or stream and dispose neither.
/// </remarks>
public abstract class RecordFormat
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private protected RecordFormat(string name, IReadOnlyList<string> aliases, IReadOnlyList<string> fileExtensions, bool canRead, bool canWrite, bool streamsRecords)
    {
        Name = name;
        Aliases = ValueList.From(aliases);
        FileExtensions = ValueList.From(fileExtensions);
        CanRead = canRead;
        CanWrite = canWrite;
        StreamsRecords = streamsRecords;
    }

    /// <summary>The format's name, lower case, such as <c>bibtex</c> or <c>csl-json</c>.</summary>
    public string Name { get; }

    /// <summary>Other names that find the format, such as <c>bib</c> for <c>bibtex</c>.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The file extensions the format uses, with the dot, lower case, such as <c>.bib</c>.</summary>
    public IReadOnlyList<string> FileExtensions { get; }

    /// <summary>True when the format can be read.</summary>
    public bool CanRead { get; }

    /// <summary>True when the format can be written.</summary>
    public bool CanWrite { get; }

    /// <summary>
    /// True when a streaming read gives each record as soon as it is read, in memory bounded by the largest record;
    /// false when the whole input is read first (one JSON document, schema.org, a Crossref response).
    /// </summary>
    public bool StreamsRecords { get; }

    /// <summary>The format's <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Reads the chapters in a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The chapters and the diagnostics.</returns>
    /// <exception cref="NotSupportedException">The format cannot be read.</exception>
    public ReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RequireRead();
        using var reader = new StringReader(text);
        return ReadResult.Collect(Names.Apply(ReadText(reader)));
    }

    /// <summary>Reads the chapters in a text reader, to its end (not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The chapters and the diagnostics.</returns>
    /// <exception cref="NotSupportedException">The format cannot be read.</exception>
    public ReadResult Read(TextReader reader) => ReadResult.Collect(ReadRecords(reader));

    /// <summary>Reads the chapters in a stream, to its end (not disposed).</summary>
    /// <param name="stream">The bytes.</param>
    /// <returns>The chapters and the diagnostics.</returns>
    /// <exception cref="NotSupportedException">The format cannot be read.</exception>
    public ReadResult Read(Stream stream) => ReadResult.Collect(ReadRecords(stream));

    /// <summary>Reads the records of a text reader one at a time (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The records, each with its chapter and diagnostics.</returns>
    /// <exception cref="NotSupportedException">The format cannot be read.</exception>
    public IEnumerable<RecordResult> ReadRecords(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        RequireRead();
        return Names.Apply(ReadText(reader));
    }

    /// <summary>Reads the records of a stream one at a time (the stream is not disposed).</summary>
    /// <param name="stream">The bytes.</param>
    /// <returns>The records, each with its chapter and diagnostics.</returns>
    /// <exception cref="NotSupportedException">The format cannot be read.</exception>
    /// <exception cref="IOException">The stream failed; the message says after how many bytes, and the stream's own
    /// exception is the inner one. The records before the failure have been returned whole.</exception>
    public IEnumerable<RecordResult> ReadRecords(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RequireRead();
        return Names.Apply(ReadBytes(InputStream.Wrap(stream)));
    }

    /// <summary>Reads the records of a text reader one at a time, asynchronously (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="cancellationToken">Stops the read between records.</param>
    /// <returns>The records, each with its chapter and diagnostics.</returns>
    /// <exception cref="NotSupportedException">The format cannot be read.</exception>
    public IAsyncEnumerable<RecordResult> ReadRecordsAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        RequireRead();
        return Names.ApplyAsync(ReadTextAsync(reader, cancellationToken), cancellationToken);
    }

    /// <summary>Reads the records of a stream one at a time, asynchronously (the stream is not disposed).</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="cancellationToken">Stops the read between records.</param>
    /// <returns>The records, each with its chapter and diagnostics.</returns>
    /// <exception cref="NotSupportedException">The format cannot be read.</exception>
    /// <exception cref="IOException">The stream failed; the message says after how many bytes, and the stream's own
    /// exception is the inner one. The records before the failure have been returned whole.</exception>
    public IAsyncEnumerable<RecordResult> ReadRecordsAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RequireRead();
        return Names.ApplyAsync(ReadBytesAsync(InputStream.Wrap(stream), cancellationToken), cancellationToken);
    }

    /// <summary>Writes one chapter.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry the chapter.</exception>
    /// <exception cref="NotSupportedException">The format cannot be written.</exception>
    public string Write(Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return Write([chapter]);
    }

    /// <summary>Writes chapters as one text.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry one of the chapters.</exception>
    /// <exception cref="NotSupportedException">The format cannot be written.</exception>
    public string Write(IEnumerable<Chapter> chapters)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        RequireWrite();
        using var writer = new PooledStringWriter();
        var result = WriteCore(chapters, writer);
        if (result.Diagnostics.Count > 0) throw new ArgumentException(result.Diagnostics[0].ToString(), nameof(chapters));
        return writer.ToString();
    }

    /// <summary>Writes chapters to a text writer, one record at a time; a chapter the format cannot carry is left out and reported.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write (flushed, not disposed).</param>
    /// <returns>How many chapters were written, and one diagnostic per chapter left out.</returns>
    /// <exception cref="NotSupportedException">The format cannot be written.</exception>
    public WriteResult Write(IEnumerable<Chapter> chapters, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(writer);
        RequireWrite();
        var result = WriteCore(chapters, writer);
        writer.Flush();
        return result;
    }

    /// <summary>Writes chapters to a stream as UTF-8, one record at a time; a chapter the format cannot carry is left out and reported.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write (flushed, not disposed).</param>
    /// <returns>How many chapters were written, and one diagnostic per chapter left out.</returns>
    /// <exception cref="NotSupportedException">The format cannot be written.</exception>
    public WriteResult Write(IEnumerable<Chapter> chapters, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(stream);
        RequireWrite();
        using var writer = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
        var result = WriteCore(chapters, writer);
        writer.Flush();
        return result;
    }

    /// <summary>Writes chapters to a text writer as they arrive; cancellation is checked between records, so each is written whole or not at all.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write (flushed, not disposed).</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and one diagnostic per chapter left out.</returns>
    /// <exception cref="NotSupportedException">The format cannot be written.</exception>
    public Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(writer);
        RequireWrite();
        return WriteCoreAsync(chapters, writer, ownsWriter: false, cancellationToken);
    }

    /// <summary>Writes chapters to a stream as UTF-8 as they arrive; cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write (flushed, not disposed).</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and one diagnostic per chapter left out.</returns>
    /// <exception cref="NotSupportedException">The format cannot be written.</exception>
    public Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(stream);
        RequireWrite();
        return WriteCoreAsync(chapters, new StreamWriter(stream, Utf8, bufferSize: 64 * 1024, leaveOpen: true), ownsWriter: true, cancellationToken);
    }

    /// <summary>The names-per-record limit of the format's read options, applied to every record the read set returns.</summary>
    private protected virtual NameLimit Names => NameLimit.None;

    /// <summary>The one read core of the format over text.</summary>
    private protected abstract IEnumerable<RecordResult> ReadText(TextReader reader);

    /// <summary>The asynchronous twin of <see cref="ReadText"/>.</summary>
    private protected abstract IAsyncEnumerable<RecordResult> ReadTextAsync(TextReader reader, CancellationToken cancellationToken);

    /// <summary>Reads bytes; text formats decode them (UTF-8 unless a byte order mark says otherwise) and use <see cref="ReadText"/>.</summary>
    private protected virtual IEnumerable<RecordResult> ReadBytes(Stream stream)
    {
        using var reader = Decode(stream);
        foreach (var record in ReadText(reader)) yield return record;
    }

    /// <summary>The asynchronous twin of <see cref="ReadBytes"/>.</summary>
    private protected virtual async IAsyncEnumerable<RecordResult> ReadBytesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = Decode(stream);
        await foreach (var record in ReadTextAsync(reader, cancellationToken).ConfigureAwait(false)) yield return record;
    }

    /// <summary>Starts a write: the object that writes one record at a time.</summary>
    private protected abstract RecordWriter CreateWriter();

    /// <summary>A decoder over a stream: UTF-8 unless a byte order mark names another encoding; the stream stays open.</summary>
    private protected static StreamReader Decode(Stream stream) =>
        new(stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);

    private WriteResult WriteCore(IEnumerable<Chapter> chapters, TextWriter writer)
    {
        using var records = CreateWriter();
        using var buffer = new PooledStringWriter();
        var diagnostics = new List<Diagnostic>();
        long record = 0, written = 0;
        records.Start(buffer);
        Drain(buffer, writer);
        foreach (var chapter in chapters)
        {
            ArgumentNullException.ThrowIfNull(chapter, nameof(chapters));
            record++;
            if (records.Write(chapter, record, buffer, diagnostics)) written++;
            Drain(buffer, writer);
        }
        records.End(buffer);
        Drain(buffer, writer);
        return new WriteResult(written, diagnostics);
    }

    private async Task<WriteResult> WriteCoreAsync(IAsyncEnumerable<Chapter> chapters, TextWriter writer, bool ownsWriter, CancellationToken cancellationToken)
    {
        try
        {
            using var records = CreateWriter();
            using var buffer = new PooledStringWriter();
            var diagnostics = new List<Diagnostic>();
            long record = 0, written = 0;
            records.Start(buffer);
            await DrainAsync(buffer, writer, cancellationToken).ConfigureAwait(false);
            await foreach (var chapter in chapters.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                ArgumentNullException.ThrowIfNull(chapter, nameof(chapters));
                cancellationToken.ThrowIfCancellationRequested();
                record++;
                if (records.Write(chapter, record, buffer, diagnostics)) written++;
                await DrainAsync(buffer, writer, cancellationToken).ConfigureAwait(false);
            }
            records.End(buffer);
            await DrainAsync(buffer, writer, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new WriteResult(written, diagnostics);
        }
        finally
        {
            if (ownsWriter) await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Drain(PooledStringWriter buffer, TextWriter writer)
    {
        if (buffer.Length == 0) return;
        buffer.WriteTo(writer);
        buffer.Clear();
    }

    private static async Task DrainAsync(PooledStringWriter buffer, TextWriter writer, CancellationToken cancellationToken)
    {
        if (buffer.Length == 0) return;
        await writer.WriteAsync(buffer.Memory, cancellationToken).ConfigureAwait(false);
        buffer.Clear();
    }

    private void RequireRead()
    {
        if (!CanRead) throw new NotSupportedException($"The format \"{Name}\" cannot be read.");
    }

    private void RequireWrite()
    {
        if (!CanWrite) throw new NotSupportedException($"The format \"{Name}\" cannot be written.");
    }
}

/// <summary>
/// Writes a format one record at a time into a buffer that the caller empties after each call, so that a record reaches
/// the output whole and the output is never held in memory as a whole.
/// </summary>
internal abstract class RecordWriter : IDisposable
{
    /// <summary>Writes what comes before the first record (an opening bracket).</summary>
    public virtual void Start(TextWriter output)
    {
    }

    /// <summary>Writes one chapter, or reports why it is left out.</summary>
    /// <returns>True when the chapter was written.</returns>
    public abstract bool Write(Chapter chapter, long record, TextWriter output, List<Diagnostic> diagnostics);

    /// <summary>Writes what comes after the last record.</summary>
    public virtual void End(TextWriter output)
    {
    }

    /// <summary>Lets go of what the writer holds.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Lets go of what the writer holds.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
