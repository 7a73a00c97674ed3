using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ScholarlyRecord.Validation;

/// <summary>
/// Checks raw JSON before it reaches <see cref="JsonDocument"/> and JsonSchema.Net: syntax, UTF-8, lone surrogate escapes,
/// duplicate members and depth. <see cref="JsonDocument"/> accepts invalid UTF-8 and lone surrogates, and evaluating such a
/// document throws <see cref="InvalidOperationException"/>; this pass turns all of that into one issue with a position.
/// </summary>
internal static class JsonPreflight
{
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = MaxDepth,
    };

    /// <summary>
    /// The string's UTF-8 bytes (a leading byte order mark left out), or the issue of a lone surrogate, which UTF-8
    /// cannot hold; the bytes still need <see cref="Check(ReadOnlySpan{byte})"/>.
    /// </summary>
    public static Diagnostic? Transcode(string json, out byte[] utf8)
    {
        var text = json.AsSpan();
        if (!text.IsEmpty && text[0] == '\uFEFF') text = text[1..];
        var lone = Formats.StrictStringConverter.IndexOfLoneSurrogate(text);
        if (lone >= 0)
        {
            utf8 = [];
            var lineStart = text[..lone].LastIndexOf('\n') + 1;
            var line = text[..lone].Count('\n');
            var bytePosition = Encoding.UTF8.GetByteCount(text[lineStart..lone]);
            return Malformed(string.Create(CultureInfo.InvariantCulture, $"The text holds a lone surrogate (U+{(int)text[lone]:X4})"), line, bytePosition);
        }
        utf8 = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, utf8);
        return null;
    }

    /// <summary>The first problem in a UTF-8 JSON document (a byte order mark already removed), or null.</summary>
    public static Diagnostic? Check(ReadOnlySpan<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            var at = IndexOfInvalidUtf8(utf8);
            var (line, column) = Locate(utf8, at);
            return Malformed(string.Create(CultureInfo.InvariantCulture, $"The bytes are not valid UTF-8 (byte 0x{utf8[at]:X2})"), line, column);
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        EnterValue(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                    {
                        if (!TryGetString(ref reader, out var name))
                        {
                            return LoneSurrogate(utf8, reader.TokenStartIndex, Pointer(frames, includeLast: true));
                        }
                        var frame = frames[^1];
                        frame.Name = name;
                        frame.Names ??= new HashSet<string>(StringComparer.Ordinal);
                        if (!frame.Names.Add(name))
                        {
                            var (line, column) = Locate(utf8, checked((int)reader.TokenStartIndex));
                            var pointer = Pointer(frames, includeLast: true);
                            return DiagnosticCatalogue.CreateAt(ValidationCodes.DuplicateMember, pointer,
                                string.Create(CultureInfo.InvariantCulture, $"The member \"{name}\" appears twice in the same object (line {line + 1}, byte {column + 1})"));
                        }
                        break;
                    }
                    case JsonTokenType.String:
                        EnterValue(frames);
                        if (reader.ValueIsEscaped && !TryGetString(ref reader, out _))
                        {
                            return LoneSurrogate(utf8, reader.TokenStartIndex, Pointer(frames, includeLast: true));
                        }
                        break;
                    default:
                        EnterValue(frames);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            return Malformed(StripPosition(ex.Message), ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
        }
        return null;
    }

    private static Diagnostic LoneSurrogate(ReadOnlySpan<byte> utf8, long tokenStart, string pointer)
    {
        var (line, column) = Locate(utf8, checked((int)tokenStart));
        return DiagnosticCatalogue.CreateAt(ValidationCodes.MalformedJson, "",
            string.Create(CultureInfo.InvariantCulture, $"The string at {(pointer.Length == 0 ? "/" : pointer)} escapes a lone surrogate, which is not text (line {line + 1}, byte {column + 1})"));
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }

    private static void EnterValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray) frames[^1].Index++;
    }

    private static string Pointer(List<Frame> frames, bool includeLast)
    {
        var pointer = "";
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (i == frames.Count - 1 && !includeLast) break;
            if (frame.IsArray) pointer = frame.Index >= 0 ? JsonPointerText.Append(pointer, frame.Index) : pointer;
            else if (frame.Name is not null) pointer = JsonPointerText.Append(pointer, frame.Name);
        }
        return pointer;
    }

    internal static Diagnostic Malformed(string reason, long line, long bytePosition) => DiagnosticCatalogue.CreateAt(
        ValidationCodes.MalformedJson,
        "",
        string.Create(CultureInfo.InvariantCulture, $"{reason.TrimEnd('.')} (line {line + 1}, byte {bytePosition + 1})"));

    // The reader ends its messages with " LineNumber: 0 | BytePositionInLine: 3."; the issue states the place itself.
    private static string StripPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at < 0) at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static int IndexOfInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var index = 0;
        while (index < utf8.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return index;
            index += consumed;
        }
        return utf8.Length - 1;
    }

    /// <summary>The 0-based line and byte-in-line of a byte offset.</summary>
    private static (int Line, int Column) Locate(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var line = before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, offset - lineStart);
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Name { get; set; }

        public HashSet<string>? Names { get; set; }
    }
}
