using System.Text;
using System.Text.Json;

namespace ScholarlyRecord.Validation;

/// <summary>The outcome of validating a chapter: every issue found, in document order within each layer.</summary>
/// <remarks>
/// A report is immutable. <see cref="IsValid"/> looks at errors only: a record with warnings and infos is valid.
/// </remarks>
public sealed class ValidationReport
{
    /// <summary>A report without issues.</summary>
    public static ValidationReport Empty { get; } = new([]);

    /// <summary>Creates a report from a list of diagnostics.</summary>
    /// <param name="diagnostics">The diagnostics; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is <see langword="null"/>.</exception>
    public ValidationReport(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Diagnostics = ValueList.From(diagnostics.ToArray());
        foreach (var issue in Diagnostics)
        {
            ArgumentNullException.ThrowIfNull(issue, nameof(diagnostics));
            switch (issue.Severity)
            {
                case DiagnosticSeverity.Error: ErrorCount++; break;
                case DiagnosticSeverity.Warning: WarningCount++; break;
                default: InfoCount++; break;
            }
        }
    }

    /// <summary>Every problem found, each with its JSON Pointer (<see cref="Diagnostic.Path"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when no issue is an <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>The number of errors.</summary>
    public int ErrorCount { get; }

    /// <summary>The number of warnings.</summary>
    public int WarningCount { get; }

    /// <summary>The number of infos.</summary>
    public int InfoCount { get; }

    /// <summary>A report holding the issues of this report followed by those of <paramref name="other"/>.</summary>
    /// <param name="other">The other report.</param>
    /// <returns>The combined report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public ValidationReport Merge(ValidationReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Diagnostics.Count == 0) return this;
        if (Diagnostics.Count == 0) return other;
        return new ValidationReport(Diagnostics.Concat(other.Diagnostics));
    }

    /// <summary>The issues, one line each (see <see cref="Diagnostic.ToString"/>); "valid" when there are none.</summary>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    public override string ToString()
    {
        if (Diagnostics.Count == 0) return "valid";
        var builder = new StringBuilder();
        foreach (var issue in Diagnostics)
        {
            if (builder.Length > 0) builder.Append('\n');
            builder.Append(issue.ToString());
        }
        return builder.ToString();
    }

    /// <summary>
    /// The report as JSON: <c>{"isValid":false,"errors":1,"warnings":0,"infos":0,"diagnostics":[{"code":"SR1003","severity":"error","message":"...","path":"/book/title"}]}</c>.
    /// </summary>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false)
    {
        var dto = new ValidationReportDocument(IsValid, ErrorCount, WarningCount, InfoCount, Diagnostics);
        return JsonSerializer.Serialize(dto, indented ? ValidationJsonContext.Indented.ValidationReportDocument : ValidationJsonContext.Compact.ValidationReportDocument);
    }
}
