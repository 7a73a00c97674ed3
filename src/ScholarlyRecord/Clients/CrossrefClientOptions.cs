using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Clients;

/// <summary>
/// Settings of a <see cref="CrossrefClient"/>: an immutable record, changed with <c>with</c>. Every default is
/// documented on its property.
/// </summary>
public sealed record CrossrefClientOptions
{
    /// <summary>
    /// The contact e-mail address sent in the <c>User-Agent</c> header (<c>ScholarlyRecord/0.1 (mailto:…)</c>), which
    /// puts requests in Crossref's "polite pool". Default: null (no contact given; Crossref serves such requests from
    /// its public pool).
    /// </summary>
    public string? ContactEmail { get; init; }

    /// <summary>The API's base address. Default: <c>https://api.crossref.org/</c>.</summary>
    public Uri BaseAddress { get; init; } = new("https://api.crossref.org/");

    /// <summary>
    /// How many times a request is repeated after a retryable answer (HTTP 429, 502, 503, 504) or a transport error,
    /// so at most <c>MaxRetries + 1</c> attempts are made. Default: 3. Zero disables retries.
    /// </summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>
    /// The first back-off delay when the server does not send <c>Retry-After</c>; it doubles with each retry (capped at
    /// <see cref="MaxRetryDelay"/>). Default: 1 second.
    /// </summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest the client waits before a retry. A <c>Retry-After</c> asking for more ends the request with
    /// <see cref="CrossrefCodes.RetryDelayTooLong"/> instead of waiting (or of calling back sooner than asked).
    /// Default: 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The time one attempt (sending the request and reading the whole response) may take, measured by the client's
    /// <see cref="TimeProvider"/>. Default: 30 seconds. Give the <see cref="HttpClient"/> an infinite
    /// <see cref="HttpClient.Timeout"/> (or one above this) so that this one applies.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
