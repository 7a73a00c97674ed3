using System.Buffers;
using System.Text;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Unicode normalisation that never throws, shared by every reader, writer and validator rule that normalises text. The
/// runtime refuses two kinds of text: lone surrogates (unpaired U+D800..U+DFFF) and the non-character U+FFFE (it throws
/// <see cref="ArgumentException"/> for both). Such text is normalised piece by piece between the refused characters,
/// which stay where they are.
/// </summary>
internal static class TextNormalizer
{
    public static string Nfc(string text)
    {
        if (IsBelowCombiningMarks(text)) return text;
        if (HasRefused(text)) return ByPieces(text, NormalizationForm.FormC);
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The text in NFC as a new string: the same characters as <c>Nfc(text.ToString())</c>, without that intermediate string
    /// when the text needs composing.
    /// </summary>
    public static string Nfc(ReadOnlySpan<char> text)
    {
        if (IsBelowCombiningMarks(text)) return new string(text);
        // Characters the runtime refuses: the string overload handles them piece by piece.
        if (HasRefused(text)) return Nfc(new string(text));
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

    /// <summary>The text decomposed (NFD), the refused characters kept as they are.</summary>
    public static string Nfd(string text)
    {
        if (Ascii.IsValid(text)) return text;
        return HasRefused(text) ? ByPieces(text, NormalizationForm.FormD) : text.Normalize(NormalizationForm.FormD);
    }

    /// <summary>Whether the text is in NFC; text holding characters the runtime refuses is judged on the pieces between them.</summary>
    public static bool IsNfc(string text)
    {
        if (IsBelowCombiningMarks(text)) return true;
        return HasRefused(text) ? string.Equals(ByPieces(text, NormalizationForm.FormC), text, StringComparison.Ordinal) : text.IsNormalized(NormalizationForm.FormC);
    }

    // Every character of the text is below U+0300, where the combining marks begin. Such text is always in NFC: no
    // character below U+0300 composes with the one before it or changes under normalisation (every pair of them was
    // checked against the runtime's normaliser), so the slow check can be skipped. This covers ASCII and all of Latin-1.
    private static bool IsBelowCombiningMarks(ReadOnlySpan<char> text) => !text.ContainsAnyInRange('\u0300', '\uFFFF');

    // A surrogate (paired or not: a cheap test, the pieces step skips pairs) or U+FFFE. Every other code point, assigned
    // or not, was checked to pass the runtime's normaliser in both forms.
    private static bool HasRefused(ReadOnlySpan<char> text) => text.ContainsAnyInRange('\uD800', '\uDFFF') || text.Contains('\uFFFE');

    private static bool IsRefusedAt(string text, int i, out int width)
    {
        var c = text[i];
        width = 1;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return false;
        }
        return char.IsSurrogate(c) || c == '\uFFFE';
    }

    private static string ByPieces(string text, NormalizationForm form)
    {
        var sb = new StringBuilder(text.Length);
        var start = 0;
        for (var i = 0; i < text.Length; i += 1)
        {
            if (!IsRefusedAt(text, i, out var width))
            {
                i += width - 1;
                continue;
            }
            sb.Append(text.AsSpan(start, i - start).ToString().Normalize(form));
            sb.Append(text[i]);
            start = i + 1;
        }
        sb.Append(text.AsSpan(start).ToString().Normalize(form));
        return sb.ToString();
    }
}
