using System.Runtime.CompilerServices;
using System.Text;
using ScholarlyRecord.Internal;

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
    public static IRecordFormat Format { get; } = new EndnoteFormat();

    /// <summary>Reads the chapters in an EndNote text.</summary>
    /// <param name="text">The text (a leading byte order mark is skipped).</param>
    /// <param name="options">How to read; null for the defaults.</param>
    /// <returns>The chapters, and the diagnostics of both layers in input order.</returns>
    public static ReadResult Read(string text, EndnoteReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, options);
    }

    /// <summary>Reads the chapters in a stream of EndNote text (UTF-8 unless a byte order mark says otherwise). The stream is not disposed.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read; null for the defaults.</param>
    /// <returns>The chapters, and the diagnostics of both layers in input order.</returns>
    public static ReadResult Read(Stream stream, EndnoteReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        return Read(reader, options);
    }

    /// <summary>Reads the chapters in EndNote text to its end. The reader is not disposed.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; null for the defaults.</param>
    /// <returns>The chapters, and the diagnostics of both layers in input order.</returns>
    public static ReadResult Read(TextReader reader, EndnoteReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var endnoteReader = new EndnoteReader(reader, options);
        var chapters = new List<Chapter>();
        var diagnostics = new List<Diagnostic>();
        var seen = 0;
        foreach (var record in endnoteReader.ReadRecords())
        {
            seen = CopyNew(endnoteReader.Diagnostics, seen, diagnostics.Add);
            var chapter = EndnoteMapping.ToChapter(record, diagnostics.Add);
            if (chapter is not null) chapters.Add(chapter);
        }
        CopyNew(endnoteReader.Diagnostics, seen, diagnostics.Add);
        return new ReadResult(chapters, diagnostics);
    }

    /// <summary>
    /// Reads the chapters in an EndNote stream one record at a time, in memory bounded by the largest record.
    /// The text is decoded as UTF-8 unless a byte order mark says otherwise; the stream is not disposed.
    /// </summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="onDiagnostic">Receives each diagnostic of both layers, in input order, before the chapter it concerns.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The chapters in input order.</returns>
    public static IAsyncEnumerable<Chapter> ReadAsync(Stream stream, Action<Diagnostic>? onDiagnostic = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadAsyncCore(stream, onDiagnostic, cancellationToken);
    }

    private static async IAsyncEnumerable<Chapter> ReadAsyncCore(Stream stream, Action<Diagnostic>? onDiagnostic, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        var endnoteReader = new EndnoteReader(text);
        var seen = 0;
        await foreach (var record in endnoteReader.ReadRecordsAsync(cancellationToken).ConfigureAwait(false))
        {
            seen = CopyNew(endnoteReader.Diagnostics, seen, onDiagnostic);
            var chapter = EndnoteMapping.ToChapter(record, onDiagnostic);
            if (chapter is not null) yield return chapter;
        }
        CopyNew(endnoteReader.Diagnostics, seen, onDiagnostic);
    }

    private static int CopyNew(IReadOnlyList<Diagnostic> source, int seen, Action<Diagnostic>? sink)
    {
        for (var i = seen; i < source.Count; i++)
        {
            sink?.Invoke(source[i]);
        }
        return source.Count;
    }

    /// <summary>Writes one chapter as an EndNote record.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="options">How to write (line endings); null for the defaults (CRLF).</param>
    /// <returns>The text, ending with a blank line.</returns>
    public static string Write(Chapter chapter, EndnoteWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return Write([chapter], options);
    }

    /// <summary>Writes chapters as EndNote records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="options">How to write (line endings); null for the defaults (CRLF).</param>
    /// <returns>The text.</returns>
    public static string Write(IEnumerable<Chapter> chapters, EndnoteWriteOptions? options = null)
    {
        using var writer = new PooledStringWriter();
        Write(chapters, writer, options);
        return writer.ToString();
    }

    /// <summary>Writes chapters as EndNote records, one at a time: <c>%0 Book Section</c>, the fields, a blank line.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write; not disposed.</param>
    /// <param name="options">How to write (line endings); null for the defaults (CRLF).</param>
    public static void Write(IEnumerable<Chapter> chapters, TextWriter writer, EndnoteWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(writer);
        var newLine = (options ?? EndnoteWriteOptions.Default).NewLineText;
        foreach (var chapter in chapters)
        {
            ArgumentNullException.ThrowIfNull(chapter, nameof(chapters));
            WriteChapter(chapter, writer, newLine);
        }
    }

    /// <summary>Writes chapters as EndNote records in UTF-8 (no byte order mark). The stream is flushed, not disposed.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write (line endings); null for the defaults (CRLF).</param>
    public static void Write(IEnumerable<Chapter> chapters, Stream stream, EndnoteWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        Write(chapters, writer, options);
        writer.Flush();
    }

    /// <summary>Writes chapters as EndNote records as they arrive. The writer is flushed, not disposed.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write (line endings); null for the defaults (CRLF).</param>
    /// <param name="cancellationToken">Checked between records: a record is written whole or not at all.</param>
    /// <returns>A task that completes when everything is written.</returns>
    public static Task WriteAsync(IAsyncEnumerable<Chapter> chapters, TextWriter writer, EndnoteWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(writer);
        return WriteAsyncCore(chapters, writer, (options ?? EndnoteWriteOptions.Default).NewLineText, cancellationToken);
    }

    /// <summary>Writes chapters as EndNote records in UTF-8 (no byte order mark) as they arrive. The stream is flushed, not disposed.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write (line endings); null for the defaults (CRLF).</param>
    /// <param name="cancellationToken">Checked between records: a record is written whole or not at all.</param>
    /// <returns>A task that completes when everything is written.</returns>
    public static Task WriteAsync(IAsyncEnumerable<Chapter> chapters, Stream stream, EndnoteWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(stream);
        return WriteStreamAsyncCore(chapters, stream, (options ?? EndnoteWriteOptions.Default).NewLineText, cancellationToken);
    }

    private static async Task WriteStreamAsyncCore(IAsyncEnumerable<Chapter> chapters, Stream stream, string newLine, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await WriteAsyncCore(chapters, writer, newLine, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsyncCore(IAsyncEnumerable<Chapter> chapters, TextWriter writer, string newLine, CancellationToken cancellationToken)
    {
        await foreach (var chapter in chapters.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentNullException.ThrowIfNull(chapter, nameof(chapters));
            using var record = new PooledStringWriter();
            WriteChapter(chapter, record, newLine);
            await writer.WriteAsync(record.ToString()).ConfigureAwait(false);
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    // The record EndnoteMapping.ToRecord builds, written straight to the output, then the blank line that ends it.
    private static void WriteChapter(Chapter chapter, TextWriter writer, string newLine)
    {
        EndnoteWriter.WriteField(writer, EndnoteSyntax.TypeTag, EndnoteMapping.ChapterType, newLine);
        EndnoteMapping.MapFields(chapter, (tag, value) => EndnoteWriter.WriteField(writer, tag, value, newLine));
        writer.Write(newLine);
    }

    private sealed class EndnoteFormat : IRecordFormat, IHasFormatAliases
    {
        public string Name => "endnote";

        public IReadOnlyList<string> Aliases { get; } = ValueList.From(["enw"]);

        public IReadOnlyList<string> FileExtensions { get; } = ValueList.From([".enw"]);

        public bool CanRead => true;

        public bool CanWrite => true;

        public ReadResult Read(TextReader reader) => Endnote.Read(reader);

        public void Write(IEnumerable<Chapter> chapters, TextWriter writer) => Endnote.Write(chapters, writer);
    }
}

/// <summary>A format that answers to other names too (until the format objects carry aliases themselves).</summary>
internal interface IHasFormatAliases
{
    /// <summary>The other names, lower case.</summary>
    IReadOnlyList<string> Aliases { get; }
}
