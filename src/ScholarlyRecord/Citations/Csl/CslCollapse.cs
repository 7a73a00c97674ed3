namespace ScholarlyRecord.Citations;

/// <summary>One rendered cite of a citation, with what grouping and collapsing need to know about it.</summary>
internal sealed record CslRenderedCite(Rt Content, CslItemData Item, CslItemState State, CslCite Cite, Rt? Names, string NamesText, Rt? Year);

/// <summary>Cite grouping and collapsing (<c>citation-number</c>, <c>year</c>, <c>year-suffix</c>, <c>year-suffix-ranged</c>).</summary>
internal static class CslCollapse
{
    public static Rt? Join(CslEngine engine, List<CslRenderedCite> cites, string? delimiter)
    {
        if (cites.Count == 0)
        {
            return null;
        }

        var citation = engine.Style.Citation!;
        var collapse = citation.Get("collapse");
        var groupDelimiter = citation.Get("cite-group-delimiter");
        var explicitGroupDelimiter = groupDelimiter;
        groupDelimiter ??= ", ";
        var afterCollapse = citation.Get("after-collapse-delimiter") ?? delimiter;
        if (collapse is null && explicitGroupDelimiter is null)
        {
            var plain = new List<Rt>();
            foreach (var cite in cites)
            {
                if (plain.Count > 0 && !(cite.Cite.Prefix is { Length: > 0 } p && p[0] is ',' or ';' or '.' or ':'))
                {
                    plain.Add(Rt.Leaf(delimiter ?? string.Empty));
                }

                plain.Add(cite.Content);
            }

            return new Rt { Kids = plain };
        }

        if (collapse == "citation-number")
        {
            return CollapseNumbers(engine, cites, delimiter, afterCollapse);
        }

        // Group cites by their rendered names, keeping the order of first appearance.
        var groups = new List<List<CslRenderedCite>>();
        foreach (var cite in cites)
        {
            var group = groups.FirstOrDefault(g => g[0].NamesText == cite.NamesText);
            if (group is null)
            {
                groups.Add([cite]);
            }
            else
            {
                group.Add(cite);
            }
        }

        var kids = new List<Rt>();
        var previousCollapsed = false;
        foreach (var group in groups)
        {
            if (kids.Count > 0)
            {
                kids.Add(Rt.Leaf(previousCollapsed ? afterCollapse ?? string.Empty : delimiter ?? string.Empty));
            }

            var canCollapse = collapse is "year" or "year-suffix" or "year-suffix-ranged";
            var yearSuffixDelimiter = citation.Get("year-suffix-delimiter") ?? explicitGroupDelimiter ?? delimiter ?? ", ";
            var groupKids = new List<Rt> { group[0].Content };
            var suffixOnly = new bool[group.Count];
            for (var i = 1; i < group.Count; i++)
            {
                var cite = group[i];
                if (canCollapse && cite.Names is not null && string.IsNullOrEmpty(cite.Cite.Prefix))
                {
                    cite.Names.Kids = [];
                    cite.Names.Text = null;
                    cite.Names.Prefix = null;
                    cite.Names.Suffix = null;
                }

                if (collapse is "year-suffix" or "year-suffix-ranged" && cite.State.YearSuffix is not null && cite.Year is not null && group[i - 1].State.YearSuffix is not null
                    && SameYear(group[i - 1].Item, cite.Item) && cite.Cite.Locator is null && group[i - 1].Cite.Locator is null)
                {
                    cite.Year.Kids = engine.UsesYearSuffixVariable ? [] : [Rt.Leaf(cite.State.YearSuffix)];
                    cite.Year.Text = null;
                    cite.Year.Prefix = null;
                    suffixOnly[i] = true;
                }

                groupKids.Add(Rt.Leaf(suffixOnly[i] ? yearSuffixDelimiter : groupDelimiter ?? ", "));
                groupKids.Add(cite.Content);
            }

            if (collapse == "year-suffix-ranged")
            {
                RangeSuffixes(group, groupKids, suffixOnly);
            }

            previousCollapsed = group.Count > 1 && canCollapse;
            kids.Add(new Rt { Kids = groupKids });
        }

        return new Rt { Kids = kids };
    }

    private static void RangeSuffixes(List<CslRenderedCite> group, List<Rt> groupKids, bool[] suffixOnly)
    {
        // Runs of three or more consecutive suffixes (a, b, c) become a–c: the middle cites and their delimiters go.
        var i = 1;
        while (i < group.Count)
        {
            if (!suffixOnly[i] || !Next(group[i - 1].State.YearSuffix, group[i].State.YearSuffix))
            {
                i++;
                continue;
            }

            var end = i;
            while (end + 1 < group.Count && suffixOnly[end + 1] && Next(group[end].State.YearSuffix, group[end + 1].State.YearSuffix))
            {
                end++;
            }

            if (end > i)
            {
                for (var k = i; k < end; k++)
                {
                    groupKids[(2 * k) - 1] = Rt.Leaf(string.Empty);
                    groupKids[2 * k] = Rt.Leaf(string.Empty);
                }

                groupKids[(2 * end) - 1] = Rt.Leaf("–");
            }

            i = end + 1;
        }
    }

    private static bool Next(string? a, string? b) => a is { Length: 1 } && b is { Length: 1 } && b[0] == a[0] + 1;

    private static bool SameYear(CslItemData a, CslItemData b) =>
        a.Dates.TryGetValue("issued", out var x) && b.Dates.TryGetValue("issued", out var y) && x.Start.Year == y.Start.Year;

    private static Rt CollapseNumbers(CslEngine engine, List<CslRenderedCite> cites, string? delimiter, string? afterCollapse)
    {
        var kids = new List<Rt>();
        var i = 0;
        var previousCollapsed = false;
        while (i < cites.Count)
        {
            var j = i;
            while (j + 1 < cites.Count && cites[j + 1].State.CitationNumber == cites[j].State.CitationNumber + 1
                   && cites[j + 1].Cite.Locator is null && cites[j].Cite.Locator is null
                   && string.IsNullOrEmpty(cites[j + 1].Cite.Prefix) && string.IsNullOrEmpty(cites[j].Cite.Suffix))
            {
                j++;
            }

            if (kids.Count > 0)
            {
                kids.Add(Rt.Leaf(previousCollapsed ? afterCollapse ?? string.Empty : delimiter ?? string.Empty));
            }

            if (j - i >= 2)
            {
                kids.Add(new Rt { Kids = [cites[i].Content, Rt.Leaf("–"), cites[j].Content] });
                previousCollapsed = true;
                i = j + 1;
            }
            else
            {
                kids.Add(cites[i].Content);
                previousCollapsed = false;
                i++;
            }
        }

        _ = engine;
        return new Rt { Kids = kids };
    }
}
