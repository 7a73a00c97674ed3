using System.Text;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Citations;

/// <summary>
/// The items of one document rendered by a <see cref="CslProcessor"/>: the bibliography in the style's order, and
/// citations whose positions (first, subsequent, ibid, near-note) follow the order they are cited in. Not thread-safe:
/// use one document per thread.
/// </summary>
public sealed partial class CslDocument
{
    private const string NoPrintedForm = "[CSL STYLE ERROR: reference with no printed form.]";
    private readonly CslEngine engine;
    private readonly List<CslItemData> items = [];
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<CslItemState> states = [];
    private readonly List<CslCitation> history = [];
    private List<int>? bibliographyOrder;

    internal CslDocument(CslEngine engine, IEnumerable<CslItem> items)
    {
        this.engine = engine;
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            var id = item.Id ?? string.Empty;
            if (index.ContainsKey(id))
            {
                continue;
            }

            index[id] = this.items.Count;
            this.items.Add(CslItemData.From(item));
            states.Add(new CslItemState());
        }

        Prepare();
    }

    /// <summary>The registered items, in registration order.</summary>
    public IReadOnlyList<CslItem> Items => items.Select(static i => i.Item).ToArray();

    /// <summary>The bibliography as one string: entries one per line (text) or the test-suite's HTML wrapper.</summary>
    /// <param name="output">Text or HTML.</param>
    /// <returns>The bibliography; empty when the style has none.</returns>
    public string Bibliography(CitationOutput output)
    {
        var entries = BibliographyEntries(output);
        var format = CslOutputFormat.For(output);
        var builder = new StringBuilder(format.BibliographyStart);
        foreach (var entry in entries)
        {
            builder.Append(format.EntryStart).Append(entry).Append(format.EntryEnd);
        }

        builder.Append(format.BibliographyEnd);
        return builder.ToString();
    }

    /// <summary>The bibliography entries, in the style's order, without the wrapper.</summary>
    /// <param name="output">Text or HTML.</param>
    /// <returns>One string per entry.</returns>
    public IReadOnlyList<string> BibliographyEntries(CitationOutput output)
    {
        var entries = BibliographyEntriesWithIds(output);
        var result = new string[entries.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = entries[i].Entry;
        }

        return result;
    }

    // The entries with the ids of their items, in the style's order; an item whose entry renders empty has none.
    internal IReadOnlyList<(string Id, string Entry)> BibliographyEntriesWithIds(CitationOutput output)
    {
        var layout = engine.BibliographyLayout;
        if (layout is null)
        {
            return [];
        }

        var format = CslOutputFormat.For(output);
        var result = new List<(string Id, string Entry)>(items.Count);
        var bibliography = engine.Style.Bibliography!;
        var substitute = bibliography.Get("subsequent-author-substitute");
        var rule = bibliography.Get("subsequent-author-substitute-rule") ?? "complete-all";
        var secondField = bibliography.Get("second-field-align") is "flush" or "margin";
        CslRenderer? previous = null;
        string? previousNamesText = null;
        foreach (var i in BibliographyOrder())
        {
            var renderer = new CslRenderer(engine, items[i], CslCiteInfo.None, states[i], CslMode.Bibliography, bibliography);
            Rt? entry;
            if (secondField)
            {
                entry = SecondFieldAlign(renderer, layout);
            }
            else
            {
                entry = Rt.Wrap(layout, renderer.RenderLayout(layout));
            }

            var namesText = (renderer.FirstNameList ?? renderer.FirstNames)?.ToPlain();
            if (substitute is not null && namesText is not null && previous is not null)
            {
                CslSubsequentAuthor.Apply(previous, previousNamesText, renderer, namesText, substitute, rule);
            }

            previous = renderer;
            previousNamesText = namesText;
            if (entry is null || entry.IsEmpty)
            {
                continue;
            }

            // An entry that opens with a locale term ("n.d." of an item without names or title) starts with a capital, as a
            // sentence does; citeproc-js does the same, and CSL 1.0.2 leaves it to the processor.
            if (entry.Leaves().FirstOrDefault(static l => l.Text!.Length > 0) is { IsTerm: true } first)
            {
                first.Text = CslTextCase.CapitalizeFirst(first.Text!);
            }

            var writer = new CslOutputWriter(format, engine.Locale);
            writer.Write(entry);
            result.Add((items[i].Id, writer.ToString()));
        }

        return result;
    }

    private static Rt? SecondFieldAlign(CslRenderer renderer, CslNode layout)
    {
        var kids = new List<Rt>();
        foreach (var child in layout.Children)
        {
            var rendered = renderer.Render(child);
            if (rendered is not null && !rendered.IsEmpty)
            {
                kids.Add(rendered);
            }
        }

        if (kids.Count == 0)
        {
            return null;
        }

        var left = new Rt { Kids = [kids[0]], Display = "left-margin", Prefix = layout.Prefix };
        var right = new Rt { Kids = kids.Skip(1).ToList(), Display = "right-inline", Suffix = layout.Suffix };
        return new Rt
        {
            Kids = [left, right],
            FontStyle = layout.FontStyle,
            FontWeight = layout.FontWeight,
            FontVariant = layout.FontVariant,
            VerticalAlign = layout.VerticalAlign,
            TextDecoration = layout.TextDecoration,
        };
    }

    /// <summary>
    /// Renders a citation and records it in the document, so that later citations of the same items are subsequent,
    /// ibid or near-note.
    /// </summary>
    /// <param name="citation">The cites.</param>
    /// <param name="output">Text or HTML.</param>
    /// <returns>The rendered citation.</returns>
    public string Cite(CslCitation citation, CitationOutput output)
    {
        ArgumentNullException.ThrowIfNull(citation);
        history.Add(citation);
        var rendered = RenderCitations(history, output);
        return rendered[^1];
    }

    /// <summary>Renders one item cited alone, as a first citation, without recording it.</summary>
    /// <param name="id">The item's id.</param>
    /// <param name="output">Text or HTML.</param>
    /// <returns>The rendered citation.</returns>
    public string CiteAlone(string id, CitationOutput output)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RenderCitations([new CslCitation([new CslCite(id)])], output)[0];
    }

    /// <summary>Renders a whole sequence of citations in document order, with positions computed along it.</summary>
    internal IReadOnlyList<string> RenderCitations(IReadOnlyList<CslCitation> citations, CitationOutput output)
    {
        var layout = engine.CitationLayout!;
        var format = CslOutputFormat.For(output);
        var result = new List<string>(citations.Count);
        var positions = new CslPositionTracker(engine);
        for (var c = 0; c < citations.Count; c++)
        {
            var citation = citations[c];
            var cites = new List<(CslCite Cite, int Item)>();
            foreach (var cite in citation.Cites)
            {
                if (index.TryGetValue(cite.Id, out var i))
                {
                    cites.Add((cite, i));
                }
            }

            if (engine.CitationSort.Count > 0)
            {
                var keys = cites.Select(x => SortKeys(x.Item, engine.CitationSort, engine.Style.Citation!)).ToList();
                var order = Enumerable.Range(0, cites.Count).ToList();
                order.Sort((a, b) =>
                {
                    var compared = CompareKeys(keys[a], keys[b], engine.CitationSort);
                    return compared != 0 ? compared : a.CompareTo(b);
                });
                cites = order.Select(o => cites[o]).ToList();
            }

            var infos = positions.Next(citation, cites.Select(x => (x.Cite, items[x.Item].Id)).ToList());
            var rendered = new List<CslRenderedCite>();
            for (var k = 0; k < cites.Count; k++)
            {
                var (cite, i) = cites[k];
                var renderer = new CslRenderer(engine, items[i], infos[k], states[i], CslMode.Citation, engine.Style.Citation);
                var content = renderer.RenderLayout(layout);
                var namesText = renderer.FirstNames?.ToPlain() ?? string.Empty;
                if (content is not null && cite.SuppressAuthor && renderer.FirstNames is not null)
                {
                    renderer.FirstNames.Kids = [];
                    renderer.FirstNames.Text = null;
                    renderer.FirstNames.Prefix = null;
                    renderer.FirstNames.Suffix = null;
                }

                if (content is null || content.IsEmpty)
                {
                    content = Rt.Leaf(NoPrintedForm);
                }

                if (engine.Style.Class == CslStyleClass.Note && (k == 0 ? string.IsNullOrEmpty(cite.Prefix) || EndsSentence(cite.Prefix) : EndsSentence(cite.Prefix)))
                {
                    var firstLeaf = content.Leaves().FirstOrDefault(static l => l.Text!.Length > 0);
                    if (firstLeaf is { IsTerm: true })
                    {
                        firstLeaf.Text = CslTextCase.CapitalizeFirst(firstLeaf.Text!);
                    }
                }

                var pieces = new List<Rt>();
                if (!string.IsNullOrEmpty(cite.Prefix))
                {
                    pieces.Add(CslRichText.Parse(cite.Prefix, quotes: false));
                }

                pieces.Add(content);
                if (!string.IsNullOrEmpty(cite.Suffix))
                {
                    pieces.Add(CslRichText.Parse(cite.Suffix, quotes: false));
                }

                rendered.Add(new CslRenderedCite(pieces.Count == 1 ? content : Rt.Group(pieces), items[i], states[i], cite, renderer.FirstNames, namesText, renderer.FirstYear));
            }

            var joined = CslCollapse.Join(engine, rendered, layout.Delimiter);
            var whole = joined is null || joined.IsEmpty ? null : new Rt
            {
                Kids = [new Rt { Kids = [joined], Prefix = layout.Prefix, Suffix = layout.Suffix }],
                FontStyle = layout.FontStyle,
                FontWeight = layout.FontWeight,
                FontVariant = layout.FontVariant,
                VerticalAlign = layout.VerticalAlign,
                TextDecoration = layout.TextDecoration,
                Display = layout.Display,
            };
            var writer = new CslOutputWriter(format, engine.Locale);
            if (whole is not null)
            {
                writer.Write(whole);
            }

            result.Add(writer.ToString());
        }

        return result;
    }

    private static bool EndsSentence(string? prefix)
    {
        var trimmed = prefix?.TrimEnd().TrimEnd('”', '’', '"', '\'') ?? string.Empty;
        return trimmed.EndsWith('.') && trimmed.Contains(' ', StringComparison.Ordinal);
    }

    /// <summary>Sorts, numbers and disambiguates the registered items.</summary>
    private void Prepare()
    {
        for (var i = 0; i < items.Count; i++)
        {
            states[i].CitationNumber = i + 1;
        }

        var order = BibliographyOrder();
        var sortsByNumber = engine.BibliographySort.Any(static k => k.Variable == "citation-number");
        if (!sortsByNumber)
        {
            for (var position = 0; position < order.Count; position++)
            {
                states[order[position]].CitationNumber = position + 1;
            }
        }

        // Only two or more items can be ambiguous; with one, the method (large, and compiled on its first call) is not
        // even entered.
        if (items.Count > 1)
        {
            Disambiguate();
        }
    }

    private List<int> BibliographyOrder()
    {
        if (bibliographyOrder is not null)
        {
            return bibliographyOrder;
        }

        // Loops rather than Range/Select: LINQ over int is compiled per instantiation, on the cold path of the first entry.
        var order = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            order.Add(i);
        }

        // One item needs no keys: nothing to compare it with.
        if (engine.BibliographySort.Count > 0 && engine.Style.Bibliography is not null && items.Count > 1)
        {
            var keys = new string?[items.Count][];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = SortKeys(i, engine.BibliographySort, engine.Style.Bibliography);
            }

            order.Sort((a, b) =>
            {
                var compared = CompareKeys(keys[a], keys[b], engine.BibliographySort);
                return compared != 0 ? compared : a.CompareTo(b);
            });
        }

        bibliographyOrder = order;
        return order;
    }

    internal void ResetBibliographyOrder() => bibliographyOrder = null;

    private string?[] SortKeys(int i, IReadOnlyList<CslNode> keys, CslNode context)
    {
        var result = new string?[keys.Count];
        for (var k = 0; k < keys.Count; k++)
        {
            var key = keys[k];
            var renderer = new CslRenderer(engine, items[i], CslCiteInfo.None, states[i], CslMode.Sort, context)
            {
                SortNames = key.Get("macro") is null,
                SortEtAlMin = ParseInt(key.Get("names-min")),
                SortEtAlUseFirst = ParseInt(key.Get("names-use-first")),
                SortEtAlUseLast = key.Get("names-use-last") == "true",
            };
            Rt? rendered;
            if (key.Get("macro") is { } macroName && engine.Style.Macros.TryGetValue(macroName, out var macro))
            {
                rendered = renderer.RenderChildren(macro, null);
            }
            else if (key.Variable is { } variable)
            {
                var node = CslVariableNames.Names.Contains(variable)
                    ? new CslNode("names", new Dictionary<string, string> { ["variable"] = variable }, 0, 0)
                    : CslVariableNames.Dates.Contains(variable)
                        ? new CslNode("date", new Dictionary<string, string> { ["variable"] = variable }, 0, 0)
                        : CslVariableNames.Numbers.Contains(variable)
                            ? new CslNode("number", new Dictionary<string, string> { ["variable"] = variable }, 0, 0)
                            : new CslNode("text", new Dictionary<string, string> { ["variable"] = variable }, 0, 0);
                rendered = renderer.Render(node);
            }
            else
            {
                rendered = null;
            }

            var text = rendered?.ToPlain();
            result[k] = string.IsNullOrEmpty(text) ? null : SortText(text);
        }

        return result;
    }

    /// <summary>Sort keys ignore punctuation and quotes (<c>[F]linders</c> sorts as Flinders) but keep spaces.</summary>
    private static string SortText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsPunctuation(c) || c == '-')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int? ParseInt(string? text) => int.TryParse(text, out var value) ? value : null;

    private int CompareKeys(string?[] a, string?[] b, IReadOnlyList<CslNode> keys)
    {
        for (var k = 0; k < keys.Count; k++)
        {
            var x = a[k];
            var y = b[k];
            if (x is null && y is null)
            {
                continue;
            }

            if (x is null)
            {
                return 1;
            }

            if (y is null)
            {
                return -1;
            }

            var compared = engine.Compare.Compare(x, y, System.Globalization.CompareOptions.IgnoreCase);
            if (compared == 0)
            {
                compared = engine.Compare.Compare(x, y, System.Globalization.CompareOptions.None);
            }

            if (compared != 0)
            {
                return key(k) == "descending" ? -compared : compared;
            }
        }

        return 0;

        string? key(int k) => keys[k].Get("sort");
    }
}
