using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace ScholarlyRecord.Internal;

/// <summary>
/// The one place where the JSON readers find text that cannot become a .NET string: bytes that are not UTF-8, and
/// <c>\uXXXX</c> escapes of a lone surrogate (<c>"\uDC00"</c>), which System.Text.Json parses but then refuses to turn
/// into a string (<see cref="InvalidOperationException"/>), and lone surrogates in a .NET string, which it refuses to
/// parse at all (<see cref="ArgumentException"/>). Readers check before they map, and report a diagnostic instead.
/// </summary>
internal static class JsonTextCheck
{
    /// <summary>The index of the first unpaired surrogate in the text, or -1.</summary>
    public static int IndexOfLoneSurrogate(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0) return -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /// <summary>The 1-based line and column (in characters) of an index in the text.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<char> text, int index)
    {
        var before = text[..index];
        var line = before.Count('\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }

    /// <summary>
    /// The JSON path (<c>$.title</c>, <c>$.author[0].family</c>) of the first property name or string value under the element
    /// whose text is not valid Unicode, or null when all of it is.
    /// </summary>
    public static string? FindInvalidText(JsonElement element) => FindInvalid(element)?.Path;

    /// <summary>
    /// As <see cref="FindInvalidText"/>, with the element to point at: the string value, or the object whose property
    /// name is not valid text.
    /// </summary>
    /// <remarks>
    /// Almost all input is valid, so a first walk only checks the bytes and builds no paths; the paths (a string per
    /// property, which took about a tenth of a CSL-JSON read) are built by a second walk only when something is wrong.
    /// </remarks>
    public static (string Path, JsonElement At)? FindInvalid(JsonElement element) => AllValid(element) ? null : Find(element, "$");

    private static bool AllValid(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsValid(JsonMarshal.GetRawUtf8Value(element));
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsValid(JsonMarshal.GetRawUtf8PropertyName(property)) || !AllValid(property.Value)) return false;
                }
                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!AllValid(item)) return false;
                }
                return true;
            default:
                return true;
        }
    }

    private static (string Path, JsonElement At)? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsValid(JsonMarshal.GetRawUtf8Value(element)) ? null : (path, element);
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var rawName = JsonMarshal.GetRawUtf8PropertyName(property);
                    // A name that is not valid text cannot be shown either: the path names its position.
                    if (!IsValid(rawName)) return (path + ".<property name>", element);
                    var found = Find(property.Value, path + "." + property.Name);
                    if (found is not null) return found;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var found = Find(item, path + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
                    if (found is not null) return found;
                    index++;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether the raw bytes of a JSON string or property name (escapes not yet decoded, as
    /// <see cref="Utf8JsonReader.ValueSpan"/> gives them) make valid text: they are UTF-8 and every escaped surrogate is a
    /// high one directly followed by an escaped low one.
    /// </summary>
    public static bool IsValidUtf8JsonText(ReadOnlySpan<byte> raw) => IsValid(raw);

    /// <summary>
    /// The text of a JSON string element, never throwing: where <see cref="JsonElement.GetString"/> would refuse (a lone
    /// surrogate escape, bytes that are not UTF-8), each unreadable unit becomes U+FFFD. For consumers that render what
    /// a reader has already reported (the CSL processor), not for readers, which report instead.
    /// </summary>
    public static string GetTextLossy(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        return IsValid(raw) ? element.GetString() ?? string.Empty : DecodeLossy(raw);
    }

    /// <summary>
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> that never throws: System.Text.Json decodes each
    /// escaped member name while it looks, and refuses a name that escapes a lone surrogate; then the members are
    /// compared by their names as <see cref="GetNameLossy"/> reads them.
    /// </summary>
    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        try
        {
            return element.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (GetNameLossy(property) == name)
                {
                    value = property.Value;
                    return true;
                }
            }
            value = default;
            return false;
        }
    }

    /// <summary>The name of a JSON property, never throwing (see <see cref="GetTextLossy"/>).</summary>
    public static string GetNameLossy(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return IsValid(raw) ? property.Name : DecodeLossy(raw);
    }

    private static string DecodeLossy(ReadOnlySpan<byte> raw)
    {
        var text = new System.Text.StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var slash = raw[i..].IndexOf((byte)'\\');
            var run = slash < 0 ? raw[i..] : raw.Slice(i, slash);
            text.Append(System.Text.Encoding.UTF8.GetString(run));
            if (slash < 0) break;
            i += slash;
            if (i + 1 >= raw.Length) break;
            var kind = raw[i + 1];
            if (kind != (byte)'u')
            {
                text.Append(kind switch { (byte)'b' => '\b', (byte)'f' => '\f', (byte)'n' => '\n', (byte)'r' => '\r', (byte)'t' => '\t', _ => (char)kind });
                i += 2;
                continue;
            }
            var unit = Hex(raw, i + 2);
            if (unit < 0)
            {
                text.Append('\uFFFD');
                i += 2;
                continue;
            }
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                var low = i + 7 < raw.Length && raw[i + 6] == (byte)'\\' && raw[i + 7] == (byte)'u' ? Hex(raw, i + 8) : -1;
                if (low is >= 0xDC00 and <= 0xDFFF)
                {
                    text.Append((char)unit).Append((char)low);
                    i += 12;
                    continue;
                }
                text.Append('\uFFFD');
            }
            else
            {
                text.Append(unit is >= 0xDC00 and <= 0xDFFF ? '\uFFFD' : (char)unit);
            }
            i += 6;
        }
        return text.ToString();
    }

    private static bool IsValid(ReadOnlySpan<byte> raw)
    {
        if (!Utf8.IsValid(raw)) return false;
        for (var i = raw.IndexOf((byte)'\\'); i >= 0 && i < raw.Length; )
        {
            if (i + 1 >= raw.Length) return true;
            if (raw[i + 1] != (byte)'u')
            {
                i = Next(raw, i + 2);
                continue;
            }
            var unit = Hex(raw, i + 2);
            if (unit is >= 0xDC00 and <= 0xDFFF) return false;
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                var low = i + 7 < raw.Length && raw[i + 6] == (byte)'\\' && raw[i + 7] == (byte)'u' ? Hex(raw, i + 8) : -1;
                if (low is < 0xDC00 or > 0xDFFF) return false;
                i = Next(raw, i + 12);
                continue;
            }
            i = Next(raw, i + 6);
        }
        return true;
    }

    private static int Next(ReadOnlySpan<byte> raw, int from)
    {
        if (from >= raw.Length) return -1;
        var next = raw[from..].IndexOf((byte)'\\');
        return next < 0 ? -1 : from + next;
    }

    // The value of four hex digits at the offset, or -1 (the JSON parser has already checked escapes are well formed).
    private static int Hex(ReadOnlySpan<byte> raw, int at)
    {
        if (at + 4 > raw.Length) return -1;
        var value = 0;
        for (var k = 0; k < 4; k++)
        {
            var b = raw[at + k];
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0) return -1;
            value = (value << 4) | digit;
        }
        return value;
    }
}
