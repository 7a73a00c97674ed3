namespace ScholarlyRecord.Citations;

/// <summary>The bibliography's <c>subsequent-author-substitute</c> with its four rules.</summary>
internal static class CslSubsequentAuthor
{
    public static void Apply(CslRenderer previous, string? previousText, CslRenderer current, string currentText, string substitute, string rule)
    {
        if (rule == "complete-all" || previous.FirstNameKeys is null || current.FirstNameKeys is null)
        {
            // complete-all compares the names shown: "Müller, Jean-Paul, et al." and "Müller, Jean-Paul" show the same
            // one name, so the second becomes "---" (as citeproc-js does).
            var sameShown = rule == "complete-all" && previous.FirstNameKeys is { Count: > 0 } shownBefore && current.FirstNameKeys is { } shownNow
                && shownBefore.SequenceEqual(shownNow, StringComparer.Ordinal);
            if (rule is "complete-all" or "complete-each" && (previousText == currentText || sameShown) && current.FirstNames is { } whole)
            {
                var target = current.FirstNameList ?? whole;
                if (rule == "complete-each" && current.FirstNameParts is { } each)
                {
                    foreach (var part in each)
                    {
                        Replace(part, substitute);
                    }

                    return;
                }

                target.Kids = [Rt.Leaf(substitute)];
                target.Text = null;
            }
            else if (rule is "partial-each" or "partial-first" && previousText == currentText && current.FirstNameKeys is null && current.FirstNames is { } substituted)
            {
                substituted.Kids = [Rt.Leaf(substitute)];
                substituted.Text = null;
            }

            return;
        }

        var before = previous.FirstNameKeys!;
        var now = current.FirstNameKeys!;
        var parts = current.FirstNameParts!;
        var same = before.SequenceEqual(now, StringComparer.Ordinal);
        switch (rule)
        {
            case "complete-each":
                if (same)
                {
                    foreach (var part in parts)
                    {
                        Replace(part, substitute);
                    }
                }

                break;
            case "partial-each":
                for (var i = 0; i < parts.Count && i < before.Count && before[i] == now[i]; i++)
                {
                    Replace(parts[i], substitute);
                }

                break;
            case "partial-first":
                if (before.Count > 0 && now.Count > 0 && before[0] == now[0])
                {
                    Replace(parts[0], substitute);
                }

                break;
            default:
                if (same && current.FirstNames is { } names)
                {
                    names.Kids = [Rt.Leaf(substitute)];
                    names.Text = null;
                }

                break;
        }
    }

    private static void Replace(Rt part, string substitute)
    {
        part.Kids = null;
        part.Text = substitute;
    }
}
