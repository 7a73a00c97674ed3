using System.Buffers;
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
        if (IsBelowCombiningMarks(text)) return text;
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return ByPieces(text);
        }
    }

    /// <summary>
    /// The text in NFC as a new string: the same characters as <c>Nfc(text.ToString())</c>, without that intermediate string
    /// when the text needs composing.
    /// </summary>
    public static string Nfc(ReadOnlySpan<char> text)
    {
        if (IsBelowCombiningMarks(text)) return new string(text);
        // Lone surrogates make the runtime refuse the text: the string overload handles them piece by piece.
        if (text.ContainsAnyInRange('\uD800', '\uDFFF')) return Nfc(new string(text));
        if (text.IsNormalized(NormalizationForm.FormC)) return new string(text);
        // NFC is rarely longer than its input (a few characters expand); when it is, the string overload does it.
        var buffer = ArrayPool<char>.Shared.Rent(text.Length + 16);
        try
        {
            return text.TryNormalize(buffer, out var written, NormalizationForm.FormC)
                ? new string(buffer, 0, written)
                : new string(text).Normalize(NormalizationForm.FormC);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // Every character of the text is below U+0300, where the combining marks begin. Such text is always in NFC: no
    // character below U+0300 composes with the one before it or changes under normalisation (every pair of them was
    // checked against the runtime's normaliser), so the slow check can be skipped. This covers ASCII and all of Latin-1.
    private static bool IsBelowCombiningMarks(ReadOnlySpan<char> text) => !text.ContainsAnyInRange('\u0300', '\uFFFF');

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
