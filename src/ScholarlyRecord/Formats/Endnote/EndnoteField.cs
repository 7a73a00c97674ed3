namespace ScholarlyRecord.Formats;

/// <summary>
/// One tagged line of an EndNote record (<c>%A Doe, Jane</c>), with its continuation lines joined into
/// <see cref="Value"/>.
/// </summary>
/// <remarks>
/// <para>A tag is <c>%</c> and one visible ASCII character (a letter, a digit or a sign such as <c>%@</c>); the value
/// starts after the one space (or tab) that follows it and is kept as written, spaces included. Continuation lines
/// are joined with <c>'\n'</c>, each as written, so a value holds one line per line read.</para>
/// <para>The <see cref="Line"/> and <see cref="Column"/> of a field read from text point at its tag; a field built
/// in code has both set to 0.</para>
/// </remarks>
public sealed class EndnoteField : ITaggedField
{
    /// <summary>Creates a field built in code (no position).</summary>
    /// <param name="tag">The tag, such as <c>%A</c>: <c>%</c> and one visible ASCII character other than <c>0</c>.</param>
    /// <param name="value">The value; each <c>'\n'</c> in it is written as a continuation line.</param>
    /// <exception cref="ArgumentException">The tag is malformed, or is <c>%0</c> (that is <see cref="EndnoteRecord.Type"/>).</exception>
    public EndnoteField(string tag, string value)
        : this(tag, value, 0, 0)
    {
    }

    /// <summary>Creates a field with the position it was read from.</summary>
    /// <param name="tag">The tag, such as <c>%A</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="line">The 1-based line of the tag, or 0.</param>
    /// <param name="column">The 1-based column of the tag, or 0.</param>
    /// <exception cref="ArgumentException">The tag is malformed, or is <c>%0</c>.</exception>
    public EndnoteField(string tag, string value, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(value);
        if (!EndnoteSyntax.IsTag(tag) || tag == EndnoteSyntax.TypeTag)
        {
            throw new ArgumentException($"EndNote tag '{tag}' is not valid: a tag is '%' and one visible ASCII character, and %0 is the record's Type.", nameof(tag));
        }
        Tag = tag;
        Value = value;
        Line = line;
        Column = column;
    }

    /// <summary>The tag, such as <c>%A</c>.</summary>
    public string Tag { get; }

    /// <summary>The value, continuation lines joined with <c>'\n'</c>.</summary>
    public string Value { get; }

    /// <summary>The 1-based line of the tag, or 0 for a field built in code.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the tag, or 0 for a field built in code.</summary>
    public int Column { get; }

    /// <summary>The field as EndNote text with LF line endings: <c>%A Doe, Jane</c>.</summary>
    public override string ToString()
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        EndnoteWriter.WriteField(writer, Tag, Value, "\n");
        return writer.ToString().TrimEnd('\n');
    }
}
