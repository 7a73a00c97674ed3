namespace ScholarlyRecord.Validation;

/// <summary>
/// The stable codes of validation: <c>SR0xxx</c> from the JSON schema layer (<see cref="ScholarlySchema"/>) and
/// <c>SR1xxx</c> from the model rules (<see cref="ChapterValidator"/>). Each is in <see cref="DiagnosticCatalogue"/>,
/// docs/diagnostics.md and, with an example, docs/validation-rules.md.
/// </summary>
public static class ValidationCodes
{
    /// <summary>Not JSON: syntax, invalid UTF-8, a lone surrogate, nesting deeper than 64.</summary>
    public const string MalformedJson = "SR0001";

    /// <summary>A member appears twice in one object.</summary>
    public const string DuplicateMember = "SR0002";

    /// <summary>The schema accepted the document but the deserializer did not (reported by <c>ScholarlyJson.TryRead</c>).</summary>
    public const string NotAChapter = "SR0003";

    /// <summary>The evaluator failed; should not happen.</summary>
    public const string EvaluationFailed = "SR0009";

    /// <summary>A value of the wrong JSON type.</summary>
    public const string WrongType = "SR0010";

    /// <summary>A required member is missing.</summary>
    public const string MissingMember = "SR0011";

    /// <summary>A member the schema does not define.</summary>
    public const string UnknownMember = "SR0012";

    /// <summary>A value outside the allowed set (enum or const).</summary>
    public const string NotAllowed = "SR0013";

    /// <summary>A value out of range: empty where text is required, a negative amount, an integer too large.</summary>
    public const string OutOfRange = "SR0014";

    /// <summary>Any other schema keyword failed.</summary>
    public const string Other = "SR0019";

    /// <summary>Not a valid DOI.</summary>
    public const string InvalidDoi = "SR0020";

    /// <summary>Not a valid ISBN.</summary>
    public const string InvalidIsbn = "SR0021";

    /// <summary>Not a valid ISSN.</summary>
    public const string InvalidIssn = "SR0022";

    /// <summary>Not a valid ORCID iD.</summary>
    public const string InvalidOrcid = "SR0023";

    /// <summary>Not a valid partial date.</summary>
    public const string InvalidDate = "SR0024";

    /// <summary>Not an active ISO 4217 currency code.</summary>
    public const string InvalidCurrency = "SR0025";

    /// <summary>Reported when this rule fails: the chapter title is not empty or white space.</summary>
    public const string MissingTitle = "SR1001";

    /// <summary>Reported when this rule fails: the chapter names a book and the book has a title.</summary>
    public const string MissingBookTitle = "SR1002";

    /// <summary>Reported when this rule fails: text has no C0/C1 control character (tab and newline allowed only in abstract paragraphs and note text).</summary>
    public const string ControlCharacter = "SR1003";

    /// <summary>Reported when this rule fails: text has no bidirectional control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F).</summary>
    public const string BidiControl = "SR1004";

    /// <summary>Reported when this rule fails: text has no lone surrogate.</summary>
    public const string LoneSurrogate = "SR1005";

    /// <summary>Reported when this rule fails: text has no leftover HTML/JATS tag or entity.</summary>
    public const string Markup = "SR1006";

    /// <summary>Reported when this rule fails: text does not start or end with white space.</summary>
    public const string OuterWhitespace = "SR1007";

    /// <summary>Reported when this rule fails: the chapter names at least one contributor.</summary>
    public const string NoContributor = "SR1008";

    /// <summary>Reported when this rule fails: the chapter has a DOI.</summary>
    public const string NoDoi = "SR1009";

    /// <summary>Reported when this rule fails: years (publication, book, access as-of, copyright) lie between 1450 and next year (from the TimeProvider).</summary>
    public const string ImplausibleYear = "SR1010";

    /// <summary>Reported when this rule fails: a date is not <c>default(PartialDate)</c>.</summary>
    public const string DefaultDate = "SR1011";

    /// <summary>Reported when this rule fails: the copyright year equals the publication year (chapter's, else the book's).</summary>
    public const string CopyrightYearDiffers = "SR1012";

    /// <summary>Reported when this rule fails: an ISBN embedded in the DOI (<c>10.1007/978-1-349-05679-8_7</c>) has a valid check digit.</summary>
    public const string EmbeddedIsbnInvalid = "SR1013";

    /// <summary>Reported when this rule fails: the embedded ISBN is among the book's ISBNs.</summary>
    public const string EmbeddedIsbnNotListed = "SR1014";

    /// <summary>Reported when this rule fails: the <c>_n</c> after the embedded ISBN equals the chapter number.</summary>
    public const string DoiNumberMismatch = "SR1015";

    /// <summary>Reported when this rule fails: the book DOI is the chapter DOI without <c>_n</c>.</summary>
    public const string BookDoiMismatch = "SR1016";

    /// <summary>Reported when this rule fails: the page range does not end before it starts (arabic, roman or prefixed pages).</summary>
    public const string DescendingPages = "SR1017";

    /// <summary>Reported when this rule fails: a price is not negative.</summary>
    public const string NegativePrice = "SR1018";

    /// <summary>Reported when this rule fails: a price is not zero.</summary>
    public const string ZeroPrice = "SR1019";

    /// <summary>Reported when this rule fails: a currency is an active ISO 4217 code.</summary>
    public const string UnknownCurrency = "SR1020";

    /// <summary>Reported when this rule fails: access and citation counts are not negative.</summary>
    public const string NegativeMetric = "SR1021";

    /// <summary>Reported when this rule fails: numbered notes run 1..n without gaps or duplicates.</summary>
    public const string NoteNumbering = "SR1022";

    /// <summary>Reported when this rule fails: the chapter URL and note link URLs are absolute http(s).</summary>
    public const string InvalidUrl = "SR1023";

    /// <summary>Reported when this rule fails: a person is not listed twice in the same role.</summary>
    public const string DuplicateContributor = "SR1024";

    /// <summary>Reported when this rule fails: one ORCID iD is not given for two different people.</summary>
    public const string SharedOrcid = "SR1025";

    /// <summary>Reported when this rule fails: identifiers are not <c>default(Doi/Isbn/Issn/Orcid)</c>.</summary>
    public const string DefaultIdentifier = "SR1026";

    /// <summary>Reported when this rule fails: a contributor has a family, given or literal name.</summary>
    public const string EmptyName = "SR1027";

    /// <summary>Reported when this rule fails: text is in Unicode normalization form C.</summary>
    public const string NotNormalized = "SR1028";
}
