using ScholarlyRecord.Clients;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The stable diagnostic codes of the Crossref reader and client (listed one per line in docs/formats-crossref.md).
/// <c>CR1xx</c> are errors (a work or the whole input is not read), <c>CR2xx</c> warnings (a value is dropped from
/// its model slot but kept as an extra field), <c>CR3xx</c> information, <c>CR4xx</c> the live client's failures.
/// </summary>
/// <remarks>
/// Reader diagnostics carry the 1-based line and column where the work concerned starts in the text (for
/// <see cref="MalformedJson"/>, the place the JSON parser stopped); client diagnostics carry line and column 0.
/// </remarks>
public static class CrossrefCodes
{
    /// <summary>Error: the input is not well-formed JSON (reported where the parser stopped); nothing is read.</summary>
    public const string MalformedJson = "CR101";

    /// <summary>Error: the JSON is not a Crossref work, a work list or a bare work object (wrong <c>message-type</c>, no object).</summary>
    public const string NotAWork = "CR102";

    /// <summary>Error: a work list holds no works (an empty or missing <c>items</c> array).</summary>
    public const string EmptyWorkList = "CR103";

    /// <summary>Error: a book chapter has no title (missing, empty array or only empty strings); the work is not read.</summary>
    public const string MissingTitle = "CR104";

    /// <summary>Error: an element of a work list's <c>items</c> is not a JSON object; it is skipped.</summary>
    public const string WorkNotAnObject = "CR105";

    /// <summary>Error: a work nests arrays and objects deeper than <see cref="CrossrefReadOptions.MaxDepth"/>; that work is skipped, the other works of a list are read.</summary>
    public const string NestingTooDeep = "CR106";

    /// <summary>Warning: the <c>DOI</c> of the work or of one of its references is not a valid DOI; kept as an extra (a reference keeps its text).</summary>
    public const string InvalidDoi = "CR201";

    /// <summary>Warning: an ISBN (from <c>ISBN</c> or <c>isbn-type</c>) fails its check digit or syntax; kept as the extra <c>crossref:ISBN</c>.</summary>
    public const string InvalidIsbn = "CR202";

    /// <summary>Warning: an ISSN (from <c>ISSN</c> or <c>issn-type</c>) is not valid; kept as the extra <c>crossref:ISSN</c>.</summary>
    public const string InvalidIssn = "CR203";

    /// <summary>Warning: a contributor's <c>ORCID</c> is not a valid ORCID iD; the contributor is kept without it, the value as the extra <c>crossref:ORCID</c>.</summary>
    public const string InvalidOrcid = "CR204";

    /// <summary>Warning: a date object (<c>issued</c>, <c>published-print</c>, <c>indexed</c>…) is malformed; kept as an extra with its raw JSON.</summary>
    public const string InvalidDate = "CR205";

    /// <summary>Warning: <c>page</c> is not a page or page range; kept as the extra <c>crossref:page</c>.</summary>
    public const string InvalidPages = "CR206";

    /// <summary>Warning: the JATS abstract is not well-formed XML; its tags were stripped and the text kept as the abstract.</summary>
    public const string MalformedAbstract = "CR207";

    /// <summary>Warning: the abstract holds a document type or entity declaration, which is refused; the raw abstract is kept as the extra <c>crossref:abstract</c>.</summary>
    public const string AbstractDtdProhibited = "CR208";

    /// <summary>Warning: a key holds a JSON value of an unexpected kind (a number for a title, an object for a DOI); kept as an extra with its raw JSON.</summary>
    public const string UnexpectedValue = "CR209";

    /// <summary>Warning: a contributor has no name at all (no <c>family</c>, <c>given</c> or <c>name</c>); kept as the extra <c>crossref:author</c>/<c>crossref:editor</c>.</summary>
    public const string UnnamedContributor = "CR210";

    /// <summary>Warning: a work has more names than <see cref="CrossrefReadOptions.MaxNames"/>; the names past the limit are dropped and the work is read.</summary>
    public const string TooManyNames = "CR211";

    /// <summary>Info: a work that is not a <c>book-chapter</c> (a journal article, a monograph, a book…) was skipped.</summary>
    public const string NotAChapter = "CR301";

    /// <summary>Info: a book chapter has several container titles and nothing marks one as the series; the first was taken as the book.</summary>
    public const string AmbiguousContainerTitle = "CR302";

    /// <summary>Client: the DOI is not registered with Crossref (HTTP 404).</summary>
    public const string NotFound = "CR401";

    /// <summary>Client: the server answered with an HTTP status that is neither success, 404 nor retryable.</summary>
    public const string HttpError = "CR402";

    /// <summary>Client: every attempt got a retryable answer (429, 502, 503, 504) or a transport error; the client gave up.</summary>
    public const string RetriesExhausted = "CR403";

    /// <summary>Client: the server asked (with <c>Retry-After</c>) for a longer wait than <see cref="CrossrefClientOptions.MaxRetryDelay"/> allows.</summary>
    public const string RetryDelayTooLong = "CR404";

    /// <summary>Client: an attempt did not complete within <see cref="CrossrefClientOptions.Timeout"/>.</summary>
    public const string Timeout = "CR405";

    /// <summary>Client: the response body was read but held no book chapter and no other work (see the reader's diagnostics).</summary>
    public const string NoChapterInResponse = "CR406";
}
