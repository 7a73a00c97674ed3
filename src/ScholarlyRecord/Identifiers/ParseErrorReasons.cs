namespace ScholarlyRecord;

/// <summary>
/// The values of <see cref="ParseError.Reason"/>: stable, kebab-case words that say why a text is not a valid identifier
/// or value. Programs compare against these constants; the messages may be reworded.
/// </summary>
public static class ParseErrorReasons
{
    /// <summary>The text is empty or only white space where a value was expected. Value: <c>empty</c>.</summary>
    public const string Empty = "empty";

    /// <summary>The text does not have the shape of the value (a page range, a partial date or a date range). Value: <c>syntax</c>.</summary>
    public const string Syntax = "syntax";

    /// <summary>The identifier has too few or too many digits. Value: <c>length</c>.</summary>
    public const string Length = "length";

    /// <summary>The check digit does not match the one computed from the other digits. Value: <c>checksum</c>.</summary>
    public const string Checksum = "checksum";

    /// <summary>A DOI contains white space. Value: <c>whitespace</c>.</summary>
    public const string Whitespace = "whitespace";

    /// <summary>A DOI contains a control, format or unassigned character. Value: <c>non-graphic-character</c>.</summary>
    public const string NonGraphicCharacter = "non-graphic-character";

    /// <summary>A character that the identifier does not allow. Value: <c>invalid-character</c>.</summary>
    public const string InvalidCharacter = "invalid-character";

    /// <summary>A decimal digit from a script other than ASCII. Value: <c>non-ascii-digit</c>.</summary>
    public const string NonAsciiDigit = "non-ascii-digit";

    /// <summary>A hyphen or space at the start or end, or two in a row. Value: <c>misplaced-separator</c>.</summary>
    public const string MisplacedSeparator = "misplaced-separator";

    /// <summary>An <c>X</c> anywhere but the check digit's place. Value: <c>x-not-in-check-position</c>.</summary>
    public const string XNotInCheckPosition = "x-not-in-check-position";

    /// <summary>An ISBN's parenthesised qualifier, such as <c>(pbk.)</c>, is malformed. Value: <c>invalid-qualifier</c>.</summary>
    public const string InvalidQualifier = "invalid-qualifier";

    /// <summary>A 13-digit ISBN that does not begin with 978 or 979. Value: <c>prefix-not-978-979</c>.</summary>
    public const string PrefixNot978Or979 = "prefix-not-978-979";

    /// <summary>A 13-digit number beginning 979-0, which is an ISMN (music), not an ISBN. Value: <c>979-0-is-ismn</c>.</summary>
    public const string IsmnPrefix = "979-0-is-ismn";

    /// <summary>A DOI without its <c>10.</c> prefix. Value: <c>missing-prefix</c>.</summary>
    public const string MissingPrefix = "missing-prefix";

    /// <summary>A DOI without the slash and suffix after its prefix. Value: <c>missing-suffix</c>.</summary>
    public const string MissingSuffix = "missing-suffix";

    /// <summary>A DOI whose suffix after the slash is empty. Value: <c>empty-suffix</c>.</summary>
    public const string EmptySuffix = "empty-suffix";

    /// <summary>A DOI prefix whose registrant code is not dot-separated digits. Value: <c>invalid-registrant</c>.</summary>
    public const string InvalidRegistrant = "invalid-registrant";

    /// <summary>A DOI link with a <c>%</c> that is not followed by two hexadecimal digits or that decodes to invalid UTF-8. Value: <c>invalid-percent-encoding</c>.</summary>
    public const string InvalidPercentEncoding = "invalid-percent-encoding";

    /// <summary>A link to a host that is not a DOI resolver. Value: <c>not-a-doi-resolver</c>.</summary>
    public const string NotADoiResolver = "not-a-doi-resolver";

    /// <summary>A link that is not an ORCID iD address. Value: <c>not-an-orcid-url</c>.</summary>
    public const string NotAnOrcidUrl = "not-an-orcid-url";

    /// <summary>A year outside 0001 to 9999. Value: <c>year-out-of-range</c>.</summary>
    public const string YearOutOfRange = "year-out-of-range";

    /// <summary>A month outside 01 to 12 (or 21 to 24 for a season). Value: <c>month-out-of-range</c>.</summary>
    public const string MonthOutOfRange = "month-out-of-range";

    /// <summary>A day that the month does not have. Value: <c>day-out-of-range</c>.</summary>
    public const string DayOutOfRange = "day-out-of-range";

    /// <summary>A day given without a month. Value: <c>day-without-month</c>.</summary>
    public const string DayWithoutMonth = "day-without-month";

    /// <summary>A range whose end comes before its start. Value: <c>descending-range</c>.</summary>
    public const string DescendingRange = "descending-range";

    /// <summary>A BibTeX name whose braces do not balance. Value: <c>unbalanced-braces</c>.</summary>
    public const string UnbalancedBraces = "unbalanced-braces";

    /// <summary>A BibTeX name with more than two commas. Value: <c>too-many-commas</c>.</summary>
    public const string TooManyCommas = "too-many-commas";
}
