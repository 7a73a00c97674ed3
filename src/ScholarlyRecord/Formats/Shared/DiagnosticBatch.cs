namespace ScholarlyRecord.Formats;

/// <summary>
/// The diagnostics of one record as a tagged-format reader collects them (the document layer's, then the mapping's):
/// nothing is allocated for a record without any, which is most records. One batch serves every record of a read
/// (<see cref="Clear"/> between records), so its <see cref="Report"/> delegate is made once.
/// </summary>
internal sealed class DiagnosticBatch
{
    private static readonly Diagnostic[] None = [];

    private List<Diagnostic>? _items;
    private Action<Diagnostic>? _report;

    /// <summary>Adds one diagnostic.</summary>
    public void Add(Diagnostic diagnostic) => (_items ??= []).Add(diagnostic);

    /// <summary>Empties the batch for the next record.</summary>
    public void Clear() => _items?.Clear();

    /// <summary><see cref="Add"/> as a delegate, for mappings that report through one (made once per batch).</summary>
    public Action<Diagnostic> Report => _report ??= Add;

    /// <summary>The diagnostics in a stable order by line: a document-layer diagnostic reported at a later line (a missing
    /// <c>ER</c> is found at the next <c>TY</c>) goes after the mapping's diagnostics about the record's own lines.</summary>
    public IReadOnlyList<Diagnostic> ByLine() => _items switch
    {
        null => None,
        { Count: 1 } => [_items[0]],
        _ => [.. _items.OrderBy(d => d.Line)],
    };
}
