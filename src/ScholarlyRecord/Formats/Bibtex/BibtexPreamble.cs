namespace ScholarlyRecord.Formats;

/// <summary>An <c>@preamble{...}</c>: LaTeX code for the bibliography, kept verbatim.</summary>
public sealed class BibtexPreamble : BibtexBlock
{
    private readonly BibtexValuePart[] _parts;

    internal BibtexPreamble(BibtexValuePart[] parts, int line, int column)
        : base(line, column)
    {
        _parts = parts;
        RawValue = BibtexValuePart.Join(parts);
    }

    /// <summary>The preamble's text with macros expanded and <c>#</c> pieces joined (never decoded: it is LaTeX code).</summary>
    public string RawValue { get; }

    /// <summary>The pieces as written.</summary>
    public IReadOnlyList<BibtexValuePart> Parts => _parts;

    internal override void Write(TextWriter writer)
    {
        writer.Write("@preamble{ ");
        BibtexValuePart.WriteAll(writer, _parts);
        writer.Write(" }");
    }
}
