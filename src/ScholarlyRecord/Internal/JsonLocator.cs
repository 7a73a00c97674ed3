using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Internal;

/// <summary>
/// Finds where an element of a parsed JSON value was written: its line and column and its JSON Pointer, both from the
/// element's raw bytes, which <see cref="JsonDocument"/> keeps as a slice of the text it parsed (it keeps no positions
/// of its own). Elements from another document, or outside the root, are not found.
/// </summary>
internal sealed class JsonLocator
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    private readonly JsonElement _root;
    private readonly int _line;
    private readonly int _column;

    /// <summary>Creates a locator for the elements inside <paramref name="root"/>.</summary>
    /// <param name="root">The outermost element that positions are counted within.</param>
    /// <param name="line">The 1-based line where the root starts, or 0 when unknown (then only the path is found).</param>
    /// <param name="column">The 1-based column where the root starts, or 0.</param>
    public JsonLocator(JsonElement root, int line, int column)
    {
        _root = root;
        _line = line;
        _column = column;
    }

    /// <summary>The line, column (0 when unknown) and JSON Pointer of <paramref name="element"/>, or null when it is not inside the root.</summary>
    public (int Line, int Column, string Path)? Locate(JsonElement element)
    {
        var root = JsonMarshal.GetRawUtf8Value(_root);
        var target = JsonMarshal.GetRawUtf8Value(element);
        if (root.IsEmpty || target.IsEmpty) return null;
        var offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(root), ref MemoryMarshal.GetReference(target));
        if (offset < 0 || offset >= root.Length) return null;
        if (PathAt(root, (int)offset) is not { } path) return null;
        if (_line <= 0) return (0, 0, path);
        var (line, column) = Crossref.LineAndColumn(root, (int)offset);
        return (_line + line - 1, line == 1 ? _column + column - 1 : column, path);
    }

    // Walks the root's tokens, keeping the pointer of the current value, until the value that starts at the offset.
    private static string? PathAt(ReadOnlySpan<byte> json, int offset)
    {
        var frames = new List<(bool Array, int Index, string? Name)>();
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Name = reader.GetString() };
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                }

                if (frames.Count > 0 && frames[^1].Array) frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                if (reader.TokenStartIndex == offset) return Pointer(frames);
                if (reader.TokenStartIndex > offset) return null;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Text the parser took but a reader over the slice refuses (or a name that is not valid text): not found.
        }

        return null;
    }

    private static string Pointer(List<(bool Array, int Index, string? Name)> frames)
    {
        var path = "";
        foreach (var frame in frames)
        {
            path = frame.Array ? JsonPointerText.Append(path, frame.Index) : JsonPointerText.Append(path, frame.Name ?? "");
        }

        return path;
    }
}
