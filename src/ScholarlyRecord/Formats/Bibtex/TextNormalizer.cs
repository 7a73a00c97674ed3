using System.Text;

namespace ScholarlyRecord.Formats;

/// <summary>
/// NFC normalisation that never throws. The runtime refuses text with lone surrogates; such text is normalised piece by
/// piece between the lone surrogates, which stay where they are.
/// </summary>
internal static class TextNormalizer
{
    public static string Nfc(string text)
    {
        if (Ascii.IsValid(text)) return text;
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return ByPieces(text);
        }
    }

    private static string ByPieces(string text)
    {
        var sb = new StringBuilder(text.Length);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!char.IsSurrogate(c)) continue;
            AppendNormalized(sb, text[start..i]);
            sb.Append(c);
            start = i + 1;
        }
        AppendNormalized(sb, text[start..]);
        return sb.ToString();
    }

    private static void AppendNormalized(StringBuilder sb, string piece)
    {
        try
        {
            sb.Append(piece.Normalize(NormalizationForm.FormC));
        }
        catch (ArgumentException)
        {
            sb.Append(piece);
        }
    }
}
