using System.Net;
using ScholarlyRecord.Clients;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>
/// <see cref="CrossrefClient"/> against a local server that misbehaves (issue 16's fault list): an oversized body, a
/// redirect loop, a body that stalls, a truncated body. Each ends as a Failed result whose message names the DOI; nothing
/// is buffered without bound. Time is fake (see <see cref="CrossrefClientTests"/>): nothing asserts how long anything takes.
/// </summary>
public sealed class CrossrefClientFaultTests : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(100);
    private static readonly Doi Doi = Doi.Parse("10.1007/978-3-662-46370-3_13");

    private readonly CrossrefTestServer _server = new();
    private readonly WatchedTime _time = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private CrossrefClient Client() =>
        new(_http, new CrossrefClientOptions { BaseAddress = _server.BaseAddress, Timeout = AttemptTimeout }, _time);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_50_MB_body_fails_naming_the_DOI_without_being_read_whole(bool announceLength)
    {
        _server.ReplyLarge(50L * 1024 * 1024, announceLength);

        var result = await Client().GetChapterAsync(Doi, Token).WaitAsync(Guard, Token);

        Assert.Equal(CrossrefStatus.Failed, result.Status);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(CrossrefCodes.HttpError, diagnostic.Code);
        Assert.Contains("10.1007/978-3-662-46370-3_13", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("longer than", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read()
    {
        _server.ReplyLarge(CrossrefClient.MaxBodyBytes, announceLength: false);

        var result = await Client().GetChapterAsync(Doi, Token).WaitAsync(Guard, Token);

        // Sixteen mebibytes of spaces: read whole, then found to hold no JSON value.
        Assert.Equal(CrossrefStatus.Failed, result.Status);
        Assert.Equal(CrossrefCodes.MalformedJson, result.Diagnostics[0].Code);
    }

    [Fact]
    public async Task A_redirect_loop_ends_as_a_failed_result_naming_the_DOI()
    {
        var location = new Uri(_server.BaseAddress, "works/10.1007%2F978-3-662-46370-3_13").AbsoluteUri;
        for (var i = 0; i < 60; i++) _server.Reply(HttpStatusCode.Found, "", ("Location", location));

        var result = await Client().GetChapterAsync(Doi, Token).WaitAsync(Guard, Token);

        Assert.Equal(CrossrefStatus.Failed, result.Status);
        Assert.Equal(HttpStatusCode.Found, result.HttpStatus);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(CrossrefCodes.HttpError, diagnostic.Code);
        Assert.Contains("10.1007/978-3-662-46370-3_13", diagnostic.Message, StringComparison.Ordinal);
        // HttpClient's default limit: the first request and 50 redirects; the client does not retry a 3xx.
        Assert.Equal(51, _server.Requests.Count);
    }

    [Fact]
    public async Task A_body_that_stalls_is_cut_by_the_attempt_timeout()
    {
        _server.ReplyThenStall("{\"status\":\"ok\",\"message\":{");
        var call = Client().GetChapterAsync(Doi, Token);
        await _server.NextArrivalAsync(Token).AsTask().WaitAsync(Guard, Token);
        // Let the headers arrive and the client start reading the body before time moves.
        await Task.Delay(200, Token);
        _time.Fake.Advance(AttemptTimeout + TimeSpan.FromSeconds(1));

        var result = await call.WaitAsync(Guard, Token);

        Assert.Equal(CrossrefStatus.Failed, result.Status);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(CrossrefCodes.Timeout, diagnostic.Code);
        Assert.Contains("10.1007/978-3-662-46370-3_13", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"status\":\"ok\",\"message-type\":\"work\",\"message\":{\"type\":\"book-chapter\",\"title\":[\"T")]
    [InlineData("{\"status\":\"ok\",\"message-type\":\"work\",\"message\":{\"type\":\"book-chapter\",\"title\":[\"T\"],\"DOI\":\"10.1")]
    [InlineData("{")]
    public async Task A_truncated_body_fails_with_the_reader_diagnostic(string body)
    {
        _server.Reply(HttpStatusCode.OK, body);

        var result = await Client().GetChapterAsync(Doi, Token).WaitAsync(Guard, Token);

        Assert.Equal(CrossrefStatus.Failed, result.Status);
        Assert.Equal(CrossrefCodes.MalformedJson, result.Diagnostics[0].Code);
    }
}
