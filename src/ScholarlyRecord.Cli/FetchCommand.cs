using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using ScholarlyRecord.Clients;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Cli;

/// <summary>
/// <c>scholarly fetch &lt;doi...&gt; [--to &lt;format&gt;] [--mailto &lt;address&gt;]</c>: looks each DOI up in the
/// Crossref REST API through <see cref="CrossrefClient"/> and writes the chapters found. The only command that uses
/// the network.
/// </summary>
internal static class FetchCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="console">The streams it uses.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var dois = new Argument<string[]>("doi")
        {
            Description = "The DOIs to fetch, such as 10.1007/978-1-349-05679-8_7 (a https://doi.org/ link is accepted too).",
            Arity = ArgumentArity.OneOrMore,
        };
        var to = CommonOptions.To("The output format (default jsonl, one chapter per line).");
        var output = CommonOptions.Output();
        var mailto = new Option<string>("--mailto")
        {
            Description = "Your e-mail address, sent in the User-Agent so that Crossref serves you from its polite pool.",
            HelpName = "address",
        };
        var baseUrl = new Option<string>("--api")
        {
            Description = "The Crossref REST API's address (default https://api.crossref.org/): a mirror or a test server.",
            HelpName = "url",
        };
        var quiet = CommonOptions.Quiet();
        var command = new Command("fetch", "Fetch chapters from Crossref by DOI.") { dois, to, output, mailto, baseUrl, quiet };
        command.SetAction((parse, cancellationToken) => RunAsync(
            console, parse.GetValue(dois)!, parse.GetValue(to), parse.GetValue(output), parse.GetValue(mailto), parse.GetValue(baseUrl), parse.GetValue(quiet), cancellationToken));
        return command;
    }

    /// <summary>Fetches the chapters and writes those found.</summary>
    /// <param name="console">The streams.</param>
    /// <param name="texts">The DOIs as given.</param>
    /// <param name="to">The output format's name, or null for the output file's extension, else JSON Lines.</param>
    /// <param name="outputPath">The output file, or null for standard output.</param>
    /// <param name="mailto">The contact address, or null.</param>
    /// <param name="api">The API's base address, or null for Crossref's.</param>
    /// <param name="quiet">True for no info diagnostics.</param>
    /// <param name="cancellationToken">Ctrl+C: stops before the next request.</param>
    /// <returns>The exit code: 1 when a DOI is not found or not a chapter, 2 for a bad DOI or a failed request.</returns>
    public static async Task<int> RunAsync(CliConsole console, string[] texts, string? to, string? outputPath, string? mailto, string? api, bool quiet, CancellationToken cancellationToken)
    {
        var reporter = new Reporter(console.Error, quiet);
        RecordFormat format;
        var dois = new List<Doi>();
        try
        {
            format = to is null && outputPath is null or "-" ? ScholarlyJson.LinesFormat : Inputs.WriteFormat(outputPath, to);
            foreach (var text in texts)
            {
                if (Doi.Validate(text) is { } problem)
                {
                    throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a DOI ({problem.Reason} at {problem.Index}): {problem.Message}"));
                }
                dois.Add(Doi.Parse(text));
            }
            if (api is not null && !Uri.TryCreate(api, UriKind.Absolute, out _)) throw new UsageException($"the API address '{api}' is not an absolute URL.");
        }
        catch (UsageException ex)
        {
            reporter.Fail(null, ex.Message);
            return ExitCodes.UsageOrIo;
        }

        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var options = new CrossrefClientOptions { ContactEmail = mailto };
        if (api is not null) options = options with { BaseAddress = new Uri(api, UriKind.Absolute) };
        CrossrefClient client;
        try
        {
            client = new CrossrefClient(http, options, console.Time);
        }
        catch (ArgumentException ex)
        {
            reporter.Fail(null, ex.Message);
            return ExitCodes.UsageOrIo;
        }

        var worst = ExitCodes.Success;
        var found = new List<string>();
        var summary = new RunSummary();
        try
        {
            var (output, owned) = Inputs.Create(outputPath, console);
            try
            {
                // Progress counts DOIs looked up, against the number asked for.
                var looked = 0L;
                using var progress = new Progress(quiet || !console.ErrorIsTerminal ? null : console.Error, console.Time, () => looked, dois.Count);
                reporter.Progress = progress;
                var chapters = FetchAsync(client, dois, reporter, found, summary, code => worst = Math.Max(worst, code), () =>
                {
                    looked++;
                    progress.Record();
                }, cancellationToken);
                // The write is not cancelled: the lookups end instead, so that the output document is closed.
                var written = await format.WriteAsync(chapters, output, CancellationToken.None);
                summary.Written = written.Written;
                foreach (var diagnostic in written.Diagnostics)
                {
                    reporter.Report(found[(int)diagnostic.Record - 1], diagnostic);
                    if (diagnostic.Severity == DiagnosticSeverity.Error) summary.Skip(RunSummary.NotWritten, null);
                    worst = Math.Max(worst, ExitCodes.RecordErrors);
                }

                Inputs.Commit(output);
            }
            catch (Exception ex) when (!owned && Inputs.IsClosedPipe(ex))
            {
                // The reader of standard output has gone (`| head`): stop, as Unix tools do, with no error.
                return ExitCodes.Success;
            }
            finally
            {
                reporter.Progress = null;
                if (owned) await output.DisposeAsync();
            }
        }
        catch (Exception ex) when (Inputs.IsIoProblem(ex))
        {
            reporter.Fail(outputPath, ex.Message);
            return ExitCodes.UsageOrIo;
        }

        reporter.Summarize(summary, "DOI", "written");
        return cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled : worst;
    }

    // Yields the chapters found, noting each one's DOI in `found` (the writer reports refused records by number).
    private static async IAsyncEnumerable<Chapter> FetchAsync(CrossrefClient client, List<Doi> dois, Reporter reporter, List<string> found, RunSummary summary, Action<int> outcome, Action lookedUp,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var doi in dois)
        {
            CrossrefResult result;
            try
            {
                result = await client.GetChapterAsync(doi, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
            lookedUp();
            summary.Read++;
            var source = doi.ToString();
            foreach (var diagnostic in result.Diagnostics)
            {
                // The library reports "not found" and "not a chapter" as infos; here they are why a DOI asked for gave nothing.
                var missed = result.Status != CrossrefStatus.Found && diagnostic.Severity == DiagnosticSeverity.Info;
                reporter.Report(source, missed ? diagnostic with { Severity = DiagnosticSeverity.Error } : diagnostic);
            }
            switch (result.Status)
            {
                case CrossrefStatus.Found when result.Chapter is { } chapter:
                    found.Add(source);
                    yield return chapter;
                    break;
                case CrossrefStatus.NotFound:
                    summary.Skip("not found", null);
                    outcome(ExitCodes.RecordErrors);
                    break;
                case CrossrefStatus.NotAChapter:
                    var type = result.Diagnostics.FirstOrDefault(d => d.Code == CrossrefCodes.NotAChapter) is { } skipped ? RunSummary.TypeIn(skipped.Message) : null;
                    summary.Skip(RunSummary.NotAChapter, type);
                    outcome(ExitCodes.RecordErrors);
                    break;
                default:
                    summary.Skip("failed", null);
                    outcome(ExitCodes.UsageOrIo);
                    break;
            }
        }
    }
}
