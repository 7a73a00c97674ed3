using System.Text;

namespace ScholarlyRecord.Formats.Bibtex;

/// <summary>NFC normalisation that never throws: text with lone surrogates is returned unchanged.</summary>
internal static class TextNormalizer
{
    public static string Nfc(string text)
    {
        if (Ascii.IsValid(text) || !IsWellFormed(text)) return text;
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }
}
