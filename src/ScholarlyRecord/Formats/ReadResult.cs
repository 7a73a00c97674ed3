namespace ScholarlyRecord.Formats;

/// <summary>
/// What a whole read returns: the chapters it could read and the diagnostics for everything else. One broken record
/// costs only itself: the records around it are still here. <c>Read(x)</c> is <see cref="Collect"/> over
/// <c>ReadRecords(x)</c>, so the two always agree.
/// </summary>
public sealed class ReadResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="chapters">The chapters read, in input order.</param>
    /// <param name="diagnostics">The problems found, in input order.</param>
    public ReadResult(IEnumerable<Chapter> chapters, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Chapters = ValueList.From(chapters);
        Diagnostics = ValueList.From(diagnostics);
    }

    private ReadResult(ValueList<Chapter> chapters, ValueList<Diagnostic> diagnostics)
    {
        Chapters = chapters;
        Diagnostics = diagnostics;
    }

    /// <summary>The chapters read, in the order of their records.</summary>
    public IReadOnlyList<Chapter> Chapters { get; }

    /// <summary>The problems found, by line and column (those without a line first, in the order found).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when no diagnostic is an <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsSuccess => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Collects a streaming read: chapters in record order, diagnostics ordered by line and column (a stable order, so
    /// diagnostics at one place keep the order they were found in).
    /// </summary>
    /// <param name="records">The records, as <c>ReadRecords</c> gives them.</param>
    /// <returns>The whole result.</returns>
    public static ReadResult Collect(IEnumerable<RecordResult> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var collector = new Collector();
        foreach (var record in records) collector.Add(record);
        return collector.ToResult();
    }

    /// <summary>Collects an asynchronous streaming read, as <see cref="Collect"/> does.</summary>
    /// <param name="records">The records, as <c>ReadRecordsAsync</c> gives them.</param>
    /// <param name="cancellationToken">Stops the collection.</param>
    /// <returns>The whole result.</returns>
    public static Task<ReadResult> CollectAsync(IAsyncEnumerable<RecordResult> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return CollectCoreAsync(records, cancellationToken);
    }

    private static async Task<ReadResult> CollectCoreAsync(IAsyncEnumerable<RecordResult> records, CancellationToken cancellationToken)
    {
        var collector = new Collector();
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false)) collector.Add(record);
        return collector.ToResult();
    }

    private sealed class Collector
    {
        private readonly List<(long Record, int Order, Chapter Chapter)> _chapters = [];
        private readonly List<Diagnostic> _diagnostics = [];

        public void Add(RecordResult record)
        {
            ArgumentNullException.ThrowIfNull(record);
            if (record.Chapter is { } chapter) _chapters.Add((record.Record, _chapters.Count, chapter));
            _diagnostics.AddRange(record.Diagnostics);
        }

        // Records almost always arrive in order, and diagnostics often do: then the sorts are skipped, and the arrays
        // built here become the result's lists without another copy.
        public ReadResult ToResult() => new(ChaptersInOrder(), DiagnosticsInOrder());

        private ValueList<Chapter> ChaptersInOrder()
        {
            for (var i = 1; i < _chapters.Count; i++)
            {
                if (_chapters[i].Record < _chapters[i - 1].Record)
                {
                    return ValueList.From(_chapters.OrderBy(c => c.Record).ThenBy(c => c.Order).Select(c => c.Chapter));
                }
            }
            if (_chapters.Count == 0) return ValueList<Chapter>.Empty;
            var chapters = new Chapter[_chapters.Count];
            for (var i = 0; i < chapters.Length; i++) chapters[i] = _chapters[i].Chapter;
            return new ValueList<Chapter>(chapters);
        }

        private ValueList<Diagnostic> DiagnosticsInOrder()
        {
            for (var i = 1; i < _diagnostics.Count; i++)
            {
                var (before, after) = (_diagnostics[i - 1], _diagnostics[i]);
                if (after.Line < before.Line || (after.Line == before.Line && after.Column < before.Column))
                {
                    return ValueList.From(_diagnostics.Select((d, i) => (d, i)).OrderBy(p => p.d.Line).ThenBy(p => p.d.Column).ThenBy(p => p.i).Select(p => p.d));
                }
            }
            return ValueList.From(_diagnostics);
        }
    }
}
