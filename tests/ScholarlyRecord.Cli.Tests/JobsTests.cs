using System.Text;
using ScholarlyRecord.Cli.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Cli.Tests;

/// <summary>
/// <c>--jobs N</c> on <c>validate</c> and <c>convert</c>: the records are read on a thread of their own and (for validate)
/// checked on several, yet standard output and standard error are byte for byte those of <c>--jobs 1</c>, on every real
/// file and on a generated file long enough to fill the bounded channel many times over.
/// </summary>
public sealed class JobsTests
{
    public static TheoryData<string> RealFiles() => [.. TestFiles.RealFiles()];

    [Theory]
    [MemberData(nameof(RealFiles))]
    public async Task Validate_RealFile_JobsFourReportsExactlyAsJobsOne(string file)
    {
        var path = TestFiles.Real(file);
        var from = TestFiles.FormatOfFolder(Path.GetDirectoryName(file)!);
        foreach (var format in new[] { "text", "json" })
        {
            var one = await Scholarly.RunAsync(["validate", path, "--from", from, "--format", format, "--jobs", "1"], cancellationToken: Scholarly.Token);
            var four = await Scholarly.RunAsync(["validate", path, "--from", from, "--format", format, "--jobs", "4"], cancellationToken: Scholarly.Token);

            Assert.True(one.StdoutBytes.Length > 0, one.ToString());
            Assert.Equal(one.ExitCode, four.ExitCode);
            Assert.Equal(one.Stdout, four.Stdout);
            Assert.Equal(one.Stderr, four.Stderr);
        }
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public async Task Convert_RealFile_JobsFourWritesExactlyAsJobsOne(string file)
    {
        var path = TestFiles.Real(file);
        var from = TestFiles.FormatOfFolder(Path.GetDirectoryName(file)!);
        foreach (var to in new[] { "jsonl", "bibtex", "csljson" })
        {
            var one = await Scholarly.RunAsync(["convert", path, "--from", from, "--to", to, "--jobs", "1"], cancellationToken: Scholarly.Token);
            var four = await Scholarly.RunAsync(["convert", path, "--from", from, "--to", to, "--jobs", "4"], cancellationToken: Scholarly.Token);

            Assert.Equal(one.ExitCode, four.ExitCode);
            Assert.Equal(one.StdoutBytes, four.StdoutBytes);
            Assert.Equal(one.Stderr, four.Stderr);
        }
    }

    [Fact]
    public async Task Validate_ManyRecordsWithScatteredErrors_KeepsTheIssuesInRecordOrder()
    {
        // 600 records, every seventh with a DOI the schema rejects: many more than the channel holds (two batches of 32 per job), so the
        // reader runs ahead of the report while several workers check chapters, and the report must keep the order.
        var good = Library.Write("jsonl", [Library.Haslam]).TrimEnd('\n');
        var badDoi = good.Replace("\"doi\":\"10.1007/978-1-349-05679-8_7\"", "\"doi\":\"11.1007/nope\"", StringComparison.Ordinal);
        var lines = new StringBuilder();
        var expectedBad = new List<int>();
        for (var record = 1; record <= 600; record++)
        {
            var line = record % 7 == 0 ? badDoi : good;
            if (record % 7 == 0) expectedBad.Add(record);
            lines.Append(line).Append('\n');
        }
        using var temp = new TestFiles.TempFolder();
        var file = temp.File("many.jsonl", lines.ToString());

        var one = await Scholarly.RunAsync(["validate", file, "--jobs", "1"], cancellationToken: Scholarly.Token);
        var four = await Scholarly.RunAsync(["validate", file, "--jobs", "4"], cancellationToken: Scholarly.Token);

        Assert.Equal(1, four.ExitCode);
        Assert.Equal(one.Stdout, four.Stdout);
        Assert.Equal(one.Stderr, four.Stderr);
        var reported = four.Stdout.Split('\n')
            .Where(l => l.Contains(" error SR0020: record ", StringComparison.Ordinal))
            .Select(l => int.Parse(l.Split(" error SR0020: record ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(expectedBad, reported);
    }

    [Fact]
    public async Task Convert_ManyRecords_JobsTwoKeepsTheOrder()
    {
        var chapters = Enumerable.Range(1, 500).Select(i => Library.Haslam with { Title = $"Chapter {i}" }).ToList();
        using var temp = new TestFiles.TempFolder();
        var file = temp.File("many.jsonl", Library.Write("jsonl", chapters));

        var two = await Scholarly.RunAsync(["convert", file, "--to", "jsonl", "--jobs", "2"], cancellationToken: Scholarly.Token);

        Assert.True(two.ExitCode == 0, two.ToString());
        var titles = Library.Read("jsonl", two.Stdout).Chapters.Select(c => c.Title).ToList();
        Assert.Equal(chapters.Select(c => c.Title), titles);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("257")]
    public async Task Jobs_OutOfRange_IsAUsageError(string jobs)
    {
        var result = await Scholarly.RunAsync(["validate", TestFiles.Haslam, "--jobs", jobs], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--jobs takes a number from 1 to 256", result.Stderr, StringComparison.Ordinal);
    }
}
