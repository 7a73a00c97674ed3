using System.Globalization;
using System.Net;
using System.Text;
using ScholarlyRecord.Clients;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>
/// <see cref="CrossrefClient"/> against a local server replaying recorded responses. Time is fake: no test sleeps;
/// waits are observed as timers created on the time provider and released by advancing it.
/// </summary>
public sealed class CrossrefClientTests : IAsyncDisposable
{
    // A guard against a hung test only; nothing asserts how long anything takes.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(100);
    private static readonly Doi ShoulderDoi = Doi.Parse("10.1007/978-3-662-46370-3_13");

    private readonly CrossrefTestServer _server = new();
    private readonly WatchedTime _time = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Recorded(string name) => File.ReadAllText(Fixtures.TestData("real", "crossref", name), Encoding.UTF8);

    private static string ShoulderJson => Recorded("crossref-work-book-chapter-10.1007_978-3-662-46370-3_13.json");

    private CrossrefClient Client(CrossrefClientOptions? options = null) =>
        new(_http, (options ?? new CrossrefClientOptions()) with { BaseAddress = _server.BaseAddress, ContactEmail = "test@example.org", Timeout = AttemptTimeout }, _time);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetChapterAsync_RecordedChapter_IsFound()
    {
        _server.Reply(HttpStatusCode.OK, ShoulderJson);
        var result = await Client().GetChapterAsync(ShoulderDoi, Token).WaitAsync(Guard, Token);
        Assert.Equal(CrossrefStatus.Found, result.Status);
        Assert.Equal(Crossref.Read(ShoulderJson).Chapters[0], result.Chapter);
        Assert.Equal(HttpStatusCode.OK, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task GetChapterAsync_Request_HasEncodedDoiPathAndPoliteUserAgent()
    {
        _server.Reply(HttpStatusCode.OK, ShoulderJson);
        var client = Client();
        await client.GetChapterAsync(ShoulderDoi, Token).WaitAsync(Guard, Token);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/works/10.1007%2F978-3-662-46370-3_13", request.RawUrl);
        Assert.Equal("ScholarlyRecord/0.1 (mailto:test@example.org)", request.UserAgent);
        Assert.Equal(client.UserAgent, request.UserAgent);
        Assert.Equal("application/json", request.Accept);
    }

    [Fact]
    public async Task GetChapterAsync_Status404_IsNotFound()
    {
        _server.Reply(HttpStatusCode.NotFound, "Resource not found.");
        var result = await Client().GetChapterAsync(Doi.Parse("10.5555/missing"), Token).WaitAsync(Guard, Token);
        Assert.Equal(CrossrefStatus.NotFound, result.Status);
        Assert.Null(result.Chapter);
        Assert.Equal(HttpStatusCode.NotFound, result.HttpStatus);
        Assert.Equal(CrossrefCodes.NotFound, Assert.Single(result.Diagnostics).Code);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GetChapterAsync_JournalArticle_IsNotAChapter()
    {
        _server.Reply(HttpStatusCode.OK, Recorded("crossref-work-journal-article-10.7554_elife.01567.json"));
        var result = await Client().GetChapterAsync(Doi.Parse("10.7554/elife.01567"), Token).WaitAsync(Guard, Token);
        Assert.Equal(CrossrefStatus.NotAChapter, result.Status);
        Assert.Null(result.Chapter);
        Assert.Equal(CrossrefCodes.NotAChapter, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task GetChapterAsync_Status429WithRetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        _server.Reply(HttpStatusCode.TooManyRequests, "", ("Retry-After", "2")).Reply(HttpStatusCode.OK, ShoulderJson);
        var call = Client().GetChapterAsync(ShoulderDoi, Token);

        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(2), Token).WaitAsync(Guard, Token);
        Assert.False(call.IsCompleted);
        _time.Fake.Advance(TimeSpan.FromSeconds(2));
        var result = await call.WaitAsync(Guard, Token);

        Assert.Equal(CrossrefStatus.Found, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal([AttemptTimeout, TimeSpan.FromSeconds(2), AttemptTimeout], _time.TimersCreated);
    }

    [Fact]
    public async Task GetChapterAsync_RetryAfterHttpDate_WaitsUntilThatDate()
    {
        var until = _time.GetUtcNow().AddSeconds(5);
        _server.Reply(HttpStatusCode.ServiceUnavailable, "", ("Retry-After", until.ToString("R", CultureInfo.InvariantCulture))).Reply(HttpStatusCode.OK, ShoulderJson);
        var call = Client().GetChapterAsync(ShoulderDoi, Token);

        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(5), Token).WaitAsync(Guard, Token);
        _time.Fake.Advance(TimeSpan.FromSeconds(5));
        var result = await call.WaitAsync(Guard, Token);

        Assert.Equal(CrossrefStatus.Found, result.Status);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task GetChapterAsync_Status503Throughout_FailsAfterMaxRetriesPlusOneAttempts()
    {
        for (var i = 0; i < 3; i++) _server.Reply(HttpStatusCode.ServiceUnavailable, "", ("Retry-After", "1"));
        var call = Client(new CrossrefClientOptions { MaxRetries = 2 }).GetChapterAsync(ShoulderDoi, Token);
        for (var i = 0; i < 2; i++)
        {
            await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1), Token).WaitAsync(Guard, Token);
            _time.Fake.Advance(TimeSpan.FromSeconds(1));
        }

        var result = await call.WaitAsync(Guard, Token);
        Assert.Equal(CrossrefStatus.Failed, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.HttpStatus);
        Assert.Equal(CrossrefCodes.RetriesExhausted, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task GetChapterAsync_RetryWithoutRetryAfter_BacksOffExponentially()
    {
        _server.Reply(HttpStatusCode.BadGateway).Reply(HttpStatusCode.GatewayTimeout).Reply(HttpStatusCode.OK, ShoulderJson);
        var call = Client(new CrossrefClientOptions { InitialRetryDelay = TimeSpan.FromSeconds(3) }).GetChapterAsync(ShoulderDoi, Token);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(3), Token).WaitAsync(Guard, Token);
        _time.Fake.Advance(TimeSpan.FromSeconds(3));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(6), Token).WaitAsync(Guard, Token);
        _time.Fake.Advance(TimeSpan.FromSeconds(6));
        var result = await call.WaitAsync(Guard, Token);
        Assert.Equal(CrossrefStatus.Found, result.Status);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task GetChapterAsync_RetryAfterBeyondMaxRetryDelay_FailsWithoutWaiting()
    {
        _server.Reply(HttpStatusCode.TooManyRequests, "", ("Retry-After", "120"));
        var result = await Client(new CrossrefClientOptions { MaxRetryDelay = TimeSpan.FromSeconds(60) }).GetChapterAsync(ShoulderDoi, Token).WaitAsync(Guard, Token);
        Assert.Equal(CrossrefStatus.Failed, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(CrossrefCodes.RetryDelayTooLong, Assert.Single(result.Diagnostics).Code);
        Assert.Equal([AttemptTimeout], _time.TimersCreated);
    }

    [Fact]
    public async Task GetChapterAsync_ServerNeverAnswers_FailsWithTimeout()
    {
        _server.NeverAnswer();
        var call = Client().GetChapterAsync(ShoulderDoi, Token);
        await _server.NextArrivalAsync(Token).AsTask().WaitAsync(Guard, Token);
        _time.Fake.Advance(AttemptTimeout + TimeSpan.FromSeconds(1));
        var result = await call.WaitAsync(Guard, Token);
        Assert.Equal(CrossrefStatus.Failed, result.Status);
        Assert.Null(result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(CrossrefCodes.Timeout, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task GetChapterAsync_MalformedBody_FailsWithTheReaderDiagnostic()
    {
        _server.Reply(HttpStatusCode.OK, "{\"status\":\"ok\",\"message-type\":\"work\",\"message\":{\"DOI\":");
        var result = await Client().GetChapterAsync(ShoulderDoi, Token).WaitAsync(Guard, Token);
        Assert.Equal(CrossrefStatus.Failed, result.Status);
        Assert.Equal(HttpStatusCode.OK, result.HttpStatus);
        Assert.Equal([CrossrefCodes.MalformedJson, CrossrefCodes.NoChapterInResponse], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public async Task GetChapterAsync_Status500_FailsWithoutRetry()
    {
        _server.Reply(HttpStatusCode.InternalServerError);
        var result = await Client().GetChapterAsync(ShoulderDoi, Token).WaitAsync(Guard, Token);
        Assert.Equal(CrossrefStatus.Failed, result.Status);
        Assert.Equal(CrossrefCodes.HttpError, Assert.Single(result.Diagnostics).Code);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GetChapterAsync_CallerCancelsWhileWaitingForTheServer_Throws()
    {
        _server.NeverAnswer();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var call = Client().GetChapterAsync(ShoulderDoi, cancel.Token);
        await _server.NextArrivalAsync(Token).AsTask().WaitAsync(Guard, Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Guard, Token));
    }

    [Fact]
    public async Task GetChapterAsync_CallerCancelsDuringBackOff_Throws()
    {
        _server.Reply(HttpStatusCode.TooManyRequests, "", ("Retry-After", "30"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var call = Client().GetChapterAsync(ShoulderDoi, cancel.Token);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(30), Token).WaitAsync(Guard, Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Guard, Token));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GetChapterAsync_AlreadyCancelled_ThrowsWithoutARequest()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().GetChapterAsync(ShoulderDoi, cancel.Token));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        var options = new CrossrefClientOptions();
        Assert.Null(options.ContactEmail);
        Assert.Equal(new Uri("https://api.crossref.org/"), options.BaseAddress);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.InitialRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
    }

    [Fact]
    public void Constructor_WithoutContact_SendsProductOnly() =>
        Assert.Equal("ScholarlyRecord/0.1", new CrossrefClient(_http).UserAgent);

    [Theory]
    [InlineData(-1, 30, "a@b.org")]
    [InlineData(3, 0, "a@b.org")]
    [InlineData(3, 30, "a@b.org\r\nX-Evil: 1")]
    public void Constructor_BadOptions_Throw(int retries, int timeoutSeconds, string email) =>
        Assert.ThrowsAny<ArgumentException>(() => new CrossrefClient(_http, new CrossrefClientOptions
        {
            MaxRetries = retries,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            ContactEmail = email,
        }));

    [Fact]
    public async Task GetChapterAsync_DefaultDoi_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Client().GetChapterAsync(default, Token));
}
