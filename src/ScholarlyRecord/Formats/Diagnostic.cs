namespace ScholarlyRecord.Formats;

/// <summary>How serious a reader's <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something was broken: the entry it belongs to could not be read whole, or at all.</summary>
    Error,

    /// <summary>Something was repaired or guessed; the data read may not be what the writer meant.</summary>
    Warning,

    /// <summary>Worth knowing, nothing lost: for example an entry skipped because it is not a chapter.</summary>
    Info,
}

/// <summary>
/// A problem a reader found, with the place it was found: 1-based <see cref="Line"/> and <see cref="Column"/>
/// (column counted in UTF-16 characters), a stable <see cref="Code"/> and a message for people.
/// </summary>
/// <param name="Severity">How serious it is.</param>
/// <param name="Code">The stable code, such as <c>BIB101</c>; codes are listed in docs/formats.md.</param>
/// <param name="Message">The explanation for people, naming what was expected.</param>
/// <param name="Line">The 1-based line, or 0 where the input has no lines.</param>
/// <param name="Column">The 1-based column, or 0 where unknown.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, int Line, int Column)
{
    /// <summary>Formats the diagnostic the way compilers print theirs: <c>12:5: error BIB101: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Line}:{Column}: {severity} {Code}: {Message}");
    }
}
