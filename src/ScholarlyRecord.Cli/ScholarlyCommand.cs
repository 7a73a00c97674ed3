using System.CommandLine;

namespace ScholarlyRecord.Cli;

/// <summary>
/// The <c>scholarly</c> command: its subcommands, and the one entry point both the process and the tests call.
/// </summary>
internal static class ScholarlyCommand
{
    /// <summary>Builds the root command with every subcommand.</summary>
    /// <param name="console">The streams the commands use.</param>
    /// <returns>The root command.</returns>
    public static RootCommand Create(CliConsole console) => new(
        "Convert, validate, cite and fetch scholarly book-chapter records (ScholarlyRecord JSON, JSON Lines, CSL-JSON, BibTeX, BibLaTeX, RIS, schema.org, Crossref).")
    {
        ConvertCommand.Create(console),
        ValidateCommand.Create(console),
        CiteCommand.Create(console),
        FetchCommand.Create(console),
    };

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command they name. Help goes to standard output; a usage mistake
    /// prints its errors on standard error and returns 2.
    /// </summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="console">The streams.</param>
    /// <param name="cancellationToken">Ctrl+C: the command stops after the record it is writing.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var parse = Create(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await console.Error.WriteLineAsync("scholarly: error: " + error.Message);
            await console.Error.WriteLineAsync("Run 'scholarly --help' for usage.");
            return ExitCodes.UsageOrIo;
        }

        await using var output = new StreamWriter(console.Output, RecordStreams.Utf8, 4096, leaveOpen: true) { NewLine = "\n" };
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = console.Error,
            // Ctrl+C is the caller's: the process turns it into cancellationToken, and the commands stop between records.
            ProcessTerminationTimeout = null,
        };
        var exitCode = await parse.InvokeAsync(configuration, cancellationToken);
        await output.FlushAsync(CancellationToken.None);
        return exitCode;
    }
}
