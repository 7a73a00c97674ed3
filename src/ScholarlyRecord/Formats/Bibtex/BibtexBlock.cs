namespace ScholarlyRecord.Formats;

/// <summary>
/// One top-level piece of a BibTeX file, in file order: an <see cref="BibtexEntry"/>, a <see cref="BibtexMacro"/>
/// (<c>@string</c>), a <see cref="BibtexPreamble"/> or a <see cref="BibtexComment"/> (explicit, implicit or unparsed).
/// </summary>
public abstract class BibtexBlock
{
    private protected BibtexBlock(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line where the block starts (its <c>@</c>, or its first non-blank character for free text).</summary>
    public int Line { get; }

    /// <summary>The 1-based column (UTF-16 characters) where the block starts.</summary>
    public int Column { get; }

    internal abstract void Write(TextWriter writer);
}
