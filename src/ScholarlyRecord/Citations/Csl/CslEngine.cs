using System.Globalization;

namespace ScholarlyRecord.Citations;

/// <summary>The immutable, shareable part of a processor: the style, its resolved locale and derived settings.</summary>
internal sealed class CslEngine
{
    public CslEngine(CslStyle style, CslLocaleChain locale)
    {
        Style = style;
        Locale = locale;
        PageRangeFormat = style.Root.Get("page-range-format");
        PageRangeDelimiter = locale.Term("page-range-delimiter") ?? "–";
        UsesYearSuffixVariable = Uses(style.Root, static n => n.Variable == "year-suffix");
        CitationLayout = style.Citation?.Child("layout");
        BibliographyLayout = style.Bibliography?.Child("layout");
        CitationSort = SortKeys(style.Citation);
        BibliographySort = SortKeys(style.Bibliography);
    }

    public readonly CslStyle Style;

    public readonly CslLocaleChain Locale;

    public readonly string? PageRangeFormat;

    public readonly string PageRangeDelimiter;

    public readonly bool UsesYearSuffixVariable;

    public readonly CslNode? CitationLayout;

    public readonly CslNode? BibliographyLayout;

    public readonly IReadOnlyList<CslNode> CitationSort;

    public readonly IReadOnlyList<CslNode> BibliographySort;

    /// <summary>The collation of the locale's language, made on the first comparison (see <see cref="CslLocaleChain.Culture"/>).</summary>
    public CompareInfo Compare => Locale.Culture.CompareInfo;

    public string? CitationOption(string name) => Style.Citation?.Get(name);

    private static CslNode[] SortKeys(CslNode? section)
    {
        var keys = new List<CslNode>();
        if (section?.Child("sort") is { } sort)
        {
            foreach (var child in sort.Children)
            {
                if (child.Name == "key")
                {
                    keys.Add(child);
                }
            }
        }

        return keys.ToArray();
    }

    private static bool Uses(CslNode root, Func<CslNode, bool> test)
    {
        var stack = new Stack<CslNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (test(node))
            {
                return true;
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }

        return false;
    }
}
