namespace ScholarlyRecord.Formats;

/// <summary>How one piece of a BibTeX value was written.</summary>
public enum BibtexValueKind
{
    /// <summary>Delimited by braces: <c>{text}</c>.</summary>
    Braced,

    /// <summary>Delimited by double quotes: <c>"text"</c>.</summary>
    Quoted,

    /// <summary>Written bare: digits such as <c>1999</c> (or another bare literal, reported with <see cref="BibtexCodes.BareValue"/>).</summary>
    Number,

    /// <summary>A macro name such as <c>mar</c> or one defined by <c>@string</c>.</summary>
    Macro,
}

/// <summary>
/// One piece of a value; pieces are joined by <c>#</c>. <see cref="Text"/> is what the file says between the
/// delimiters (or the macro name); <see cref="Expansion"/> is what the piece contributes to the value.
/// </summary>
/// <param name="Kind">How the piece was written.</param>
/// <param name="Text">The text between the delimiters, the digits, or the macro name as written.</param>
/// <param name="Expansion">
/// The raw text the piece stands for: <see cref="Text"/> itself, except for a defined macro, which gives the macro's raw value.
/// The predefined month macros <c>jan</c>..<c>dec</c> expand to the English month names (<c>January</c>..), as BibTeX's standard styles define them.
/// </param>
/// <param name="IsDefined">False only for a macro that no <c>@string</c> defines (its <see cref="Expansion"/> is then its name).</param>
public sealed record BibtexValuePart(BibtexValueKind Kind, string Text, string Expansion, bool IsDefined = true)
{
    internal void Write(TextWriter writer)
    {
        switch (Kind)
        {
            case BibtexValueKind.Braced:
                writer.Write('{');
                writer.Write(Text);
                writer.Write('}');
                break;
            case BibtexValueKind.Quoted:
                writer.Write('"');
                writer.Write(Text);
                writer.Write('"');
                break;
            default:
                writer.Write(Text);
                break;
        }
    }

    internal static void WriteAll(TextWriter writer, IReadOnlyList<BibtexValuePart> parts)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0) writer.Write(" # ");
            parts[i].Write(writer);
        }
    }

    internal static string Join(BibtexValuePart[] parts)
    {
        if (parts.Length == 1) return parts[0].Expansion;
        var total = 0;
        foreach (var p in parts) total += p.Expansion.Length;
        return string.Create(total, parts, static (span, ps) =>
        {
            foreach (var p in ps)
            {
                p.Expansion.AsSpan().CopyTo(span);
                span = span[p.Expansion.Length..];
            }
        });
    }
}
