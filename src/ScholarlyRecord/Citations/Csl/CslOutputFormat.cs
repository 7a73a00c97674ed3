using System.Text;

namespace ScholarlyRecord.Citations;

/// <summary>The markup of one output format: how text is escaped and how formatting and display are written.</summary>
internal abstract class CslOutputFormat
{
    public abstract void Escape(StringBuilder builder, string text);

    /// <summary>The opening and closing markup for one formatting attribute value, or null for none.</summary>
    public abstract (string Open, string Close)? Formatting(string attribute, string value, bool alreadyOn);

    public abstract (string Open, string Close)? Display(string display);

    public abstract string BibliographyStart { get; }

    public abstract string BibliographyEnd { get; }

    public abstract string EntryStart { get; }

    public abstract string EntryEnd { get; }

    public static CslOutputFormat For(CitationOutput output) => output == CitationOutput.Html ? CslHtmlFormat.Instance : CslTextFormat.Instance;
}

/// <summary>Plain text: formatting is dropped, nothing is escaped.</summary>
internal sealed class CslTextFormat : CslOutputFormat
{
    public static readonly CslTextFormat Instance = new();

    public override string BibliographyStart => string.Empty;

    public override string BibliographyEnd => string.Empty;

    public override string EntryStart => string.Empty;

    public override string EntryEnd => "\n";

    public override void Escape(StringBuilder builder, string text) => builder.Append(text);

    public override (string Open, string Close)? Formatting(string attribute, string value, bool alreadyOn) => null;

    // second-field-align in plain text: the first field (e.g. "[1]") is followed by one space, as citeproc-js writes it;
    // the other display values add nothing in text.
    public override (string Open, string Close)? Display(string display) => display == "left-margin" ? (string.Empty, " ") : null;
}

/// <summary>HTML as the CSL test-suite writes it.</summary>
internal sealed class CslHtmlFormat : CslOutputFormat
{
    public static readonly CslHtmlFormat Instance = new();

    public override string BibliographyStart => "<div class=\"csl-bib-body\">\n";

    public override string BibliographyEnd => "</div>";

    public override string EntryStart => "  <div class=\"csl-entry\">";

    public override string EntryEnd => "</div>\n";

    public override void Escape(StringBuilder builder, string text)
    {
        var inSup = false;
        foreach (var c in text)
        {
            var plain = Superscript(c);
            if (plain != '\0')
            {
                builder.Append("<sup>").Append(plain).Append("</sup>");
                continue;
            }

            if (inSup)
            {
                builder.Append("</sup>");
                inSup = false;
            }

            switch (c)
            {
                case '&':
                    builder.Append("&#38;");
                    break;
                case '<':
                    builder.Append("&#60;");
                    break;
                case '>':
                    builder.Append("&#62;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        if (inSup)
        {
            builder.Append("</sup>");
        }
    }

    private static char Superscript(char c) => c switch
    {
        'ª' => 'a',
        'º' => 'o',
        'ᵉ' => 'e',
        'ʳ' => 'r',
        'ˢ' => 's',
        'ᵈ' => 'd',
        'ⁿ' => 'n',
        'ʰ' => 'h',
        'ᵗ' => 't',
        'ˡ' => 'l',
        'ᵐ' => 'm',
        'ᵒ' => 'o',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁰' => '0',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => '\0',
    };

    public override (string Open, string Close)? Formatting(string attribute, string value, bool alreadyOn) => (attribute, value) switch
    {
        ("font-style", "italic" or "oblique") => alreadyOn ? ("<span style=\"font-style:normal;\">", "</span>") : ("<i>", "</i>"),
        ("font-style", "normal") => alreadyOn ? ("<span style=\"font-style:normal;\">", "</span>") : null,
        ("font-weight", "bold") => alreadyOn ? ("<span style=\"font-weight:normal;\">", "</span>") : ("<b>", "</b>"),
        ("font-weight", "normal") => alreadyOn ? ("<span style=\"font-weight:normal;\">", "</span>") : null,
        ("font-weight", "light") => ("<span style=\"font-weight:light;\">", "</span>"),
        ("font-variant", "small-caps") => alreadyOn ? ("<span style=\"font-variant:normal;\">", "</span>") : ("<span style=\"font-variant:small-caps;\">", "</span>"),
        ("font-variant", "normal") => alreadyOn ? ("<span style=\"font-variant:normal;\">", "</span>") : null,
        ("text-decoration", "underline") => ("<span style=\"text-decoration:underline;\">", "</span>"),
        ("text-decoration", "none") => ("<span style=\"text-decoration:none;\">", "</span>"),
        ("vertical-align", "sup") => ("<sup>", "</sup>"),
        ("vertical-align", "sub") => ("<sub>", "</sub>"),
        ("vertical-align", "baseline") => ("<span style=\"baseline\">", "</span>"),
        _ => null,
    };

    public override (string Open, string Close)? Display(string display) => display switch
    {
        "block" => ("\n\n    <div class=\"csl-block\">", "</div>\n"),
        "left-margin" => ("\n    <div class=\"csl-left-margin\">", "</div>"),
        "right-inline" => ("<div class=\"csl-right-inline\">", "</div>\n  "),
        "indent" => ("<div class=\"csl-indent\">", "</div>\n  "),
        _ => null,
    };
}
