namespace ScholarlyRecord.Citations;

/// <summary>
/// Disambiguation of cites that render the same: add names, add given names (with the given-name rule), the
/// <c>disambiguate</c> condition, and year suffixes, in the order the specification gives.
/// </summary>
public sealed partial class CslDocument
{
    private void Disambiguate()
    {
        var citation = engine.Style.Citation;
        if (citation is null || engine.CitationLayout is null || items.Count < 2)
        {
            return;
        }

        var addNames = citation.Get("disambiguate-add-names") == "true";
        var addGiven = citation.Get("disambiguate-add-givenname") == "true";
        var addYear = citation.Get("disambiguate-add-year-suffix") == "true";
        var rule = citation.Get("givenname-disambiguation-rule") ?? "by-cite";
        var usesCondition = UsesDisambiguateCondition();
        if (!addNames && !addGiven && !addYear && !usesCondition)
        {
            return;
        }

        if (addGiven && rule != "by-cite")
        {
            GlobalGivenNames(rule);
        }

        var texts = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            texts[i] = CiteText(i);
        }

        var ambiguous = Enumerable.Range(0, items.Count).GroupBy(i => texts[i], StringComparer.Ordinal).Where(static g => g.Count() > 1).Select(static g => g.ToList()).ToList();
        foreach (var group in ambiguous)
        {
            // The spec: given names of the rendered names are expanded first (method 1); names hidden by et-al are added
            // after that (method 2), and the added names are expanded too where that tells the cites apart.
            var remaining = group;
            var givenRule = addGiven && rule is "by-cite" or "all-names" or "all-names-with-initials" or "primary-name" or "primary-name-with-initials" ? rule : null;
            if (givenRule is not null)
            {
                remaining = AddGivenNames(remaining, texts, givenRule);
            }

            if (addNames && remaining.Count > 1)
            {
                remaining = AddNames(remaining, texts, givenRule);
            }

            if (usesCondition && remaining.Count > 1)
            {
                // When names leave some of the set ambiguous, the set as registered up to the first cite that names
                // cannot tell apart renders with disambiguate="true", as citeproc-js, which registers items one by one,
                // does: "(O. Schmidt, Title)" before two cites of the same K. Schmidt, but plain "(C. Brown)" after
                // two of the same M. Brown.
                var clashAt = Enumerable.Range(0, group.Count).First(k => group.Take(k).Any(j => texts[j] == texts[group[k]]));
                foreach (var i in group.Take(clashAt + 1).Union(remaining))
                {
                    states[i].Disambiguate = true;
                    texts[i] = CiteText(i);
                }

                remaining = StillAmbiguous(remaining, texts);
            }

            if (addYear && remaining.Count > 1)
            {
                var order = BibliographyOrder();
                var sorted = remaining.OrderBy(i => order.IndexOf(i)).ToList();
                for (var k = 0; k < sorted.Count; k++)
                {
                    states[sorted[k]].YearSuffix = Suffix(k);
                }
            }
        }
    }

    private static string Suffix(int k)
    {
        var result = string.Empty;
        k++;
        while (k > 0)
        {
            k--;
            result = (char)('a' + (k % 26)) + result;
            k /= 26;
        }

        return result;
    }

    private bool UsesDisambiguateCondition()
    {
        var stack = new Stack<CslNode>();
        stack.Push(engine.Style.Root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Get("disambiguate") == "true")
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

    private string CiteText(int i)
    {
        var renderer = new CslRenderer(engine, items[i], CslCiteInfo.None, states[i], CslMode.Citation, engine.Style.Citation);
        return renderer.RenderLayout(engine.CitationLayout!)?.ToPlain() ?? string.Empty;
    }

    private static List<int> StillAmbiguous(List<int> group, string[] texts) =>
        group.Where(i => group.Count(j => texts[j] == texts[i]) > 1).ToList();

    private List<int> AddNames(List<int> group, string[] texts, string? givenRule)
    {
        var maxNames = group.Max(i => items[i].Names.Values.Select(static l => l.Count).DefaultIfEmpty(0).Max());
        var best = group.ToDictionary(i => i, i => (Step: 0, Clashes: group.Count(j => texts[j] == texts[i]) - 1, Text: texts[i], Levels: states[i].GivenLevels));
        var baseLevels = group.ToDictionary(i => i, i => states[i].GivenLevels);
        for (var step = 1; step <= maxNames; step++)
        {
            foreach (var i in group)
            {
                states[i].AddNames = step;
                states[i].GivenLevels = baseLevels[i];
                texts[i] = CiteText(i);
            }

            if (givenRule is not null && StillAmbiguous(group, texts) is { Count: > 1 } clashing)
            {
                AddGivenNames(clashing, texts, givenRule);
            }

            foreach (var i in group)
            {
                var clashes = group.Count(j => texts[j] == texts[i]) - 1;
                if (clashes < best[i].Clashes)
                {
                    best[i] = (step, clashes, texts[i], states[i].GivenLevels);
                }
            }

            if (best.Values.All(static b => b.Clashes == 0))
            {
                break;
            }
        }

        foreach (var i in group)
        {
            states[i].AddNames = best[i].Step;
            states[i].GivenLevels = best[i].Levels;
            texts[i] = best[i].Text;
        }

        return StillAmbiguous(group, texts);
    }

    private List<int> AddGivenNames(List<int> group, string[] texts, string rule)
    {
        var remaining = group;
        var maxLevel = rule.EndsWith("with-initials", StringComparison.Ordinal) ? 1 : 2;
        var maxNames = rule.StartsWith("primary", StringComparison.Ordinal) ? 1 : group.Max(i => items[i].Names.Values.Select(static l => l.Count).DefaultIfEmpty(0).Max());
        for (var n = 0; n < maxNames && remaining.Count > 1; n++)
        {
            for (var level = 1; level <= maxLevel && remaining.Count > 1; level++)
            {
                var before = remaining.ToDictionary(i => i, i => (Text: texts[i], Levels: states[i].GivenLevels));
                var clashesBefore = remaining.ToDictionary(i => i, i => remaining.Count(j => texts[j] == texts[i]));
                foreach (var i in remaining)
                {
                    var levels = states[i].GivenLevels is { } existing ? (int[])existing.Clone() : new int[Math.Max(1, maxNames)];
                    if (levels.Length <= n)
                    {
                        Array.Resize(ref levels, n + 1);
                    }

                    levels[n] = Math.Max(levels[n], level);
                    states[i].GivenLevels = levels;
                    texts[i] = CiteText(i);
                }

                // Keep an expansion only where it tells the cite apart from more of the others.
                var undo = remaining.Where(i => remaining.Count(j => texts[j] == texts[i]) >= clashesBefore[i]).ToList();
                foreach (var i in undo)
                {
                    states[i].GivenLevels = before[i].Levels;
                    texts[i] = before[i].Text;
                }

                remaining = StillAmbiguous(remaining, texts);
            }
        }

        return remaining;
    }

    private void GlobalGivenNames(string rule)
    {
        // The name-disambiguating rules: a name rendered in a cite is ambiguous when another cite renders a name the
        // same way for a different person (different given name). The "primary-name" rules look at, and expand, only
        // the first name of each cite; the "all-names" rules every rendered name. An ambiguous name gets its initials;
        // without "-with-initials", its full given name when initials do not tell the persons apart; with it, nothing
        // when its initials are those of every other person of that name. Names compare by
        // family name, with the non-dropping particle unless the style demotes it for display (as citeproc-js does).
        var primary = rule.StartsWith("primary", StringComparison.Ordinal);
        var demoted = (engine.Style.Root.Get("demote-non-dropping-particle") ?? "display-and-sort") == "display-and-sort";
        var shown = new List<CslName>?[items.Count];
        var byFamily = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var renderer = new CslRenderer(engine, items[i], CslCiteInfo.None, states[i], CslMode.Citation, engine.Style.Citation);
            renderer.RenderLayout(engine.CitationLayout!);
            shown[i] = renderer.FirstShownNames;
            foreach (var name in (shown[i] ?? []).Take(primary ? 1 : int.MaxValue))
            {
                if (name.IsLiteral)
                {
                    continue;
                }

                var family = FamilyKey(name);
                if (!byFamily.TryGetValue(family, out var givens))
                {
                    byFamily[family] = givens = new HashSet<string>(StringComparer.Ordinal);
                }

                givens.Add(name.Given ?? string.Empty);
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (shown[i] is not { Count: > 0 } names)
            {
                continue;
            }

            var levels = new int[names.Count];
            for (var n = 0; n < names.Count && (!primary || n == 0); n++)
            {
                var name = names[n];
                if (name.IsLiteral || !byFamily.TryGetValue(FamilyKey(name), out var givens) || givens.Count < 2)
                {
                    continue;
                }

                var mine = CslRenderer.Initialize(name.Given ?? string.Empty, ".", true, true);
                var sameInitials = givens.Count(g => CslRenderer.Initialize(g, ".", true, true) == mine);
                if (sameInitials == 1)
                {
                    levels[n] = 1;
                }
                else if (!rule.EndsWith("with-initials", StringComparison.Ordinal))
                {
                    levels[n] = 2;
                }
                else if (givens.Any(g => CslRenderer.Initialize(g, ".", true, true) != mine))
                {
                    // Initials that set the name apart from some of the others are still added (M. Ødegård beside
                    // J.-P. Ødegård, though Maria and Mohammed share the M.), as citeproc-js does.
                    levels[n] = 1;
                }
            }

            states[i].GivenLevels = levels;
        }

        string FamilyKey(CslName name) => demoted ? name.Family ?? string.Empty : (name.NonDroppingParticle ?? string.Empty) + "|" + name.Family;
    }
}
