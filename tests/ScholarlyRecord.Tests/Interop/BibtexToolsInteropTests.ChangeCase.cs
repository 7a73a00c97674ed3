namespace ScholarlyRecord.Tests.Interop;

public sealed partial class BibtexToolsInteropTests
{
    /// <summary>
    /// What bibtex's built-in <c>change.case$</c> with "t" makes of a string (as every standard style does to a title),
    /// written here from the description of change.case$ in "Designing BibTeX Styles" and in bibtex.web, and checked against bibtex (the cases below):
    /// <list type="bullet">
    /// <item>A-Z at brace depth 0 become lower case, except the first character and the first after a colon and white space.</item>
    /// <item>Text inside braces is left alone, except a "special character": a group at depth 0 that starts with a
    /// backslash (<c>{\"A}</c>) and is not the first thing in the string (nor after colon and white space). In it, the
    /// letters outside control-sequence names become lower case, and the names \L \O \OE \AE \AA become \l \o \oe \ae \aa.
    /// A group closer than four characters to the end is not taken as a special character.</item>
    /// </list>
    /// </summary>
    internal static string TitleLowers(string s)
    {
        var b = s.ToCharArray();
        var n = b.Length;
        var level = 0;
        var prevColon = false;
        for (var p = 0; p < n; p++)
        {
            var c = b[p];
            if (c == '{')
            {
                level++;
                var kept = p == 0 || (prevColon && IsWhite(b[p - 1]));
                if (level != 1 || p + 4 > n || b[p + 1] != '\\' || kept)
                {
                    prevColon = false;
                    continue;
                }
                p++;
                while (p < n && level > 0)
                {
                    p++; // past the backslash
                    var start = p;
                    while (p < n && char.IsAsciiLetter(b[p])) p++;
                    if (new string(b, start, p - start) is "L" or "O" or "OE" or "AE" or "AA") Lower(b, start, p);
                    start = p;
                    while (p < n && level > 0 && b[p] != '\\')
                    {
                        if (b[p] == '}') level--;
                        else if (b[p] == '{') level++;
                        p++;
                    }
                    Lower(b, start, p);
                }
                p--; // back on the closing brace
                prevColon = false;
            }
            else if (c == '}')
            {
                if (level > 0) level--;
                prevColon = false;
            }
            else if (level == 0)
            {
                var kept = p == 0 || (prevColon && IsWhite(b[p - 1]));
                if (!kept) Lower(b, p, p + 1);
                if (c == ':') prevColon = true;
                else if (!IsWhite(c)) prevColon = false;
            }
        }
        return new string(b);
    }

    private static bool IsWhite(char c) => c is ' ' or '\t';

    private static void Lower(char[] b, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (b[i] is >= 'A' and <= 'Z') b[i] = (char)(b[i] + 32);
        }
    }

    [Xunit.Theory]
    [Xunit.InlineData("The Title: A Sub", "The title: A sub")]
    [Xunit.InlineData("{\\\"U}ber {\\\"U}BER", "{\\\"U}ber {\\\"u}ber")]
    [Xunit.InlineData("X {\\AE}on {\\ss} {\\r{A}}B", "X {\\ae}on {\\ss} {\\r{a}}b")]
    [Xunit.InlineData("A {NASA} Case", "A {NASA} case")]
    [Xunit.InlineData("A \\textbraceleft{} B", "A \\textbraceleft{} b")]
    public void TitleLowers_FollowsBibtexRules(string input, string expected) => Xunit.Assert.Equal(expected, TitleLowers(input));
}
