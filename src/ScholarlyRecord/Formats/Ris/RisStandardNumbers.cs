using System.Buffers;

namespace ScholarlyRecord.Formats;

/// <summary>Splits an <c>SN</c> value into numbers with the medium their qualifier names.</summary>
internal static class RisStandardNumbers
{
    private static readonly SearchValues<char> Separators = SearchValues.Create(";,\n\r");

    /// <summary>The qualifier written after a number of known medium.</summary>
    public static string Qualifier(PublicationMedium medium) => medium == PublicationMedium.Print ? " (Print)" : " (Electronic)";

    /// <summary>
    /// The numbers in the value: pieces between <c>;</c>, <c>,</c> or line breaks; within a piece, numbers followed by
    /// a known qualifier such as <c>(Print)</c>; a remaining piece that is no number as a whole is split at spaces.
    /// An unknown qualifier stays part of its number (which then fails to parse and is reported).
    /// </summary>
    public static List<(string Text, PublicationMedium? Medium)> Split(string value)
    {
        // Spans all the way: only the numbers found become strings (an SN line is read once per record).
        var result = new List<(string, PublicationMedium?)>(2);
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var cut = rest.IndexOfAny(Separators);
            var piece = (cut < 0 ? rest : rest[..cut]).Trim();
            rest = cut < 0 ? [] : rest[(cut + 1)..];
            if (piece.IsEmpty) continue;
            while (true)
            {
                var open = piece.IndexOf('(');
                var close = open < 0 ? -1 : piece[open..].IndexOf(')');
                if (close < 0) break;
                close += open;
                var number = piece[..open].Trim();
                var medium = MediumOf(piece[(open + 1)..close].Trim());
                if (number.IsEmpty || medium is null) break;
                result.Add((number.ToString(), medium));
                piece = piece[(close + 1)..].Trim();
            }
            if (piece.IsEmpty) continue;
            if (piece.Contains(' ') && !IsNumber(piece) && !piece.Contains('('))
            {
                foreach (var range in piece.Split(' '))
                {
                    var word = piece[range].Trim();
                    if (!word.IsEmpty) result.Add((word.ToString(), null));
                }
            }
            else
            {
                result.Add((piece.ToString(), null));
            }
        }
        return result;
    }

    private static bool IsNumber(ReadOnlySpan<char> text) => Isbn.TryParse(text, out _) || Issn.TryParse(text, out _);

    private static PublicationMedium? MediumOf(ReadOnlySpan<char> qualifier)
    {
        foreach (var print in (ReadOnlySpan<string>)["Print", "Paper", "Paperback", "Pbk", "Hardcover", "Hardback", "Hbk", "Softcover"])
        {
            if (qualifier.Equals(print, StringComparison.OrdinalIgnoreCase)) return PublicationMedium.Print;
        }
        foreach (var electronic in (ReadOnlySpan<string>)["Electronic", "Online", "eBook", "E-book", "PDF"])
        {
            if (qualifier.Equals(electronic, StringComparison.OrdinalIgnoreCase)) return PublicationMedium.Electronic;
        }
        return null;
    }
}
