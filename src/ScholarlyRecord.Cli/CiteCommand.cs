using System.CommandLine;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Cli;

/// <summary>
/// <c>scholarly cite &lt;input&gt; [--style springer-link] [--html]</c>: the formatted reference of every chapter in a
/// file, one per line, through <see cref="Citation"/>.
/// </summary>
internal static class CiteCommand
{
    /// <summary>The style names the command accepts, each with its library style.</summary>
    private static readonly Dictionary<string, CitationStyle> Styles = new(StringComparer.Ordinal)
    {
        ["springer-link"] = CitationStyle.SpringerLink,
        [CitationStyle.SpringerLink.Name] = CitationStyle.SpringerLink,
    };

    /// <summary>Builds the command.</summary>
    /// <param name="console">The streams it uses.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "The file holding the chapters, or '-' for standard input." };
        var from = CommonOptions.From();
        var style = new Option<string>("--style", "-s")
        {
            Description = "The citation style: springer-link, the line SpringerLink prints under \"Cite this chapter\".",
            HelpName = "style",
            DefaultValueFactory = _ => "springer-link",
        };
        style.AcceptOnlyFromAmong([.. Styles.Keys]);
        var html = new Option<bool>("--html") { Description = "Write HTML (escaped text, the DOI as a link) instead of plain text." };
        var quiet = CommonOptions.Quiet();
        var command = new Command("cite", "Print the formatted reference of every chapter, one per line.") { input, from, style, html, quiet };
        command.SetAction((parse, cancellationToken) => RunAsync(
            console, parse.GetValue(input)!, parse.GetValue(from), parse.GetValue(style)!, parse.GetValue(html), parse.GetValue(quiet), cancellationToken));
        return command;
    }

    /// <summary>Prints the references.</summary>
    /// <param name="console">The streams.</param>
    /// <param name="inputPath">The input file, or <c>-</c>.</param>
    /// <param name="from">The input format's name, or null to take it from the extension.</param>
    /// <param name="styleName">The style's name.</param>
    /// <param name="html">True for HTML.</param>
    /// <param name="quiet">True for no info diagnostics.</param>
    /// <param name="cancellationToken">Ctrl+C: stops after the reference being written.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(CliConsole console, string inputPath, string? from, string styleName, bool html, bool quiet, CancellationToken cancellationToken)
    {
        var reporter = new Reporter(console.Error, quiet);
        RecordFormat format;
        try
        {
            format = Inputs.ReadFormat(inputPath, from);
        }
        catch (UsageException ex)
        {
            reporter.Fail(null, ex.Message);
            return ExitCodes.UsageOrIo;
        }

        var style = Styles[styleName];
        var name = Inputs.DisplayName(inputPath);
        try
        {
            await using var input = Inputs.Open(inputPath, console);
            await using var output = new StreamWriter(console.Output, RecordStreams.Utf8, 16 * 1024, leaveOpen: true) { NewLine = "\n" };
            var chapters = RecordStreams.Chapters(format.ReadRecordsAsync(input, cancellationToken), d => reporter.Report(name, d), static _ => { }, cancellationToken);
            await foreach (var chapter in chapters)
            {
                await output.WriteLineAsync(html ? Citation.FormatHtml(chapter, style) : Citation.Format(chapter, style));
            }
        }
        catch (Exception ex) when (Inputs.IsIoProblem(ex))
        {
            reporter.Fail(name, ex.Message);
            return ExitCodes.UsageOrIo;
        }

        if (cancellationToken.IsCancellationRequested) return ExitCodes.Cancelled;
        return reporter.Errors > 0 ? ExitCodes.RecordErrors : ExitCodes.Success;
    }
}
