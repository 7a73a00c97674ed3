namespace ScholarlyRecord.Formats;

/// <summary>
/// The stable diagnostic codes of the BibTeX document layer. <c>BIB1xx</c> are syntax errors (the block they
/// occur in is not read, or read without its key); <c>BIB2xx</c> are warnings (the data is kept as written).
/// The table in docs/formats-bibtex-codes.md lists them one line each.
/// </summary>
public static class BibtexCodes
{
    /// <summary>The input ended before an entry, <c>@string</c>, <c>@preamble</c> or <c>@comment</c> was closed.</summary>
    public const string UnterminatedBlock = "BIB101";

    /// <summary>An <c>@type</c> at the start of a line is not followed by <c>{</c> or <c>(</c>.</summary>
    public const string ExpectedOpeningDelimiter = "BIB102";

    /// <summary>After a key or a value a comma or the closing delimiter was expected (typically a missing comma or closing brace).</summary>
    public const string ExpectedCommaOrClose = "BIB103";

    /// <summary>A braced or quoted value is not closed (reported at its opening delimiter).</summary>
    public const string UnterminatedValue = "BIB104";

    /// <summary>A field name (or <c>@string</c> macro name) was expected.</summary>
    public const string ExpectedName = "BIB105";

    /// <summary>An <c>=</c> was expected after a field or macro name.</summary>
    public const string ExpectedEquals = "BIB106";

    /// <summary>A value was expected: <c>{...}</c>, <c>"..."</c>, a number or a macro name.</summary>
    public const string ExpectedValue = "BIB107";

    /// <summary>An entry has no citation key; the entry is kept with an empty <see cref="BibtexEntry.Key"/>.</summary>
    public const string MissingKey = "BIB108";

    /// <summary>Braces are nested deeper than <see cref="BibtexReader.MaxBraceDepth"/>.</summary>
    public const string NestingTooDeep = "BIB109";

    /// <summary>A macro is used that no <c>@string</c> defines (and is not a month); its name is kept as the text.</summary>
    public const string UndefinedMacro = "BIB201";

    /// <summary>A field occurs twice in one entry; both are kept and the indexer returns the first.</summary>
    public const string DuplicateField = "BIB202";

    /// <summary>A citation key occurs twice; both entries are kept and <see cref="BibtexDocument.Find"/> returns the first.</summary>
    public const string DuplicateKey = "BIB203";

    /// <summary>A bare value is neither digits nor a macro name (for example <c>1-405-80673-7</c>); it is kept as written.</summary>
    public const string BareValue = "BIB204";

    /// <summary>A <c>@string</c> redefines a macro; the later definition applies from there on.</summary>
    public const string MacroRedefined = "BIB205";

    /// <summary>A chain of <c>crossref</c> fields comes back to an entry already in it; inheritance stops there.</summary>
    public const string CrossrefCycle = "BIB206";
}
