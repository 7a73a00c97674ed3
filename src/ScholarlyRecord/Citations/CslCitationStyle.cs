namespace ScholarlyRecord.Citations;

/// <summary>A CSL style behind <see cref="Citation.Format"/>: a chapter is a one-item document, rendered as its bibliography entry.</summary>
internal sealed class CslCitationStyle : CitationStyle
{
    internal CslCitationStyle(CslProcessor processor, string name)
        : base(name, processor.Style.Title.Length > 0 ? processor.Style.Title : name, processor)
    {
    }

    /// <summary>The last path segment of a style id (<c>http://www.zotero.org/styles/apa</c> gives <c>apa</c>), or the id itself.</summary>
    internal static string ShortName(string id)
    {
        var trimmed = id.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        var name = slash >= 0 ? trimmed[(slash + 1)..] : trimmed;
        return name.Length > 0 ? name : "csl";
    }

    internal override string Format(Chapter chapter, CitationOutput output)
    {
        var document = Processor!.CreateDocument(CslChapterItems.From([chapter]));
        var entries = document.BibliographyEntries(output);
        if (entries.Count > 0) return entries[0].TrimEnd();
        var items = document.Items;
        return items.Count == 0 ? string.Empty : document.CiteAlone(items[0].Id ?? string.Empty, output).TrimEnd();
    }
}
