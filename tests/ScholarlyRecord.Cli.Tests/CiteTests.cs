using System.Text;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Cli.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Cli.Tests;

/// <summary><c>scholarly cite</c>: the fixture's reference is the Springer page's "Cite this chapter" line.</summary>
public sealed class CiteTests
{
    [Theory]
    [InlineData("cite {fixture}")]
    [InlineData("cite {fixture} --style springer-link")]
    [InlineData("cite {fixture} -s springerlink")]
    public async Task Cite_Fixture_PrintsThePageLine(string commandLine)
    {
        string[] args = [.. commandLine.Split(' ').Select(a => a == "{fixture}" ? TestFiles.Haslam : a)];

        var result = await Scholarly.RunAsync(args, cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestFiles.PageCiteLine() + "\n", result.Stdout);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Cite_Html_PrintsTheLibrarysHtml()
    {
        var result = await Scholarly.RunAsync(["cite", TestFiles.Haslam, "--html"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Citation.FormatHtml(Library.Haslam, CitationStyle.SpringerLink) + "\n", result.Stdout);
        Assert.Contains("<a href=\"https://doi.org/10.1007/978-1-349-05679-8_7\">", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cite_SeveralChaptersFromStdin_OneLineEachInInputOrder()
    {
        var chapters = new[] { Library.Haslam, Library.Haslam with { Title = "Introduction", Doi = Doi.Parse("10.1007/978-1-349-05679-8_1") } };
        var ris = Library.Write("ris", chapters);
        var read = Library.Read("ris", ris).Chapters;

        var result = await Scholarly.RunAsync(["cite", "-", "--from", "ris"], Encoding.UTF8.GetBytes(ris), Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Concat(read.Select(c => Citation.Format(c, CitationStyle.SpringerLink) + "\n")), result.Stdout);
        Assert.Equal(2, result.Stdout.Count(c => c == '\n'));
    }

    [Theory]
    [InlineData("cite {fixture} --style apa")]
    [InlineData("cite - --style springer-link")]
    [InlineData("cite missing.json")]
    public async Task Cite_UsageOrIoProblem_ExitsTwo(string commandLine)
    {
        string[] args = [.. commandLine.Split(' ').Select(a => a == "{fixture}" ? TestFiles.Haslam : a)];
        var result = await Scholarly.RunAsync(args, cancellationToken: Scholarly.Token);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.StdoutBytes);
    }
}
