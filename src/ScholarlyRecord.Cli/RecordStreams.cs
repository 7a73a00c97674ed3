using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Json;

namespace ScholarlyRecord.Cli;

/// <summary>
/// Reads and writes records through the library, one record at a time where the library can: the streaming readers
/// (<see cref="ScholarlyJson.ReadLinesAsync(Stream, Action{Diagnostic}?, CancellationToken)"/>, <see cref="Bibtex.ReadAsync"/>,
/// <see cref="Ris.ReadAsync"/>, <see cref="CslJson.ReadAsync"/>) and the writers of <see cref="IRecordFormat"/>.
/// </summary>
internal static class RecordStreams
{
    /// <summary>UTF-8 without a byte order mark, the encoding of everything the tool writes.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The names of the formats that can be read, for help and for checking <c>--from</c>.</summary>
    public static string[] ReadableNames { get; } = [.. RecordFormats.All.Where(f => f.CanRead).Select(f => f.Name)];

    /// <summary>The names of the formats that can be written, for help and for checking <c>--to</c>.</summary>
    public static string[] WritableNames { get; } = [.. RecordFormats.All.Where(f => f.CanWrite).Select(f => f.Name)];

    /// <summary>
    /// The chapters in <paramref name="stream"/>, in input order. JSON Lines, BibTeX, BibLaTeX, RIS and CSL-JSON are
    /// read one record at a time in bounded memory; the single-document formats (the library's JSON, schema.org,
    /// a Crossref response) are read whole, as they hold one document.
    /// </summary>
    /// <param name="format">The input format.</param>
    /// <param name="stream">The input; left open.</param>
    /// <param name="onDiagnostic">Receives each reader diagnostic as it is found.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The chapters.</returns>
    public static IAsyncEnumerable<Chapter> Read(IRecordFormat format, Stream stream, Action<Diagnostic> onDiagnostic, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(format, ScholarlyJson.LinesFormat)) return ScholarlyJson.ReadLinesAsync(stream, onDiagnostic, cancellationToken);
        if (ReferenceEquals(format, Bibtex.Format) || ReferenceEquals(format, Bibtex.BiblatexFormat)) return Bibtex.ReadAsync(stream, onDiagnostic, cancellationToken);
        if (ReferenceEquals(format, Ris.Format)) return Ris.ReadAsync(stream, onDiagnostic, cancellationToken);
        if (ReferenceEquals(format, CslJson.Format)) return CslJson.ReadAsync(stream, onDiagnostic, cancellationToken);
        return ReadWhole(format, stream, onDiagnostic, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="chapters"/> to <paramref name="output"/> in <paramref name="format"/>, record by record,
    /// and flushes. When the sequence ends early (Ctrl+C), the writer still closes its document, so the output is
    /// complete records in a well-formed file.
    /// </summary>
    /// <param name="format">The output format.</param>
    /// <param name="chapters">The chapters, enumerated once.</param>
    /// <param name="output">The output; left open.</param>
    /// <param name="onRefused">
    /// Called with the 1-based record number and the reason when JSON Lines cannot carry a record (the library's JSON
    /// refuses what its schema refuses, such as an empty title); the record is left out and the others are written.
    /// </param>
    /// <exception cref="JsonException">The library's JSON (one document) cannot carry its chapter.</exception>
    /// <exception cref="ArgumentException">The library's JSON is asked for other than exactly one chapter.</exception>
    public static void Write(IRecordFormat format, IEnumerable<Chapter> chapters, Stream output, Action<long, JsonException> onRefused)
    {
        if (ReferenceEquals(format, ScholarlyJson.LinesFormat))
        {
            WriteLines(chapters, output, onRefused);
        }
        else
        {
            using var writer = new StreamWriter(output, Utf8, 64 * 1024, leaveOpen: true);
            format.Write(chapters, writer);
        }
        output.Flush();
    }

    // JSON Lines one record at a time through ScholarlyJson.Serialize, with the writer settings of ScholarlyJson.WriteLines
    // (compact, no escaping beyond what JSON requires), so that a record JSON cannot carry costs only itself:
    // WriteLines stops at the first such record and loses the lines it had not flushed yet.
    private static void WriteLines(IEnumerable<Chapter> chapters, Stream output, Action<long, JsonException> onRefused)
    {
        const int FlushThreshold = 64 * 1024;
        using var pending = new MemoryStream(FlushThreshold * 2);
        using var json = new Utf8JsonWriter(pending, LineOptions);
        var record = 0L;
        foreach (var chapter in chapters)
        {
            record++;
            var start = pending.Length;
            try
            {
                ScholarlyJson.Serialize(json, chapter);
                json.Flush();
                pending.WriteByte((byte)'\n');
            }
            catch (JsonException ex)
            {
                pending.SetLength(start);
                onRefused(record, ex);
            }
            json.Reset(pending);
            if (pending.Length >= FlushThreshold)
            {
                output.Write(pending.GetBuffer(), 0, (int)pending.Length);
                pending.SetLength(0);
            }
        }
        output.Write(pending.GetBuffer(), 0, (int)pending.Length);
    }

    private static readonly JsonWriterOptions LineOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>
    /// Turns the asynchronous reader into the sequence the writers take. It ends quietly at the first record boundary
    /// after <paramref name="cancellationToken"/> is cancelled, so that the writer can finish the record it holds and
    /// close its document.
    /// </summary>
    /// <param name="chapters">The reader's chapters.</param>
    /// <param name="onRecord">Called for each chapter before it is handed on (progress, counting).</param>
    /// <param name="cancellationToken">Ends the sequence.</param>
    /// <returns>The chapters.</returns>
    public static IEnumerable<Chapter> UntilCancelled(IAsyncEnumerable<Chapter> chapters, Action<Chapter> onRecord, CancellationToken cancellationToken)
    {
        var enumerator = chapters.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested && MoveNext(enumerator, cancellationToken))
            {
                onRecord(enumerator.Current);
                yield return enumerator.Current;
            }
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static bool MoveNext(IAsyncEnumerator<Chapter> enumerator, CancellationToken cancellationToken)
    {
        try
        {
            var next = enumerator.MoveNextAsync();
            return next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async IAsyncEnumerable<Chapter> ReadWhole(IRecordFormat format, Stream stream, Action<Diagnostic> onDiagnostic,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var result = format.Read(new StringReader(text));
        foreach (var diagnostic in result.Diagnostics) onDiagnostic(diagnostic);
        foreach (var chapter in result.Records) yield return chapter;
    }
}
