using System.Text;
using ScholarlyRecord.Cli.Tests.Support;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Cli.Tests;

/// <summary>
/// Issue 14: every command ends with a one-line summary on standard error; a real bibliography with no chapters says
/// why nothing was written; a closed output pipe ends quietly; a <c>.json</c> input is recognised by its content.
/// </summary>
public sealed class SummaryTests
{
    /// <summary>
    /// Nelson Beebe's TUGboat bibliography: 4,839 @Article entries (plus 3 @String and 4 @Preamble blocks, which are not
    /// records), no chapters. Two entries repeat two fields each (bibsource, acknowledgement): 4 BIB202 warnings.
    /// </summary>
    private static string Tugboat => Path.Combine(AppContext.BaseDirectory, "TestData", "bibliographies", "tugboat.bib");

    private const string TugboatSummary = "scholarly: summary: 4,839 records read, 0 written, 4,839 skipped (not a chapter: 4,839 article); 0 errors, 4 warnings, 4,839 infos";

    [Fact]
    public async Task Convert_RealBibliographyWithNoChapters_WarnsWhyAndSummarisesByType()
    {
        var result = await Scholarly.RunAsync(["convert", Tugboat, "--to", "ris", "--quiet"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.StdoutBytes);
        var lines = result.StderrLines;
        Assert.Equal(4 + 2, lines.Length);
        Assert.All(lines[..4], l => Assert.Contains($": warning {BibtexCodes.DuplicateField}: ", l, StringComparison.Ordinal));
        Assert.Equal("scholarly: warning: nothing was written: none of the 4,839 records is a chapter (4,839 article).", lines[4]);
        Assert.Equal(TugboatSummary, lines[5]);
    }

    [Fact]
    public async Task Convert_WithoutQuiet_PrintsEachSkippedEntryThenTheSameSummary()
    {
        var result = await Scholarly.RunAsync(["convert", Tugboat, "--to", "csl-json"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("[]\n", result.Stdout);
        Assert.Equal(4839, result.StderrLines.Count(l => l.Contains($": info {BibtexCodes.NotAChapter}: @Article{{", StringComparison.Ordinal)));
        Assert.Equal(TugboatSummary, result.Summary);
        Assert.Equal(4839 + 4 + 2, result.StderrLines.Length);
    }

    [Fact]
    public async Task Convert_RealBibliographyWithChapters_ConvertsThemAndCountsTheRestByType()
    {
        // xampl.bib (BibTeX's own example): 36 entries; 3 @INCOLLECTION and 3 @INBOOK are chapters, the 30 others are
        // 5 book, 4 article, 3 each of inproceedings, misc and proceedings, 2 each of six other types (counted by hand).
        var path = TestFiles.Real("bibtex", "xampl.bib");
        var read = Library.Read("bibtex", File.ReadAllText(path, Encoding.UTF8));
        var severities = read.Diagnostics.GroupBy(d => d.Severity).ToDictionary(g => g.Key, g => g.Count());

        var result = await Scholarly.RunAsync(["convert", path, "--to", "ris", "--quiet"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(6, result.Stdout.Split('\n').Count(l => l.StartsWith("TY  - CHAP", StringComparison.Ordinal)));
        Assert.Equal(
            "scholarly: summary: 36 records read, 6 written, 30 skipped (not a chapter: 5 book, 4 article, 3 inproceedings, 3 misc, 3 proceedings, " +
            "2 booklet, 2 manual, 2 mastersthesis, 2 phdthesis, 2 techreport, 2 unpublished); " +
            $"0 errors, {severities.GetValueOrDefault(DiagnosticSeverity.Warning)} warnings, 30 infos",
            result.Summary);
        Assert.DoesNotContain(result.StderrLines, l => l.StartsWith("scholarly: warning:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_EndsWithTheSummaryToo()
    {
        var result = await Scholarly.RunAsync(["validate", Tugboat, "--quiet"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "scholarly: warning: nothing was checked: none of the 4,839 records is a chapter (4,839 article).",
                "scholarly: summary: 4,839 records read, 0 checked, 4,839 skipped (not a chapter: 4,839 article); 0 errors, 4 warnings, 4,839 infos",
            ],
            result.StderrLines);
    }

    [Fact]
    public async Task Convert_ClosedOutputPipe_EndsQuietlyWithExitZero()
    {
        // Standard output whose reader goes away after the first write, as `| head -1` does: the next write fails with EPIPE.
        using var input = new MemoryStream(await File.ReadAllBytesAsync(TestFiles.Real("bibtex", "biblatex-examples.bib"), Scholarly.Token));
        using var output = new ClosingPipe();
        using var error = new StringWriter { NewLine = "\n" };

        var exitCode = await ScholarlyCommand.RunAsync(["convert", "-", "--from", "bibtex", "--to", "jsonl"], CliConsole.Redirected(input, output, error), Scholarly.Token);

        Assert.Equal(0, exitCode);
        Assert.True(output.Writes > 1);
        Assert.DoesNotContain(": error", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("summary", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cite_ClosedOutputPipe_EndsQuietlyWithExitZero()
    {
        var ris = Library.Write("ris", Enumerable.Range(1, 300).Select(i => Library.Haslam with { Title = $"Chapter {i}" }));
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(ris));
        using var output = new ClosingPipe();
        using var error = new StringWriter { NewLine = "\n" };

        // 300 references are more than the command's 16 KiB output buffer holds, so a second write meets the closed pipe.
        var exitCode = await ScholarlyCommand.RunAsync(["cite", "-", "--from", "ris", "--style", "apa"], CliConsole.Redirected(input, output, error), Scholarly.Token);

        Assert.Equal(0, exitCode);
        Assert.True(output.Writes > 1);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Process_PipedIntoHead_StopsQuietlyWithExitZero()
    {
        if (!File.Exists("/bin/bash")) Assert.Skip("needs bash to build a pipeline");
        // 5,000 chapters (about 14 MB of JSON Lines): far more RIS than a pipe holds, so the tool meets the closed pipe.
        using var temp = new TestFiles.TempFolder();
        var input = Path.Combine(temp.Path, "many.jsonl");
        await File.WriteAllTextAsync(input, string.Concat(Enumerable.Repeat(Library.Write("jsonl", [Library.Haslam]), 5000)), Scholarly.Token);
        var command = $"dotnet '{Scholarly.ToolPath}' convert '{input}' --to ris | head -1; echo \"exit ${{PIPESTATUS[0]}}\"";
        var start = new System.Diagnostics.ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Scholarly.Token);
        var stderr = process.StandardError.ReadToEndAsync(Scholarly.Token);
        await process.WaitForExitAsync(Scholarly.Token);

        Assert.Equal("TY  - CHAP\nexit 0\n", (await stdout).Replace("\r", "", StringComparison.Ordinal));
        // No error, and no summary either: the tool stopped at the closed pipe instead of reading the rest.
        Assert.Equal("", await stderr);
    }

    [Theory]
    [InlineData("crossref", "crossref-work-book-chapter-10.1007_978-3-319-75889-3_1.json", 1)]
    [InlineData("csl", "bbt-CSL_exporters_ignore_Fields_to_omit_from_export_setting_1179.csl.json", -1)]
    public async Task Convert_JsonInput_IsRecognisedByItsContent(string folder, string file, int chapters)
    {
        // Saved as plain .json, which the library's JSON, CSL-JSON and Crossref all claim.
        using var temp = new TestFiles.TempFolder();
        var path = Path.Combine(temp.Path, "input.json");
        File.Copy(TestFiles.Real(folder, file), path);
        var format = TestFiles.FormatOfFolder(folder);
        var expected = Library.Read(format, File.ReadAllText(path, Encoding.UTF8)).Chapters;
        if (chapters >= 0) Assert.Equal(chapters, expected.Count);

        var result = await Scholarly.RunAsync(["convert", path, "--to", "jsonl", "--quiet"], cancellationToken: Scholarly.Token);
        var named = await Scholarly.RunAsync(["convert", path, "--from", format, "--to", "jsonl", "--quiet"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(named.Stdout, result.Stdout);
        Assert.Equal(Library.Write("jsonl", expected), result.Stdout);
    }

    [Fact]
    public async Task Convert_LibraryJsonNamedJson_StillReadsAsTheLibrarysJson()
    {
        var result = await Scholarly.RunAsync(["convert", TestFiles.Haslam, "--to", "ris"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Ris.Write([Library.Haslam]), result.Stdout);
    }

    /// <summary>A standard output whose reader has gone after the first write: later writes fail as a closed pipe does on Linux (EPIPE).</summary>
    private sealed class ClosingPipe : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (++Writes > 1) throw new IOException("Broken pipe", 32);
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }
}
