using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ScholarlyRecord.Validation;

/// <summary>Small JSON Pointer (RFC 6901) helpers: build pointers from member names and indexes, and resolve them.</summary>
internal static class JsonPointerText
{
    /// <summary>Appends one member-name segment, escaping <c>~</c> and <c>/</c>.</summary>
    public static string Append(string pointer, string member)
    {
        if (member.AsSpan().IndexOfAny('~', '/') < 0) return string.Concat(pointer, "/", member);
        return string.Concat(pointer, "/", member.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
    }

    /// <summary>Appends one array-index segment.</summary>
    public static string Append(string pointer, int index) => string.Concat(pointer, "/", index.ToString(CultureInfo.InvariantCulture));

    /// <summary>Finds the value a pointer names; false when a segment is missing.</summary>
    public static bool TryResolve(JsonElement root, string pointer, out JsonElement value)
    {
        value = root;
        if (pointer.Length == 0) return true;
        if (pointer[0] != '/') return false;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    if (!value.TryGetProperty(segment, out value)) return false;
                    break;
                case JsonValueKind.Array:
                    if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= value.GetArrayLength()) return false;
                    value = value[index];
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    /// <summary>Turns a serializer path such as <c>$.book.isbns[0].value</c> or <c>$['a.b']</c> into a JSON Pointer.</summary>
    public static string FromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "";
        var builder = new StringBuilder();
        var i = path[0] == '$' ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                builder.Append(Append("", path[(i + 1)..end]));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) end = path.Length;
                builder.Append(Append("", path[(i + 2)..end].Replace("\\'", "'", StringComparison.Ordinal)));
                i = Math.Min(path.Length, end + 2);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0) end = path.Length;
                builder.Append('/').Append(path, i + 1, end - i - 1);
                i = Math.Min(path.Length, end + 1);
            }
            else
            {
                i++;
            }
        }
        return builder.ToString();
    }
}
