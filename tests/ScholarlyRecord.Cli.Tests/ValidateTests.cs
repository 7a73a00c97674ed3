using System.Text;
using System.Text.Json.Nodes;
using ScholarlyRecord.Cli.Tests.Support;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Cli.Tests;

/// <summary><c>scholarly validate</c>: exit codes 0, 1 and 2, and both report forms.</summary>
public sealed class ValidateTests
{
    // The schema's code for a DOI that is not one (docs/validation-rules.md).
    private const string BadDoi = "SR0020";

    private static string CompactHaslam()
    {
        return Library.Write("jsonl", [Library.Haslam]).TrimEnd('\n');
    }

    private static string BadDoiLine() => CompactHaslam().Replace("\"doi\":\"10.1007/978-1-349-05679-8_7\"", "\"doi\":\"11.1007/nope\"", StringComparison.Ordinal);

    [Fact]
    public async Task Validate_ValidFixture_ExitsZeroWithATextSummary()
    {
        var result = await Scholarly.RunAsync(["validate", TestFiles.Haslam], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("valid: 1 file, 1 record, 0 errors, 0 warnings\n", result.Stdout);
        Assert.Equal("scholarly: summary: 1 record read, 1 checked, 0 skipped; 0 errors, 0 warnings, 0 infos\n", result.Stderr);
    }

    [Fact]
    public async Task Validate_JsonLinesWithABadRecord_ExitsOneAndNamesFileLineRecordPathAndCode()
    {
        using var temp = new TestFiles.TempFolder();
        Assert.NotEqual(CompactHaslam(), BadDoiLine());
        var file = temp.File("refs.jsonl", CompactHaslam() + "\n\n" + BadDoiLine() + "\n");

        var result = await Scholarly.RunAsync(["validate", file], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var issue = Assert.Single(lines, line => line.Contains($" error {BadDoi}: ", StringComparison.Ordinal));
        Assert.StartsWith($"{file}:3: error {BadDoi}: record 2 at /doi: ", issue, StringComparison.Ordinal);
        Assert.Equal("invalid: 1 file, 2 records, 1 error, 0 warnings", lines[^1]);
    }

    [Fact]
    public async Task Validate_JsonReport_CarriesEveryIssueWithItsPlaceAndTheCounts()
    {
        using var temp = new TestFiles.TempFolder();
        var bad = temp.File("bad.jsonl", CompactHaslam() + "\n" + BadDoiLine() + "\n");

        var result = await Scholarly.RunAsync(["validate", TestFiles.Haslam, bad, "--format", "json"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 1, result.ToString());
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.False(report["valid"]!.GetValue<bool>());
        Assert.Equal(3, report["records"]!.GetValue<long>());
        Assert.Equal(1, report["errors"]!.GetValue<long>());
        var files = report["files"]!.AsArray();
        Assert.Equal([TestFiles.Haslam, bad], files.Select(f => f!["file"]!.GetValue<string>()));
        Assert.True(files[0]!["valid"]!.GetValue<bool>());
        Assert.Equal("json", files[0]!["format"]!.GetValue<string>());
        Assert.Empty(files[0]!["issues"]!.AsArray());
        var issue = Assert.Single(files[1]!["issues"]!.AsArray())!;
        Assert.Equal(2, issue["record"]!.GetValue<long>());
        Assert.Equal(2, issue["line"]!.GetValue<long>());
        Assert.Equal("/doi", issue["path"]!.GetValue<string>());
        Assert.Equal("error", issue["severity"]!.GetValue<string>());
        Assert.Equal(BadDoi, issue["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(issue["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Validate_JsonReportOfValidFile_IsValidAndExitsZero()
    {
        var result = await Scholarly.RunAsync(["validate", TestFiles.Haslam, "--format", "json"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.True(report["valid"]!.GetValue<bool>());
        Assert.Equal(1, report["records"]!.GetValue<long>());
        Assert.Equal(0, report["errors"]!.GetValue<long>());
    }

    [Fact]
    public async Task Validate_BibtexWithABrokenEntry_ReportsTheReaderCodeWithLineAndColumn()
    {
        const string Bib = "@incollection{a, title = {First}, booktitle = {Book}, author = {Doe, Jane}, year = 2001}\n\n@incollection{b, title = {Broken, booktitle = {Book}, year = 2002}\n";
        var error = Assert.Single(Library.Read("bibtex", Bib).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        using var temp = new TestFiles.TempFolder();
        var file = temp.File("refs.bib", Bib);

        var text = await Scholarly.RunAsync(["validate", file], cancellationToken: Scholarly.Token);
        var json = await Scholarly.RunAsync(["validate", file, "--format", "json"], cancellationToken: Scholarly.Token);

        Assert.True(text.ExitCode == 1, text.ToString());
        Assert.Contains($"{file}:{error.Line}:{error.Column}: error {error.Code}: ", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, json.ExitCode);
        var issue = JsonNode.Parse(json.Stdout)!["files"]![0]!["issues"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == error.Code)!;
        Assert.Equal(error.Line, issue["line"]!.GetValue<int>());
        Assert.Equal(error.Column, issue["column"]!.GetValue<int>());
        Assert.Null(issue["record"]);
    }

    [Fact]
    public async Task Validate_ModelRuleOnAChapterReadFromRis_IsReportedWithItsRecordNumber()
    {
        // A chapter dated 1200, before printing: the model rules (not the reader) object.
        const string Ris = "TY  - CHAP\nTI  - One\nBT  - Book\nPY  - 2001\nER  - \n\nTY  - CHAP\nTI  - Two\nBT  - Book\nPY  - 1200\nER  - \n";
        var second = Library.Read("ris", Ris).Chapters[1];
        var expected = Assert.Single(Validation.ChapterValidator.Validate(second).Diagnostics, i => i.Severity == DiagnosticSeverity.Error);
        using var temp = new TestFiles.TempFolder();
        var file = temp.File("refs.ris", Ris);

        var result = await Scholarly.RunAsync(["validate", file], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{file}: error {expected.Code}: record 2 at {expected.Path}: ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Globs_ExpandToEveryMatchingFileInOrdinalOrder()
    {
        using var temp = new TestFiles.TempFolder();
        var b = temp.File("b.jsonl", CompactHaslam() + "\n");
        var a = temp.File(Path.Combine("sub", "a.jsonl"), CompactHaslam() + "\n");
        temp.File("c.txt", "not a record");

        var result = await Scholarly.RunAsync(["validate", Path.Combine(temp.Path, "**", "*.jsonl"), "--format", "json"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        var files = JsonNode.Parse(result.Stdout)!["files"]!.AsArray().Select(f => f!["file"]!.GetValue<string>()).ToList();
        Assert.Equal(new[] { b, a }.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [InlineData("validate {missing}")]                       // I/O: no such file
    [InlineData("validate {temp}/*.nothing")]                // a pattern that matches nothing
    [InlineData("validate {fixture} --format xml")]          // no such report form
    [InlineData("validate {temp}/x*/*.json")]                // wildcards in a folder name
    [InlineData("validate")]                                 // no file
    public async Task Validate_UsageOrIoProblem_ExitsTwo(string commandLine)
    {
        using var temp = new TestFiles.TempFolder();
        string[] args = [.. commandLine.Split(' ').Select(a => a
            .Replace("{missing}", Path.Combine(temp.Path, "missing.json"), StringComparison.Ordinal)
            .Replace("{temp}", temp.Path, StringComparison.Ordinal)
            .Replace("{fixture}", TestFiles.Haslam, StringComparison.Ordinal))];

        var result = await Scholarly.RunAsync(args, cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFileAmongGoodOnes_ExitsTwoAndTheJsonReportNamesIt()
    {
        using var temp = new TestFiles.TempFolder();
        var missing = Path.Combine(temp.Path, "missing.json");

        var result = await Scholarly.RunAsync(["validate", TestFiles.Haslam, missing, "--format", "json"], cancellationToken: Scholarly.Token);

        Assert.Equal(2, result.ExitCode);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.False(report["valid"]!.GetValue<bool>());
        Assert.Equal(1, report["unreadFiles"]!.GetValue<int>());
        var failed = report["files"]!.AsArray().Single(f => f!["file"]!.GetValue<string>() == missing)!;
        Assert.NotNull(failed["error"]);
        Assert.StartsWith(missing + ": error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Stdin_NeedsFromAndReadsIt()
    {
        var bytes = Encoding.UTF8.GetBytes(BadDoiLine() + "\n");

        var result = await Scholarly.RunAsync(["validate", "-", "--from", "jsonl"], bytes, Scholarly.Token);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"<stdin>:1: error {BadDoi}: record 1 at /doi: ", result.Stdout, StringComparison.Ordinal);
    }
}
