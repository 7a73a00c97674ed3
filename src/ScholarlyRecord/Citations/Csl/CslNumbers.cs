using System.Globalization;
using System.Text;

namespace ScholarlyRecord.Citations;

/// <summary>Numbers in CSL: what counts as numeric, ordinals and roman numerals, plurals and page ranges.</summary>
internal static class CslNumbers
{
    /// <summary>
    /// Numeric per CSL 1.0.2: numbers, optionally with letter prefixes or suffixes (<c>2nd</c>, <c>L2</c>), joined by
    /// <c>-</c>, <c>,</c> or <c>&amp;</c> (with or without spaces).
    /// </summary>
    public static bool IsNumeric(string value)
    {
        var tokens = Tokens(value);
        if (tokens.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i % 2 == 1)
            {
                continue;
            }

            if (!IsNumberToken(token))
            {
                return false;
            }
        }

        return tokens.Count % 2 == 1;
    }

    private static bool IsNumberToken(string token)
    {
        if (token.Length == 0)
        {
            return false;
        }

        // The spec's examples of numbers with affixes are "D2", "2b", "L2d": the affixes are Latin letters (as
        // citeproc-js reads them too), so "cu伞to5" or "0bĈ" is text, not a number.
        var digits = 0;
        var i = 0;
        while (i < token.Length && char.IsAsciiLetter(token[i]))
        {
            i++;
        }

        while (i < token.Length && char.IsAsciiDigit(token[i]))
        {
            i++;
            digits++;
        }

        while (i < token.Length && char.IsAsciiLetter(token[i]))
        {
            i++;
        }

        return digits > 0 && i == token.Length;
    }

    /// <summary>Splits into alternating number tokens and separators (<c>-</c>, <c>,</c>, <c>&amp;</c>).</summary>
    private static List<string> Tokens(string value)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var text = value.Trim();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '-' or '–' or ',' or '&')
            {
                result.Add(current.ToString().Trim());
                current.Clear();
                result.Add(c.ToString());
            }
            else
            {
                current.Append(c);
            }
        }

        result.Add(current.ToString().Trim());
        return result;
    }

    public static bool IsPlural(string value)
    {
        if (value.Contains("\\-", StringComparison.Ordinal))
        {
            return false;
        }

        var tokens = Tokens(value);
        if (tokens.Count < 3 || tokens.Count % 2 == 0)
        {
            return false;
        }

        // Roman page numbers make a range too (xi-xv is plural), though they do not make a value numeric.
        for (var i = 0; i < tokens.Count; i += 2)
        {
            if (!IsNumberToken(tokens[i]) && !IsRoman(tokens[i]))
            {
                return false;
            }
        }

        // A range like 12-12 is still plural in citeproc's reading; a comma or ampersand list is plural.
        return true;
    }

    private static bool IsRoman(string token)
    {
        if (token.Length == 0)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (char.ToLowerInvariant(c) is not ('i' or 'v' or 'x' or 'l' or 'c' or 'd' or 'm'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a list of numbers is joined by a word: <c>213 and 235</c>, <c>213 et 235</c>.</summary>
    public static bool HasAnd(string value, string? and)
    {
        var words = value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || !char.IsAsciiDigit(words[0][0]) || !char.IsAsciiDigit(words[^1][0]))
        {
            return false;
        }

        for (var i = 1; i < words.Length - 1; i++)
        {
            if (words[i] == "and" || words[i] == and || words[i] == "et" || words[i] == "&")
            {
                return true;
            }
        }

        return false;
    }

    public static long LeadingNumber(string value)
    {
        long result = 0;
        var seen = false;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                result = (result * 10) + (c - '0');
                seen = true;
                if (result > 1_000_000_000)
                {
                    break;
                }
            }
            else if (seen)
            {
                break;
            }
        }

        return result;
    }

    public static string SortKey(string value)
    {
        var number = LeadingNumber(value);
        return number.ToString("D10", CultureInfo.InvariantCulture);
    }

    public static string Format(string value, string form, CslLocaleChain locale, string? gender, string rangeDelimiter)
    {
        var tokens = Tokens(value);
        var builder = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i % 2 == 1)
            {
                builder.Append(token switch
                {
                    "-" or "–" => rangeDelimiter,
                    "," => ", ",
                    "&" => " & ",
                    _ => token,
                });
                continue;
            }

            var allDigits = token.Length > 0 && token.All(char.IsAsciiDigit);
            if (!allDigits || form == "numeric" || !long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                builder.Append(token);
                continue;
            }

            builder.Append(form switch
            {
                "ordinal" => locale.Ordinal(n, gender),
                "long-ordinal" => locale.LongOrdinal(n, gender),
                "roman" => Roman(n),
                _ => token,
            });
        }

        return builder.ToString();
    }

    public static string Roman(long number)
    {
        if (number is <= 0 or >= 4000)
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] numerals = ["m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"];
        var builder = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            while (number >= values[i])
            {
                builder.Append(numerals[i]);
                number -= values[i];
            }
        }

        return builder.ToString();
    }

    /// <summary>Replaces hyphens between numbers with the range delimiter.</summary>
    public static string DashRanges(string value, string delimiter)
    {
        if (!value.Contains('-', StringComparison.Ordinal))
        {
            return value;
        }

        if (value.Contains("\\-", StringComparison.Ordinal))
        {
            return value.Replace("\\-", "-", StringComparison.Ordinal);
        }

        value = value.Replace(" - ", "-", StringComparison.Ordinal);
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '-' && i > 0 && i < value.Length - 1 && char.IsLetterOrDigit(value[i - 1]) && char.IsLetterOrDigit(value[i + 1]) && IsNumberish(value, i))
            {
                builder.Append(delimiter);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsNumberish(string value, int dash) =>
        char.IsAsciiDigit(value[dash - 1]) || char.IsAsciiDigit(value[dash + 1]) || (IsRoman(value, dash, -1) && IsRoman(value, dash, 1));

    /// <summary>Whether the letters next to a hyphen, on one side, are a roman numeral in one case ("i-ix", "XII-XIV").</summary>
    private static bool IsRoman(string value, int dash, int step)
    {
        var length = 0;
        bool? upper = null;
        for (var i = dash + step; i >= 0 && i < value.Length && char.IsLetterOrDigit(value[i]); i += step)
        {
            var c = value[i];
            if ("ivxlcdmIVXLCDM".IndexOf(c, StringComparison.Ordinal) < 0 || (upper is { } u && u != char.IsUpper(c)))
            {
                return false;
            }

            upper = char.IsUpper(c);
            length++;
        }

        return length is > 0 and <= 8;
    }

    /// <summary>Formats page ranges per <c>page-range-format</c>: expanded, minimal, minimal-two, chicago(-15/-16).</summary>
    public static string PageRange(string value, string format, string delimiter)
    {
        if (value.Contains("\\-", StringComparison.Ordinal))
        {
            return value.Replace("\\-", "-", StringComparison.Ordinal);
        }

        var amp = value.IndexOf('&', StringComparison.Ordinal);
        if (amp > 0)
        {
            return PageRange(value[..amp].TrimEnd(), format, delimiter) + " & " + PageRange(value[(amp + 1)..].TrimStart(), format, delimiter);
        }

        var builder = new StringBuilder();
        var parts = value.Split(',');
        for (var p = 0; p < parts.Length; p++)
        {
            if (p > 0)
            {
                builder.Append(',');
            }

            var part = parts[p];
            var dash = part.IndexOfAny(['-', '–']);
            if (dash < 0)
            {
                builder.Append(part);
                continue;
            }

            var leading = part.Length - part.TrimStart().Length;
            var first = part[..dash].Trim();
            var last = part[(dash + 1)..].Trim();
            if (last.Length > 0 && last[0] is '-' or '–')
            {
                last = last[1..].Trim();
            }

            builder.Append(part.AsSpan(0, leading));
            if (!SplitNumber(first, out var prefix1, out var n1) || !SplitNumber(last, out var prefix2, out var n2))
            {
                builder.Append(first).Append(delimiter).Append(last);
                continue;
            }

            if (prefix1 != prefix2)
            {
                builder.Append(first).Append('-').Append(last);
                continue;
            }

            var reduced = Reduce(n1, n2, format);
            builder.Append(first).Append(delimiter).Append(format == "expanded" && prefix1.Length > 0 ? prefix1 : string.Empty).Append(reduced);
        }

        return builder.ToString();
    }

    private static bool SplitNumber(string text, out string prefix, out string digits)
    {
        var i = text.Length;
        while (i > 0 && char.IsAsciiDigit(text[i - 1]))
        {
            i--;
        }

        prefix = text[..i];
        digits = text[i..];
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }

    private static string Reduce(string first, string last, string format)
    {
        if (last.Length < first.Length)
        {
            last = first[..(first.Length - last.Length)] + last;
        }

        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var a) || !long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var b) || b <= a || first.Length != last.Length)
        {
            return last;
        }

        switch (format)
        {
            case "expanded":
                return last;
            case "minimal":
                return Minimal(first, last, 1);
            case "minimal-two":
                return Minimal(first, last, 2);
            case "chicago" or "chicago-15" or "chicago-16":
                {
                    if (a < 100 || a % 100 == 0)
                    {
                        return last;
                    }

                    if (a % 100 < 10)
                    {
                        return Minimal(first, last, 1);
                    }

                    if (format != "chicago-16" && first.Length == 4 && Minimal(first, last, 1).Length >= 3)
                    {
                        return last;
                    }

                    return Minimal(first, last, 2);
                }

            default:
                return last;
        }
    }

    private static string Minimal(string first, string last, int keep)
    {
        var i = 0;
        while (i < first.Length && first[i] == last[i])
        {
            i++;
        }

        var kept = last[i..];
        if (kept.Length < keep)
        {
            kept = last[Math.Max(0, last.Length - keep)..];
        }

        return kept;
    }
}
