namespace ScholarlyRecord.Formats;

/// <summary>
/// One <c>name = value</c> of an entry: the name as written and in lower case, the value as written (macros
/// expanded, <c>#</c> resolved, braces inside kept) and decoded to Unicode, and where it stands in the file.
/// </summary>
public sealed class BibtexField
{
    private readonly BibtexValuePart[] _parts;
    private string? _value;

    internal BibtexField(string rawName, BibtexValuePart[] parts, int line, int column)
    {
        RawName = rawName;
        Name = rawName.ToLowerInvariant();
        _parts = parts;
        RawValue = BibtexValuePart.Join(parts);
        Line = line;
        Column = column;
    }

    /// <summary>The field name in lower case (<c>title</c> for <c>TITLE</c>); names compare case-insensitively.</summary>
    public string Name { get; }

    /// <summary>The field name exactly as written (it may contain <c>+ - : .</c>, as biblatex data annotations do).</summary>
    public string RawName { get; }

    /// <summary>
    /// The value as written, with macros expanded and <c>#</c> pieces joined; the outer delimiters are removed and
    /// everything inside (braces, LaTeX commands, line breaks) is kept.
    /// </summary>
    public string RawValue { get; }

    /// <summary>
    /// The value decoded to Unicode text (NFC): LaTeX accents and symbols decoded, protective braces removed, runs of
    /// white space collapsed to one space and trimmed. Decoded on first use and cached. See <c>LatexDecoder</c> rules in docs.
    /// Verbatim fields (<c>doi</c>, <c>url</c>, <c>eprint</c>, <c>file</c>, <c>pdf</c>, <c>verba</c>, <c>verbb</c>, <c>verbc</c>),
    /// which biber and the url package read without LaTeX, are not decoded: their value is the raw value with leading and
    /// trailing white space removed.
    /// </summary>
    public string Value => _value ??= IsVerbatim(Name) ? RawValue.Trim() : LatexDecoder.Decode(RawValue);

    /// <summary>True for the fields whose value is read as written, without LaTeX decoding (BibLaTeX's verbatim fields).</summary>
    internal static bool IsVerbatim(string name) => name is "doi" or "url" or "eprint" or "file" or "pdf" or "verba" or "verbb" or "verbc";

    /// <summary>The pieces of the value as written, in order (one piece unless <c>#</c> was used); the writer writes these back.</summary>
    public IReadOnlyList<BibtexValuePart> Parts => _parts;

    /// <summary>True when the value is a single macro reference such as <c>month = mar</c> or <c>journal = jgg</c>.</summary>
    public bool IsMacro => _parts.Length == 1 && _parts[0].Kind == BibtexValueKind.Macro;

    /// <summary>How the value's first piece was delimited.</summary>
    public BibtexValueKind Delimiter => _parts[0].Kind;

    /// <summary>The 1-based line of the field name.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the field name.</summary>
    public int Column { get; }

    /// <summary>Writes <c>name = value</c> as it would appear in a file.</summary>
    public override string ToString()
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }

    internal void Write(TextWriter writer)
    {
        writer.Write(RawName);
        writer.Write(" = ");
        BibtexValuePart.WriteAll(writer, _parts);
    }
}
