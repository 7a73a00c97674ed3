using System.Net;

namespace ScholarlyRecord.Clients;

/// <summary>What became of a <see cref="CrossrefClient.GetChapterAsync"/> call.</summary>
public enum CrossrefStatus
{
    /// <summary>The DOI is a book chapter; <see cref="CrossrefResult.Chapter"/> holds it.</summary>
    Found,

    /// <summary>Crossref does not know the DOI (HTTP 404).</summary>
    NotFound,

    /// <summary>The DOI is registered but is not a book chapter (a journal article, a book…).</summary>
    NotAChapter,

    /// <summary>The request failed: timeout, retries exhausted, an unexpected HTTP status or a malformed body.</summary>
    Failed,
}

/// <summary>The outcome of looking a DOI up with <see cref="CrossrefClient"/>: data, not an exception.</summary>
public sealed record CrossrefResult
{
    /// <summary>What happened.</summary>
    public required CrossrefStatus Status { get; init; }

    /// <summary>The chapter when <see cref="Status"/> is <see cref="CrossrefStatus.Found"/>; otherwise null.</summary>
    public Chapter? Chapter { get; init; }

    /// <summary>The reader's diagnostics about the body, then the client's own (codes <c>CR4xx</c>, line and column 0).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init => field = ValueList.From(value); } = ValueList<Diagnostic>.Empty;

    /// <summary>The HTTP status of the last response, or null when none arrived (timeout, transport error).</summary>
    public HttpStatusCode? HttpStatus { get; init; }

    /// <summary>How many requests were sent.</summary>
    public int Attempts { get; init; }
}
