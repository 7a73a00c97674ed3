namespace ScholarlyRecord.Formats;

/// <summary>
/// What a reader returns: the chapters it could read and the diagnostics for everything else.
/// One broken entry costs only itself: the records around it are still here.
/// </summary>
public sealed class ReadResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="records">The chapters read, in input order.</param>
    /// <param name="diagnostics">The problems found, in input order.</param>
    public ReadResult(IEnumerable<Chapter> records, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Records = ValueList.From(records);
        Diagnostics = ValueList.From(diagnostics);
    }

    /// <summary>The chapters read, in input order.</summary>
    public IReadOnlyList<Chapter> Records { get; }

    /// <summary>The problems found, in input order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when no diagnostic is an <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsSuccess
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.Severity == DiagnosticSeverity.Error) return false;
            }
            return true;
        }
    }
}
