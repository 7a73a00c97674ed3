using System.Globalization;

namespace ScholarlyRecord;

/// <summary>Why a parse failed, without allocating: turned into a <see cref="ParseError"/> only when asked.</summary>
/// <param name="Reason">The stable kebab-case reason, one of <see cref="ParseErrorReasons"/> (a constant, so nothing is allocated).</param>
/// <param name="Index">The zero-based index into the input.</param>
/// <param name="Found">A detail for the message, such as the check value found (10 stands for X) or the digit count.</param>
/// <param name="Expected">A detail for the message, such as the check value expected (10 stands for X).</param>
internal readonly record struct ParseFailure(string Reason, int Index, int Found = 0, int Expected = 0);

/// <summary>Small ASCII-only text helpers shared by the identifier parsers.</summary>
internal static class IdentifierText
{
    /// <summary>The longest input quoted back in an error message.</summary>
    private const int QuoteLimit = 64;

    /// <summary>True only for '0'..'9' (never the other Unicode digits that <see cref="char.IsDigit(char)"/> accepts).</summary>
    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>True for a digit that is not ASCII (full-width, Arabic-Indic, ...): reported, never accepted.</summary>
    public static bool IsOtherDigit(char c) => c > 0x7F && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber;

    /// <summary>True for the separators accepted between digit groups: '-', ' ', U+2010 hyphen, U+2011 non-breaking hyphen, U+2013 en dash.</summary>
    public static bool IsGroupSeparator(char c) => c is '-' or ' ' or '\u2010' or '\u2011' or '\u2013';

    /// <summary>Starts-with that ignores ASCII case only.</summary>
    public static bool StartsWithAsciiIgnoreCase(ReadOnlySpan<char> s, string prefix) =>
        s.Length >= prefix.Length && AsciiEqualsIgnoreCase(s[..prefix.Length], prefix);

    /// <summary>Equality that folds ASCII letters only; every other character must match exactly.</summary>
    public static bool AsciiEqualsIgnoreCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && FoldAscii(a[i]) != FoldAscii(b[i])) return false;
        }
        return true;
    }

    /// <summary>Ordinal comparison that folds ASCII letters only.</summary>
    public static int AsciiCompareIgnoreCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = FoldAscii(a[i]);
            var y = FoldAscii(b[i]);
            if (x != y) return x.CompareTo(y);
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Lower-cases an ASCII letter; returns every other character unchanged.</summary>
    public static char FoldAscii(char c) => (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;

    /// <summary>Skips ASCII spaces and tabs from <paramref name="i"/>.</summary>
    public static int SkipSpaces(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t') i++;
        return i;
    }

    /// <summary>The value of a hexadecimal digit, or -1.</summary>
    public static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>The input as quoted in a message, shortened when long.</summary>
    public static string Quote(ReadOnlySpan<char> s) =>
        s.Length <= QuoteLimit ? $"\"{s}\"" : $"\"{s[..QuoteLimit]}…\" ({s.Length.ToString(CultureInfo.InvariantCulture)} characters)";

    /// <summary>Trims leading and trailing white space, returning the offset of what remains.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s, out int offset)
    {
        var start = 0;
        while (start < s.Length && char.IsWhiteSpace(s[start])) start++;
        var end = s.Length;
        while (end > start && char.IsWhiteSpace(s[end - 1])) end--;
        offset = start;
        return s[start..end];
    }

    /// <summary>The character for a check value: '0'..'9', or 'X' for 10.</summary>
    public static char CheckChar(int value) => value == 10 ? 'X' : (char)('0' + value);

    /// <summary>True when <paramref name="format"/> asks for the canonical form (null, empty or "G").</summary>
    public static bool IsCanonicalFormat(ReadOnlySpan<char> format) => format.IsEmpty || format is "G" or "g";
}
