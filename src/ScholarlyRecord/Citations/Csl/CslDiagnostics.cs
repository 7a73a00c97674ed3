using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Citations;

/// <summary>The one place citation diagnostics are created, so that a change to <see cref="Diagnostic"/> touches one line.</summary>
internal static class CslDiagnostics
{
    public static Diagnostic Create(string code, string message, int line, int column)
    {
        var severity = code[3] switch
        {
            '1' => DiagnosticSeverity.Error,
            '2' => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
        return new Diagnostic(severity, code, message, line, column);
    }
}
