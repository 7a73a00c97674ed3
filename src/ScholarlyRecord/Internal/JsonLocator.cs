using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Internal;

/// <summary>
/// Finds where an element of a parsed JSON value was written: its line and column and its JSON Pointer, both from the
/// element's raw bytes, which <see cref="JsonDocument"/> keeps as a slice of the text it parsed (it keeps no positions
/// of its own). Elements from another document, or outside the root, are not found.
/// </summary>
/// <remarks>
/// The root is walked once, on the first question, into a table of value starts with their parents, and its line
/// breaks are listed; each answer is then a binary search and a walk up the parents, so a document with many
/// diagnostics costs linear time, not a walk per diagnostic.
/// </remarks>
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
    private List<int>? _starts;
    private readonly List<int> _parents = [];
    private readonly List<string?> _segments = [];
    private readonly List<int> _newlines = [];
    private int _lastOffset = -1;
    private int _lastLineStart = -1;
    private int _lastColumn;

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
        if (_starts is null) Build(root);
        var id = _starts!.BinarySearch((int)offset);
        if (id < 0) return null;
        var path = Pointer(id);
        if (_line <= 0) return (0, 0, path);
        var (line, column) = Position(root, (int)offset);
        return (_line + line - 1, line == 1 ? _column + column - 1 : column, path);
    }

    // One walk: every value's start offset, its parent value and its segment (member name or index), in text order.
    private void Build(ReadOnlySpan<byte> json)
    {
        _starts = [];
        var frames = new List<(bool Array, int Index, int Node, string? Name)>();
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

                string? segment = null;
                var parent = -1;
                if (frames.Count > 0)
                {
                    var frame = frames[^1];
                    if (frame.Array) frames[^1] = frame = frame with { Index = frame.Index + 1 };
                    segment = frame.Array ? frame.Index.ToString(CultureInfo.InvariantCulture) : frame.Name ?? "";
                    parent = frame.Node;
                }

                _starts.Add((int)reader.TokenStartIndex);
                _parents.Add(parent);
                _segments.Add(segment);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, _starts.Count - 1, null));
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Text the parser took but a reader over the slice refuses (or a name that is not valid text): what was
            // listed before it can still be found.
        }

        for (var from = 0; json[from..].IndexOf((byte)'\n') is var next and >= 0; from += next + 1)
        {
            _newlines.Add(from + next);
        }
    }

    private string Pointer(int id)
    {
        var segments = new Stack<string>();
        for (var at = id; _segments[at] is { } segment; at = _parents[at]) segments.Push(segment);
        var path = "";
        foreach (var segment in segments) path = JsonPointerText.Append(path, segment);
        return path;
    }

    // The 1-based line and column (in characters) of an offset within the root: the line from the list of line
    // breaks, the column counted from the start of that line, or on from the last answer when it was earlier on the
    // same line (readers ask in text order, so a long single-line document is counted once, not once per question).
    private (int Line, int Column) Position(ReadOnlySpan<byte> json, int offset)
    {
        var index = _newlines.BinarySearch(offset);
        var before = index < 0 ? ~index : index;
        var lineStart = before == 0 ? 0 : _newlines[before - 1] + 1;
        var from = lineStart;
        var column = 1;
        if (lineStart == _lastLineStart && offset >= _lastOffset)
        {
            from = _lastOffset;
            column = _lastColumn;
        }

        foreach (var b in json[from..offset])
        {
            if ((b & 0xC0) != 0x80) column++;
        }

        (_lastLineStart, _lastOffset, _lastColumn) = (lineStart, offset, column);
        return (before + 1, column);
    }
}
