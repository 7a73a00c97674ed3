using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Json;

public static partial class ScholarlyJson
{
    /// <summary>The longest JSON Lines record accepted: 16 MiB. Longer lines are reported and skipped.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;



    /// <summary>
    /// Reads JSON Lines (one chapter document per line, UTF-8) from a stream, one record at a time, in bounded memory.
    /// Blank lines are skipped. The first invalid line ends the sequence with a <see cref="JsonException"/> whose
    /// line number is the file's line; use the overload with a diagnostics callback to skip bad lines instead.
    /// </summary>
    /// <param name="utf8Json">The stream; it is left open.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The chapters, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    internal static IAsyncEnumerable<Chapter> ReadLinesAsync(Stream utf8Json, CancellationToken cancellationToken = default)
        => ReadLinesAsync(utf8Json, onDiagnostic: null, cancellationToken);

    /// <summary>
    /// Reads JSON Lines from a stream, one record at a time, in bounded memory. When <paramref name="onDiagnostic"/> is
    /// given, a line that is not a valid chapter is reported to it (code <see cref="ScholarlyJsonCodes.InvalidLine"/> or
    /// <see cref="ScholarlyJsonCodes.LineTooLong"/>, with the file's 1-based line and the 1-based byte in that line) and skipped, so
    /// one bad record never costs the others; when it is <see langword="null"/>, the first bad line throws.
    /// </summary>
    /// <param name="utf8Json">The stream; it is left open.</param>
    /// <param name="onDiagnostic">Receives a diagnostic for each line skipped, or <see langword="null"/> to throw instead.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The chapters, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    internal static async IAsyncEnumerable<Chapter> ReadLinesAsync(
        Stream utf8Json,
        Action<Diagnostic>? onDiagnostic,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var lines = new Utf8LineReader(utf8Json, MaxLineBytes);
        while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (ReadLine(lines, line.Span, onDiagnostic) is { } chapter) yield return chapter;
        }
    }

    /// <summary>
    /// Reads JSON Lines from a stream synchronously, one record at a time, in bounded memory.
    /// Bad lines are handled as in <see cref="ReadLinesAsync(Stream, Action{Diagnostic}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="utf8Json">The stream; it is left open.</param>
    /// <param name="onDiagnostic">Receives a diagnostic for each line skipped, or <see langword="null"/> to throw instead.</param>
    /// <returns>The chapters, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    internal static IEnumerable<Chapter> ReadLines(Stream utf8Json, Action<Diagnostic>? onDiagnostic = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Iterate(utf8Json, onDiagnostic);

        static IEnumerable<Chapter> Iterate(Stream stream, Action<Diagnostic>? onDiagnostic)
        {
            using var lines = new Utf8LineReader(stream, MaxLineBytes);
            while (lines.TryReadLine(out var line))
            {
                if (ReadLine(lines, line.Span, onDiagnostic) is { } chapter) yield return chapter;
            }
        }
    }

    /// <summary>Writes chapters as JSON Lines: one compact document per line, each ended by <c>\n</c>.</summary>
    /// <param name="utf8Json">The stream to write to; it is left open.</param>
    /// <param name="chapters">The chapters.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">A chapter holds a value JSON cannot carry; every chapter before it has been written, whole.</exception>
    internal static void WriteLines(Stream utf8Json, IEnumerable<Chapter> chapters)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(chapters);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using var writer = new Utf8JsonWriter(buffer, LineWriterOptions);
        foreach (var chapter in chapters)
        {
            var whole = buffer.WrittenCount;
            try
            {
                WriteLine(writer, buffer, chapter);
            }
            catch
            {
                // The lines before the bad record are whole: they reach the stream, the half-written record does not.
                utf8Json.Write(buffer.WrittenSpan[..whole]);
                throw;
            }

            if (buffer.WrittenCount >= FlushThreshold)
            {
                utf8Json.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }
        utf8Json.Write(buffer.WrittenSpan);
    }

    /// <summary>Writes chapters as JSON Lines asynchronously.</summary>
    /// <param name="utf8Json">The stream to write to; it is left open.</param>
    /// <param name="chapters">The chapters.</param>
    /// <param name="cancellationToken">Cancels the write; records already flushed stay whole.</param>
    /// <returns>A task that completes when every chapter is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">A chapter holds a value JSON cannot carry; every chapter before it has been written, whole.</exception>
    internal static async Task WriteLinesAsync(Stream utf8Json, IAsyncEnumerable<Chapter> chapters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(chapters);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using var writer = new Utf8JsonWriter(buffer, LineWriterOptions);
        await foreach (var chapter in chapters.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var whole = buffer.WrittenCount;
            Exception? failure = null;
            try
            {
                WriteLine(writer, buffer, chapter);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            if (failure is not null)
            {
                // As in WriteLines: the whole lines before the bad record are written, then the error is rethrown.
                await utf8Json.WriteAsync(buffer.WrittenMemory[..whole], cancellationToken).ConfigureAwait(false);
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            if (buffer.WrittenCount >= FlushThreshold)
            {
                await utf8Json.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }
        }
        await utf8Json.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes chapters as JSON Lines asynchronously.</summary>
    /// <param name="utf8Json">The stream to write to; it is left open.</param>
    /// <param name="chapters">The chapters.</param>
    /// <param name="cancellationToken">Cancels the write; records already flushed stay whole.</param>
    /// <returns>A task that completes when every chapter is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">A chapter holds a value JSON cannot carry.</exception>
    internal static Task WriteLinesAsync(Stream utf8Json, IEnumerable<Chapter> chapters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        return WriteLinesAsync(utf8Json, AsAsync(chapters), cancellationToken);

        static async IAsyncEnumerable<Chapter> AsAsync(IEnumerable<Chapter> items)
        {
            foreach (var item in items)
            {
                yield return item;
            }
            await Task.CompletedTask.ConfigureAwait(false);
        }
    }

    private const int FlushThreshold = 64 * 1024;

    internal static readonly JsonWriterOptions LineWriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    internal static void WriteLine(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter, nameof(chapter));
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, chapter, CompactInfo);
        writer.Flush();
        buffer.Write("\n"u8);
    }

    private static Chapter? ReadLine(Utf8LineReader lines, ReadOnlySpan<byte> line, Action<Diagnostic>? onDiagnostic, int maxLineBytes = MaxLineBytes)
    {
        if (lines.LastLineTooLong)
        {
            var tooLong = string.Create(CultureInfo.InvariantCulture, $"The record is longer than {maxLineBytes} bytes; it was skipped.");
            if (onDiagnostic is null) throw new JsonException(tooLong, "$", lines.LineNumber - 1, 0);
            onDiagnostic(DiagnosticCatalogue.Create(ScholarlyJsonCodes.LineTooLong, tooLong, (int)Math.Min(lines.LineNumber, int.MaxValue), 1));
            return null;
        }

        if (line.Trim(" \t"u8).IsEmpty) return null;
        try
        {
            return JsonSerializer.Deserialize(line, CompactInfo) ?? throw NullDocument();
        }
        catch (JsonException ex)
        {
            var located = Located(ex, lines.LineNumber);
            if (onDiagnostic is null) throw located;
            onDiagnostic(ToDiagnostic(located, ScholarlyJsonCodes.InvalidLine));
            return null;
        }
    }

    // The JSON Lines read core: each line that is not blank is a record, numbered from 1; its diagnostics carry its line.
    internal static IEnumerable<RecordResult> LineRecords(Stream stream, int maxLineBytes)
    {
        using var lines = new Utf8LineReader(stream, maxLineBytes);
        long number = 0;
        while (lines.TryReadLine(out var line))
        {
            if (LineRecord(lines, line.Span, maxLineBytes, ref number) is { } record) yield return record;
        }
    }

    internal static async IAsyncEnumerable<RecordResult> LineRecordsAsync(Stream stream, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new Utf8LineReader(stream, maxLineBytes);
        long number = 0;
        while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (LineRecord(lines, line.Span, maxLineBytes, ref number) is { } record) yield return record;
        }
    }

    private static RecordResult? LineRecord(Utf8LineReader lines, ReadOnlySpan<byte> line, int maxLineBytes, ref long number)
    {
        var diagnostics = new List<Diagnostic>(1);
        var chapter = ReadLine(lines, line, diagnostics.Add, maxLineBytes);
        if (chapter is null && diagnostics.Count == 1 && diagnostics[0].Code == ScholarlyJsonCodes.InvalidLine)
        {
            var failure = diagnostics[0];
            diagnostics.Clear();
            diagnostics.AddRange(Explain(System.Text.Encoding.UTF8.GetString(line), lines.LineNumber, failure));
        }
        return chapter is null && diagnostics.Count == 0 ? null : new RecordResult(++number, chapter, diagnostics);
    }
}
