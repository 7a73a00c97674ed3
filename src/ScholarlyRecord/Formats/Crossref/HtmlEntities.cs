using System.Collections.Frozen;
using System.Text;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Prepares text that is meant as XML but was written by HTML habits: named HTML entities (<c>&amp;nbsp;</c>,
/// <c>&amp;ndash;</c>, <c>&amp;eacute;</c>…) become their characters, and an ampersand that starts no entity the XML
/// parser knows (an unknown name, <c>R&amp;D</c>) becomes <c>&amp;amp;</c> so that it stays text.
/// </summary>
internal static class HtmlEntities
{
    private static readonly FrozenDictionary<string, string> Named = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nbsp"] = "\u00A0", ["ensp"] = "\u2002", ["emsp"] = "\u2003", ["thinsp"] = "\u2009", ["shy"] = "\u00AD",
        ["ndash"] = "\u2013", ["mdash"] = "\u2014", ["minus"] = "\u2212", ["hellip"] = "\u2026", ["bull"] = "\u2022",
        ["lsquo"] = "\u2018", ["rsquo"] = "\u2019", ["sbquo"] = "\u201A", ["ldquo"] = "\u201C", ["rdquo"] = "\u201D",
        ["bdquo"] = "\u201E", ["laquo"] = "\u00AB", ["raquo"] = "\u00BB", ["prime"] = "\u2032", ["Prime"] = "\u2033",
        ["copy"] = "\u00A9", ["reg"] = "\u00AE", ["trade"] = "\u2122", ["deg"] = "\u00B0", ["plusmn"] = "\u00B1",
        ["times"] = "\u00D7", ["divide"] = "\u00F7", ["micro"] = "\u00B5", ["middot"] = "\u00B7", ["para"] = "\u00B6",
        ["sect"] = "\u00A7", ["le"] = "\u2264", ["ge"] = "\u2265", ["ne"] = "\u2260", ["asymp"] = "\u2248",
        ["infin"] = "\u221E", ["larr"] = "\u2190", ["rarr"] = "\u2192", ["harr"] = "\u2194", ["euro"] = "\u20AC",
        ["pound"] = "\u00A3", ["cent"] = "\u00A2", ["yen"] = "\u00A5", ["iexcl"] = "\u00A1", ["iquest"] = "\u00BF",
        ["sup1"] = "\u00B9", ["sup2"] = "\u00B2", ["sup3"] = "\u00B3", ["frac12"] = "\u00BD", ["frac14"] = "\u00BC",
        ["frac34"] = "\u00BE", ["alpha"] = "\u03B1", ["beta"] = "\u03B2", ["gamma"] = "\u03B3", ["delta"] = "\u03B4",
        ["epsilon"] = "\u03B5", ["kappa"] = "\u03BA", ["lambda"] = "\u03BB", ["mu"] = "\u03BC", ["pi"] = "\u03C0",
        ["rho"] = "\u03C1", ["sigma"] = "\u03C3", ["tau"] = "\u03C4", ["phi"] = "\u03C6", ["chi"] = "\u03C7",
        ["psi"] = "\u03C8", ["omega"] = "\u03C9", ["theta"] = "\u03B8", ["eta"] = "\u03B7", ["zeta"] = "\u03B6",
        ["Delta"] = "\u0394", ["Sigma"] = "\u03A3", ["Omega"] = "\u03A9", ["Gamma"] = "\u0393", ["Phi"] = "\u03A6",
        ["agrave"] = "\u00E0", ["aacute"] = "\u00E1", ["acirc"] = "\u00E2", ["atilde"] = "\u00E3", ["auml"] = "\u00E4",
        ["aring"] = "\u00E5", ["aelig"] = "\u00E6", ["ccedil"] = "\u00E7", ["egrave"] = "\u00E8", ["eacute"] = "\u00E9",
        ["ecirc"] = "\u00EA", ["euml"] = "\u00EB", ["igrave"] = "\u00EC", ["iacute"] = "\u00ED", ["icirc"] = "\u00EE",
        ["iuml"] = "\u00EF", ["ntilde"] = "\u00F1", ["ograve"] = "\u00F2", ["oacute"] = "\u00F3", ["ocirc"] = "\u00F4",
        ["otilde"] = "\u00F5", ["ouml"] = "\u00F6", ["oslash"] = "\u00F8", ["ugrave"] = "\u00F9", ["uacute"] = "\u00FA",
        ["ucirc"] = "\u00FB", ["uuml"] = "\u00FC", ["yacute"] = "\u00FD", ["yuml"] = "\u00FF", ["szlig"] = "\u00DF",
        ["Agrave"] = "\u00C0", ["Aacute"] = "\u00C1", ["Auml"] = "\u00C4", ["Aring"] = "\u00C5", ["Ccedil"] = "\u00C7",
        ["Eacute"] = "\u00C9", ["Egrave"] = "\u00C8", ["Ntilde"] = "\u00D1", ["Ouml"] = "\u00D6", ["Oslash"] = "\u00D8",
        ["Uuml"] = "\u00DC",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Returns <paramref name="text"/> with HTML entities replaced and stray ampersands escaped.</summary>
    internal static string Replace(string text)
    {
        var first = text.IndexOf('&', StringComparison.Ordinal);
        if (first < 0) return text;
        var lookup = Named.GetAlternateLookup<ReadOnlySpan<char>>();
        var result = new StringBuilder(text.Length + 16);
        result.Append(text, 0, first);
        var i = first;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '&')
            {
                result.Append(c);
                i++;
                continue;
            }

            var nameLength = 0;
            while (i + 1 + nameLength < text.Length && nameLength <= 32 && IsNameChar(text[i + 1 + nameLength], nameLength)) nameLength++;
            var closed = nameLength > 0 && i + 1 + nameLength < text.Length && text[i + 1 + nameLength] == ';';
            if (!closed)
            {
                result.Append("&amp;");
                i++;
                continue;
            }

            var name = text.AsSpan(i + 1, nameLength);
            if (name[0] == '#' || name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                result.Append(text, i, nameLength + 2);
            }
            else if (lookup.TryGetValue(name, out var replacement))
            {
                result.Append(replacement);
            }
            else
            {
                result.Append("&amp;").Append(name).Append(';');
            }

            i += nameLength + 2;
        }

        return result.ToString();
    }

    private static bool IsNameChar(char c, int position) =>
        char.IsAsciiLetterOrDigit(c) || (position == 0 && c == '#');
}
