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
    // Past this many stretches to check (see IsNfcBySegments), the text is checked or normalised whole.
    private const int MaxSegments = 32;

    public static string Nfc(string text)
    {
        if (IsBelowCombiningMarks(text)) return text;
        if (HasRefused(text)) return ByPieces(text, NormalizationForm.FormC);
        return ComposeBySegments(text, text) ?? text.Normalize(NormalizationForm.FormC);
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
        if (ComposeBySegments(text, null) is { } composed) return composed;
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
        return HasRefused(text) ? string.Equals(ByPieces(text, NormalizationForm.FormC), text, StringComparison.Ordinal) : IsNfcBySegments(text);
    }

    // Whether text the runtime accepts (no refused character) is in NFC, asking the runtime only about the few short
    // stretches that can change: a character below U+0300 is a starter that never composes with the character before it
    // (see IsBelowCombiningMarks), so normalisation never reaches across the boundary before it, and the text is in NFC
    // exactly when each stretch from the character before a run of characters at or above U+0300 to the end of that run
    // is. An abstract in English with one "€" or "α" is then checked on three characters instead of all of them (the
    // whole-text check was the largest frame of a BibTeX read and write). Text with many such runs (Greek, CJK) is checked
    // whole, as before: one call beats many.
    private static bool IsNfcBySegments(ReadOnlySpan<char> text)
    {
        var high = text.IndexOfAnyInRange('\u0300', '\uFFFF');
        for (var segments = 0; high >= 0; segments++)
        {
            if (segments == MaxSegments) return text.IsNormalized(NormalizationForm.FormC);
            var start = high > 0 ? high - 1 : 0;
            var low = text[high..].IndexOfAnyInRange('\0', '\u02FF');
            var end = low < 0 ? text.Length : high + low;
            if (!text[start..end].IsNormalized(NormalizationForm.FormC)) return false;
            if (low < 0) return true;
            var next = text[end..].IndexOfAnyInRange('\u0300', '\uFFFF');
            high = next < 0 ? -1 : end + next;
        }
        return true;
    }

    // The text in NFC, normalising only the stretches IsNfcBySegments looks at (the same boundaries make the pieces
    // independent): unchanged text is copied, a stretch that is not in NFC ("o" and a combining diaeresis, as the LaTeX
    // decoder writes "\"o") is replaced by its NFC. Returns unchanged (or a copy of the text when unchanged is null) when
    // the text is already in NFC, and null when it has more than MaxSegments stretches: the caller normalises it whole.
    private static string? ComposeBySegments(ReadOnlySpan<char> text, string? unchanged)
    {
        // The composed text goes into a pooled buffer, so composing costs only the result string. A stretch whose NFC
        // does not fit (NFC can lengthen a few characters) makes the caller normalise the whole text instead.
        char[]? buffer = null;
        var written = 0;
        var copied = 0;
        try
        {
            var high = text.IndexOfAnyInRange('\u0300', '\uFFFF');
            for (var segments = 0; high >= 0; segments++)
            {
                if (segments == MaxSegments) return null;
                var start = high > 0 ? high - 1 : 0;
                var low = text[high..].IndexOfAnyInRange('\0', '\u02FF');
                var end = low < 0 ? text.Length : high + low;
                var segment = text[start..end];
                if (!segment.IsNormalized(NormalizationForm.FormC))
                {
                    buffer ??= ArrayPool<char>.Shared.Rent((text.Length * 2) + 16);
                    var before = text[copied..start];
                    if (written + before.Length > buffer.Length) return null;
                    before.CopyTo(buffer.AsSpan(written));
                    written += before.Length;
                    if (!segment.TryNormalize(buffer.AsSpan(written), out var composed, NormalizationForm.FormC)) return null;
                    written += composed;
                    copied = end;
                }
                if (low < 0) break;
                var next = text[end..].IndexOfAnyInRange('\u0300', '\uFFFF');
                high = next < 0 ? -1 : end + next;
            }
            if (buffer is null) return unchanged ?? new string(text);
            var rest = text[copied..];
            if (written + rest.Length > buffer.Length) return null;
            rest.CopyTo(buffer.AsSpan(written));
            return new string(buffer, 0, written + rest.Length);
        }
        finally
        {
            if (buffer is not null) ArrayPool<char>.Shared.Return(buffer);
        }
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
