using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ScholarlyRecord.Cli.Tests.Support;

/// <summary>What the local server was asked.</summary>
public sealed record SeenRequest(string RawUrl, string? UserAgent);

/// <summary>
/// An HTTP server on 127.0.0.1 that answers <c>GET /works/{doi}</c> from a table of recorded Crossref responses
/// (404 for a DOI it does not know). Nothing leaves the machine.
/// </summary>
public sealed class LocalCrossref : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, (HttpStatusCode Status, string Body)> _works = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private readonly Task _loop;

    public LocalCrossref()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseAddress);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseAddress { get; }

    public IReadOnlyList<SeenRequest> Requests => [.. _seen];

    /// <summary>Answers requests for <paramref name="doi"/> with <paramref name="body"/>.</summary>
    public LocalCrossref Work(string doi, string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _works[doi] = (status, body);
        return this;
    }

    /// <summary>Answers requests for <paramref name="doi"/> with a recorded response from the real files.</summary>
    public LocalCrossref Recorded(string doi, string file) => Work(doi, File.ReadAllText(TestFiles.Real("crossref", file), Encoding.UTF8));

    private async Task ServeAsync()
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

            var raw = context.Request.RawUrl ?? "";
            _seen.Enqueue(new SeenRequest(raw, context.Request.UserAgent));
            var doi = raw.StartsWith("/works/", StringComparison.Ordinal) ? Uri.UnescapeDataString(raw["/works/".Length..]) : "";
            var (status, body) = _works.TryGetValue(doi, out var known) ? known : (HttpStatusCode.NotFound, "Resource not found.");
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json;charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
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
