namespace ScholarlyRecord.Formats;

/// <summary>
/// What a streaming write did: how many chapters it wrote, and a diagnostic for each chapter it left out because the
/// format cannot carry it (its <see cref="Diagnostic.Record"/> is the chapter's 1-based position in the input).
/// </summary>
public sealed class WriteResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="written">The number of chapters written.</param>
    /// <param name="diagnostics">The chapters left out, one diagnostic each.</param>
    public WriteResult(long written, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(written);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Written = written;
        Diagnostics = ValueList.From(diagnostics);
    }

    /// <summary>The number of chapters written.</summary>
    public long Written { get; }

    /// <summary>One diagnostic for each chapter left out.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when no chapter was left out.</summary>
    public bool IsSuccess => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
