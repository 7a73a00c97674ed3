namespace ScholarlyRecord.Formats;

/// <summary>How BibTeX is read (<see cref="Bibtex"/>, <see cref="BibtexDocument"/>, <see cref="BibtexReader"/>).</summary>
public sealed record BibtexReadOptions
{
    /// <summary>The defaults.</summary>
    public static BibtexReadOptions Default { get; } = new();

    /// <summary>
    /// The longest block read whole, in characters; a longer one is reported and skipped, never a hang.
    /// Default <see cref="BibtexReader.MaxBlockLength"/> (16 Mi).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxBlockLength
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = BibtexReader.MaxBlockLength;

    /// <summary>
    /// How deep braces may nest, counting a value's own braces (<c>title = {a {b}}</c> nests 2 deep); deeper is
    /// <see cref="BibtexCodes.NestingTooDeep"/> and the block is skipped, so deep input never exhausts the stack.
    /// Default <see cref="BibtexReader.MaxBraceDepth"/> (1024).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxBraceDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = BibtexReader.MaxBraceDepth;

    /// <summary>
    /// The most names one record may carry (the chapter's contributors and its book's together); past it the first names
    /// are kept, the others dropped, and <see cref="BibtexCodes.TooManyNames"/> (a warning naming the record) is reported. Default 10,000:
    /// real records with several thousand authors are read whole.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxNames { get; init => field = ReadLimits.AtLeastOne(value); } = NameLimit.DefaultMax;

    internal NameLimit NameLimit => new(MaxNames, BibtexCodes.TooManyNames, "BibtexReadOptions.MaxNames");
}
