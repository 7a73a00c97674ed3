namespace ScholarlyRecord.Formats;

/// <summary>
/// Finds <c>crossref</c> cycles, the same way for a parsed document and for a streaming read: a chain goes from an entry
/// with a <c>crossref</c> field to the first entry with that key that has a <c>crossref</c> field too (only such entries can
/// lead on), and a cycle is reported once, as <see cref="BibtexCodes.CrossrefCycle"/> at the <c>crossref</c> field that
/// closes it. Only entries with a <c>crossref</c> field are kept.
/// </summary>
internal sealed class BibtexCrossrefCycles
{
    private readonly List<BibtexEntry> _linked = [];
    private readonly Dictionary<string, BibtexEntry> _firstByKey = new(StringComparer.Ordinal);

    public void Add(BibtexEntry entry)
    {
        if (entry.GetField("crossref") is null) return;
        _linked.Add(entry);
        _firstByKey.TryAdd(entry.Key, entry);
    }

    public List<Diagnostic> Report()
    {
        var diagnostics = new List<Diagnostic>();
        var done = new HashSet<BibtexEntry>();
        foreach (var start in _linked)
        {
            if (done.Contains(start)) continue;
            var path = new List<BibtexEntry>();
            var onPath = new HashSet<BibtexEntry>();
            BibtexEntry? current = start;
            while (current is not null && !done.Contains(current) && onPath.Add(current))
            {
                path.Add(current);
                current = current.GetRaw("crossref") is { } parentKey ? _firstByKey.GetValueOrDefault(parentKey.Trim()) : null;
            }
            if (current is not null && onPath.Contains(current))
            {
                var closer = path[^1];
                var field = closer.GetField("crossref")!;
                var names = new List<string>();
                for (var i = path.IndexOf(current); i < path.Count; i++) names.Add(path[i].Key);
                names.Add(current.Key);
                diagnostics.Add(DiagnosticCatalogue.Create(BibtexCodes.CrossrefCycle,
                    "crossref cycle " + string.Join("->", names) + "; inheritance stops there", field.Line, field.Column));
            }
            foreach (var e in path) done.Add(e);
        }
        return diagnostics;
    }
}
