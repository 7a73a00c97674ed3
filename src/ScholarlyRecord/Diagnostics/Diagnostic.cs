using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace ScholarlyRecord;

/// <summary>
/// A problem found in input or in a chapter: by a reader, a writer, a validator or the command-line tool. The
/// <see cref="Code"/> is the contract (listed in <see cref="DiagnosticCatalogue"/> and docs/diagnostics.md); the
/// <see cref="Message"/> is for people and names what was expected.
/// </summary>
/// <param name="Code">The stable code, such as <c>BIB104</c> or <c>SR1002</c>.</param>
/// <param name="Severity">How serious it is; always the severity the catalogue gives the code.</param>
/// <param name="Message">The explanation for people.</param>
public sealed record Diagnostic(
string Code, DiagnosticSeverity Severity, string Message)
{
    /// <summary>The 1-based line, or 0 where there is no line (a check of the model).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Line { get; init; }

    /// <summary>The 1-based column, counted in UTF-16 characters, or 0 where unknown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Column { get; init; }

    /// <summary>
    /// The RFC 6901 JSON Pointer into the record's JSON (<c>""</c> for the whole record), or <see langword="null"/>
    /// where the diagnostic has no JSON place.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Path { get; init; }

    /// <summary>The 1-based number of the record in its input, or 0 when the diagnostic is not tied to a record.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Record { get; init; }

    /// <summary>The record's key (BibTeX key, RIS <c>ID</c>, CSL <c>id</c> or DOI), or <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RecordKey { get; init; }

    /// <summary>
    /// Formats the diagnostic as compilers print theirs: its place, then severity, code and message, such as
    /// <c>12:5: error BIB104: ...</c> or <c>record 3 /book/title: error SR1002: ...</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Record > 0) text.Append(CultureInfo.InvariantCulture, $"record {Record}");
        if (Line > 0)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(CultureInfo.InvariantCulture, $"{Line}:{Column}");
        }
        if (Path is not null)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(Path.Length == 0 ? "/" : Path);
        }
        if (text.Length > 0) text.Append(": ");
        text.Append(SeverityName(Severity)).Append(' ').Append(Code).Append(": ").Append(Message);
        return text.ToString();
    }

    /// <summary>The lower-case name of a severity, as the text and JSON forms write it.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns><c>info</c>, <c>warning</c> or <c>error</c>.</returns>
    internal static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
