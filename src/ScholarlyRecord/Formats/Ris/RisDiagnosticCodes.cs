namespace ScholarlyRecord.Formats;

/// <summary>
/// The stable codes of the diagnostics the RIS document reader reports (listed one per line in
/// docs/formats-ris-codes.md). <c>RIS1xx</c> are errors, <c>RIS2xx</c> warnings, <c>RIS3xx</c> information.
/// </summary>
public static class RisDiagnosticCodes
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
}
