using System.Runtime.CompilerServices;

namespace ScholarlyRecord.Formats;

// Bibtex.Format ("bibtex") and Bibtex.BiblatexFormat ("biblatex"): the same reader, a different dialect when writing.
// The one read core streams entries through BibtexRecordMapper; its async twin differs only in the awaits.
internal sealed class BibtexRecordFormat(string name, IReadOnlyList<string> aliases, IReadOnlyList<string> extensions, BibtexReadOptions read, BibtexWriteOptions write)
    : RecordFormat(name, aliases, extensions, canRead: true, canWrite: true, streamsRecords: true)
{
    private protected override IEnumerable<RecordResult> ReadText(TextReader reader)
    {
        var bibtex = new BibtexReader(reader, read);
        var mapper = new BibtexRecordMapper();
        var layer = new LayerDiagnostics();
        var cycles = new BibtexCrossrefCycles();
        foreach (var entry in bibtex.ReadEntries())
        {
            if (layer.Take(bibtex.Diagnostics) is { } found) yield return found;
            cycles.Add(entry);
            foreach (var record in mapper.Add(entry)) yield return record;
        }
        if (layer.Take(bibtex.Diagnostics) is { } last) yield return last;
        if (cycles.Report() is { Count: > 0 } cycle) yield return new RecordResult(0, null, cycle);
        foreach (var record in mapper.End()) yield return record;
    }

    private protected override async IAsyncEnumerable<RecordResult> ReadTextAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bibtex = new BibtexReader(reader, read);
        var mapper = new BibtexRecordMapper();
        var layer = new LayerDiagnostics();
        var cycles = new BibtexCrossrefCycles();
        await foreach (var entry in bibtex.ReadEntriesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (layer.Take(bibtex.Diagnostics) is { } found) yield return found;
            cycles.Add(entry);
            foreach (var record in mapper.Add(entry)) yield return record;
        }
        if (layer.Take(bibtex.Diagnostics) is { } last) yield return last;
        if (cycles.Report() is { Count: > 0 } cycle) yield return new RecordResult(0, null, cycle);
        foreach (var record in mapper.End()) yield return record;
    }

    private protected override RecordWriter CreateWriter() => Bibtex.CreateEntryWriter(write);
}

/// <summary>Hands on a document layer's diagnostics as they grow, as a record outside any record (number 0).</summary>
internal sealed class LayerDiagnostics
{
    /// <summary>How many of the layer's diagnostics have been handed on.</summary>
    public int Seen { get; set; }

    public RecordResult? Take(IReadOnlyList<Diagnostic> all)
    {
        if (all.Count == Seen) return null;
        var batch = new Diagnostic[all.Count - Seen];
        for (var i = 0; i < batch.Length; i++) batch[i] = all[Seen + i];
        Seen = all.Count;
        return new RecordResult(0, null, batch);
    }
}
