namespace ScholarlyRecord.Formats;

/// <summary>
/// The stable diagnostic codes of the BibTeX document layer. <c>BIB1xx</c> are syntax errors (the block they
/// occur in is not read, or read without its key); <c>BIB2xx</c> are warnings (the data is kept as written); <c>BIB3xx</c>
/// come from the mapping layer (<see cref="Bibtex"/>): entries that are not chapters, and values the model cannot take,
/// which are kept as extra fields.
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

    /// <summary>Braces are nested deeper than <see cref="BibtexReadOptions.MaxBraceDepth"/> (default <see cref="BibtexReader.MaxBraceDepth"/>).</summary>
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

    /// <summary>Mapping: a chapter's <c>crossref</c> names a key that no entry of the file has; the chapter is still read, inheriting nothing.</summary>
    public const string MissingCrossrefParent = "BIB207";

    /// <summary>Info: an entry is not a chapter (its type is not incollection, inbook, bookinbook or inreference) and is skipped.</summary>
    public const string NotAChapter = "BIB301";

    /// <summary>A <c>pages</c> value is not a page range; it is kept as the extra field <c>bibtex:pages</c>.</summary>
    public const string InvalidPages = "BIB302";

    /// <summary>An ISBN in <c>isbn</c> is not valid; the invalid ones are kept as the extra field <c>bibtex:isbn</c>.</summary>
    public const string InvalidIsbn = "BIB303";

    /// <summary>A <c>date</c>, <c>year</c>, <c>month</c> or <c>day</c> value is not a date; the fields are kept as extra fields.</summary>
    public const string InvalidDate = "BIB304";

    /// <summary>A <c>doi</c> value is not a DOI; it is kept as the extra field <c>bibtex:doi</c>.</summary>
    public const string InvalidDoi = "BIB305";

    /// <summary>A name field (<c>author</c>, <c>editor</c>, ...) holds a name that cannot be parsed; the field is kept as an extra field.</summary>
    public const string InvalidName = "BIB306";

    /// <summary>A chapter entry has no title of its own (for example a classic <c>@inbook</c> whose <c>title</c> is the book's); its title is empty.</summary>
    public const string MissingTitle = "BIB307";

    /// <summary>An ISSN in <c>issn</c> is not valid; the invalid ones are kept as the extra field <c>bibtex:issn</c>.</summary>
    public const string InvalidIssn = "BIB308";

    /// <summary>Warning: an entry has more names than <see cref="BibtexReadOptions.MaxNames"/>; the names past the limit are dropped and the entry is read.</summary>
    public const string TooManyNames = "BIB309";
}
