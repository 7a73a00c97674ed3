namespace ScholarlyRecord.Formats;

/// <summary>
/// The stable diagnostic codes of the CSL-JSON reader. docs/formats-csl.md lists them one line each.
/// </summary>
public static class CslJsonCodes
{
    /// <summary>The text is not well-formed JSON at the reported position; items before it are kept.</summary>
    public const string JsonSyntax = "CSL_JSON_SYNTAX";

    /// <summary>The root is neither an array of items nor a single item object.</summary>
    public const string Root = "CSL_ROOT";

    /// <summary>An array element is not an object; that element is skipped.</summary>
    public const string ItemNotObject = "CSL_ITEM_NOT_OBJECT";

    /// <summary>The item's <c>type</c> is not <c>chapter</c> (or is missing); the item is skipped.</summary>
    public const string SkippedType = "CSL_SKIPPED_TYPE";

    /// <summary>A chapter item has no usable <c>title</c>; the item is skipped.</summary>
    public const string MissingTitle = "CSL_MISSING_TITLE";

    /// <summary>A mapped variable has the wrong JSON type; its raw value is kept as an extra field.</summary>
    public const string FieldType = "CSL_FIELD_TYPE";

    /// <summary>A name entry is not an object with at least one name part; that name is dropped.</summary>
    public const string BadName = "CSL_BAD_NAME";

    /// <summary><c>issued</c> is malformed or holds no parsable date; its raw value is kept as an extra field.</summary>
    public const string BadDate = "CSL_BAD_DATE";

    /// <summary><c>page</c> does not parse as a page range; its raw value is kept as an extra field.</summary>
    public const string BadPages = "CSL_BAD_PAGES";

    /// <summary><c>DOI</c> is not a valid DOI; its raw value is kept as an extra field.</summary>
    public const string BadDoi = "CSL_BAD_DOI";

    /// <summary>A part of <c>ISBN</c> is not a valid ISBN; the raw value is kept as an extra field.</summary>
    public const string BadIsbn = "CSL_BAD_ISBN";

    /// <summary>A part of <c>ISSN</c> is not a valid ISSN; the raw value is kept as an extra field.</summary>
    public const string BadIssn = "CSL_BAD_ISSN";
}
