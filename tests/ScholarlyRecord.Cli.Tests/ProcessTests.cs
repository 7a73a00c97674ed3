using System.Text;
using System.Text.Json.Nodes;
using ScholarlyRecord.Cli.Tests.Support;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Cli.Tests;

/// <summary>The built tool run as a process (<c>dotnet scholarly.dll</c>): real standard streams and exit codes. Kept few: each starts a runtime.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Help_ListsEveryCommandOnStdout()
    {
        var result = await Scholarly.RunProcessAsync(["--help"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("scholarly [command] [options]", result.Stdout, StringComparison.Ordinal);
        foreach (var command in new[] { "convert", "validate", "cite", "fetch" }) Assert.Contains(command, result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Convert_FixtureFromStdinToStdout_IsTheLibrarysRis()
    {
        var json = await File.ReadAllBytesAsync(TestFiles.Haslam, Scholarly.Token);

        var result = await Scholarly.RunProcessAsync(["convert", "-", "--from", "json", "--to", "ris"], json, Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Ris.Write([Library.Haslam]), result.Stdout);
        Assert.Equal("scholarly: summary: 1 record read, 1 written, 0 skipped; 0 errors, 0 warnings, 0 infos\n", result.Stderr);
    }

    [Fact]
    public async Task Convert_RealBibtexFileToAFile_KeepsItsChaptersAndPrintsDiagnosticsOnStderr()
    {
        using var temp = new TestFiles.TempFolder();
        var input = TestFiles.Real("bibtex", "biblatex-examples.bib");
        var output = Path.Combine(temp.Path, "out.jsonl");
        var expected = (await Library.ReadStreamingAsync("bibtex", input)).Chapters.Where(Library.JsonCanCarry).ToList();

        var result = await Scholarly.RunProcessAsync(["convert", input, "-o", output, "--quiet"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        Assert.Empty(result.StdoutBytes);
        Assert.Equal(Library.Write("jsonl", expected), await File.ReadAllTextAsync(output, Scholarly.Token));
        Assert.All(result.DiagnosticLines, line => Assert.StartsWith(input + ":", line, StringComparison.Ordinal));
        Assert.StartsWith(CliResult.SummaryPrefix + "92 records read, ", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BadRecord_ExitsOneWithAJsonReportOnStdout()
    {
        using var temp = new TestFiles.TempFolder();
        var file = temp.File("bad.json", """{"title": ""}""");

        var result = await Scholarly.RunProcessAsync(["validate", file, "--format", "json"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 1, result.ToString());
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.False(report["valid"]!.GetValue<bool>());
        Assert.NotEmpty(report["files"]![0]!["issues"]!.AsArray());
    }

    [Fact]
    public async Task UsageMistake_ExitsTwoWithNothingOnStdout()
    {
        var result = await Scholarly.RunProcessAsync(["convert", TestFiles.Haslam, "--to", "docx"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.StdoutBytes);
        Assert.StartsWith("scholarly: error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cite_Fixture_PrintsThePageLine()
    {
        var result = await Scholarly.RunProcessAsync(["cite", TestFiles.Haslam], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestFiles.PageCiteLine() + "\n", result.Stdout);
    }

    [Fact]
    public async Task Fetch_FromTheLocalServer_WritesTheChapter()
    {
        const string Doi = "10.1007/978-3-662-46370-3_13";
        const string File = "crossref-work-book-chapter-10.1007_978-3-662-46370-3_13.json";
        await using var server = new LocalCrossref().Recorded(Doi, File);

        var result = await Scholarly.RunProcessAsync(["fetch", Doi, "--api", server.BaseAddress], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = Assert.Single(Crossref.Read(System.IO.File.ReadAllText(TestFiles.Real("crossref", File), Encoding.UTF8)).Chapters);
        Assert.Equal(expected, ScholarlyJson.Deserialize(result.Stdout.Trim()));
    }
}
