namespace ScholarlyRecord.Cli;

/// <summary>
/// The process's standard streams as the commands see them, so that tests can run a command in-process with their
/// own streams. Data goes to <see cref="Output"/> only; diagnostics and progress go to <see cref="Error"/>.
/// </summary>
/// <param name="Input">Standard input (read when a command is given <c>-</c> as its input).</param>
/// <param name="Output">Standard output, for data: records, references, reports, help.</param>
/// <param name="Error">Standard error, for diagnostics and progress.</param>
/// <param name="ErrorIsTerminal">True when standard error is a terminal, the only case where progress is shown.</param>
/// <param name="Time">The clock for progress (how long a run has taken, records per second).</param>
internal sealed record CliConsole(Stream Input, Stream Output, TextWriter Error, bool ErrorIsTerminal, TimeProvider Time)
{
    /// <summary>A console over in-memory streams, for tests: never a terminal, the system clock.</summary>
    /// <param name="input">Standard input.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The console.</returns>
    public static CliConsole Redirected(Stream input, Stream output, TextWriter error) => new(input, output, error, false, TimeProvider.System);
}
