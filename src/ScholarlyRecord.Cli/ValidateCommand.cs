using System.CommandLine;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Cli;

/// <summary>
/// <c>scholarly validate &lt;files or globs...&gt; [--format text|json]</c>: checks every record of every file. The
/// library's JSON and JSON Lines are checked against the schema (<see cref="ScholarlySchema"/>) and then the model
/// rules (<see cref="ChapterValidator"/>), both through <see cref="ScholarlyJson.TryRead"/>; the other formats report
/// their reader's diagnostics and then the model rules for each chapter read. Exit code 0 when every record is valid,
/// 1 when any has an error, 2 when a file cannot be read or the command is misused.
/// </summary>
internal static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="console">The streams it uses.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "The files to check: paths, '-' for standard input, or patterns such as '*.jsonl' or 'data/**/*.bib'.",
            Arity = ArgumentArity.OneOrMore,
        };
        var from = CommonOptions.From();
        var format = new Option<string>("--format")
        {
            Description = "The report: text (one line per issue, then a summary) or json.",
            HelpName = "text|json",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var quiet = CommonOptions.Quiet();
        var jobs = CommonOptions.Jobs();
        var command = new Command("validate", "Check every record against the schema and the model rules.") { files, from, format, quiet, jobs };
        command.SetAction((parse, cancellationToken) => RunAsync(
            console, parse.GetValue(files)!, parse.GetValue(from), parse.GetValue(format) == "json", parse.GetValue(quiet), parse.GetValue(jobs), cancellationToken));
        return command;
    }

    /// <summary>Checks the files and writes the report to standard output.</summary>
    /// <param name="console">The streams.</param>
    /// <param name="patterns">The files or patterns.</param>
    /// <param name="from">The format of every file, or null to take each one's from its extension.</param>
    /// <param name="json">True for the JSON report.</param>
    /// <param name="quiet">True to leave info findings out of the report.</param>
    /// <param name="jobs">The threads (<c>--jobs</c>): 1 checks each record when it is read; more read ahead and check
    /// the model rules of several chapters at once, reporting in the same order.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(CliConsole console, string[] patterns, string? from, bool json, bool quiet, int jobs, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var reporter = new Reporter(console.Error, quiet);
        var paths = new List<string>();
        try
        {
            foreach (var pattern in patterns)
            {
                var matches = Globs.Expand(pattern);
                if (matches.Count == 0) throw new UsageException($"no file matches '{pattern}'.");
                paths.AddRange(matches);
            }
        }
        catch (UsageException ex)
        {
            reporter.Fail(null, ex.Message);
            return ExitCodes.UsageOrIo;
        }

        var total = new Tally();
        var summary = new RunSummary();
        var failures = 0;
        try
        {
            using var text = new StreamWriter(console.Output, RecordStreams.Utf8, 16 * 1024, leaveOpen: true) { NewLine = "\n" };
            using (ValidationOutput report = json ? new JsonValidationOutput(console.Output) : new TextValidationOutput(text))
            {
                foreach (var path in paths)
                {
                    if (cancellationToken.IsCancellationRequested) break;
                    var name = Inputs.DisplayName(path);
                    RecordFormat format;
                    try
                    {
                        format = Inputs.ReadFormat(path, from);
                    }
                    catch (UsageException ex)
                    {
                        failures++;
                        reporter.Fail(name, ex.Message);
                        report.Failed(name, ex.Message);
                        continue;
                    }

                    try
                    {
                        await using var input = Inputs.Open(path, console);
                        using var progress = new Progress(quiet || !console.ErrorIsTerminal ? null : console.Error, console.Time, () => input.BytesRead, input.KnownLength);
                        reporter.Progress = progress;
                        var tally = new Tally();
                        report.BeginFile(name, format.Name);
                        void Add(Diagnostic finding)
                        {
                            tally.Count(finding);
                            if (quiet && finding.Severity == DiagnosticSeverity.Info) return;
                            progress.Clear();
                            report.Add(name, finding);
                        }

                        await CheckAsync(format, input, jobs, tally, summary, progress, Add, cancellationToken);
                        progress.Clear();
                        report.EndFile(tally);
                        total.Add(tally);
                    }
                    catch (Exception ex) when (Inputs.IsIoProblem(ex) && !Inputs.IsClosedPipe(ex))
                    {
                        reporter.Progress = null;
                        failures++;
                        reporter.Fail(name, ex.Message);
                        report.Failed(name, ex.Message);
                    }
                }
                report.Complete(paths.Count - failures, failures, total);
            }
            if (json) console.Output.Write("\n"u8);
            text.Flush();
            console.Output.Flush();
        }
        catch (Exception ex) when (Inputs.IsClosedPipe(ex))
        {
            // The reader of standard output has gone (`| head`): stop, as Unix tools do, with no error.
            return ExitCodes.Success;
        }

        reporter.Summarize(summary, "record", "checked", total);

        if (cancellationToken.IsCancellationRequested) return ExitCodes.Cancelled;
        if (failures > 0) return ExitCodes.UsageOrIo;
        return total.Errors > 0 ? ExitCodes.RecordErrors : ExitCodes.Success;
    }

    // Every format the same way: the library's streaming reader (which explains a JSON record it cannot read with the
    // schema's SR0xxx diagnostics), then the model rules for each chapter read.
    // With --jobs N the model rules run on the worker threads; the report takes the records in the order read either way.
    private static async Task CheckAsync(RecordFormat format, Stream input, int jobs, Tally tally, RunSummary summary, Progress progress, Action<Diagnostic> add,
        CancellationToken cancellationToken)
    {
        long current = 0;
        var records = format.ReadRecordsAsync(input, cancellationToken);
        Func<Chapter, ValidationReport> rules = chapter => ChapterValidator.Validate(chapter);
        var checkedRecords = jobs > 1 ? RecordStreams.ReadAhead(records, jobs, rules, cancellationToken) : RecordStreams.Inline(records, rules, cancellationToken);
        var chapters = RecordStreams.Chapters(checkedRecords, add, record =>
        {
            current = record.Record;
            tally.Records++;
            summary.Count(record);
            progress.Record();
        }, cancellationToken);
        await foreach (var prepared in chapters)
        {
            summary.Written++;
            var report = prepared.Work!;
            foreach (var diagnostic in report.Diagnostics) add(diagnostic with { Record = current });
        }
    }
}
