using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>What the test server saw of one request.</summary>
internal sealed record RecordedRequest(string RawUrl, string? UserAgent, string? Accept);

/// <summary>
/// A local HTTP server on 127.0.0.1 (a free port) that answers each request with the next queued reply: the
/// recorded Crossref responses and the failure cases. Nothing leaves the machine.
/// </summary>
internal sealed class CrossrefTestServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Func<HttpListenerContext, Task>> _replies = new();
    private readonly ConcurrentQueue<RecordedRequest> _seen = new();
    private readonly Channel<RecordedRequest> _arrivals = Channel.CreateUnbounded<RecordedRequest>();
    private readonly Task _loop;

    public CrossrefTestServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _seen];

    /// <summary>Waits until the next request has arrived.</summary>
    public ValueTask<RecordedRequest> NextArrivalAsync(CancellationToken cancellationToken) => _arrivals.Reader.ReadAsync(cancellationToken);

    public CrossrefTestServer Reply(HttpStatusCode status, string body = "", params (string Name, string Value)[] headers)
    {
        _replies.Enqueue(async context =>
        {
            var response = context.Response;
            response.StatusCode = (int)status;
            foreach (var (name, value) in headers) response.Headers[name] = value;
            var bytes = Encoding.UTF8.GetBytes(body);
            response.ContentType = "application/json;charset=utf-8";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        });
        return this;
    }

    /// <summary>Answers with a body of <paramref name="length"/> bytes sent in 64 KiB writes, with or without Content-Length.</summary>
    public CrossrefTestServer ReplyLarge(long length, bool announceLength)
    {
        _replies.Enqueue(async context =>
        {
            var response = context.Response;
            response.StatusCode = 200;
            response.ContentType = "application/json;charset=utf-8";
            if (announceLength) response.ContentLength64 = length;
            else response.SendChunked = true;
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            try
            {
                for (long sent = 0; sent < length; sent += chunk.Length)
                {
                    await response.OutputStream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
                }
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client stopped reading and closed the connection: what a bounded reader does.
            }
        });
        return this;
    }

    /// <summary>Sends the headers and the first bytes of a body that is announced longer, then stalls.</summary>
    public CrossrefTestServer ReplyThenStall(string start)
    {
        _replies.Enqueue(async context =>
        {
            var response = context.Response;
            response.StatusCode = 200;
            response.ContentType = "application/json;charset=utf-8";
            var bytes = Encoding.UTF8.GetBytes(start);
            response.ContentLength64 = bytes.Length + 1000;
            await response.OutputStream.WriteAsync(bytes);
            await response.OutputStream.FlushAsync();
        });
        return this;
    }

    /// <summary>Receives the request and never answers it.</summary>
    public CrossrefTestServer NeverAnswer()
    {
        _replies.Enqueue(_ => Task.CompletedTask);
        return this;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = new RecordedRequest(context.Request.RawUrl ?? "", context.Request.UserAgent, context.Request.Headers["Accept"]);
            _seen.Enqueue(request);
            if (_replies.TryDequeue(out var reply)) _ = reply(context);
            else
            {
                context.Response.StatusCode = 500;
                context.Response.Close();
            }

            _arrivals.Writer.TryWrite(request);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Abort();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }
}

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports every timer created on it (Task.Delay and timeout sources
/// create one each), so a test can wait for the client to start waiting and see how long it asked to wait.
/// </summary>
internal sealed class WatchedTime : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();
    private readonly ConcurrentQueue<TimeSpan> _all = new();

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The due time of every timer created so far, in order.</summary>
    public IReadOnlyList<TimeSpan> TimersCreated => [.. _all];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _all.Enqueue(dueTime);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer due after exactly <paramref name="dueTime"/> has been created.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime, CancellationToken cancellationToken)
    {
        while (await _timers.Reader.ReadAsync(cancellationToken) != dueTime)
        {
        }
    }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;
}
