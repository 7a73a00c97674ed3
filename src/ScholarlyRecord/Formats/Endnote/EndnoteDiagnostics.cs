namespace ScholarlyRecord.Formats;

/// <summary>The one place the EndNote format creates its diagnostics; the severity follows from the code's hundreds.</summary>
internal static class EndnoteDiagnostics
{
    /// <summary>A diagnostic for <paramref name="code"/> (an <see cref="EndnoteCodes"/> constant) at a 1-based line and column.</summary>
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
