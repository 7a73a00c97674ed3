using System.Text;

namespace ScholarlyRecord.Formats;

/// <summary>The mapping's text rules for values written to RIS (docs/formats-ris.md, "Text rules").</summary>
internal static class RisText
{
    /// <summary>The value with each line break (CR LF, CR or LF) replaced by one space.</summary>
    public static string SingleLine(string value)
    {
        if (value.AsSpan().IndexOfAny(RisSyntax.LineBreaks) < 0) return value;
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r')
            {
                if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                builder.Append(' ');
            }
            else
            {
                builder.Append(c == '\n' ? ' ' : c);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Pieces joined for a multi-line field: each piece made single-line, pieces that are only white space
    /// dropped, the rest joined with LF (which the document layer writes as a blank line). A piece that would
    /// read as a tag line is joined to the previous one with a space instead.
    /// </summary>
    public static string MultiLine(IEnumerable<string> pieces)
    {
        var builder = new StringBuilder();
        foreach (var (separator, piece) in Paragraphs(pieces))
        {
            if (separator != '\0') builder.Append(separator);
            builder.Append(piece);
        }
        return builder.ToString();
    }

    /// <summary>
    /// The pieces of a multi-line field as <see cref="MultiLine(IEnumerable{string})"/> joins them, for writers that
    /// write them one by one: each piece single-line, with the separator that goes before it (<c>'\0'</c> before the
    /// first, else <c>' '</c> or <c>'\n'</c>).
    /// </summary>
    public static IEnumerable<(char Separator, string Piece)> Paragraphs(IEnumerable<string> pieces)
    {
        var any = false;
        foreach (var raw in pieces)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var piece = SingleLine(raw);
            yield return (!any ? '\0' : LooksLikeTag(piece) ? ' ' : '\n', piece);
            any = true;
        }
    }

    /// <summary>A multi-line value (an extra) normalised as the pieces overload does.</summary>
    public static string MultiLine(string value) =>
        value.AsSpan().IndexOfAny(RisSyntax.LineBreaks) < 0 ? value : MultiLine(SplitLines(value));

    /// <summary>The value split at each line break (CR LF, CR or LF).</summary>
    public static List<string> SplitLines(string value)
    {
        var lines = new List<string>();
        var start = 0;
        int found;
        while ((found = value.AsSpan(start).IndexOfAny(RisSyntax.LineBreaks)) >= 0)
        {
            var i = start + found;
            lines.Add(value[start..i]);
            if (value[i] == '\r' && i + 1 < value.Length && value[i + 1] == '\n') i++;
            start = i + 1;
        }
        // The whole value when it has no line break (no copy).
        lines.Add(start == 0 ? value : value[start..]);
        return lines;
    }

    /// <summary>Whether a piece would read as a tag line (or a damaged TY or ER line) at the start of a line.</summary>
    public static bool LooksLikeTag(ReadOnlySpan<char> piece) =>
        RisSyntax.IsTagLine(piece) || RisSyntax.IsDamagedTypeOrEndLine(piece, out _);
}
