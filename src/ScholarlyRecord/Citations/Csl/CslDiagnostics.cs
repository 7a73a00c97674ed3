
namespace ScholarlyRecord.Citations;

/// <summary>The one place citation diagnostics are created, so that a change to <see cref="Diagnostic"/> touches one line.</summary>
internal static class CslDiagnostics
{
    public static Diagnostic Create(string code, string message, int line, int column) =>
        DiagnosticCatalogue.Create(code, message, line, column);
}
