namespace ScholarlyRecord.Formats;

/// <summary>One EndNote record: the type from its <c>%0</c> line and its other fields in input order.</summary>
/// <remarks>
/// <see cref="Fields"/> excludes the <c>%0</c> line, wherever in the record it stood. Unknown tags, empty values and
/// repeated tags are all kept, in order. A record without <c>%0</c> has an empty <see cref="Type"/>.
/// </remarks>
public sealed class EndnoteRecord
{
    private readonly ValueList<EndnoteField> _fields;

    /// <summary>Creates a record built in code (no position).</summary>
    /// <param name="type">The type, such as <c>Book Section</c>; trimmed.</param>
    /// <param name="fields">The fields in order.</param>
    public EndnoteRecord(string type, IEnumerable<EndnoteField> fields)
        : this(type, fields, 0)
    {
    }

    /// <summary>Creates a record with the position it was read from.</summary>
    /// <param name="type">The type, such as <c>Book Section</c>; trimmed.</param>
    /// <param name="fields">The fields in order.</param>
    /// <param name="line">The 1-based line of the record's first line, or 0.</param>
    public EndnoteRecord(string type, IEnumerable<EndnoteField> fields, int line)
    {
        ArgumentNullException.ThrowIfNull(type);
        Type = type.Trim();
        _fields = TaggedFields.From(fields, nameof(fields));
        Line = line;
    }

    /// <summary>The <c>%0</c> value, trimmed and as written (<c>Book Section</c>, <c>Journal Article</c>, ...); empty when missing.</summary>
    public string Type { get; }

    /// <summary>The 1-based line where the record starts, or 0 for a record built in code.</summary>
    public int Line { get; }

    /// <summary>The fields in input order, without <c>%0</c>.</summary>
    public IReadOnlyList<EndnoteField> Fields => _fields;

    /// <summary>The value of the first field with this tag, or null when there is none.</summary>
    /// <param name="tag">The tag, such as <c>%T</c>, compared ordinally.</param>
    public string? this[string tag] => TaggedFields.First(_fields, tag);

    /// <summary>The values of every field with this tag, in order (empty when there is none).</summary>
    /// <param name="tag">The tag, compared ordinally.</param>
    public IReadOnlyList<string> GetAll(string tag) => TaggedFields.All(_fields, tag);

    /// <summary>The record as EndNote text with CRLF line endings (no blank line after it).</summary>
    public override string ToString()
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        EndnoteWriter.WriteRecord(writer, this, "\r\n");
        return writer.ToString();
    }
}
