namespace ScholarlyRecord.Formats;

/// <summary>
/// The stable diagnostic codes of the CSL-JSON reader: <c>CSL1xx</c> input that cannot be read, <c>CSL2xx</c> values
/// kept as written (as extra fields), <c>CSL3xx</c> information. Each is in <see cref="DiagnosticCatalogue"/> and
/// docs/diagnostics.md.
/// </summary>
public static class CslJsonCodes
{
    /// <summary>The text is not well-formed JSON at the reported position; items before it are kept.</summary>
    public const string MalformedJson = "CSL101";

    /// <summary>The root is neither an array of items nor a single item object.</summary>
    public const string InvalidRoot = "CSL102";

    /// <summary>An array element is not an object; that element is skipped.</summary>
    public const string ItemNotAnObject = "CSL103";

    /// <summary>A chapter item has no usable <c>title</c>; the item is skipped.</summary>
    public const string MissingTitle = "CSL104";

    /// <summary>
    /// An item nests arrays and objects deeper than <see cref="CslJsonReadOptions.MaxDepth"/> (reported where the limit
    /// is passed); that item is skipped and the items after it are read.
    /// </summary>
    public const string NestingTooDeep = "CSL105";

    /// <summary>A mapped variable has the wrong JSON type; its raw value is kept as an extra field.</summary>
    public const string UnexpectedValue = "CSL201";

    /// <summary>A name entry is not an object with at least one name part; that name is dropped.</summary>
    public const string InvalidName = "CSL202";

    /// <summary>
    /// An item has more names (all name variables together) than <see cref="CslJsonReadOptions.MaxNames"/>; the names
    /// past the limit are dropped and the item is read.
    /// </summary>
    public const string TooManyNames = "CSL208";

    /// <summary><c>issued</c> is malformed or holds no parsable date; its raw value is kept as an extra field.</summary>
    public const string InvalidDate = "CSL203";

    /// <summary><c>page</c> does not parse as a page range; its raw value is kept as an extra field.</summary>
    public const string InvalidPages = "CSL204";

    /// <summary><c>DOI</c> is not a valid DOI; its raw value is kept as an extra field.</summary>
    public const string InvalidDoi = "CSL205";

    /// <summary>A part of <c>ISBN</c> is not a valid ISBN; the raw value is kept as an extra field.</summary>
    public const string InvalidIsbn = "CSL206";

    /// <summary>A part of <c>ISSN</c> is not a valid ISSN; the raw value is kept as an extra field.</summary>
    public const string InvalidIssn = "CSL207";

    /// <summary>The item's <c>type</c> is not <c>chapter</c> (or is missing); the item is skipped.</summary>
    public const string NotAChapter = "CSL301";
}
