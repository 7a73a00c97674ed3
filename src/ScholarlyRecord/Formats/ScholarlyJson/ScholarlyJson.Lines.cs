using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ScholarlyRecord.Formats;

public static partial class ScholarlyJson
{
    /// <summary>The longest JSON Lines record accepted: 16 MiB. Longer lines are reported and skipped.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

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
    private static Chapter? ReadLine(Utf8LineReader lines, ReadOnlySpan<byte> line, Action<Diagnostic> onDiagnostic, int maxLineBytes)
    {
        if (lines.LastLineTooLong)
        {
            var tooLong = string.Create(CultureInfo.InvariantCulture, $"The record is longer than {maxLineBytes} bytes; it was skipped.");
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
