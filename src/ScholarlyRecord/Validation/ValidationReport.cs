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

    /// <summary>Creates a report from a list of issues.</summary>
    /// <param name="issues">The issues; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="issues"/> is <see langword="null"/>.</exception>
    public ValidationReport(IEnumerable<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        Issues = ValueList.From(issues.ToArray());
        foreach (var issue in Issues)
        {
            ArgumentNullException.ThrowIfNull(issue, nameof(issues));
            switch (issue.Severity)
            {
                case ValidationSeverity.Error: ErrorCount++; break;
                case ValidationSeverity.Warning: WarningCount++; break;
                default: InfoCount++; break;
            }
        }
    }

    /// <summary>Every issue found.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>True when no issue is an <see cref="ValidationSeverity.Error"/>.</summary>
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
        if (other.Issues.Count == 0) return this;
        if (Issues.Count == 0) return other;
        return new ValidationReport(Issues.Concat(other.Issues));
    }

    /// <summary>The issues, one line each (see <see cref="ValidationIssue.ToString"/>); "valid" when there are none.</summary>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    public override string ToString()
    {
        if (Issues.Count == 0) return "valid";
        var builder = new StringBuilder();
        foreach (var issue in Issues)
        {
            if (builder.Length > 0) builder.Append('\n');
            builder.Append(issue.ToString());
        }
        return builder.ToString();
    }

    /// <summary>
    /// The report as JSON: <c>{"isValid":false,"issues":[{"code":"SR1003","severity":"error","path":"/book/title","message":"..."}]}</c>.
    /// </summary>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false)
    {
        var dto = new ValidationReportDocument(IsValid, ErrorCount, WarningCount, InfoCount, Issues);
        return JsonSerializer.Serialize(dto, indented ? ValidationJsonContext.Indented.ValidationReportDocument : ValidationJsonContext.Compact.ValidationReportDocument);
    }
}
