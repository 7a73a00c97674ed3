namespace ScholarlyRecord.Formats;

/// <summary>
/// One tagged line of a RIS record (<c>AU  - Doe, Jane</c>), with any continuation lines joined into
/// <see cref="Value"/>.
/// </summary>
/// <remarks>
/// <para>Continuation lines (lines without a tag inside a record) are joined to the value as follows:
/// a line that follows directly is joined with a single space (the value was wrapped, as citation-js
/// reads it; no space when the value so far is empty); a line that follows one or more blank lines is
/// joined with one <c>'\n'</c> per blank line (a paragraph break). Blank lines that no text follows
/// are not part of the value. The value is otherwise kept exactly as written, spaces included.</para>
/// <para>The <see cref="Line"/> and <see cref="Column"/> of a field read from text point at the first
/// character of its value; a field built in code has both set to 0.</para>
/// </remarks>
public sealed class RisField : ITaggedField
{
    /// <summary>Creates a field built in code (no position).</summary>
    /// <param name="tag">The two-character tag: an upper-case ASCII letter, then an upper-case ASCII letter or digit.</param>
    /// <param name="value">The value; line breaks in it are written as continuation lines.</param>
    /// <exception cref="ArgumentException">The tag is not two characters of the form <c>[A-Z][A-Z0-9]</c>, or is <c>TY</c> or <c>ER</c>
    /// (those belong to <see cref="RisRecord.Type"/> and <see cref="RisRecord.HasEndTag"/>).</exception>
    public RisField(string tag, string value)
        : this(tag, value, 0, 0)
    {
    }

    /// <summary>Creates a field with the position it was read from.</summary>
    /// <param name="tag">The two-character tag: an upper-case ASCII letter, then an upper-case ASCII letter or digit.</param>
    /// <param name="value">The value; line breaks in it are written as continuation lines.</param>
    /// <param name="line">The 1-based line of the value's first character, or 0.</param>
    /// <param name="column">The 1-based column of the value's first character, or 0.</param>
    /// <exception cref="ArgumentException">The tag is malformed, or is <c>TY</c> or <c>ER</c>.</exception>
    public RisField(string tag, string value, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(value);
        if (!RisSyntax.IsTag(tag) || tag is "TY" or "ER")
        {
            RisThrow.InvalidTag(tag);
        }
        Tag = tag;
        Value = value;
        Line = line;
        Column = column;
    }

    /// <summary>The two-character tag, such as <c>AU</c>.</summary>
    public string Tag { get; }

    /// <summary>The value, continuation lines joined (see the remarks on <see cref="RisField"/>).</summary>
    public string Value { get; }

    /// <summary>The 1-based line of the value's first character, or 0 for a field built in code.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the value's first character (7 for a well-formed line), or 0 for a field built in code.</summary>
    public int Column { get; }

    /// <summary>The field as one RIS line: <c>AU  - Doe, Jane</c>.</summary>
    public override string ToString() => Tag + "  - " + Value;
}
