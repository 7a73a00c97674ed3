using System.Globalization;

namespace ScholarlyRecord.Validation;

/// <summary>One problem found by <see cref="ScholarlySchema"/> or <see cref="ChapterValidator"/>.</summary>
/// <param name="Code">The stable code of the rule, such as <c>SR1003</c>; listed in docs/validation-rules.md.</param>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Path">
/// The JSON Pointer (RFC 6901) of the offending value in the chapter's JSON, such as <c>/book/isbns/0/value</c>;
/// the empty string for the document itself.
/// </param>
/// <param name="Message">What is wrong, in words a person understands. Not part of the contract: match on <paramref name="Code"/>.</param>
public sealed record ValidationIssue(string Code, ValidationSeverity Severity, string Path, string Message)
{
    /// <summary>The issue as one line: severity, code, pointer and message, such as <c>error SR1003 /book/title: Book title is missing</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{SeverityName(Severity)} {Code} {(Path.Length == 0 ? "/" : Path)}: {Message}");

    internal static string SeverityName(ValidationSeverity severity) => severity switch
    {
        ValidationSeverity.Error => "error",
        ValidationSeverity.Warning => "warning",
        _ => "info",
    };
}
