namespace ScholarlyRecord.Citations;

/// <summary>
/// A piece of rendered output before it is written as text or HTML: a leaf of text, or a group of pieces with the
/// affixes, delimiter, formatting, quotes and display of the element that made it.
/// </summary>
internal sealed class Rt
{
    public string? Text;

    public List<Rt>? Kids;

    public string? Prefix;

    public string? Suffix;

    public string? Delimiter;

    public string? Display;

    public string? FontStyle;

    public string? FontVariant;

    public string? FontWeight;

    public string? TextDecoration;

    public string? VerticalAlign;

    public bool Quotes;

    /// <summary>A leaf inside a <c>nocase</c> span: text-case leaves it alone.</summary>
    public bool NoCase;

    /// <summary>A leaf that came from a locale term (capitalized at the start of a citation).</summary>
    public bool IsTerm;

    /// <summary>Output that is already markup in the target format (not escaped).</summary>
    public bool Raw;

    public static Rt Leaf(string text, bool noCase = false) => new() { Text = text, NoCase = noCase };

    public static Rt Group(List<Rt> kids, string? delimiter = null) => new() { Kids = kids, Delimiter = delimiter };

    public bool IsEmpty
    {
        get
        {
            if (Text is not null)
            {
                return Text.Length == 0;
            }

            if (Kids is null)
            {
                return true;
            }

            foreach (var kid in Kids)
            {
                if (!kid.IsEmpty)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Applies the affixes, formatting, quotes and display of an element, on a new node around this one.</summary>
    public static Rt? Wrap(CslNode node, Rt? content)
    {
        if (content is null || content.IsEmpty)
        {
            return null;
        }

        if (node.Prefix is null && node.Suffix is null && !node.HasFormatting && !node.Quotes && node.Display is null)
        {
            return content;
        }

        return new Rt
        {
            Kids = [content],
            Prefix = node.Prefix,
            Suffix = node.Suffix,
            Display = node.Display,
            FontStyle = node.FontStyle,
            FontVariant = node.FontVariant,
            FontWeight = node.FontWeight,
            TextDecoration = node.TextDecoration,
            VerticalAlign = node.VerticalAlign,
            Quotes = node.Quotes,
        };
    }

    /// <summary>The plain text of the tree without formatting (affixes and delimiters included).</summary>
    public string ToPlain()
    {
        var writer = new CslOutputWriter(CslTextFormat.Instance, null);
        writer.Write(this);
        return writer.ToString();
    }

    /// <summary>Every leaf, in order.</summary>
    public IEnumerable<Rt> Leaves()
    {
        var stack = new Stack<Rt>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.Text is not null)
            {
                yield return current;
            }
            else if (current.Kids is not null)
            {
                for (var i = current.Kids.Count - 1; i >= 0; i--)
                {
                    stack.Push(current.Kids[i]);
                }
            }
        }
    }
}
