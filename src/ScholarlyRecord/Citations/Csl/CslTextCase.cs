using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ScholarlyRecord.Citations;

/// <summary>The <c>text-case</c> transformations of CSL 1.0.2, applied to the leaves of a rendered tree.</summary>
internal static class CslTextCase
{
    // The single words of the stop-word list of the CSL schema (stop-words.json in the citation-style-language/schema
    // repository, MIT): the words that title case leaves as written unless they open or close the title or follow a
    // colon. It extends the 26 words that the CSL 1.0.2 text names with the other short prepositions of the list
    // ("about", "between", "through", "upon", "like", "de", "von", "van"...). Its phrases ("due to", "because of") are
    // not applied as phrases: their words are matched one by one, as citeproc-js does. Words are compared with their
    // periods and apostrophes dropped ("v.", "vs.", "d'").
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "across", "afore", "after", "against", "along", "alongside", "amid", "amidst", "among", "amongst", "an",
        "and", "anenst", "apropos", "apud", "around", "as", "aside", "astride", "at", "athwart", "atop", "barring", "before", "behind",
        "below", "beneath", "beside", "besides", "between", "beyond", "but", "by", "c", "ca", "circa", "d", "de", "despite", "down",
        "during", "et", "except", "for", "forenenst", "from", "given", "in", "inside", "into", "lest", "like", "modulo", "near",
        "next", "nor", "notwithstanding", "of", "off", "on", "onto", "or", "out", "over", "per", "plus", "pro", "qua", "sans",
        "since", "so", "than", "the", "through", "throughout", "thru", "thruout", "till", "to", "toward", "towards", "under",
        "underneath", "until", "unto", "up", "upon", "v", "van", "versus", "via", "vis-à-vis", "von", "vs", "with", "within",
        "without", "yet",
    ], StringComparer.Ordinal);

    private static TextInfo? turkish, azerbaijani, general;

    /// <summary>
    /// The case mapping for a language: Turkish and Azerbaijani map i to İ and ı to I; every other language maps ı to I
    /// and İ to i as Unicode does (the invariant culture leaves the two alone). Without culture data (invariant
    /// globalization mode) the invariant mapping is used.
    /// </summary>
    internal static TextInfo Casing(string language)
    {
        if (language.Length >= 2 && (language.Length == 2 || language[2] is '-' or '_'))
        {
            if (language.StartsWith("tr", StringComparison.OrdinalIgnoreCase))
            {
                return turkish ??= TextInfoOf("tr-TR");
            }

            if (language.StartsWith("az", StringComparison.OrdinalIgnoreCase))
            {
                return azerbaijani ??= TextInfoOf("az");
            }
        }

        return general ??= TextInfoOf("en-US");
    }

    private static TextInfo TextInfoOf(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name).TextInfo;
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture.TextInfo;
        }
    }

    private readonly struct Word(Rt leaf, int start, int end)
    {
        public readonly Rt Leaf = leaf;
        public readonly int Start = start;
        public readonly int End = end;
    }

    /// <summary>Applies a <c>text-case</c> value to the text under <paramref name="root"/>, by the case rules of
    /// <paramref name="language"/> (title case only for English).</summary>
    public static void Apply(Rt root, string textCase, string language)
    {
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        switch (textCase)
        {
            case "lowercase":
                var lower = Casing(language);
                foreach (var leaf in root.Leaves())
                {
                    if (!leaf.NoCase)
                    {
                        leaf.Text = lower.ToLower(leaf.Text!);
                    }
                }

                return;
            case "uppercase":
                var upper = Casing(language);
                foreach (var leaf in root.Leaves())
                {
                    if (!leaf.NoCase)
                    {
                        leaf.Text = upper.ToUpper(leaf.Text!);
                    }
                }

                return;
            case "title" when !english:
                return;
        }

        var leaves = root.Leaves().ToList();
        // An array grown by hand rather than a List<Word>: Word is a struct, and List<Word> would be one more generic
        // instantiation for the JIT to compile before the first entry.
        var words = new Word[8];
        var count = 0;
        var allUpper = true;
        var anyLetter = false;
        foreach (var leaf in leaves)
        {
            var text = leaf.Text!;
            var i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && IsSeparator(text[i]))
                {
                    i++;
                }

                var start = i;
                while (i < text.Length && !IsSeparator(text[i]))
                {
                    if (!leaf.NoCase && char.IsLetter(text[i]))
                    {
                        anyLetter = true;
                        if (char.IsLower(text[i]))
                        {
                            allUpper = false;
                        }
                    }

                    i++;
                }

                if (i > start)
                {
                    if (count == words.Length)
                    {
                        var larger = new Word[count * 2];
                        Array.Copy(words, larger, count);
                        words = larger;
                    }

                    words[count++] = new Word(leaf, start, i);
                }
            }
        }

        if (!anyLetter)
        {
            allUpper = false;
        }

        var builders = new Dictionary<Rt, StringBuilder>();
        StringBuilder Builder(Rt leaf)
        {
            if (!builders.TryGetValue(leaf, out var b))
            {
                b = new StringBuilder(leaf.Text);
                builders[leaf] = b;
            }

            return b;
        }

        for (var w = 0; w < count; w++)
        {
            var word = words[w];
            if (word.Leaf.NoCase)
            {
                continue;
            }

            var b = Builder(word.Leaf);
            var text = b.ToString(word.Start, word.End - word.Start);
            string result;
            switch (textCase)
            {
                case "capitalize-first":
                    result = w == 0 ? CapitalizeFirst(text) : text;
                    break;
                case "capitalize-all":
                    result = CapitalizeFirst(text);
                    break;
                case "sentence":
                    result = allUpper ? text.ToLower(CultureInfo.InvariantCulture) : text;
                    if (w == 0)
                    {
                        result = CapitalizeFirst(result);
                    }

                    break;
                case "title":
                    result = TitleWord(text, w == 0 || EndsWithColon(words[w - 1]), w == count - 1);
                    break;

                default:
                    result = text;
                    break;
            }

            if (!ReferenceEquals(result, text) && result.Length == text.Length)
            {
                for (var k = 0; k < result.Length; k++)
                {
                    b[word.Start + k] = result[k];
                }
            }
        }

        foreach (var (leaf, b) in builders)
        {
            leaf.Text = b.ToString();
        }
    }

    private static string TitleWord(string word, bool first, bool last)
    {
        var builder = new StringBuilder(word.Length);
        var start = 0;
        var segment = 0;
        for (var i = 0; i <= word.Length; i++)
        {
            // Hyphens, slashes and dashes divide a word into parts that are cased one by one, and so does a full stop
            // between letters (the "com" of "merriam-webster.com", the letters of "e.g.").
            if (i < word.Length && word[i] is not ('-' or '/' or '–' or '—') && !(word[i] == '.' && i > 0 && i + 1 < word.Length && char.IsLetter(word[i - 1]) && char.IsLetter(word[i + 1])))
            {
                continue;
            }

            var piece = word[start..i];
            var isFirst = first && segment == 0;
            var isLast = last && i == word.Length;
            var bare = Strip(piece);
            // A stop word that opens a hyphenated word is cased like any word ("Pro-Environmental").
            var opensCompound = segment == 0 && i < word.Length && word[i] == '-';
            if ((!isFirst && !isLast && !opensCompound && StopWords.Contains(bare)) || (!isFirst && IsElided(bare)))
            {
                builder.Append(piece);
            }
            else if (bare.Length == 1 && !isFirst)
            {
                // A lone lower-case letter (a variable "x", a unit "m", the "e" of "e-mail") is left as written.
                builder.Append(piece);
            }
            else if (IsLowerWord(piece) && bare.Length > 0 && bare[0] < '\u0250' && StartsWithLetter(piece) && (segment == 0 || (start >= 2 && char.IsLetter(word[start - 2]))))
            {
                builder.Append(CapitalizeFirst(piece));
            }
            else
            {
                builder.Append(piece);
            }

            if (i < word.Length)
            {
                builder.Append(word[i]);
            }

            start = i + 1;
            segment++;
        }

        return builder.ToString();
    }

    // The spec capitalizes "the first character" of a word: a word that starts with a digit, symbol, emoji, brace or
    // combining mark ("1ab", "😋kp", "{wx", "\u0331qu") stays as it is; an opening parenthesis or bracket is passed over.
    private static bool StartsWithLetter(string piece)
    {
        var text = piece.AsSpan().TrimStart("([");
        return !text.IsEmpty && char.IsLetter(text[0]);
    }

    // An elided article or preposition joined by an apostrophe ("d'Alembert", "l'homme" after the first word) is kept.
    private static bool IsElided(string bare) =>
        bare.Length > 2 && bare[1] is '\'' or '’' && bare[0] is 'd' or 'l';

    private static bool EndsWithColon(Word word)
    {
        var text = word.Leaf.Text!;
        return word.End > 0 && text[word.End - 1] is ':' or '?' or '!' or '.';
    }

    // White space and the zero width space (U+200B), which Unicode uses to mark a word boundary without a visible gap.
    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c == '\u200B';

    private static string Strip(string word)
    {
        var start = 0;
        var end = word.Length;
        while (start < end && !char.IsLetterOrDigit(word[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(word[end - 1]))
        {
            end--;
        }

        return word[start..end];
    }

    private static bool IsLowerWord(string word)
    {
        foreach (var c in word)
        {
            if (char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    public static string CapitalizeFirst(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
            {
                if (char.IsUpper(text[i]))
                {
                    return text;
                }

                var upper = char.ToUpperInvariant(text[i]);
                return string.Concat(text.AsSpan(0, i), new string(upper, 1), text.AsSpan(i + 1));
            }

            if (char.IsDigit(text[i]))
            {
                return text;
            }
        }

        return text;
    }
}
