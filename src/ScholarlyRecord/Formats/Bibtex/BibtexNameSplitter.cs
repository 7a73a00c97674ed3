namespace ScholarlyRecord.Formats;

/// <summary>Splits the raw text of a name field on <c>and</c> at brace depth 0.</summary>
internal static class BibtexNameSplitter
{
    /// <summary>The (start, length) of each name, trimmed, empty names skipped.</summary>
    public static List<(int Start, int Length)> Split(string raw)
    {
        var result = new List<(int, int)>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length && raw[i + 1] is '{' or '}' or '\\')
            {
                i++;
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}') { if (depth > 0) depth--; }
            else if (depth == 0 && IsSpace(c) && i + 4 < raw.Length
                && (raw[i + 1] | 0x20) == 'a' && (raw[i + 2] | 0x20) == 'n' && (raw[i + 3] | 0x20) == 'd' && IsSpace(raw[i + 4]))
            {
                Add(result, raw, start, i);
                i += 4;
                start = i + 1;
            }
        }
        Add(result, raw, start, raw.Length);
        return result;
    }

    private static void Add(List<(int, int)> result, string raw, int start, int end)
    {
        while (start < end && IsSpace(raw[start])) start++;
        while (end > start && IsSpace(raw[end - 1])) end--;
        if (end > start) result.Add((start, end - start));
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';
}
