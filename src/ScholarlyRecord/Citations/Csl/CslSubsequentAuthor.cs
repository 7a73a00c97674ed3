namespace ScholarlyRecord.Citations;

/// <summary>The bibliography's <c>subsequent-author-substitute</c> with its four rules.</summary>
internal static class CslSubsequentAuthor
{
    public static void Apply(CslRenderer previous, CslRenderer current, string substitute, string rule)
    {
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
