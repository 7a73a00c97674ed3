using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

public static partial class ScholarlyJson
{
    /// <summary>The longest JSON Lines record accepted: 16 MiB. Longer lines are reported and skipped.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    /// <summary>The serializer's nesting limit, and so the most <see cref="ScholarlyJsonReadOptions.MaxDepth"/> can be.</summary>
    internal const int MaxSerializerDepth = 64;

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

    // One line to a chapter, or null with the reason reported (a blank line is neither a chapter nor a problem).
    private static Chapter? ReadLine(Utf8LineReader lines, ReadOnlySpan<byte> line, Action<Diagnostic> onDiagnostic, ScholarlyJsonReadOptions read)
    {
        if (lines.LastLineTooLong)
        {
            var tooLong = string.Create(CultureInfo.InvariantCulture, $"The record is longer than {read.MaxLineBytes} bytes; it was skipped.");
            onDiagnostic(DiagnosticCatalogue.Create(ScholarlyJsonCodes.LineTooLong, tooLong, (int)Math.Min(lines.LineNumber, int.MaxValue), 1));
            return null;
        }

        if (line.Trim(" \t"u8).IsEmpty) return null;
        if (read.MaxDepth < MaxSerializerDepth && TooDeep(line, read.MaxDepth, lines.LineNumber) is { } deep)
        {
            onDiagnostic(deep);
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(line, CompactInfo) ?? throw NullDocument();
        }
        catch (JsonException) when (TooDeep(line, read.MaxDepth, lines.LineNumber) is { } tooDeep)
        {
            onDiagnostic(tooDeep);
            return null;
        }
        catch (JsonException ex)
        {
            var located = Located(ex, lines.LineNumber);
            onDiagnostic(ToDiagnostic(located, ScholarlyJsonCodes.InvalidLine));
            return null;
        }
    }

    // The JSON Lines read core: each line that is not blank is a record, numbered from 1; its diagnostics carry its line.
    internal static IEnumerable<RecordResult> LineRecords(Stream stream, ScholarlyJsonReadOptions read)
    {
        using var lines = new Utf8LineReader(stream, read.MaxLineBytes);
        long number = 0;
        while (lines.TryReadLine(out var line))
        {
            if (LineRecord(lines, line.Span, read, ref number) is { } record) yield return record;
        }
    }

    internal static async IAsyncEnumerable<RecordResult> LineRecordsAsync(Stream stream, ScholarlyJsonReadOptions read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new Utf8LineReader(stream, read.MaxLineBytes);
        long number = 0;
        while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (LineRecord(lines, line.Span, read, ref number) is { } record) yield return record;
        }
    }

    private static RecordResult? LineRecord(Utf8LineReader lines, ReadOnlySpan<byte> line, ScholarlyJsonReadOptions read, ref long number)
    {
        var diagnostics = new List<Diagnostic>(1);
        var chapter = ReadLine(lines, line, diagnostics.Add, read);
        if (chapter is null && diagnostics.Count == 1 && diagnostics[0].Code == ScholarlyJsonCodes.InvalidLine)
        {
            var failure = diagnostics[0];
            diagnostics.Clear();
            diagnostics.AddRange(Explain(System.Text.Encoding.UTF8.GetString(line), lines.LineNumber, failure));
        }
        return chapter is null && diagnostics.Count == 0 ? null : new RecordResult(++number, chapter, diagnostics);
    }

    // The NestingTooDeep diagnostic of a document or line nested past the limit, or null. A JSON Lines line is one line,
    // so its line number is the reader's; a document's line is counted in it.
    private static Diagnostic? TooDeep(ReadOnlySpan<byte> utf8, int maxDepth, long lineNumber)
    {
        var at = Internal.JsonNesting.FindTooDeep(utf8, maxDepth);
        if (at < 0) return null;
        var (line, column) = Utf8Position.LineAndColumn(utf8, at);
        var what = lineNumber > 0 ? "line" : "document";
        return DiagnosticCatalogue.Create(ScholarlyJsonCodes.NestingTooDeep,
            string.Create(CultureInfo.InvariantCulture, $"The {what} nests arrays and objects deeper than {maxDepth} levels (ScholarlyJsonReadOptions.MaxDepth) here; it is skipped."),
            lineNumber > 0 ? (int)Math.Min(lineNumber, int.MaxValue) : line, column);
    }
}
