using System.Text.Json;

namespace ScholarlyRecord.Internal;

/// <summary>
/// The nesting limit the JSON readers share (<c>MaxDepth</c> of their read options): arrays and objects may nest that
/// deep, the outermost counting 1, as <see cref="JsonReaderOptions.MaxDepth"/> counts. The readers parse with no depth
/// limit of their own (a <see cref="Utf8JsonReader"/> keeps one bit per level, so depth costs no stack) and check the
/// limit themselves, so that a value nested too deep is reported and skipped instead of ending the read.
/// </summary>
internal static class JsonNesting
{
    /// <summary>The depth given to <see cref="Utf8JsonReader"/> when the caller checks the limit itself.</summary>
    public const int Unchecked = int.MaxValue;

    /// <summary>Whether the start token the reader is on opens an array or object deeper than <paramref name="maxDepth"/>.</summary>
    public static bool OpensTooDeep(ref readonly Utf8JsonReader reader, int maxDepth) =>
        reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth;

    /// <summary>
    /// The byte offset of the first array or object in <paramref name="utf8"/> that nests deeper than
    /// <paramref name="maxDepth"/> (the value at <paramref name="utf8"/>'s start being at depth
    /// <paramref name="startDepth"/> + 1), or -1 when none does. Syntax errors end the search (-1): they are the
    /// parser's to report.
    /// </summary>
    public static int FindTooDeep(ReadOnlySpan<byte> utf8, int maxDepth, int startDepth = 0)
    {
        if (utf8.Length <= maxDepth - startDepth) return -1; // each level takes at least one byte
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = Unchecked,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            AllowMultipleValues = true,
        });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth + startDepth >= maxDepth)
                {
                    return checked((int)reader.TokenStartIndex);
                }
            }
        }
        catch (JsonException)
        {
            // Malformed: reported by the parser that reads the value.
        }
        return -1;
    }
}
