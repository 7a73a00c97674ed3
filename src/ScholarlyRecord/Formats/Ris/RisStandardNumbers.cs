namespace ScholarlyRecord.Formats;

/// <summary>Splits an <c>SN</c> value into numbers with the medium their qualifier names.</summary>
internal static class RisStandardNumbers
{
    private static readonly char[] Separators = [';', ',', '\n', '\r'];

    /// <summary>The qualifier written after a number of known medium.</summary>
    public static string Qualifier(PublicationMedium medium) => medium == PublicationMedium.Print ? " (Print)" : " (Electronic)";

    /// <summary>
    /// The numbers in the value: pieces between <c>;</c>, <c>,</c> or line breaks; within a piece, numbers followed by
    /// a known qualifier such as <c>(Print)</c>; a remaining piece that is no number as a whole is split at spaces.
    /// An unknown qualifier stays part of its number (which then fails to parse and is reported).
    /// </summary>
    public static List<(string Text, PublicationMedium? Medium)> Split(string value)
    {
        var result = new List<(string, PublicationMedium?)>();
        foreach (var rawPiece in value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var piece = rawPiece;
            while (true)
            {
                var open = piece.IndexOf('(', StringComparison.Ordinal);
                var close = open < 0 ? -1 : piece.IndexOf(')', open);
                if (close < 0) break;
                var number = piece[..open].Trim();
                var medium = MediumOf(piece.AsSpan(open + 1, close - open - 1).Trim());
                if (number.Length == 0 || medium is null) break;
                result.Add((number, medium));
                piece = piece[(close + 1)..].Trim();
            }
            if (piece.Length == 0) continue;
            if (piece.Contains(' ', StringComparison.Ordinal) && !IsNumber(piece) && piece.IndexOf('(', StringComparison.Ordinal) < 0)
            {
                foreach (var word in piece.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    result.Add((word, null));
                }
            }
            else
            {
                result.Add((piece, null));
            }
        }
        return result;
    }

    private static bool IsNumber(string text) => Isbn.TryParse(text, out _) || Issn.TryParse(text, out _);

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
