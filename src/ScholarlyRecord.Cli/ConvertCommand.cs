using System.CommandLine;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Cli;

/// <summary>
/// <c>scholarly convert &lt;input&gt; --to &lt;format&gt; [--from &lt;format&gt;] [-o &lt;file&gt;]</c>: reads records in
/// one format and writes them in another, one record at a time, through the model.
/// </summary>
internal static class ConvertCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="console">The streams it uses.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "The file to convert, or '-' for standard input." };
        var to = CommonOptions.To("The output format; by default the one the output file's extension names.");
        var from = CommonOptions.From();
        var output = CommonOptions.Output();
        var quiet = CommonOptions.Quiet();
        var jobs = CommonOptions.Jobs();
        var command = new Command("convert", "Convert records from one format to another (any readable format to any writable one).")
        {
            input, to, from, output, quiet, jobs,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            console, parse.GetValue(input)!, parse.GetValue(to), parse.GetValue(from), parse.GetValue(output), parse.GetValue(quiet), parse.GetValue(jobs), cancellationToken));
        return command;
    }

    /// <summary>Runs the conversion.</summary>
    /// <param name="console">The streams.</param>
    /// <param name="inputPath">The input file, or <c>-</c>.</param>
    /// <param name="to">The output format's name, or null to take it from the output file's extension.</param>
    /// <param name="from">The input format's name, or null to take it from the input's extension.</param>
    /// <param name="outputPath">The output file, or null (or <c>-</c>) for standard output.</param>
    /// <param name="quiet">True for no progress and no info diagnostics.</param>
    /// <param name="jobs">The threads (<c>--jobs</c>): with 2 or more the input is read on a thread of its own, ahead of
    /// the writer; the output is the same either way.</param>
    /// <param name="cancellationToken">Ctrl+C: stops after the record being written.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(CliConsole console, string inputPath, string? to, string? from, string? outputPath, bool quiet, int jobs,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var reporter = new Reporter(console.Error, quiet);
        RecordFormat readFormat, writeFormat;
        try
        {
            readFormat = Inputs.ReadFormat(inputPath, from);
            writeFormat = Inputs.WriteFormat(outputPath, to);
        }
        catch (UsageException ex)
        {
            reporter.Fail(null, ex.Message);
            return ExitCodes.UsageOrIo;
        }

        if (inputPath != "-" && outputPath is not null and not "-" && Inputs.SameFile(inputPath, outputPath))
        {
            reporter.Fail(null, $"'{outputPath}' is the input: writing it would destroy what is being read.");
            return ExitCodes.UsageOrIo;
        }

        var name = Inputs.DisplayName(inputPath);
        CountingStream input;
        try
        {
            input = Inputs.Open(inputPath, console);
        }
        catch (Exception ex) when (Inputs.IsIoProblem(ex))
        {
            reporter.Fail(name, ex.Message);
            return ExitCodes.UsageOrIo;
        }

        var summary = new RunSummary();
        await using (input)
        {
            Stream output;
            bool owned;
            try
            {
                (output, owned) = Inputs.Create(outputPath, console);
            }
            catch (Exception ex) when (Inputs.IsIoProblem(ex))
            {
                reporter.Fail(outputPath, ex.Message);
                return ExitCodes.UsageOrIo;
            }

            try
            {
                using var progress = new Progress(quiet || !console.ErrorIsTerminal ? null : console.Error, console.Time, () => input.BytesRead, input.KnownLength);
                reporter.Progress = progress;
                // One writer, so --jobs gives the read a thread of its own and no more: reading and writing overlap.
                var records = readFormat.ReadRecordsAsync(input, cancellationToken);
                if (jobs > 1) records = ReadAhead(records, jobs, cancellationToken);
                var chapters = RecordStreams.Chapters(records, d => reporter.Report(name, d), r =>
                {
                    summary.Count(r);
                    if (r.Chapter is not null) progress.Record();
                }, cancellationToken);
                // The write is not cancelled: the input ends instead, so that the output document is closed.
                var written = await writeFormat.WriteAsync(chapters, output, CancellationToken.None);
                summary.Written = written.Written;
                foreach (var diagnostic in written.Diagnostics)
                {
                    reporter.Report(name, diagnostic);
                    if (diagnostic.Severity == DiagnosticSeverity.Error) summary.Skip(RunSummary.NotWritten, null);
                }

                Inputs.Commit(output);
            }
            catch (Exception ex) when (!owned && Inputs.IsClosedPipe(ex))
            {
                // The reader of standard output has gone (`| head`): stop, as Unix tools do, with no error.
                return ExitCodes.Success;
            }
            catch (Exception ex) when (Inputs.IsIoProblem(ex))
            {
                // Reading or writing failed part way (a disk full, a closed pipe); the message names the file where it can.
                reporter.Fail(null, ex.Message);
                return ExitCodes.UsageOrIo;
            }
            finally
            {
                reporter.Progress = null;
                if (owned) await output.DisposeAsync();
            }
        }

        if (cancellationToken.IsCancellationRequested)
        {
            reporter.Note($"cancelled after {summary.Read} records; each chapter written was written whole.");
            reporter.Summarize(summary);
            return ExitCodes.Cancelled;
        }

        reporter.Summarize(summary);
        return reporter.Errors > 0 ? ExitCodes.RecordErrors : ExitCodes.Success;
    }

    private static async IAsyncEnumerable<RecordResult> ReadAhead(IAsyncEnumerable<RecordResult> records, int jobs,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var prepared in RecordStreams.ReadAhead<object>(records, jobs, null, cancellationToken).ConfigureAwait(false)) yield return prepared.Record;
    }
}
