using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ScholarlyRecord.Citations;

/// <summary>The <c>text-case</c> transformations of CSL 1.0.2, applied to the leaves of a rendered tree.</summary>
internal static class CslTextCase
{
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
        ["a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on", "onto", "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet"], StringComparer.Ordinal);

    private readonly record struct Word(Rt Leaf, int Start, int End);

    public static void Apply(Rt root, string textCase, bool english)
    {
        switch (textCase)
        {
            case "lowercase":
                foreach (var leaf in root.Leaves())
                {
                    if (!leaf.NoCase)
                    {
                        leaf.Text = leaf.Text!.ToLower(CultureInfo.InvariantCulture);
                    }
                }

                return;
            case "uppercase":
                foreach (var leaf in root.Leaves())
                {
                    if (!leaf.NoCase)
                    {
                        leaf.Text = leaf.Text!.ToUpper(CultureInfo.InvariantCulture);
                    }
                }

                return;
            case "title" when !english:
                return;
        }

        var leaves = root.Leaves().ToList();
        var words = new List<Word>();
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
                    words.Add(new Word(leaf, start, i));
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

        for (var w = 0; w < words.Count; w++)
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
                    {
                        var afterColon = w > 0 && EndsWithColon(words[w - 1]);
                        var bare = Strip(text).ToLowerInvariant();
                        if (w > 0 && w < words.Count - 1 && !afterColon && StopWords.Contains(bare) && !HasInnerUpper(text))
                        {
                            result = text.ToLower(CultureInfo.InvariantCulture);
                        }
                        else if (allUpper)
                        {
                            result = CapitalizeFirst(text.ToLower(CultureInfo.InvariantCulture));
                        }
                        else if (IsLowerWord(text))
                        {
                            result = CapitalizeFirst(text);
                        }
                        else
                        {
                            result = text;
                        }

                        break;
                    }

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

    private static bool HasInnerUpper(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithColon(Word word)
    {
        var text = word.Leaf.Text!;
        return word.End > 0 && text[word.End - 1] is ':' or '?' or '!';
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c);

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

                var upper = char.ToUpper(text[i], CultureInfo.InvariantCulture);
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
