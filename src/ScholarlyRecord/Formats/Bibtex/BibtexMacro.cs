namespace ScholarlyRecord.Formats;

/// <summary>A macro defined by <c>@string{name = value}</c>.</summary>
public sealed class BibtexMacro : BibtexBlock
{
    private readonly BibtexValuePart[] _parts;
    private string? _value;

    internal BibtexMacro(string rawName, BibtexValuePart[] parts, int line, int column)
        : base(line, column)
    {
        RawName = rawName;
        Name = rawName.ToLowerInvariant();
        _parts = parts;
        RawValue = BibtexValuePart.Join(parts);
    }

    /// <summary>The macro name in lower case (macro names are case-insensitive).</summary>
    public string Name { get; }

    /// <summary>The macro name as written.</summary>
    public string RawName { get; }

    /// <summary>The macro's value as written, with earlier macros expanded and <c>#</c> resolved.</summary>
    public string RawValue { get; }

    /// <summary>The value decoded to Unicode text.</summary>
    public string Value => _value ??= LatexDecoder.Decode(RawValue);

    /// <summary>The pieces of the value as written.</summary>
    public IReadOnlyList<BibtexValuePart> Parts => _parts;

    internal override void Write(TextWriter writer)
    {
        writer.Write("@string{");
        writer.Write(RawName);
        writer.Write(" = ");
        BibtexValuePart.WriteAll(writer, _parts);
        writer.Write('}');
    }
}
