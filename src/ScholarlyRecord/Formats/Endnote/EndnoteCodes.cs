namespace ScholarlyRecord.Formats;

/// <summary>
/// The stable codes of the diagnostics the EndNote reader and mapping report (listed in docs/formats-endnote.md).
/// <c>ENW1xx</c> are errors (nothing could be read), <c>ENW2xx</c> warnings (something was kept as written or as an
/// extra field), <c>ENW3xx</c> information (nothing lost).
/// </summary>
public static class EndnoteCodes
{
    /// <summary>Error: the input holds text but not one tagged line, so not one record could be read.</summary>
    public const string NoRecords = "ENW101";

    /// <summary>Warning: a record has no <c>%0</c> line; it is kept with an empty type (and is not a chapter).</summary>
    public const string MissingType = "ENW201";

    /// <summary>Warning: a line starts with <c>%</c> but is not a tag line (<c>%</c>, one character, then a space or the line end); kept as a continuation of the field before it.</summary>
    public const string MalformedTagLine = "ENW202";

    /// <summary>Warning: an <c>%R</c> value is not a DOI; kept as extra field <c>endnote:%R</c>.</summary>
    public const string InvalidDoi = "ENW203";

    /// <summary>Warning: a piece of an <c>%@</c> value is neither an ISBN nor an ISSN; kept as extra field <c>endnote:%@</c>.</summary>
    public const string InvalidIsbn = "ENW204";

    /// <summary>Warning: a <c>%D</c> value is not a year (or ISO date); kept as extra field <c>endnote:%D</c>.</summary>
    public const string InvalidDate = "ENW205";

    /// <summary>Warning: a <c>%P</c> value is not a page or page range; kept as extra field <c>endnote:%P</c>.</summary>
    public const string InvalidPages = "ENW206";

    /// <summary>Warning: a name field (<c>%A %E %Y %?</c>) holds no name; kept as an extra field.</summary>
    public const string InvalidName = "ENW207";

    /// <summary>Warning: a chapter record has no <c>%T</c>; the chapter is kept with an empty title.</summary>
    public const string MissingTitle = "ENW208";

    /// <summary>Information: lines without a tag outside any record (a header, a note) were skipped; one diagnostic per run of such lines.</summary>
    public const string TextOutsideRecord = "ENW301";

    /// <summary>Information: a record that is not a chapter (<c>%0 Book Section</c> or <c>%0 Electronic Book Section</c>) was skipped by the mapping.</summary>
    public const string NotAChapter = "ENW302";

    /// <summary>A line is longer than <see cref="EndnoteReadOptions.MaxLineLength"/>; its record is skipped up to its end and the records after it are read.</summary>
    public const string LineTooLong = "ENW102";

    /// <summary>A record is larger than <see cref="EndnoteReadOptions.MaxRecordLength"/>; it is skipped up to its end and the records after it are read.</summary>
    public const string RecordTooLarge = "ENW103";

    /// <summary>A record has more names than <see cref="EndnoteReadOptions.MaxNames"/>; the names past the limit are dropped and the record is read.</summary>
    public const string TooManyNames = "ENW209";
}
