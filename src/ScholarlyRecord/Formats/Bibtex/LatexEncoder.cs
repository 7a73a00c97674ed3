using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Turns Unicode text into LaTeX for a braced BibTeX value, the inverse of <see cref="LatexDecoder"/>:
/// <c>LatexDecoder.Decode(LatexEncoder.Encode(s))</c> is <c>s</c> in NFC for every string. Letters with accents become
/// braced accent commands (<c>é</c> to <c>{\'e}</c>), special letters their commands (<c>ß</c> to <c>{\ss}</c>), LaTeX's special
/// characters are escaped (<c>&amp; % $ # _</c> to <c>\&amp; \% \$ \# \_</c>, <c>{ }</c> to <c>\textbraceleft{} \textbraceright{}</c>
/// (BibTeX counts the brace of <c>\{</c>, so <c>\{</c> alone would unbalance the value), <c>\</c> to <c>\textbackslash{}</c>,
/// <c>~</c> and <c>^</c> to <c>\textasciitilde{}</c> and <c>\textasciicircum{}</c>), en and em dash to <c>--</c> and <c>---</c>,
/// a no-break space to <c>~</c>. Characters with no LaTeX command (CJK, emoji, ...) are written as themselves: BibTeX files
/// are UTF-8 today. Spaces that a decoder would collapse or trim (leading, trailing, repeated) are written <c>\ </c> (a final one
/// <c>\ {}</c>, since bibtex trims the end of a value), other
/// control characters and line breaks <c>\char</c>n<c>{}</c> (<c>\symbol{</c>n<c>}</c> for the Unicode target, read by biber), and <c>{}</c> separates characters that would otherwise form a
/// ligature (<c>-{}-</c>, <c>'{}'</c>).
/// </summary>
internal static class LatexEncoder
{
    private static readonly FrozenDictionary<char, string> Table = new Dictionary<char, string>
    {
        ['ß'] = "{\\ss}", ['ø'] = "{\\o}", ['Ø'] = "{\\O}", ['æ'] = "{\\ae}", ['Æ'] = "{\\AE}", ['œ'] = "{\\oe}", ['Œ'] = "{\\OE}",
        ['å'] = "{\\aa}", ['Å'] = "{\\AA}", ['ł'] = "{\\l}", ['Ł'] = "{\\L}", ['ı'] = "{\\i}", ['ȷ'] = "{\\j}",
        ['ð'] = "{\\dh}", ['Ð'] = "{\\DH}", ['þ'] = "{\\th}", ['Þ'] = "{\\TH}", ['ŋ'] = "{\\ng}", ['Ŋ'] = "{\\NG}", ['đ'] = "{\\dj}", ['Đ'] = "{\\DJ}",
        ['\u00A0'] = "~", ['–'] = "--", ['—'] = "---", ['“'] = "``", ['”'] = "''",
        ['‘'] = "\\textquoteleft{}", ['’'] = "\\textquoteright{}", ['…'] = "\\ldots{}", ['\u00AD'] = "\\-", ['\u2009'] = "\\,",
        ['§'] = "\\S{}", ['¶'] = "\\P{}", ['©'] = "\\copyright{}", ['®'] = "\\textregistered{}", ['™'] = "\\texttrademark{}",
        ['£'] = "\\pounds{}", ['€'] = "\\euro{}", ['°'] = "\\textdegree{}", ['†'] = "\\dag{}", ['‡'] = "\\ddag{}",
        ['«'] = "\\guillemotleft{}", ['»'] = "\\guillemotright{}", ['•'] = "\\textbullet{}", ['·'] = "\\textperiodcentered{}",
        ['¡'] = "\\textexclamdown{}", ['¿'] = "\\textquestiondown{}",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, string> Marks = new Dictionary<char, string>
    {
        ['\u0301'] = "\\'", ['\u0300'] = "\\`", ['\u0302'] = "\\^", ['\u0303'] = "\\~", ['\u0304'] = "\\=", ['\u0307'] = "\\.",
        ['\u0308'] = "\\\"", ['\u030A'] = "\\r", ['\u030B'] = "\\H", ['\u030C'] = "\\v", ['\u0306'] = "\\u", ['\u0327'] = "\\c",
        ['\u0328'] = "\\k", ['\u0323'] = "\\d", ['\u0331'] = "\\b",
    }.ToFrozenDictionary();

    // Printable ASCII that Encode never changes: everything from space to '~' except \ { } $ & % # _ ~ ^ - ` '.
    private static readonly SearchValues<char> Plain =
        SearchValues.Create(" !\"()*+,./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]abcdefghijklmnopqrstuvwxyz|");

    // Accented's answers per character ("" for none); at most one entry per UTF-16 code unit ever asked about.
    private static readonly ConcurrentDictionary<char, string> AccentedCache = new();

    /// <summary>Encodes <paramref name="text"/> as LaTeX for a braced value.</summary>
    public static string Encode(string text) => Encode(text, LatexTarget.Mixed);

    /// <summary>
    /// Encodes <paramref name="text"/> as LaTeX for a braced value, for a target: <see cref="LatexTarget.Mixed"/> writes LaTeX
    /// commands where they exist and a character with no command (CJK, emoji, a lone combining mark) as itself, as Zotero,
    /// Better BibTeX and JabRef do; <see cref="LatexTarget.Unicode"/> escapes only what LaTeX or the decoder would change
    /// (special characters, white space, controls, ligatures) and writes every other character as itself.
    /// </summary>
    public static string Encode(string text, LatexTarget target)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = TextNormalizer.Nfc(text);
        var doubledSpaces = HasDoubledSpace(s);
        if (PlainRun(s, 0, doubledSpaces) == s.Length) return s;
        var sb = new StringBuilder(s.Length + 16);
        AppendNormalized(sb, s, target, doubledSpaces);
        return sb.ToString();
    }

    /// <summary>
    /// Appends the encoding of <paramref name="text"/> to <paramref name="sb"/>: the same characters as
    /// <c>sb.Append(Encode(text, target))</c>, without building the encoded string first.
    /// </summary>
    public static void Append(StringBuilder sb, string text, LatexTarget target)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = TextNormalizer.Nfc(text);
        AppendNormalized(sb, s, target, HasDoubledSpace(s));
    }

    // The encoder proper, for text already in NFC. What it writes never depends on what sb held before: the check that
    // separates ligature characters ("-{}-") looks back only at characters this call appended.
    private static void AppendNormalized(StringBuilder sb, string s, LatexTarget target, bool doubledSpaces)
    {
        var start = sb.Length;
        for (var i = 0; i < s.Length; i++)
        {
            // Printable ASCII that needs no escape is copied in runs, not character by character. A run ends at a
            // character that needs the switch below, so that character is handled at once.
            if (PlainRun(s, i, doubledSpaces) is > 0 and var run)
            {
                sb.Append(s, i, run);
                i += run;
                if (i == s.Length) break;
            }
            var c = s[i];
            switch (c)
            {
                case ' ':
                    var normal = i > 0 && i < s.Length - 1 && s[i - 1] != ' ' && s[i + 1] != ' ';
                    // A final space is followed by "{}": bibtex trims the white space at the end of a value, which
                    // would leave a bare backslash to make a command of what a style appends (a title's "\." or "\}").
                    sb.Append(normal ? " " : i == s.Length - 1 ? "\\ {}" : "\\ ");
                    break;
                case '\\': sb.Append("\\textbackslash{}"); break;
                case '{': sb.Append("\\textbraceleft{}"); break; // not \{: BibTeX counts that brace, so a lone one unbalances the value
                case '}': sb.Append("\\textbraceright{}"); break;
                case '$': sb.Append("\\$"); break;
                case '&': sb.Append("\\&"); break;
                case '%': sb.Append("\\%"); break;
                case '#': sb.Append("\\#"); break;
                case '_': sb.Append("\\_"); break;
                case '~': sb.Append("\\textasciitilde{}"); break;
                case '^': sb.Append("\\textasciicircum{}"); break;
                case '-' or '`' or '\'':
                    Append(sb, start, c);
                    break;
                case < ' ' or '\u007F' when target == LatexTarget.Unicode:
                    // biber turns \char n into the character itself, and some control characters (14, 15, 30, 31) it
                    // uses internally: its parser then fails on the entry. \symbol{n}, LaTeX's own form, it leaves alone.
                    sb.Append("\\symbol{").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append('}');
                    break;
                case < ' ' or '\u007F':
                    sb.Append("\\char").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append("{}");
                    break;
                case < '\u0080':
                    sb.Append(c);
                    break;
                default:
                    if (target == LatexTarget.Unicode)
                    {
                        sb.Append(c);
                    }
                    else if (MixedCommand(c) is { } command)
                    {
                        Append(sb, start, command);
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
    }

    // Whether s holds two spaces in a row anywhere: when it does not (the usual case), PlainRun need not look for them
    // in every run.
    private static bool HasDoubledSpace(string s) => s.Contains("  ", StringComparison.Ordinal);

    // The length of the run at s[i..] that Encode writes unchanged: printable ASCII other than LaTeX's special
    // characters, ending before the first space that would be written "\ " (leading, trailing or doubled).
    private static int PlainRun(string s, int i, bool doubledSpaces)
    {
        var rest = s.AsSpan(i);
        var run = rest.IndexOfAnyExcept(Plain);
        if (run < 0) run = rest.Length;
        if (run == 0) return 0;
        var chunk = rest[..run];
        if (chunk[0] == ' ' && (i == 0 || s[i - 1] == ' ')) return 0;
        if (doubledSpaces)
        {
            var doubled = chunk.IndexOf("  ", StringComparison.Ordinal);
            if (doubled >= 0) return doubled;
        }
        return i + run == s.Length && chunk[^1] == ' ' ? run - 1 : run;
    }

    // What a character other than ASCII is written as in the Mixed target: its command from Table, else its accent command
    // (which starts with a brace, so the ligature check in Append never applies to it), else null for the character itself.
    private static string? MixedCommand(char c)
    {
        if (c < CachedCommandLimit)
        {
            var cached = CommandCache[c];
            if (cached is null) CommandCache[c] = cached = (Table.TryGetValue(c, out var command) ? command : ComputeAccented(c)) ?? "";
            return cached.Length == 0 ? null : cached;
        }
        if (Table.TryGetValue(c, out var found)) return found;
        return char.IsSurrogate(c) ? null : Accented(c);
    }

    // The answers for characters below U+2200 (Latin, Greek, Cyrillic, Vietnamese letters, punctuation, currency and
    // letter-like symbols: every character Table names), kept in an array filled as characters are met, "" for none:
    // one array read instead of two dictionary look-ups per character (68 KB). Two threads may fill the same slot at
    // once; both store the same answer.
    private const int CachedCommandLimit = 0x2200;
    private static readonly string?[] CommandCache = new string?[CachedCommandLimit];

    // A letter that decomposes to an ASCII letter and marks with LaTeX accent commands: é -> {\'e}, ệ -> {\^{\d{e}}}.
    // The answer for each character is computed once (Unicode decomposition is slow) and kept.
    private static string? Accented(char c)
    {
        if (AccentedCache.TryGetValue(c, out var cached)) return cached.Length == 0 ? null : cached;
        var computed = ComputeAccented(c);
        AccentedCache.TryAdd(c, computed ?? "");
        return computed;
    }

    private static string? ComputeAccented(char c)
    {
        var d = TextNormalizer.Nfd(c.ToString());
        if (d.Length < 2 || !char.IsAsciiLetter(d[0])) return null;
        for (var m = 1; m < d.Length; m++)
        {
            if (!Marks.ContainsKey(d[m])) return null;
        }
        if (d.Length == 2)
        {
            var command = Marks[d[1]];
            return char.IsAsciiLetter(command[^1]) ? "{" + command + "{" + d[0] + "}}" : "{" + command + d[0] + "}";
        }
        var inner = d[0].ToString();
        for (var m = 1; m < d.Length; m++) inner = Marks[d[m]] + "{" + inner + "}";
        return "{" + inner + "}";
    }

    // A ligature character after the same character written by this call gets "{}" between them.
    private static void Append(StringBuilder sb, int start, char c)
    {
        if (sb.Length > start && sb[^1] == c) sb.Append("{}");
        sb.Append(c);
    }

    private static void Append(StringBuilder sb, int start, string chunk)
    {
        if (sb.Length > start && chunk[0] is '-' or '`' or '\'' && sb[^1] == chunk[0]) sb.Append("{}");
        sb.Append(chunk);
    }
}

/// <summary>What <see cref="LatexEncoder"/> writes characters that are not ASCII as.</summary>
internal enum LatexTarget
{
    /// <summary>LaTeX commands where they exist, other characters as themselves (ASCII when every character has a command).</summary>
    Mixed,

    /// <summary>Every character that is not ASCII as itself (BibLaTeX files are UTF-8).</summary>
    Unicode,
}
