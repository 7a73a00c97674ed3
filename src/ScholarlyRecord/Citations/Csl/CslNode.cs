namespace ScholarlyRecord.Citations;

/// <summary>One element of a parsed style or locale: its name, attributes, children and text, with its place.</summary>
internal sealed class CslNode
{
    private static readonly Dictionary<string, string> NoAttributes = new(StringComparer.Ordinal);

    public CslNode(string name, Dictionary<string, string>? attributes, int line, int column)
    {
        Name = name;
        Attributes = attributes ?? NoAttributes;
        Line = line;
        Column = column;
        Prefix = Get("prefix");
        Suffix = Get("suffix");
        Delimiter = Get("delimiter");
        Display = Get("display");
        FontStyle = Get("font-style");
        FontVariant = Get("font-variant");
        FontWeight = Get("font-weight");
        TextDecoration = Get("text-decoration");
        VerticalAlign = Get("vertical-align");
        TextCase = Get("text-case");
        Quotes = Get("quotes") == "true";
        StripPeriods = Get("strip-periods") == "true";
        Variable = Get("variable");
        HasFormatting = FontStyle is not null || FontVariant is not null || FontWeight is not null || TextDecoration is not null || VerticalAlign is not null;
    }

    public string Name { get; }

    public Dictionary<string, string> Attributes { get; }

    public List<CslNode> Children { get; } = [];

    public string Text { get; set; } = string.Empty;

    public int Line { get; }

    public int Column { get; }

    public string? Prefix { get; }

    public string? Suffix { get; }

    public string? Delimiter { get; }

    public string? Display { get; }

    public string? FontStyle { get; }

    public string? FontVariant { get; }

    public string? FontWeight { get; }

    public string? TextDecoration { get; }

    public string? VerticalAlign { get; }

    public string? TextCase { get; }

    public bool Quotes { get; }

    public bool StripPeriods { get; }

    public bool HasFormatting { get; }

    public string? Variable { get; }

    /// <summary>The macro node a <c>text macro</c> refers to, linked after parsing.</summary>
    public CslNode? Macro { get; set; }

    public string? Get(string name) => Attributes.TryGetValue(name, out var value) ? value : null;

    public CslNode? Child(string name)
    {
        foreach (var child in Children)
        {
            if (child.Name == name)
            {
                return child;
            }
        }

        return null;
    }

    public override string ToString() => $"<{Name}> at {Line}:{Column}";
}
