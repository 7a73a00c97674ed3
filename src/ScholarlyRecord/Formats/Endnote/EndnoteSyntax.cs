namespace ScholarlyRecord.Formats;

/// <summary>The line rules of the EndNote tagged format.</summary>
internal static class EndnoteSyntax
{
    /// <summary>The tag of the reference type line.</summary>
    public const string TypeTag = "%0";

    /// <summary>Whether the text is a tag: <c>%</c> and one visible ASCII character.</summary>
    public static bool IsTag(ReadOnlySpan<char> tag) => tag.Length == 2 && tag[0] == '%' && tag[1] is > ' ' and < '\u007F';

    /// <summary>Whether a line is a tag line: a tag, then a space, a tab or the end of the line.</summary>
    public static bool IsTagLine(ReadOnlySpan<char> line) =>
        line.Length >= 2 && IsTag(line[..2]) && (line.Length == 2 || line[2] is ' ' or '\t');

    /// <summary>Whether a line is blank (only white space): blank lines end records.</summary>
    public static bool IsBlank(ReadOnlySpan<char> line) => line.IsWhiteSpace();
}
