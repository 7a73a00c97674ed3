using System.Buffers;
using System.Text.Json;
using ScholarlyRecord.Internal;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The mapping layer between CSL-JSON items (<see cref="CslItem"/>, as <see cref="CslJsonDocument"/> parses them) and
/// chapters: <c>chapter</c> items (and the chapter-like types listed in docs/formats-csl.md) are chapters. The CSL-JSON
/// writer and the CSL processor build their items with <see cref="ToItem"/>.
/// </summary>
public static class CslJsonMapping
{
    /// <summary>Maps one document-layer item to a chapter.</summary>
    /// <param name="item">The item.</param>
    /// <returns>
    /// The chapter, or null for an item that is not a chapter (<see cref="CslJsonCodes.NotAChapter"/>) or cannot be
    /// read, and the mapping's diagnostics, placed at the item's <see cref="CslItem.Line"/> and
    /// <see cref="CslItem.Column"/> (0:0 when the item does not know where it came from) with the JSON Pointer of the
    /// property in <see cref="Diagnostic.Path"/>; its <see cref="RecordResult.Record"/> is 0.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public static RecordResult ToChapter(CslItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (InvalidText(item) is { } invalid) return new RecordResult(0, null, [invalid]);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            item.WriteTo(json);
        }

        var diagnostics = new List<Diagnostic>();
        var chapter = CslJsonItemReader.Map(buffer.WrittenMemory, item.Line, item.Column, diagnostics.Add);
        return new RecordResult(0, chapter, Located(diagnostics, item));
    }

    /// <summary>Maps a chapter to the CSL item that <see cref="CslJson.Write(Chapter, CslJsonWriteOptions?)"/> writes for it.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <returns>The item, of type <c>chapter</c>, with an id built from the first author's family name, the year and the first title word.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chapter"/> is null.</exception>
    public static CslItem ToItem(Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return CslJsonItemWriter.ToItem(chapter);
    }

    // A variable holding text that is not valid Unicode cannot be written back to be mapped: the item is skipped, as
    // the front door skips it, with the variable's pointer.
    private static Diagnostic? InvalidText(CslItem item)
    {
        foreach (var (name, value) in item.Variables)
        {
            if (JsonTextCheck.FindInvalid(value) is not { } bad) continue;
            var inner = new JsonLocator(value, 0, 0).Locate(bad.At)?.Path ?? "";
            return DiagnosticCatalogue.Create(CslJsonCodes.MalformedJson,
                "The item holds text that is not valid Unicode at " + bad.Path + " of '" + name + "' (bytes that are not UTF-8, or an escaped lone surrogate); it is skipped.",
                item.Line, item.Column) with { Path = JsonPointerText.Append("", name) + inner };
        }

        return null;
    }

    // The item was written back on one line, so a property's column there is not its column in the source: every
    // diagnostic is placed where the item starts, and its Path says which property.
    private static List<Diagnostic> Located(List<Diagnostic> diagnostics, CslItem item)
    {
        for (var i = 0; i < diagnostics.Count; i++)
        {
            diagnostics[i] = diagnostics[i] with { Line = item.Line, Column = item.Column };
        }

        return diagnostics;
    }
}
