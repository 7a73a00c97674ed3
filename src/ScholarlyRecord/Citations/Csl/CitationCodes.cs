namespace ScholarlyRecord.Citations;

/// <summary>
/// The diagnostic codes of the citation processor: 1xx unreadable style, locale or input; 2xx something kept or
/// ignored; 3xx information.
/// </summary>
public static class CitationCodes
{
    /// <summary>The style is not well-formed XML.</summary>
    public const string MalformedStyle = "CIT101";

    /// <summary>The style breaks the CSL grammar (a missing required element or attribute, a bad value).</summary>
    public const string InvalidStyle = "CIT102";

    /// <summary>A <c>text macro="..."</c> names a macro the style does not define.</summary>
    public const string UnknownMacro = "CIT103";

    /// <summary>A macro calls itself, directly or through other macros.</summary>
    public const string CyclicMacro = "CIT104";

    /// <summary>A dependent style's parent could not be found.</summary>
    public const string MissingParent = "CIT105";

    /// <summary>The locale is unknown or its file is unreadable.</summary>
    public const string UnknownLocale = "CIT106";

    /// <summary>The CSL-JSON input is not readable JSON or not an array of items.</summary>
    public const string UnreadableInput = "CIT107";

    /// <summary>An element of a CSL-JSON array is not an item object and was skipped.</summary>
    public const string NotAnItem = "CIT201";

    /// <summary>A style names a variable that CSL 1.0.2 does not define; it renders as empty.</summary>
    public const string UnknownVariable = "CIT202";

    /// <summary>A cite names an item id that was not registered; it is skipped.</summary>
    public const string UnknownItem = "CIT203";
}
