using System.CommandLine;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Json;
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
        var command = new Command("validate", "Check every record against the schema and the model rules.") { files, from, format, quiet };
        command.SetAction((parse, cancellationToken) => RunAsync(
            console, parse.GetValue(files)!, parse.GetValue(from), parse.GetValue(format) == "json", parse.GetValue(quiet), cancellationToken));
        return command;
    }

    /// <summary>Checks the files and writes the report to standard output.</summary>
    /// <param name="console">The streams.</param>
    /// <param name="patterns">The files or patterns.</param>
    /// <param name="from">The format of every file, or null to take each one's from its extension.</param>
    /// <param name="json">True for the JSON report.</param>
    /// <param name="quiet">True to leave info findings out of the report.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(CliConsole console, string[] patterns, string? from, bool json, bool quiet, CancellationToken cancellationToken)
    {
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

        using var text = new StreamWriter(console.Output, RecordStreams.Utf8, 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        var total = new Tally();
        var failures = 0;
        using (ValidationOutput report = json ? new JsonValidationOutput(console.Output) : new TextValidationOutput(text))
        {
            foreach (var path in paths)
            {
                if (cancellationToken.IsCancellationRequested) break;
                var name = Inputs.DisplayName(path);
                IRecordFormat format;
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
                    void Add(Finding finding)
                    {
                        tally.Count(finding);
                        if (quiet && finding.Severity == "info") return;
                        progress.Clear();
                        report.Add(name, finding);
                    }

                    await CheckAsync(format, input, tally, progress, Add, cancellationToken);
                    progress.Clear();
                    report.EndFile(tally);
                    total.Add(tally);
                }
                catch (Exception ex) when (Inputs.IsIoProblem(ex))
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
        console.Output.Flush();

        if (cancellationToken.IsCancellationRequested) return ExitCodes.Cancelled;
        if (failures > 0) return ExitCodes.UsageOrIo;
        return total.Errors > 0 ? ExitCodes.RecordErrors : ExitCodes.Success;
    }

    private static async Task CheckAsync(IRecordFormat format, Stream input, Tally tally, Progress progress, Action<Finding> add, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(format, ScholarlyJson.Format))
        {
            using var reader = new StreamReader(input, RecordStreams.Utf8, detectEncodingFromByteOrderMarks: true);
            var document = await reader.ReadToEndAsync(cancellationToken);
            tally.Records++;
            progress.Record();
            ScholarlyJson.TryRead(document, out _, out var report);
            foreach (var issue in report.Diagnostics) add(FromIssue(1, 0, issue));
        }
        else if (ReferenceEquals(format, ScholarlyJson.LinesFormat))
        {
            // Each line is a document: the schema sees the raw JSON, so it can name every problem, not only the first.
            using var reader = new StreamReader(input, RecordStreams.Utf8, detectEncodingFromByteOrderMarks: true);
            var line = 0L;
            while (!cancellationToken.IsCancellationRequested && await reader.ReadLineAsync(cancellationToken) is { } document)
            {
                line++;
                if (string.IsNullOrWhiteSpace(document)) continue;
                var record = ++tally.Records;
                progress.Record();
                ScholarlyJson.TryRead(document, out _, out var report);
                foreach (var issue in report.Diagnostics) add(FromIssue(record, line, issue));
            }
        }
        else
        {
            var chapters = RecordStreams.Read(format, input, d => add(new Finding(null, d.Line, d.Column, Reporter.Name(d.Severity), d.Code, null, d.Message)), cancellationToken);
            await Task.Run(() =>
            {
                foreach (var chapter in RecordStreams.UntilCancelled(chapters, _ => progress.Record(), cancellationToken))
                {
                    var record = ++tally.Records;
                    foreach (var issue in ChapterValidator.Validate(chapter).Diagnostics) add(FromIssue(record, 0, issue));
                }
            }, CancellationToken.None);
        }
    }

    private static Finding FromIssue(long record, long line, Diagnostic issue) => new(
        record,
        line,
        0,
        Reporter.Name(issue.Severity),
        issue.Code,
        issue.Path,
        issue.Message);
}
