using System.Runtime.CompilerServices;

namespace ScholarlyRecord.Formats;

/// <summary>
/// CSL-JSON, the input format of citeproc processors (citation-js, pandoc, Zotero): an array of items, or one item
/// object as DOI content negotiation returns it. Items of type <c>chapter</c> are read as chapters; every other item is
/// reported (<see cref="CslJsonCodes.NotAChapter"/>) and skipped. The mapping, its losses and the diagnostic codes are
/// in docs/formats-csl.md.
/// </summary>
/// <example><code>
/// var result = CslJson.Read(json);
/// foreach (var chapter in result.Records) Console.WriteLine(chapter.Title);
/// string csl = CslJson.Write(result.Records);
/// </code></example>
public static class CslJson
{
    private const int ReadChunk = 16 * 1024;

    /// <summary>The CSL-JSON format for tools that pick a format by name (<c>csljson</c>, <c>.json</c>).</summary>
    public static IRecordFormat Format { get; } = new CslJsonFormat();

    /// <summary>Reads CSL-JSON text. Never throws on bad input: problems are diagnostics with 1-based lines and columns.</summary>
    /// <param name="text">A JSON array of CSL items or a single item object.</param>
    /// <returns>The chapters and the diagnostics.</returns>
    public static ReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadBytes(CslJsonScanner.Encode(text));
    }

    /// <summary>Reads CSL-JSON text from a reader (to its end).</summary>
    /// <param name="reader">The text source.</param>
    /// <returns>The chapters and the diagnostics.</returns>
    public static ReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(reader.ReadToEnd());
    }

    /// <summary>
    /// Reads UTF-8 CSL-JSON from a stream one item at a time, holding only the current item in memory.
    /// </summary>
    /// <param name="stream">UTF-8 JSON (a byte order mark is skipped).</param>
    /// <param name="onDiagnostic">Called with each diagnostic as it is found; null to ignore them.</param>
    /// <param name="cancellationToken">Stops the read between buffer fills and items.</param>
    /// <returns>The chapters, in input order.</returns>
    public static async IAsyncEnumerable<Chapter> ReadAsync(Stream stream, Action<Diagnostic>? onDiagnostic = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var report = onDiagnostic ?? (static _ => { });
        var scanner = new CslJsonScanner(report);
        while (!scanner.IsDone)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (scanner.NeedsData)
            {
                var memory = scanner.GetWriteBuffer();
                var count = await stream.ReadAsync(memory[..Math.Min(memory.Length, ReadChunk)], cancellationToken).ConfigureAwait(false);
                scanner.Advance(count);
                continue;
            }

            if (scanner.TryNext(out var item, out var line, out var column))
            {
                var chapter = CslJsonItemReader.Map(item, line, column, report);
                if (chapter is not null) yield return chapter;
            }
        }
    }

    /// <summary>Writes one chapter as a CSL-JSON array holding one item.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return Write([chapter]);
    }

    /// <summary>Writes chapters as a CSL-JSON array of items (type <c>chapter</c>, unique deterministic ids).</summary>
    /// <param name="chapters">The chapters.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(IEnumerable<Chapter> chapters)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(chapters, writer);
        return writer.ToString();
    }

    /// <summary>Writes chapters as a CSL-JSON array to a writer, one item at a time.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">The destination.</param>
    public static void Write(IEnumerable<Chapter> chapters, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(writer);
        CslJsonItemWriter.WriteArray(chapters, writer);
    }

    private static ReadResult ReadBytes(byte[] bytes)
    {
        var chapters = new List<Chapter>();
        var diagnostics = new List<Diagnostic>();
        var scanner = new CslJsonScanner(diagnostics.Add);
        var offset = 0;
        while (!scanner.IsDone)
        {
            if (scanner.NeedsData)
            {
                var memory = scanner.GetWriteBuffer();
                var count = Math.Min(memory.Length, bytes.Length - offset);
                bytes.AsSpan(offset, count).CopyTo(memory.Span);
                offset += count;
                scanner.Advance(count);
                continue;
            }

            if (scanner.TryNext(out var item, out var line, out var column))
            {
                var chapter = CslJsonItemReader.Map(item, line, column, diagnostics.Add);
                if (chapter is not null) chapters.Add(chapter);
            }
        }

        return new ReadResult(chapters, diagnostics);
    }

    private sealed class CslJsonFormat : IRecordFormat
    {
        public string Name => "csljson";

        public IReadOnlyList<string> FileExtensions { get; } = [".json", ".csl.json"];

        public bool CanRead => true;

        public bool CanWrite => true;

        public ReadResult Read(TextReader reader) => CslJson.Read(reader);

        public void Write(IEnumerable<Chapter> chapters, TextWriter writer) => CslJson.Write(chapters, writer);
    }
}
