namespace ScholarlyRecord.Tests.Formats;

/// <summary>
/// What a chapter becomes after <c>Endnote.Read(Endnote.Write(chapter))</c>, written from the rules in
/// docs/formats-endnote.md. The EndNote mapping carries the same fields as RIS, with the same name, date and text
/// rules (docs/formats-ris.md), so this starts from <see cref="RisProjection"/> and applies what differs: names that
/// cannot be read back become <c>endnote:%A</c> (<c>%E</c>, <c>%Y</c>, <c>%?</c>) extras instead of <c>ris:AU</c>
/// ones, only <c>endnote:%X</c> extras are carried, and a further line of a multi-line value that starts with
/// <c>%</c> comes back with a leading space (the writer adds it so that the line cannot be read as a tag line).
/// </summary>
internal static class EndnoteProjection
{
    private static readonly Dictionary<string, string> NameTags = new(StringComparer.Ordinal)
    {
        ["ris:AU"] = "endnote:%A", ["ris:A2"] = "endnote:%E", ["ris:A3"] = "endnote:%Y", ["ris:A4"] = "endnote:%?",
    };

    public static Chapter Project(Chapter chapter)
    {
        var ris = RisProjection.Project(chapter with { ExtraFields = [] });
        var extras = ris.ExtraFields.Select(e => e with { Name = NameTags[e.Name] }).ToList();
        foreach (var extra in chapter.ExtraFields)
        {
            var name = extra.Name;
            if (name.Length == 10 && name.StartsWith("endnote:%", StringComparison.Ordinal) && name[9] is > ' ' and < '\u007F' and not '0')
            {
                extras.Add(extra with { Value = FurtherLines(extra.Value) });
            }
        }
        return ris with
        {
            Abstract = ris.Abstract.Select((p, i) => i > 0 && p.StartsWith('%') ? " " + p : p).ToArray(),
            ExtraFields = extras,
        };
    }

    // The first line as it is; further lines without the blank ones, a leading '%' protected by a space.
    private static string FurtherLines(string value)
    {
        var lines = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string> { lines[0] };
        kept.AddRange(lines.Skip(1).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.StartsWith('%') ? " " + l : l));
        return string.Join('\n', kept);
    }
}
