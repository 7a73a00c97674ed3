using System.Runtime.CompilerServices;

namespace ScholarlyRecord.Formats;

// Bibtex.Format ("bibtex") and Bibtex.BiblatexFormat ("biblatex"): the same reader, a different dialect when writing.
// The one read core streams entries through BibtexRecordMapper (Pass); its async twin differs only in the awaits.
internal sealed class BibtexRecordFormat(string name, IReadOnlyList<string> aliases, IReadOnlyList<string> extensions, BibtexReadOptions read, BibtexWriteOptions write)
    : RecordFormat(name, aliases, extensions, canRead: true, canWrite: true, streamsRecords: true)
{
    private protected override NameLimit Names => read.NameLimit;

    private protected override IEnumerable<RecordResult> ReadText(TextReader reader)
    {
        var pass = new Pass(new BibtexReader(reader, read));
        foreach (var entry in pass.Reader.ReadEntries())
        {
            foreach (var record in pass.Add(entry)) yield return record;
        }
        foreach (var record in pass.End()) yield return record;
    }

    private protected override async IAsyncEnumerable<RecordResult> ReadTextAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pass = new Pass(new BibtexReader(reader, read));
        await foreach (var entry in pass.Reader.ReadEntriesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in pass.Add(entry)) yield return record;
        }
        foreach (var record in pass.End()) yield return record;
    }

    /// <summary>One read of a file: what each entry adds, and what the end of the file settles (shared by both twins).</summary>
    private sealed class Pass(BibtexReader reader)
    {
        private readonly BibtexRecordMapper _mapper = new();
        private readonly LayerDiagnostics _layer = new();
        private readonly BibtexCrossrefCycles _cycles = new();

        public BibtexReader Reader { get; } = reader;

        public IEnumerable<RecordResult> Add(BibtexEntry entry)
        {
            if (_layer.Take(Reader.Diagnostics) is { } found) yield return found;
            _cycles.Add(entry);
            foreach (var record in _mapper.Add(entry)) yield return record;
        }

        public IEnumerable<RecordResult> End()
        {
            if (_layer.Take(Reader.Diagnostics) is { } last) yield return last;
            if (_cycles.Report() is { Count: > 0 } cycle) yield return new RecordResult(0, null, cycle);
            foreach (var record in _mapper.End()) yield return record;
        }
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
