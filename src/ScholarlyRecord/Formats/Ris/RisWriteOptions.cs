namespace ScholarlyRecord.Formats;

/// <summary>How RIS is written (<see cref="Ris"/>, <see cref="RisDocument.Write(TextWriter, RisWriteOptions?)"/>).</summary>
public sealed record RisWriteOptions
{
    /// <summary>The defaults: CR LF line endings, as the RIS specification asks.</summary>
    public static RisWriteOptions Default { get; } = new();

    /// <summary>The line break after each line: <see cref="LineEnding.CrLf"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="LineEnding"/>.</exception>
    public LineEnding NewLine { get; init => field = LineEndings.Checked(value, nameof(value)); } = LineEnding.CrLf;

    internal string NewLineText => LineEndings.Text(NewLine);
}

/// <summary>How RIS is read (<see cref="Ris"/>, <see cref="RisDocument"/>, <see cref="RisReader"/>): the limits one line and one record may reach.</summary>
public sealed record RisReadOptions
{
    /// <summary>The defaults.</summary>
    public static RisReadOptions Default { get; } = new();

    /// <summary>
    /// The longest line read, in characters (UTF-16 code units, the line break not counted). A longer line is
    /// <see cref="RisCodes.LineTooLong"/> at its line and the column past the limit; the record it is in is skipped up to its
    /// end, and the records after it are read. The line is never held whole: the reader's memory stays bounded by this
    /// limit, however long the line. Default 1,048,576 (1 Mi).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxLineLength { get; init => field = ReadLimits.AtLeastOne(value); } = TaggedLimits.DefaultMaxLineLength;

    /// <summary>
    /// The largest record read, in characters (UTF-16 code units) of its lines, line breaks not counted. A larger
    /// record is <see cref="RisCodes.RecordTooLarge"/> at the line that passes the limit; the record is skipped up to its end
    /// (its fields so far are dropped, not kept truncated, so that no half record passes as a whole one), and the
    /// records after it are read. Default 16,777,216 (16 Mi), as <see cref="BibtexReadOptions.MaxBlockLength"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxRecordLength { get; init => field = ReadLimits.AtLeastOne(value); } = TaggedLimits.DefaultMaxRecordLength;

    /// <summary>
    /// The most names one record may carry (the chapter's contributors and its book's together); past it the first names
    /// are kept, the others dropped, and <see cref="RisCodes.TooManyNames"/> (a warning naming the record) is reported. Default 10,000:
    /// real records with several thousand authors are read whole.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxNames { get; init => field = ReadLimits.AtLeastOne(value); } = NameLimit.DefaultMax;

    internal NameLimit NameLimit => new(MaxNames, RisCodes.TooManyNames, "RisReadOptions.MaxNames");

    internal TaggedLimits Limits => new(MaxLineLength, MaxRecordLength, RisCodes.LineTooLong, RisCodes.RecordTooLarge, "RisReadOptions");
}
