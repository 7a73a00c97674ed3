namespace ScholarlyRecord.Validation;

/// <summary>The codes of the model layer (<see cref="ChapterValidator"/>); see docs/validation-rules.md.</summary>
internal static class ChapterCodes
{
    public const string TitleMissing = "SR1001";
    public const string BookTitleMissing = "SR1002";
    public const string ControlCharacter = "SR1003";
    public const string BidiControl = "SR1004";
    public const string LoneSurrogate = "SR1005";
    public const string Markup = "SR1006";
    public const string OuterWhitespace = "SR1007";
    public const string NoContributor = "SR1008";
    public const string NoDoi = "SR1009";
    public const string ImplausibleYear = "SR1010";
    public const string DefaultDate = "SR1011";
    public const string CopyrightYearDiffers = "SR1012";
    public const string EmbeddedIsbnInvalid = "SR1013";
    public const string EmbeddedIsbnNotListed = "SR1014";
    public const string DoiNumberMismatch = "SR1015";
    public const string BookDoiMismatch = "SR1016";
    public const string DescendingPages = "SR1017";
    public const string NegativePrice = "SR1018";
    public const string ZeroPrice = "SR1019";
    public const string UnknownCurrency = "SR1020";
    public const string NegativeMetric = "SR1021";
    public const string NoteNumbering = "SR1022";
    public const string BadUrl = "SR1023";
    public const string DuplicateContributor = "SR1024";
    public const string SharedOrcid = "SR1025";
    public const string DefaultIdentifier = "SR1026";
    public const string EmptyName = "SR1027";
    public const string NotNormalized = "SR1028";
}
