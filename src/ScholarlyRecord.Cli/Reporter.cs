using System.Globalization;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Cli;

/// <summary>
/// Prints diagnostics on standard error the way compilers do (<c>file:line:column: severity code: message</c>) and
/// keeps the count of errors, so that a command can choose its exit code.
/// </summary>
/// <param name="error">Standard error.</param>
/// <param name="quiet">True to leave out <see cref="DiagnosticSeverity.Info"/> diagnostics (skipped non-chapter entries).</param>
internal sealed class Reporter(TextWriter error, bool quiet)
{
    /// <summary>The progress line to erase before printing, if one is showing.</summary>
    public Progress? Progress { get; set; }

    /// <summary>The number of errors: error diagnostics and problems that stop the command.</summary>
    public int Errors { get; private set; }

    /// <summary>The diagnostics reported, by severity, those left out by <c>--quiet</c> included.</summary>
    public Tally Severities { get; } = new();

    /// <summary>Prints a reader's diagnostic for a file.</summary>
    /// <param name="source">The file name as given, or <c>&lt;stdin&gt;</c>.</param>
    /// <param name="diagnostic">The diagnostic.</param>
    public void Report(string source, Diagnostic diagnostic)
    {
        Severities.Count(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error) Errors++;
        else if (quiet && diagnostic.Severity == DiagnosticSeverity.Info) return;
        WriteLine(Format(source, diagnostic.Line, diagnostic.Column, Name(diagnostic.Severity), diagnostic.Code, diagnostic.Message));
    }

    /// <summary>Prints a problem that stops the command or one of its inputs (usage, I/O).</summary>
    /// <param name="source">The file, DOI or argument concerned, or null for the command itself.</param>
    /// <param name="message">What went wrong.</param>
    public void Fail(string? source, string message)
    {
        Errors++;
        WriteLine(source is null ? "scholarly: error: " + message : source + ": error: " + message);
    }

    /// <summary>
    /// Ends a command's output on standard error: a warning when nothing was written from an input that had records
    /// (saying why), then the one-line summary, both printed even with <c>--quiet</c>.
    /// </summary>
    /// <param name="summary">What the command did.</param>
    /// <param name="readNoun">What a record is, in the singular (<c>record</c>, <c>DOI</c>).</param>
    /// <param name="writtenVerb">What was done with the chapters (<c>written</c>, <c>cited</c>, <c>checked</c>).</param>
    /// <param name="severities">The diagnostics to count, or null for those this reporter printed.</param>
    public void Summarize(RunSummary summary, string readNoun = "record", string writtenVerb = "written", Tally? severities = null)
    {
        if (summary.NothingWrittenReason(writtenVerb) is { } reason) WriteLine("scholarly: warning: " + reason);
        WriteLine(summary.Line(severities ?? Severities, readNoun, writtenVerb));
    }

    /// <summary>Prints a note (not counted as an error).</summary>
    /// <param name="message">The note.</param>
    public void Note(string message) => WriteLine("scholarly: " + message);

    /// <summary>Formats one located line: <c>file:line:column: severity code: message</c>, leaving out an unknown (0) line or column.</summary>
    /// <param name="source">The file.</param>
    /// <param name="line">The 1-based line, or 0.</param>
    /// <param name="column">The 1-based column, or 0.</param>
    /// <param name="severity">error, warning or info.</param>
    /// <param name="code">The stable code.</param>
    /// <param name="message">The message.</param>
    /// <returns>The line.</returns>
    public static string Format(string source, long line, long column, string severity, string code, string message)
    {
        var place = line > 0
            ? column > 0 ? string.Create(CultureInfo.InvariantCulture, $"{source}:{line}:{column}") : string.Create(CultureInfo.InvariantCulture, $"{source}:{line}")
            : source;
        return $"{place}: {severity} {code}: {message}";
    }

    /// <summary>The lower-case name of a severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns><c>error</c>, <c>warning</c> or <c>info</c>.</returns>
    public static string Name(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private void WriteLine(string line)
    {
        Progress?.Clear();
        error.WriteLine(line);
    }
}
