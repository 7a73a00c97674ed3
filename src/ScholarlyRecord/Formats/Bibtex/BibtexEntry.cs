using System.Globalization;

namespace ScholarlyRecord.Formats;

/// <summary>
/// One entry, such as <c>@incollection{key, title = {...}, ...}</c>: its type, key and fields in file order.
/// Field look-ups are case-insensitive; when a field occurs twice (a <see cref="BibtexCodes.DuplicateField"/> warning),
/// both are in <see cref="Fields"/> and look-ups return the first.
/// </summary>
public sealed class BibtexEntry : BibtexBlock
{
    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    private readonly BibtexField[] _fields;

    internal BibtexEntry(string rawEntryType, string key, BibtexField[] fields, int line, int column)
        : base(line, column)
    {
        RawEntryType = rawEntryType;
        EntryType = rawEntryType.ToLowerInvariant();
        Key = key;
        _fields = fields;
    }

    /// <summary>The entry type in lower case: <c>incollection</c> for <c>@InCollection</c>.</summary>
    public string EntryType { get; }

    /// <summary>The entry type as written.</summary>
    public string RawEntryType { get; }

    /// <summary>The citation key as written, or empty when the entry has none (reported as <see cref="BibtexCodes.MissingKey"/>).</summary>
    public string Key { get; }

    /// <summary>The fields in file order, duplicates included.</summary>
    public IReadOnlyList<BibtexField> Fields => _fields;

    /// <summary>The value of the first field with that name (case-insensitive), decoded to Unicode; null when absent.</summary>
    /// <param name="name">The field name, in any case.</param>
    public string? this[string name] => GetField(name)?.Value;

    /// <summary>The first field with that name (case-insensitive), or null.</summary>
    /// <param name="name">The field name, in any case.</param>
    public BibtexField? GetField(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var field in _fields)
        {
            if (string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase)) return field;
        }
        return null;
    }

    /// <summary>
    /// The value of the first field with that name as written: macros expanded, <c>#</c> resolved, outer delimiters removed,
    /// braces and LaTeX inside kept. Null when absent.
    /// </summary>
    /// <param name="name">The field name, in any case.</param>
    public string? GetRaw(string name) => GetField(name)?.RawValue;

    /// <summary>
    /// The names in a name field such as <c>author</c> or <c>editor</c>: split on <c>and</c> (any case, surrounded by white space)
    /// at brace depth 0, so <c>{Simon and Schuster}</c> stays one name and <c>\and</c> is not a separator. A final
    /// <c>others</c> sets <see cref="BibtexNameList.EtAl"/> instead of becoming a name. Each name is parsed from its raw text
    /// (braces and LaTeX intact) and its parts are decoded to Unicode; a comma that ends a name is dropped, as BibTeX drops
    /// it (<c>Michalski, Jaime, and Tom Mitchell</c> is two names). A name BibTeX cannot split into parts (more than
    /// two commas, as in <c>Miller, D., Firby, J.</c> where <c>and</c> was forgotten) is kept whole, decoded, as a
    /// <see cref="PersonName.Literal"/> name; a name that decodes to nothing is left out. Empty when the field is absent.
    /// Never throws on the field's content.
    /// </summary>
    /// <param name="name">The field name, in any case.</param>
    public BibtexNameList GetNames(string name) => GetNames(name, strict: false);

    /// <summary>
    /// The names in a name field; with <paramref name="strict"/>, a name that is not a BibTeX name throws
    /// <see cref="FormatException"/> (the mapping turns that into a diagnostic) instead of becoming a literal name.
    /// </summary>
    internal BibtexNameList GetNames(string name, bool strict)
    {
        var raw = GetRaw(name);
        if (raw is null) return BibtexNameList.Empty;
        var names = new List<PersonName>();
        var etAl = false;
        foreach (var (start, length) in BibtexNameSplitter.Split(raw))
        {
            var one = WithoutFinalComma(raw.AsSpan(start, length));
            if (one.IsEmpty) continue;
            if (one.Equals("others", StringComparison.OrdinalIgnoreCase))
            {
                etAl = true;
                continue;
            }
            etAl = false;
            try
            {
                names.Add(PersonName.Parse(one, LatexDecoder.Decode));
            }
            catch (FormatException) when (!strict)
            {
                var literal = LatexDecoder.Decode(one.ToString()).Trim();
                if (literal.Length > 0) names.Add(PersonName.FromLiteral(literal));
            }
        }
        return new BibtexNameList(names, etAl);
    }

    // BibTeX drops a comma that ends a name ("has a comma at the end", bibtex 0.99d): "Michalski, Jaime G. Carbonell," in
    // "Ryszard Michalski, Jaime G. Carbonell, and Tom M. Mitchell" is Last "Ryszard Michalski", First "Jaime G. Carbonell",
    // not a name with a suffix and no first name. The name arrives trimmed; a comma inside braces ends in '}', not ','.
    private static ReadOnlySpan<char> WithoutFinalComma(ReadOnlySpan<char> name) =>
        name.Length > 0 && name[^1] == ',' && (name.Length == 1 || name[^2] != '\\') ? name[..^1].TrimEnd() : name;

    /// <summary>
    /// The <c>month</c> field as a number from 1 to 12, or null when absent or not recognisable. Accepts the month macros
    /// (<c>month = mar</c>), digits (<c>3</c>, <c>03</c>) and English month names or their three-letter abbreviations (<c>Nov</c>).
    /// </summary>
    public int? GetMonth()
    {
        var field = GetField("month");
        return field is null ? null : ParseMonth(field.Value);
    }

    // A month as GetMonth reads it: digits 1..12, or an English month name or its three-letter abbreviation (a final '.' allowed).
    internal static int? ParseMonth(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length is > 0 and <= 2 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 1 and <= 12 ? number : null;
        }
        if (text.Length < 3) return null;
        if (text[^1] == '.') text = text[..^1];
        for (var i = 0; i < MonthNames.Length; i++)
        {
            var full = MonthNames[i].AsSpan();
            if (text.Equals(full, StringComparison.OrdinalIgnoreCase) || text.Equals(full[..3], StringComparison.OrdinalIgnoreCase)) return i + 1;
        }
        return null;
    }

    /// <summary>Writes the entry as it would appear in a file (fields as written, one a line).</summary>
    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }

    internal override void Write(TextWriter writer)
    {
        writer.Write('@');
        writer.Write(RawEntryType);
        writer.Write('{');
        writer.Write(Key);
        writer.Write(',');
        foreach (var field in _fields)
        {
            writer.Write("\n  ");
            field.Write(writer);
            writer.Write(',');
        }
        writer.Write("\n}");
    }
}
