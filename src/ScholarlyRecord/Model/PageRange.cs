using System.Diagnostics.CodeAnalysis;

namespace ScholarlyRecord;

/// <summary>
/// The pages a chapter occupies: a first page and, for a range, a last page. Pages are text, not numbers, because
/// real page labels are <c>xi</c>, <c>S12</c> or <c>e123</c> as often as <c>12</c>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Parse(string)"/> reads the forms found in bibliographic data: <c>1-20</c>, <c>1--20</c> (BibTeX),
/// <c>1–20</c> (en dash), <c>1—20</c>, <c>1‐20</c> (Unicode hyphen) and the minus sign, with white space around the
/// separator; roman numerals (<c>xi–xv</c>); prefixed labels (<c>S12--S15</c>); and a single page or article number
/// (<c>e123</c>, <see cref="Last"/> null). When the text has both hyphens and another separator, the other separator
/// splits (<c>A-1–A-10</c> is <c>A-1</c> to <c>A-10</c>).
/// </para>
/// <para>
/// An abbreviated numeric range, whose last page has fewer digits than the first, is expanded:
/// <c>123-9</c> becomes 123 to 129 and <c>1234-56</c> becomes 1234 to 1256. A range that still ends before it starts
/// is rejected with <c>descending-range</c>: <c>20-10</c> (same length, so not an abbreviation), <c>129-3</c>
/// (123 after expansion), <c>xv-xi</c>, <c>S15-S12</c>. Pages of different kinds (<c>xii-1</c>) are not compared.
/// </para>
/// <para>
/// The properties themselves are not checked when set with an object initializer; <see cref="Parse(string)"/>
/// and <see cref="Validate(ReadOnlySpan{char})"/> are the checked ways in.
/// </para>
/// </remarks>
public sealed record PageRange
{
    private const char EnDash = '\u2013';

    /// <summary>The first page (or the only page or article number), such as <c>1</c>, <c>xi</c> or <c>e123</c>.</summary>
    public required string First { get; init; }

    /// <summary>The last page, or null when the chapter is a single page or is identified by an article number.</summary>
    public string? Last { get; init; }

    /// <summary>Parses a page or a page range (see the type's remarks).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The page range.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a page range; <see cref="Validate(ReadOnlySpan{char})"/> says why.</exception>
    public static PageRange Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses a page or a page range (see the type's remarks).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The page range.</returns>
    /// <exception cref="FormatException">The text is not a page range.</exception>
    public static PageRange Parse(ReadOnlySpan<char> s)
    {
        var error = ParseCore(s, out var first, out var last, out var index);
        return error is null ? Create(s, first, last) : throw ToError(error, index, s).ToException();
    }

    /// <summary>Tries to parse a page or a page range.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="result">The page range, or null on failure.</param>
    /// <returns>True when the text is a page range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, [NotNullWhen(true)] out PageRange? result) => TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse a page or a page range.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The page range, or null on failure.</param>
    /// <returns>True when the text is a page range.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, [NotNullWhen(true)] out PageRange? result)
    {
        result = ParseCore(s, out var first, out var last, out _) is null ? Create(s, first, last) : null;
        return result is not null;
    }

    /// <summary>
    /// Explains why the text is not a page range, or returns null when it is. Codes: <c>empty</c>;
    /// <c>syntax</c> (white space or a comma inside a page, a separator with nothing on one side, or several
    /// separators); <c>descending-range</c> (the last page comes before the first).
    /// </summary>
    /// <param name="s">The text.</param>
    /// <returns>The error, or null.</returns>
    public static ParseError? Validate(ReadOnlySpan<char> s)
    {
        var error = ParseCore(s, out _, out _, out var index);
        return error is null ? null : ToError(error, index, s);
    }

    /// <summary>Explains why the text is not a page range, or returns null when it is; null text gives <c>empty</c>.</summary>
    /// <param name="s">The text, or null.</param>
    /// <returns>The error, or null.</returns>
    public static ParseError? Validate(string? s) => Validate(s.AsSpan());

    /// <summary>Formats the range with an en dash, <c>1–20</c>, or gives the single page.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Last is null ? First : string.Concat(First, "\u2013", Last);

    /// <summary>
    /// Compares two page labels of the same kind: two numbers (leading zeros ignored), two roman numerals of the same
    /// case, or two labels with the same non-digit prefix and a numeric rest (<c>S12</c>, <c>S15</c>).
    /// </summary>
    /// <returns>Negative, zero or positive, or null when the labels are not comparable.</returns>
    internal static int? ComparePages(ReadOnlySpan<char> first, ReadOnlySpan<char> last)
    {
        if (IsAllDigits(first) && IsAllDigits(last)) return CompareDigits(first, last);
        if (TryParseRoman(first, out var a) && TryParseRoman(last, out var b) && IsLower(first[0]) == IsLower(last[0]))
        {
            return a.CompareTo(b);
        }

        var firstDigits = TrailingDigits(first);
        var lastDigits = TrailingDigits(last);
        if (firstDigits == 0 || lastDigits == 0) return null;
        var firstPrefix = first[..^firstDigits];
        var lastPrefix = last[..^lastDigits];
        if (firstPrefix.IsEmpty || !firstPrefix.SequenceEqual(lastPrefix)) return null;
        return CompareDigits(first[^firstDigits..], last[^lastDigits..]);
    }

    /// <summary>
    /// True when both pages are given, comparable, and the last comes before the first; an abbreviated numeric last
    /// page (<c>123-9</c>) is compared after expansion.
    /// </summary>
    internal static bool IsDescending(ReadOnlySpan<char> first, ReadOnlySpan<char> last) => !last.IsEmpty && Order(first, last) > 0;

    // ComparePages, but an abbreviated numeric last page compares against the digits it replaces.
    private static int? Order(ReadOnlySpan<char> first, ReadOnlySpan<char> last) =>
        last.Length < first.Length && IsAllDigits(first) && IsAllDigits(last)
            ? CompareDigits(first[^last.Length..], last)
            : ComparePages(first, last);

    /// <summary>Reads a roman numeral in canonical subtractive form, all lower case or all upper case (1 to 3999).</summary>
    internal static bool TryParseRoman(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 15) return false;
        var lower = IsLower(s[0]);
        for (var i = 0; i < s.Length; i++)
        {
            var current = RomanDigit(s[i]);
            if (current == 0 || IsLower(s[i]) != lower) return false;
            var next = i + 1 < s.Length ? RomanDigit(s[i + 1]) : 0;
            value += next > current ? -current : current;
        }

        // Only the canonical spelling counts (no IIII, IC or VX), so that "mix" or "did" stay ordinary labels.
        if (value is < 1 or > 3999 || !IsCanonicalRoman(s, value, lower))
        {
            value = 0;
            return false;
        }

        return true;
    }

    private static PageRange Create(ReadOnlySpan<char> s, Range first, Range? last)
    {
        var firstText = s[first].ToString();
        if (last is null) return new PageRange { First = firstText };
        var lastText = s[last.Value];
        return new PageRange { First = firstText, Last = ExpandAbbreviated(firstText, lastText) };
    }

    // 123-9 -> 129: a numeric last page shorter than a numeric first page takes the first page's leading digits.
    private static string ExpandAbbreviated(string first, ReadOnlySpan<char> last)
    {
        if (last.Length < first.Length && IsAllDigits(first) && IsAllDigits(last))
        {
            return string.Concat(first.AsSpan(0, first.Length - last.Length), last);
        }

        return last.ToString();
    }

    private static string? ParseCore(ReadOnlySpan<char> s, out Range first, out Range? last, out int index)
    {
        first = default;
        last = null;
        index = 0;
        var start = 0;
        var end = s.Length;
        while (start < end && char.IsWhiteSpace(s[start])) start++;
        while (end > start && char.IsWhiteSpace(s[end - 1])) end--;
        if (start == end) return ParseErrorReasons.Empty;

        // Prefer a separator other than a single hyphen; a hyphen splits only when it is the only separator.
        var strong = FindSeparators(s, start, end, hyphenIsSeparator: false, out var sepStart, out var sepEnd, out var second);
        if (strong == 0)
        {
            strong = FindSeparators(s, start, end, hyphenIsSeparator: true, out sepStart, out sepEnd, out second);
        }

        if (strong > 1)
        {
            index = second;
            return ParseErrorReasons.Syntax;
        }

        if (strong == 0)
        {
            var bad = FindBadCharacter(s, start, end);
            if (bad >= 0)
            {
                index = bad;
                return ParseErrorReasons.Syntax;
            }

            first = start..end;
            return null;
        }

        var firstEnd = sepStart;
        while (firstEnd > start && char.IsWhiteSpace(s[firstEnd - 1])) firstEnd--;
        var lastStart = sepEnd;
        while (lastStart < end && char.IsWhiteSpace(s[lastStart])) lastStart++;
        if (firstEnd == start)
        {
            index = start;
            return ParseErrorReasons.Syntax;
        }

        if (lastStart == end)
        {
            index = sepStart;
            return ParseErrorReasons.Syntax;
        }

        var badFirst = FindBadCharacter(s, start, firstEnd);
        if (badFirst >= 0)
        {
            index = badFirst;
            return ParseErrorReasons.Syntax;
        }

        var badLast = FindBadCharacter(s, lastStart, end);
        if (badLast >= 0)
        {
            index = badLast;
            return ParseErrorReasons.Syntax;
        }

        var firstText = s[start..firstEnd];
        var lastText = s[lastStart..end];
        if (IsDescending(firstText, lastText))
        {
            index = lastStart;
            return ParseErrorReasons.DescendingRange;
        }

        first = start..firstEnd;
        last = lastStart..end;
        return null;
    }

    // Counts separator runs in [start, end); reports the first run and where the second begins.
    private static int FindSeparators(ReadOnlySpan<char> s, int start, int end, bool hyphenIsSeparator, out int sepStart, out int sepEnd, out int second)
    {
        sepStart = sepEnd = second = -1;
        var count = 0;
        var i = start;
        while (i < end)
        {
            if (!IsDash(s[i]))
            {
                i++;
                continue;
            }

            var runStart = i;
            while (i < end && IsDash(s[i])) i++;
            var isSeparator = i - runStart > 1 || !IsHyphen(s[runStart]) || hyphenIsSeparator;
            if (!isSeparator) continue;
            count++;
            if (count == 1)
            {
                sepStart = runStart;
                sepEnd = i;
            }
            else if (count == 2)
            {
                second = runStart;
            }
        }

        return count;
    }

    // A page label is one word: no white space, no commas or semicolons, no dashes other than single hyphens.
    private static int FindBadCharacter(ReadOnlySpan<char> s, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || c is ',' or ';' || char.IsControl(c)) return i;
            if (IsDash(c) && (!IsHyphen(c) || (i + 1 < end && IsDash(s[i + 1])))) return i;
        }

        return -1;
    }

    private static bool IsDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or EnDash or '\u2014' or '\u2015' or '\u2212';

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsAllDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    private static int TrailingDigits(ReadOnlySpan<char> s)
    {
        var n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[s.Length - 1 - n])) n++;
        return n;
    }

    // Compares two ASCII digit strings by value without overflow.
    private static int CompareDigits(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
    }

    private static bool IsLower(char c) => c is >= 'a' and <= 'z';

    private static int RomanDigit(char c) => (c | 0x20) switch
    {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        'l' => 50,
        'c' => 100,
        'd' => 500,
        'm' => 1000,
        _ => 0,
    };

    private static bool IsCanonicalRoman(ReadOnlySpan<char> s, int value, bool lower)
    {
        var symbols = lower ? LowerRomanSymbols : UpperRomanSymbols;
        var at = 0;
        for (var i = 0; i < RomanValues.Length; i++)
        {
            while (value >= RomanValues[i])
            {
                var symbol = symbols[i];
                if (!s[at..].StartsWith(symbol, StringComparison.Ordinal)) return false;
                at += symbol.Length;
                value -= RomanValues[i];
            }
        }

        return at == s.Length;
    }

    private static ReadOnlySpan<int> RomanValues => [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];

    private static readonly string[] LowerRomanSymbols = ["m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"];

    private static readonly string[] UpperRomanSymbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];

    private static ParseError ToError(string code, int index, ReadOnlySpan<char> s)
    {
        var shown = PartialDate.Shown(s);
        return code switch
        {
            ParseErrorReasons.Empty => new ParseError(ParseErrorReasons.Empty, 0, "A page or page range was expected, but the text is empty."),
            ParseErrorReasons.DescendingRange => new ParseError(ParseErrorReasons.DescendingRange, index, $"'{shown}' is not a page range: the last page comes before the first."),
            _ => new ParseError(ParseErrorReasons.Syntax, index, $"'{shown}' is not a page range: expected one page label, or two joined by '-', '--' or '–', such as '1–20' or 'S12--S15'."),
        };
    }
}
