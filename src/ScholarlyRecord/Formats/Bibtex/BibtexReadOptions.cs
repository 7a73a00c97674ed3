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
}
