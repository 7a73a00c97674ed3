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

    public readonly string Name;

    public readonly Dictionary<string, string> Attributes;

    public readonly List<CslNode> Children = [];

    public string Text = string.Empty;

    public readonly int Line;

    public readonly int Column;

    public readonly string? Prefix;

    public readonly string? Suffix;

    public readonly string? Delimiter;

    public readonly string? Display;

    public readonly string? FontStyle;

    public readonly string? FontVariant;

    public readonly string? FontWeight;

    public readonly string? TextDecoration;

    public readonly string? VerticalAlign;

    public readonly string? TextCase;

    public readonly bool Quotes;

    public readonly bool StripPeriods;

    public readonly bool HasFormatting;

    public readonly string? Variable;

    /// <summary>The macro node a <c>text macro</c> refers to, linked after parsing.</summary>
    public CslNode? Macro;

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
