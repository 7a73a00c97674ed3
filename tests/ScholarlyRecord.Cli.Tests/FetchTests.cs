using System.Net;
using System.Text;
using ScholarlyRecord.Cli.Tests.Support;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Cli.Tests;

/// <summary><c>scholarly fetch</c> against a local server replaying recorded Crossref responses.</summary>
public sealed class FetchTests : IAsyncDisposable
{
    private const string ShoulderDoi = "10.1007/978-3-662-46370-3_13";
    private const string ShoulderFile = "crossref-work-book-chapter-10.1007_978-3-662-46370-3_13.json";
    private const string IgiDoi = "10.4018/978-1-4666-1891-6.ch004";
    private const string IgiFile = "crossref-work-book-chapter-10.4018_978-1-4666-1891-6.ch004.json";
    private const string ArticleDoi = "10.7554/eLife.01567";
    private const string ArticleFile = "crossref-work-journal-article-10.7554_elife.01567.json";

    private readonly LocalCrossref _server = new LocalCrossref()
        .Recorded(ShoulderDoi, ShoulderFile)
        .Recorded(IgiDoi, IgiFile)
        .Recorded(ArticleDoi, ArticleFile);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static Chapter RecordedChapter(string file) =>
        Assert.Single(Crossref.Read(File.ReadAllText(TestFiles.Real("crossref", file), Encoding.UTF8)).Chapters);

    [Fact]
    public async Task Fetch_TwoChapters_WritesThemAsJsonLinesInArgumentOrder()
    {
        var result = await Scholarly.RunAsync(["fetch", ShoulderDoi, IgiDoi, "--api", _server.BaseAddress, "--mailto", "me@example.org"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([RecordedChapter(ShoulderFile), RecordedChapter(IgiFile)], lines.Select(ScholarlyJson.Deserialize));
        Assert.Equal(["/works/10.1007%2F978-3-662-46370-3_13", "/works/10.4018%2F978-1-4666-1891-6.ch004"], _server.Requests.Select(r => r.RawUrl));
        Assert.All(_server.Requests, r => Assert.EndsWith("(mailto:me@example.org)", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fetch_ToBibtexFromADoiLink_WritesWhatTheLibraryWrites()
    {
        var result = await Scholarly.RunAsync(["fetch", "https://doi.org/" + ShoulderDoi, "--to", "bibtex", "--api", _server.BaseAddress], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Library.Write("bibtex", [RecordedChapter(ShoulderFile)]), result.Stdout);
    }

    [Fact]
    public async Task Fetch_NotFoundAndNotAChapter_ExitOneWithTheirCodesAndTheFoundOneIsWritten()
    {
        var result = await Scholarly.RunAsync(["fetch", "10.5555/missing", ArticleDoi, ShoulderDoi, "--api", _server.BaseAddress], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(result.StderrLines, line => line.StartsWith($"10.5555/missing: error {CrossrefCodes.NotFound}: ", StringComparison.Ordinal));
        Assert.Contains(result.StderrLines, line => line.StartsWith($"{ArticleDoi}:", StringComparison.OrdinalIgnoreCase) && line.Contains($" error {CrossrefCodes.NotAChapter}: ", StringComparison.Ordinal));
        Assert.Equal(RecordedChapter(ShoulderFile), ScholarlyJson.Deserialize(result.Stdout.Trim()));
    }

    [Fact]
    public async Task Fetch_ToJsonWhenNothingIsFound_ExitsOneAndWritesNothing()
    {
        var result = await Scholarly.RunAsync(["fetch", "10.5555/missing", "--to", "json", "--api", _server.BaseAddress], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.StdoutBytes);
        Assert.StartsWith($"10.5555/missing: error {CrossrefCodes.NotFound}: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_ServerError_ExitsTwo()
    {
        _server.Work("10.5555/broken", "oops", HttpStatusCode.InternalServerError);

        var result = await Scholarly.RunAsync(["fetch", "10.5555/broken", "--api", _server.BaseAddress], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.StdoutBytes);
        Assert.StartsWith("10.5555/broken: error CR", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fetch not-a-doi")]
    [InlineData("fetch 10.1007/x --api relative/path")]
    [InlineData("fetch 10.1007/x --to crossref")]
    public async Task Fetch_UsageProblem_ExitsTwoBeforeAnyRequest(string commandLine)
    {
        var result = await Scholarly.RunAsync(commandLine.Split(' '), cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(_server.Requests);
    }
}
