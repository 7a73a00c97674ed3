namespace ScholarlyRecord.Validation;

/// <summary>The codes of the schema layer (<see cref="ScholarlySchema"/>), SR0001 to SR0099; see docs/validation-rules.md.</summary>
internal static class SchemaCodes
{
    /// <summary>Not JSON: syntax, invalid UTF-8, a lone surrogate, nesting deeper than 64.</summary>
    public const string Malformed = "SR0001";

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
    public const string BadDoi = "SR0020";

    /// <summary>Not a valid ISBN.</summary>
    public const string BadIsbn = "SR0021";

    /// <summary>Not a valid ISSN.</summary>
    public const string BadIssn = "SR0022";

    /// <summary>Not a valid ORCID iD.</summary>
    public const string BadOrcid = "SR0023";

    /// <summary>Not a valid partial date.</summary>
    public const string BadDate = "SR0024";

    /// <summary>Not an active ISO 4217 currency code.</summary>
    public const string BadCurrency = "SR0025";
}
