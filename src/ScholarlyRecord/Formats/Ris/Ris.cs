using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The RIS front door: reads <c>CHAP</c> and <c>ECHAP</c> records as chapters and writes chapters as <c>CHAP</c>
/// records. <c>text -&gt; Ris.Read -&gt; ReadResult (chapters + diagnostics) -&gt; Chapter -&gt; Ris.Write -&gt; text</c>.
/// </summary>
/// <remarks>
/// <para>The field table, the name, date and text rules and the diagnostic codes (<c>RIS4xx</c>) are in
/// docs/formats-ris.md. Records of other types are reported as skipped (<c>RIS401</c>, Info) with their line.
/// Fields the model has no slot for are kept as extra fields named <c>ris:&lt;TAG&gt;</c> and written back.</para>
/// <para>Reading never throws on bad input: problems are diagnostics with line and column, and one broken record
/// never costs the others. <see cref="Parse(string)"/> gives the document layer (every record of every type).</para>
/// </remarks>
public static partial class Ris
{
    /// <summary>The RIS format for tools that pick a format by name (<c>ris</c>) or extension (<c>.ris</c>).</summary>
    public static IRecordFormat Format { get; } = new RisFormat();

    /// <summary>Reads a whole RIS text at the document layer: every record of every type.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The records and the document layer's diagnostics.</returns>
    public static RisDocument Parse(string text) => RisDocument.Parse(text);

    /// <summary>Reads RIS text to its end at the document layer. The reader is not disposed.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The records and the document layer's diagnostics.</returns>
    public static RisDocument Parse(TextReader reader) => RisDocument.Parse(reader);

    /// <summary>Reads the chapters in a RIS text.</summary>
    /// <param name="text">The text (a leading byte order mark is skipped).</param>
    /// <returns>The chapters, and the diagnostics of both layers in input order.</returns>
    public static ReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader);
    }

    /// <summary>Reads the chapters in RIS text to its end. The reader is not disposed.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The chapters, and the diagnostics of both layers in input order.</returns>
    public static ReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var risReader = new RisReader(reader);
        var chapters = new List<Chapter>();
        var diagnostics = new List<Diagnostic>();
        var seen = 0;
        var batch = new List<Diagnostic>();
        foreach (var record in risReader.ReadRecords())
        {
            seen = CopyNew(risReader.Diagnostics, seen, batch.Add);
            var chapter = MapRecord(record, batch.Add);
            Flush(batch, diagnostics.Add);
            if (chapter is not null) chapters.Add(chapter);
        }
        CopyNew(risReader.Diagnostics, seen, diagnostics.Add);
        return new ReadResult(chapters, diagnostics);
    }

    /// <summary>
    /// Reads the chapters in a RIS stream one record at a time, in memory bounded by the largest record.
    /// The text is decoded as UTF-8 unless a byte order mark says otherwise; the stream is not disposed.
    /// </summary>
    /// <param name="stream">The RIS bytes.</param>
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
        var risReader = new RisReader(text);
        var seen = 0;
        var batch = new List<Diagnostic>();
        await foreach (var record in risReader.ReadRecordsAsync(cancellationToken).ConfigureAwait(false))
        {
            seen = CopyNew(risReader.Diagnostics, seen, batch.Add);
            var chapter = MapRecord(record, batch.Add);
            Flush(batch, onDiagnostic);
            if (chapter is not null) yield return chapter;
        }
        CopyNew(risReader.Diagnostics, seen, onDiagnostic);
    }

    // The document layer reports a missing ER at the next TY line, before the record it closes is mapped:
    // a stable sort by line puts the record's own diagnostics first, so the whole list stays in input order.
    private static void Flush(List<Diagnostic> batch, Action<Diagnostic>? sink)
    {
        if (batch.Count > 1)
        {
            var sorted = batch.OrderBy(d => d.Line).ToList();
            batch.Clear();
            batch.AddRange(sorted);
        }
        foreach (var diagnostic in batch)
        {
            sink?.Invoke(diagnostic);
        }
        batch.Clear();
    }

    private static int CopyNew(IReadOnlyList<Diagnostic> source, int seen, Action<Diagnostic>? sink)
    {
        for (var i = seen; i < source.Count; i++)
        {
            sink?.Invoke(source[i]);
        }
        return source.Count;
    }

    /// <summary>Maps one document-layer record to a chapter.</summary>
    /// <param name="record">The record.</param>
    /// <param name="onDiagnostic">Receives the mapping's diagnostics (<c>RIS4xx</c>), such as <c>RIS401</c> for a record that is not a chapter.</param>
    /// <returns>The chapter, or null when the record is not a <c>CHAP</c> or <c>ECHAP</c> record.</returns>
    public static Chapter? ToChapter(RisRecord record, Action<Diagnostic>? onDiagnostic = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return MapRecord(record, onDiagnostic);
    }

    /// <summary>Maps a chapter to the document-layer <c>CHAP</c> record <see cref="Write(Chapter)"/> writes.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <returns>The record, fields in the written order.</returns>
    public static RisRecord ToRecord(Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return BuildRecord(chapter);
    }

    /// <summary>Writes one chapter as a RIS record with CRLF line endings.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <returns>The RIS text, ending with a blank line.</returns>
    public static string Write(Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return Write([chapter]);
    }

    /// <summary>Writes one chapter as a RIS record.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="options">How to write (line endings).</param>
    /// <returns>The RIS text, ending with a blank line.</returns>
    public static string Write(Chapter chapter, RisWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return Write([chapter], options);
    }

    /// <summary>Writes chapters as RIS records with CRLF line endings.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <returns>The RIS text.</returns>
    public static string Write(IEnumerable<Chapter> chapters) => Write(chapters, RisWriterOptions.Default);

    /// <summary>Writes chapters as RIS records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="options">How to write (line endings).</param>
    /// <returns>The RIS text.</returns>
    public static string Write(IEnumerable<Chapter> chapters, RisWriterOptions options)
    {
        using var writer = new PooledStringWriter();
        Write(chapters, writer, options);
        return writer.ToString();
    }

    /// <summary>Writes chapters as RIS records with CRLF line endings, one at a time.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write; not disposed.</param>
    public static void Write(IEnumerable<Chapter> chapters, TextWriter writer) => Write(chapters, writer, RisWriterOptions.Default);

    /// <summary>Writes chapters as RIS records, one at a time: <c>TY  - CHAP</c>, the fields, <c>ER  - </c>, a blank line.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write; not disposed.</param>
    /// <param name="options">How to write (line endings).</param>
    public static void Write(IEnumerable<Chapter> chapters, TextWriter writer, RisWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var newLine = options.NewLineText;
        var fields = new TextFields(writer, newLine);
        foreach (var chapter in chapters)
        {
            ArgumentNullException.ThrowIfNull(chapter, nameof(chapters));
            WriteRecord(chapter, fields);
            writer.Write(newLine);
        }
    }

    private sealed class RisFormat : IRecordFormat
    {
        public string Name => "ris";

        public IReadOnlyList<string> FileExtensions { get; } = ValueList.From([".ris"]);

        public bool CanRead => true;

        public bool CanWrite => true;

        public ReadResult Read(TextReader reader) => Ris.Read(reader);

        public void Write(IEnumerable<Chapter> chapters, TextWriter writer) => Ris.Write(chapters, writer);
    }
}
