namespace ScholarlyRecord.Formats;

/// <summary>
/// One RIS record: the type from its <c>TY</c> line, its other fields in input order, and whether an
/// <c>ER</c> line closed it.
/// </summary>
/// <remarks>
/// <see cref="Fields"/> excludes the <c>TY</c> and <c>ER</c> lines: the type is <see cref="Type"/> and the end
/// tag is <see cref="HasEndTag"/>. Unknown tags, empty values and repeated tags are all kept, in order.
/// A record whose lines carried no <c>TY</c> at all (tagged lines outside any record closed by an
/// <c>ER</c>) has an empty <see cref="Type"/>, exactly like a record whose <c>TY</c> value was empty; the
/// diagnostics tell the two apart (<c>RIS101</c> and <c>RIS203</c>).
/// </remarks>
public sealed class RisRecord
{
    private readonly ValueList<RisField> _fields;

    /// <summary>Creates a record built in code: it has an end tag and no position.</summary>
    /// <param name="type">The type, such as <c>CHAP</c>; trimmed.</param>
    /// <param name="fields">The fields in order (no <c>TY</c> or <c>ER</c>: <see cref="RisField"/> refuses those).</param>
    public RisRecord(string type, IEnumerable<RisField> fields)
        : this(type, fields, 0, hasEndTag: true)
    {
    }

    /// <summary>Creates a record with the position it was read from.</summary>
    /// <param name="type">The type, such as <c>CHAP</c>; trimmed.</param>
    /// <param name="fields">The fields in order.</param>
    /// <param name="line">The 1-based line of the record's <c>TY</c> (or first) line, or 0.</param>
    /// <param name="hasEndTag">Whether an <c>ER</c> line closed the record.</param>
    public RisRecord(string type, IEnumerable<RisField> fields, int line, bool hasEndTag)
    {
        ArgumentNullException.ThrowIfNull(type);
        Type = type.Trim();
        _fields = TaggedFields.From(fields, nameof(fields));
        Line = line;
        HasEndTag = hasEndTag;
    }

    /// <summary>The <c>TY</c> value, trimmed and as written (<c>CHAP</c>, <c>ECHAP</c>, even <c>Journal Article</c>); empty when missing.</summary>
    public string Type { get; }

    /// <summary>The 1-based line where the record starts (its <c>TY</c> line), or 0 for a record built in code.</summary>
    public int Line { get; }

    /// <summary>Whether an <c>ER</c> line closed the record (false when the next <c>TY</c> or the end of the input did).</summary>
    public bool HasEndTag { get; }

    /// <summary>The fields in input order, without <c>TY</c> and <c>ER</c>.</summary>
    public IReadOnlyList<RisField> Fields => _fields;

    /// <summary>The value of the first field with this tag, or null when there is none.</summary>
    /// <param name="tag">The two-character tag, compared ordinally (RIS tags are upper case).</param>
    public string? this[string tag] => TaggedFields.First(_fields, tag);

    /// <summary>The values of every field with this tag, in order (empty when there is none).</summary>
    /// <param name="tag">The two-character tag, compared ordinally.</param>
    public IReadOnlyList<string> GetAll(string tag) => TaggedFields.All(_fields, tag);

    /// <summary>The record as RIS text with CRLF line endings.</summary>
    public override string ToString()
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        RisWriter.WriteRecord(writer, this, "\r\n");
        return writer.ToString();
    }
}
