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
        CitationSort = style.Citation?.Child("sort")?.Children.Where(static k => k.Name == "key").ToArray() ?? [];
        BibliographySort = style.Bibliography?.Child("sort")?.Children.Where(static k => k.Name == "key").ToArray() ?? [];
        Compare = locale.Culture.CompareInfo;
    }

    public CslStyle Style { get; }

    public CslLocaleChain Locale { get; }

    public string? PageRangeFormat { get; }

    public string PageRangeDelimiter { get; }

    public bool UsesYearSuffixVariable { get; }

    public CslNode? CitationLayout { get; }

    public CslNode? BibliographyLayout { get; }

    public IReadOnlyList<CslNode> CitationSort { get; }

    public IReadOnlyList<CslNode> BibliographySort { get; }

    public CompareInfo Compare { get; }

    public string? CitationOption(string name) => Style.Citation?.Get(name);

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
