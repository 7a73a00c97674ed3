using System.CommandLine;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Cli;

/// <summary>
/// <c>scholarly cite &lt;input&gt; [--style &lt;name | file.csl&gt;] [--locale &lt;tag&gt;] [--html] [--mode
/// bibliography|citation] [--styles-dir &lt;dir&gt;]</c> and <c>scholarly cite --list-styles</c>: the formatted
/// references of a file's records, one per line. Styles come from <see cref="CitationStyles"/> or a <c>.csl</c> file;
/// CSL-JSON input is rendered as the CSL items themselves (every type), other inputs as their chapters.
/// </summary>
internal static class CiteCommand
{
    /// <summary>What <c>scholarly cite</c> was asked to do, as parsed.</summary>
    /// <param name="Input">The input file, <c>-</c>, or null.</param>
    /// <param name="From">The input format's name, or null to take it from the extension.</param>
    /// <param name="Style">The style's name or a <c>.csl</c> path.</param>
    /// <param name="Locale">The CSL locale tag, or null for the style's default.</param>
    /// <param name="Html">True for HTML.</param>
    /// <param name="Citation">True for <c>--mode citation</c>.</param>
    /// <param name="StylesDirectory">Where to look for styles and dependent styles' parents, or null.</param>
    /// <param name="Quiet">True for no info diagnostics.</param>
    internal sealed record Request(string? Input, string? From, string Style, string? Locale, bool Html, bool Citation, string? StylesDirectory, bool Quiet);

    /// <summary>Builds the command.</summary>
    /// <param name="console">The streams it uses.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "The file holding the records, or '-' for standard input.", Arity = ArgumentArity.ZeroOrOne };
        var from = CommonOptions.From();
        var style = new Option<string>("--style", "-s")
        {
            Description = "The citation style: an embedded one (springer-link, apa, ieee...; see --list-styles) or a .csl file.",
            HelpName = "name|file.csl",
            DefaultValueFactory = _ => "springer-link",
        };
        var locale = new Option<string>("--locale", "-l") { Description = "The CSL locale, such as de-DE (default: the style's own, else en-US).", HelpName = "tag" };
        var html = new Option<bool>("--html") { Description = "Write HTML instead of plain text." };
        var mode = new Option<string>("--mode", "-m")
        {
            Description = "bibliography: one entry per line in the style's order; citation: each record cited alone, in input order.",
            HelpName = "bibliography|citation",
            DefaultValueFactory = _ => "bibliography",
        };
        mode.AcceptOnlyFromAmong("bibliography", "citation");
        var stylesDirectory = new Option<string>("--styles-dir") { Description = "A directory of .csl files: styles named without a path, and dependent styles' parents.", HelpName = "dir" };
        var listStyles = new Option<bool>("--list-styles") { Description = "List the embedded styles and exit." };
        var quiet = CommonOptions.Quiet();
        var command = new Command("cite", "Print the formatted reference of every record, one per line.")
        {
            input, from, style, locale, html, mode, stylesDirectory, listStyles, quiet,
        };
        command.SetAction((parse, cancellationToken) => parse.GetValue(listStyles)
            ? ListStylesAsync(console, cancellationToken)
            : RunAsync(console, new Request(parse.GetValue(input), parse.GetValue(from), parse.GetValue(style)!, parse.GetValue(locale), parse.GetValue(html),
                parse.GetValue(mode) == "citation", parse.GetValue(stylesDirectory), parse.GetValue(quiet)), cancellationToken));
        return command;
    }

    /// <summary>Prints the embedded styles: name, then title, one per line.</summary>
    /// <param name="console">The streams.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> ListStylesAsync(CliConsole console, CancellationToken cancellationToken)
    {
        await using var output = new StreamWriter(console.Output, RecordStreams.Utf8, 4096, leaveOpen: true) { NewLine = "\n" };
        var width = CitationStyles.Names.Max(static n => n.Length);
        foreach (var style in CitationStyles.All)
        {
            await output.WriteLineAsync((style.Name.PadRight(width + 2) + style.Title).AsMemory(), cancellationToken);
        }

        return ExitCodes.Success;
    }

    /// <summary>Prints the references.</summary>
    /// <param name="console">The streams.</param>
    /// <param name="request">What to cite and how.</param>
    /// <param name="cancellationToken">Ctrl+C: stops after the reference being written.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(CliConsole console, Request request, CancellationToken cancellationToken)
    {
        var reporter = new Reporter(console.Error, request.Quiet);
        RecordFormat format;
        CitationStyle style;
        try
        {
            if (request.Input is null) throw new UsageException("name the input file ('-' for standard input), or list the styles with --list-styles.");
            format = Inputs.ReadFormat(request.Input, request.From);
            style = FindStyle(request);
        }
        catch (UsageException ex)
        {
            reporter.Fail(null, ex.Message);
            return ExitCodes.UsageOrIo;
        }
        catch (CslStyleException ex)
        {
            // A style file that is not CSL, a dependent style whose parent is missing, an unknown locale: one line.
            var source = ex.Line > 0 || File.Exists(request.Style) ? request.Style : "scholarly";
            reporter.Report(source, new Diagnostic(ex.Code, DiagnosticSeverity.Error, ex.Message) { Line = ex.Line, Column = ex.Column });
            return ExitCodes.UsageOrIo;
        }
        catch (Exception ex) when (Inputs.IsIoProblem(ex))
        {
            reporter.Fail(request.Style, ex.Message);
            return ExitCodes.UsageOrIo;
        }

        var name = Inputs.DisplayName(request.Input);
        var output = request.Html ? CitationOutput.Html : CitationOutput.Text;
        var summary = new RunSummary();
        try
        {
            await using var input = Inputs.Open(request.Input, console);
            await using var writer = new StreamWriter(console.Output, RecordStreams.Utf8, 16 * 1024, leaveOpen: true) { NewLine = "\n" };
            if (style.Processor is { } processor)
            {
                var items = await ReadItemsAsync(format, input, name, reporter, summary, cancellationToken);
                var document = processor.CreateDocument(items);
                var references = request.Citation
                    ? document.Items.Select(item => document.CiteAlone(item.Id ?? string.Empty, output))
                    : document.BibliographyEntries(output);
                foreach (var reference in references)
                {
                    if (cancellationToken.IsCancellationRequested) break;
                    await WriteAsync(writer, reference, summary);
                }
            }
            else
            {
                // A hand-written style formats each chapter alone, so references are written as the chapters are read.
                await foreach (var chapter in RecordStreams.Chapters(format.ReadRecordsAsync(input, cancellationToken), d => reporter.Report(name, d), summary.Count, cancellationToken))
                {
                    await WriteAsync(writer, Citation.Format(chapter, style, output), summary);
                }
            }

            await writer.FlushAsync(CancellationToken.None);
        }
        catch (Exception ex) when (Inputs.IsClosedPipe(ex))
        {
            // The reader of standard output has gone (`| head`): stop, as Unix tools do, with no error.
            return ExitCodes.Success;
        }
        catch (Exception ex) when (Inputs.IsIoProblem(ex))
        {
            reporter.Fail(name, ex.Message);
            return ExitCodes.UsageOrIo;
        }

        reporter.Summarize(summary, "record", "cited");
        if (cancellationToken.IsCancellationRequested) return ExitCodes.Cancelled;
        return reporter.Errors > 0 ? ExitCodes.RecordErrors : ExitCodes.Success;
    }

    private static async Task WriteAsync(StreamWriter writer, string reference, RunSummary summary)
    {
        await writer.WriteLineAsync(reference.Trim().AsMemory(), CancellationToken.None);
        summary.Written++;
    }

    /// <summary>
    /// The style <c>--style</c> names: a <c>.csl</c> file (or any existing file), an embedded style, or
    /// <c>&lt;name&gt;.csl</c> in <c>--styles-dir</c>; with <c>--locale</c> applied to a CSL style.
    /// </summary>
    private static CitationStyle FindStyle(Request request)
    {
        CslStyle? csl = null;
        if (request.Style.EndsWith(".csl", StringComparison.OrdinalIgnoreCase) || File.Exists(request.Style))
        {
            csl = CslStyle.Load(request.Style);
        }
        else if (CitationStyles.FindByName(request.Style) is { } found)
        {
            if (found.Processor is null)
            {
                return request.Locale is null ? found : throw new UsageException($"the {found.Name} style is English only: --locale applies to CSL styles.");
            }

            if (request.Locale is null && request.StylesDirectory is null) return found;
            csl = found.Processor.Style;
        }
        else if (request.StylesDirectory is not null && File.Exists(Path.Combine(request.StylesDirectory, request.Style + ".csl")))
        {
            csl = CslStyle.Load(Path.Combine(request.StylesDirectory, request.Style + ".csl"));
        }

        if (csl is null)
        {
            var where = request.StylesDirectory is null ? string.Empty : $" or {request.Style}.csl in {request.StylesDirectory}";
            throw new UsageException($"unknown style '{request.Style}': expected one of {string.Join(", ", CitationStyles.Names)}, a .csl file{where} (see scholarly cite --list-styles).");
        }

        return CitationStyle.FromCsl(csl, request.Locale, request.StylesDirectory);
    }

    /// <summary>
    /// The CSL items to render: a CSL-JSON input's items as they are (every type), any other input's chapters through
    /// the library's CSL-JSON mapping.
    /// </summary>
    private static async Task<IReadOnlyList<CslItem>> ReadItemsAsync(RecordFormat format, Stream input, string name, Reporter reporter, RunSummary summary, CancellationToken cancellationToken)
    {
        if (format == CslJson.Format)
        {
            var document = CslJsonDocument.Parse(input);
            foreach (var diagnostic in document.Diagnostics) reporter.Report(name, diagnostic);
            // The processor tells items apart by id: an item with none gets one from its place, and a repeated id
            // (which would stand for the first item) is skipped and counted.
            var items = new List<CslItem>(document.Items.Count);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in document.Items)
            {
                summary.Read++;
                var cited = item.Id is null ? new CslItem($"(record {summary.Read})", item.Type, item.Variables, item.Line, item.Column) : item;
                if (ids.Add(cited.Id!)) items.Add(cited);
                else summary.Skip("repeated id", cited.Id);
            }

            return items;
        }

        var chapters = new List<Chapter>();
        await foreach (var chapter in RecordStreams.Chapters(format.ReadRecordsAsync(input, cancellationToken), d => reporter.Report(name, d), summary.Count, cancellationToken))
        {
            chapters.Add(chapter);
        }

        // Through the library's CSL-JSON mapping; a chapter it cannot carry is reported and counted, not thrown.
        using var csl = new StringWriter();
        var written = CslJson.Write(chapters, csl);
        foreach (var diagnostic in written.Diagnostics)
        {
            reporter.Report(name, diagnostic);
            if (diagnostic.Severity == DiagnosticSeverity.Error) summary.Skip(RunSummary.NotWritten, null);
        }

        return CslJsonDocument.Parse(csl.ToString()).Items;
    }
}
