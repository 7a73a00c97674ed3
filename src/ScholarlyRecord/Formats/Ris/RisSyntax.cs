using System.Buffers;

namespace ScholarlyRecord.Formats;

/// <summary>The line grammar of RIS, shared by the reader and the writer.</summary>
internal static class RisSyntax
{
    /// <summary>The characters that end a line: LF, CR (bare CR is a line break too), CRLF being one break.</summary>
    public static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n");

    private static readonly string?[] TagCache = new string?[26 * 36];

    public static bool IsTagStart(char c) => c is >= 'A' and <= 'Z';

    public static bool IsTagSecond(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    public static bool IsTag(ReadOnlySpan<char> tag) => tag.Length == 2 && IsTagStart(tag[0]) && IsTagSecond(tag[1]);

    /// <summary>
    /// True for a well-formed tag line: <c>^[A-Z][A-Z0-9]  -( |$)</c>. The value starts at index 6
    /// (or is empty when the line is exactly five characters).
    /// </summary>
    public static bool IsTagLine(ReadOnlySpan<char> line) =>
        line.Length >= 5 && IsTagStart(line[0]) && IsTagSecond(line[1])
        && line[2] == ' ' && line[3] == ' ' && line[4] == '-' && (line.Length == 5 || line[5] == ' ');

    /// <summary>
    /// True for a damaged TY or ER line such as <c>TY -  BOOK</c> or <c>ER -</c>: the tag, one or more
    /// spaces, a hyphen, then the end of the line or spaces. <paramref name="valueStart"/> is the index of the
    /// value (after the spaces that follow the hyphen).
    /// </summary>
    public static bool IsDamagedTypeOrEndLine(ReadOnlySpan<char> line, out int valueStart)
    {
        valueStart = 0;
        if (line.Length < 4 || !(line.StartsWith("TY") || line.StartsWith("ER")) || line[2] != ' ')
        {
            return false;
        }
        var i = 3;
        while (i < line.Length && line[i] == ' ') i++;
        if (i >= line.Length || line[i] != '-') return false;
        i++;
        if (i < line.Length && line[i] != ' ') return false;
        while (i < line.Length && line[i] == ' ') i++;
        valueStart = i;
        return true;
    }

    /// <summary>True when the line is empty or holds only white space.</summary>
    public static bool IsBlank(ReadOnlySpan<char> line) => line.IsWhiteSpace();

    /// <summary>The tag as a shared string (one allocation per distinct tag per process).</summary>
    public static string Tag(char first, char second)
    {
        var index = ((first - 'A') * 36) + (second <= '9' ? second - '0' + 26 : second - 'A');
        return TagCache[index] ??= new string([first, second]);
    }
}
