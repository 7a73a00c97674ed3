namespace ScholarlyRecord.Formats;

/// <summary>
/// The stable codes of the diagnostics the RIS document reader reports (listed one per line in
/// docs/formats-ris-codes.md). <c>RIS1xx</c> are errors, <c>RIS2xx</c> warnings, <c>RIS3xx</c> information.
/// <c>RIS4xx</c> come from the mapping between records and chapters (<see cref="Ris"/>; severity per code).
/// </summary>
public static class RisCodes
{
    /// <summary>Error: tagged lines outside any record were closed by <c>ER</c> with no <c>TY</c>; kept as a record with an empty type.</summary>
    public const string RecordWithoutType = "RIS101";

    /// <summary>Error: the input holds text but not one RIS record (for example a Web of Science tagged file).</summary>
    public const string NoRecords = "RIS102";

    /// <summary>Warning: a record was not closed by <c>ER</c> before the next <c>TY</c> or the end of the input; it is kept.</summary>
    public const string MissingEndTag = "RIS201";

    /// <summary>Warning: a damaged <c>TY</c> or <c>ER</c> line (such as <c>TY -  BOOK</c>) was accepted as that tag.</summary>
    public const string DamagedTagLine = "RIS202";

    /// <summary>Warning: a <c>TY</c> line has no value; the record is kept with an empty type.</summary>
    public const string EmptyType = "RIS203";

    /// <summary>Warning: an <c>ER</c> line outside any record was skipped.</summary>
    public const string StrayEndTag = "RIS204";

    /// <summary>Warning: tagged lines outside any record, not closed by <c>ER</c> (the next <c>TY</c> or the end came first), were skipped.</summary>
    public const string FieldsOutsideRecord = "RIS205";

    /// <summary>Information: lines without a tag outside any record (a header, numbering) were skipped; one diagnostic per run of such lines.</summary>
    public const string TextOutsideRecord = "RIS301";

    /// <summary>Information: a record that is not a chapter (<c>CHAP</c>/<c>ECHAP</c>) was skipped by the mapping.</summary>
    public const string NotAChapter = "RIS401";

    /// <summary>Warning: a <c>PY</c>, <c>Y1</c> or <c>DA</c> value is not a date; kept as an extra field.</summary>
    public const string InvalidDate = "RIS402";

    /// <summary>Warning: an <c>SN</c> value is neither an ISBN nor an ISSN; kept as extra field <c>ris:SN</c>.</summary>
    public const string InvalidStandardNumber = "RIS403";

    /// <summary>Warning: a <c>DO</c> value is not a DOI; kept as extra field <c>ris:DO</c>.</summary>
    public const string InvalidDoi = "RIS404";

    /// <summary>Warning: <c>SP</c>/<c>EP</c> do not make a page range; kept as extra fields.</summary>
    public const string InvalidPages = "RIS405";

    /// <summary>Warning: a name field holds no name; kept as an extra field.</summary>
    public const string EmptyName = "RIS406";

    /// <summary>Warning: a chapter record has no title; the chapter is kept with an empty title.</summary>
    public const string MissingTitle = "RIS407";

    /// <summary>Warning: the text after the numbers of a date is not a season and was ignored.</summary>
    public const string DateTextIgnored = "RIS408";

    /// <summary>A line is longer than <see cref="RisReadOptions.MaxLineLength"/>; its record is skipped up to its end and the records after it are read.</summary>
    public const string LineTooLong = "RIS103";

    /// <summary>A record is larger than <see cref="RisReadOptions.MaxRecordLength"/>; it is skipped up to its end and the records after it are read.</summary>
    public const string RecordTooLarge = "RIS104";

    /// <summary>A record has more names than <see cref="RisReadOptions.MaxNames"/>; the names past the limit are dropped and the record is read.</summary>
    public const string TooManyNames = "RIS409";
}
