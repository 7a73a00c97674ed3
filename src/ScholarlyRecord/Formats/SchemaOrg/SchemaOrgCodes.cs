namespace ScholarlyRecord.Formats;

/// <summary>
/// The stable diagnostic codes of the schema.org JSON-LD reader: <c>SDO1xx</c> input that cannot be read,
/// <c>SDO2xx</c> values left out, <c>SDO3xx</c> information. Each is in <see cref="DiagnosticCatalogue"/> and
/// docs/diagnostics.md.
/// </summary>
public static class SchemaOrgCodes
{
    /// <summary>The input is not JSON (at the place the JSON parser stopped).</summary>
    public const string MalformedJson = "SDO101";

    /// <summary>The document holds no JSON-LD node at all.</summary>
    public const string NoNodes = "SDO102";

    /// <summary>A Chapter node has neither <c>name</c> nor <c>headline</c>; it is skipped.</summary>
    public const string MissingTitle = "SDO103";

    /// <summary>The document nests arrays and objects deeper than <see cref="SchemaOrgReadOptions.MaxDepth"/>; nothing of it is read.</summary>
    public const string NestingTooDeep = "SDO104";

    /// <summary>An identifier (DOI, ISBN, ISSN, ORCID iD) does not parse; it is left out.</summary>
    public const string InvalidIdentifier = "SDO201";

    /// <summary>A date, page range, price or count does not parse; it is left out.</summary>
    public const string InvalidValue = "SDO202";

    /// <summary>A chapter has more names than <see cref="SchemaOrgReadOptions.MaxNames"/>; the names past the limit are dropped and the chapter is read.</summary>
    public const string TooManyNames = "SDO203";

    /// <summary>A node that is not a chapter (<c>Book</c>, <c>WebSite</c>, ...) was skipped.</summary>
    public const string NotAChapter = "SDO301";
}
