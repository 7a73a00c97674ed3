using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Clients;

/// <summary>
/// Looks book chapters up in the Crossref REST API (<c>GET /works/{doi}</c>) and reads them with <see cref="Crossref"/>.
/// </summary>
/// <remarks>
/// <para>
/// Outcomes are data (<see cref="CrossrefResult"/>): 404 is <see cref="CrossrefStatus.NotFound"/>, a work of another
/// type <see cref="CrossrefStatus.NotAChapter"/>, and a timeout, an unexpected status (a redirect loop ends as its last 3xx), exhausted retries, a body over 16 MiB or a
/// malformed body <see cref="CrossrefStatus.Failed"/> with a diagnostic. Only the caller's own cancellation throws
/// (<see cref="OperationCanceledException"/>).
/// </para>
/// <para>
/// HTTP 429, 502, 503 and 504 and transport errors are retried up to <see cref="CrossrefClientOptions.MaxRetries"/>
/// times, after the delay the server's <c>Retry-After</c> asks for (seconds or an HTTP date) or else an exponential
/// back-off; all waiting and timeouts go through the <see cref="TimeProvider"/>. A timeout is not retried.
/// </para>
/// <para>The client is thread-safe; it does not own the <see cref="HttpClient"/> and does not dispose it.</para>
/// </remarks>
public sealed class CrossrefClient
{
    /// <summary>
    /// The largest response body read (16 MiB; a real work is a few kilobytes). A longer body fails the call with
    /// <see cref="CrossrefCodes.HttpError"/> without being held in memory.
    /// </summary>
    internal const int MaxBodyBytes = 16 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly CrossrefClientOptions _options;
    private readonly TimeProvider _time;
    private readonly Uri _works;
    private readonly string _userAgent;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">The HTTP client to send requests with (not disposed by this client).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="timeProvider">The clock for timeouts and back-off; null for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range (negative retries, a non-positive timeout, a contact e-mail with line breaks, a relative base address).</exception>
    public CrossrefClient(HttpClient httpClient, CrossrefClientOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _http = httpClient;
        _options = options ?? new CrossrefClientOptions();
        _time = timeProvider ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(_options.BaseAddress, nameof(options));
        if (!_options.BaseAddress.IsAbsoluteUri) throw new ArgumentException("The base address must be absolute.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxRetries, nameof(options));
        if (_options.Timeout <= TimeSpan.Zero) throw new ArgumentException("The timeout must be positive.", nameof(options));
        if (_options.InitialRetryDelay < TimeSpan.Zero || _options.MaxRetryDelay < TimeSpan.Zero) throw new ArgumentException("Retry delays must not be negative.", nameof(options));

        var email = _options.ContactEmail?.Trim();
        if (email is not null && email.AsSpan().IndexOfAny("\r\n()") >= 0) throw new ArgumentException("The contact e-mail must not hold line breaks or parentheses.", nameof(options));
        var version = typeof(CrossrefClient).Assembly.GetName().Version ?? new Version(0, 1);
        var product = string.Create(CultureInfo.InvariantCulture, $"ScholarlyRecord/{version.Major}.{version.Minor}");
        _userAgent = string.IsNullOrEmpty(email) ? product : $"{product} (mailto:{email})";

        var baseText = _options.BaseAddress.AbsoluteUri;
        _works = new Uri(baseText.EndsWith('/') ? baseText + "works/" : baseText + "/works/");
    }

    /// <summary>The <c>User-Agent</c> the client sends, such as <c>ScholarlyRecord/0.1 (mailto:you@example.org)</c>.</summary>
    public string UserAgent => _userAgent;

    /// <summary>Fetches the work registered for <paramref name="doi"/> and reads it as a chapter.</summary>
    /// <param name="doi">The DOI (sent percent-encoded in the path).</param>
    /// <param name="cancellationToken">Cancels the call; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="doi"/> is <c>default</c>.</exception>
    public async Task<CrossrefResult> GetChapterAsync(Doi doi, CancellationToken cancellationToken = default)
    {
        var doiText = doi.ToString();
        if (doiText.Length == 0) throw new ArgumentException("The DOI is default: it holds no value.", nameof(doi));
        var uri = new Uri(_works, Uri.EscapeDataString(doiText));

        HttpStatusCode? lastStatus = null;
        string? lastProblem = null;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan? retryAfter = null;
            using (var timeout = new CancellationTokenSource(_options.Timeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                    request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                    lastStatus = response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        var body = await ReadBoundedAsync(response.Content, linked.Token).ConfigureAwait(false);
                        if (body is null)
                        {
                            return Result(CrossrefStatus.Failed, CrossrefCodes.HttpError,
                                string.Create(CultureInfo.InvariantCulture, $"The response for {doiText} is longer than {MaxBodyBytes} bytes; it was not read."), lastStatus, attempt);
                        }
                        return FromBody(body, response.StatusCode, attempt);
                    }

                    if (response.StatusCode == HttpStatusCode.NotFound)
                    {
                        return Result(CrossrefStatus.NotFound, CrossrefCodes.NotFound, $"Crossref has no work with the DOI {doiText} (HTTP 404).", lastStatus, attempt);
                    }

                    if (!IsRetryable(response.StatusCode))
                    {
                        return Result(CrossrefStatus.Failed, CrossrefCodes.HttpError, string.Create(CultureInfo.InvariantCulture, $"Crossref answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase}) for {doiText}."), lastStatus, attempt);
                    }

                    retryAfter = RetryAfter(response.Headers.RetryAfter);
                    lastProblem = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
                {
                    return Result(CrossrefStatus.Failed, CrossrefCodes.Timeout, string.Create(CultureInfo.InvariantCulture, $"The request for {doiText} did not complete within {_options.Timeout}."), null, attempt);
                }
                catch (HttpRequestException ex)
                {
                    lastStatus = null;
                    lastProblem = ex.Message;
                }
            }

            if (attempt > _options.MaxRetries)
            {
                return Result(CrossrefStatus.Failed, CrossrefCodes.RetriesExhausted, string.Create(CultureInfo.InvariantCulture, $"Gave up on {doiText} after {attempt} attempts; the last failed with {lastProblem}."), lastStatus, attempt);
            }

            var delay = retryAfter ?? Backoff(attempt);
            if (delay > _options.MaxRetryDelay)
            {
                if (retryAfter is not null)
                {
                    return Result(CrossrefStatus.Failed, CrossrefCodes.RetryDelayTooLong, string.Create(CultureInfo.InvariantCulture, $"Crossref asked to wait {delay} before retrying {doiText}, longer than the allowed {_options.MaxRetryDelay}."), lastStatus, attempt);
                }

                delay = _options.MaxRetryDelay;
            }

            if (delay > TimeSpan.Zero) await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    // The body, or null when it is longer than MaxBodyBytes (known from Content-Length, or found while reading).
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxBodyBytes) return null;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxBodyBytes) return null;
                body.Write(buffer, 0, read);
            }
            return body.ToArray();
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header is null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var ticks = _options.InitialRetryDelay.Ticks * factor;
        return ticks >= _options.MaxRetryDelay.Ticks ? _options.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }

    private static CrossrefResult FromBody(byte[] body, HttpStatusCode status, int attempts)
    {
        var read = Crossref.ReadUtf8(body);
        if (read.Chapters.Count == 1 && read.IsSuccess)
        {
            return new CrossrefResult { Status = CrossrefStatus.Found, Chapter = read.Chapters[0], Diagnostics = read.Diagnostics, HttpStatus = status, Attempts = attempts };
        }

        var skipped = false;
        foreach (var d in read.Diagnostics) skipped |= string.Equals(d.Code, CrossrefCodes.NotAChapter, StringComparison.Ordinal);
        if (skipped && read.Chapters.Count == 0 && read.IsSuccess)
        {
            return new CrossrefResult { Status = CrossrefStatus.NotAChapter, Diagnostics = read.Diagnostics, HttpStatus = status, Attempts = attempts };
        }

        var diagnostics = new List<Diagnostic>(read.Diagnostics)
        {
            DiagnosticCatalogue.Create(CrossrefCodes.NoChapterInResponse,
                string.Create(CultureInfo.InvariantCulture, $"The response body held {read.Chapters.Count} chapters where one was expected; see the reader's diagnostics."), 0, 0),
        };
        return new CrossrefResult { Status = CrossrefStatus.Failed, Diagnostics = diagnostics, HttpStatus = status, Attempts = attempts };
    }

    private static CrossrefResult Result(CrossrefStatus status, string code, string message, HttpStatusCode? httpStatus, int attempts) =>
        new()
        {
            Status = status,
            Diagnostics = [DiagnosticCatalogue.Create(code, message, 0, 0)],
            HttpStatus = httpStatus,
            Attempts = attempts,
        };
}
