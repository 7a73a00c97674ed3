using System.Text;

namespace ScholarlyRecord.Citations;

/// <summary>
/// Collects a reference as plain text or HTML: styles say what a piece is (text, italic text, a link) and the writer
/// decides how it looks, so that one style serves both outputs.
/// </summary>
internal sealed class CitationWriter(bool html)
{
    private readonly StringBuilder _builder = new(256);

    /// <summary>The last character of the plain text written so far, or '\0' when none (markup is not counted).</summary>
    public char LastChar { get; private set; }

    /// <summary>Writes text.</summary>
    public CitationWriter Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return this;
        if (html) AppendEscaped(_builder, text);
        else _builder.Append(text);
        LastChar = text[^1];
        return this;
    }

    /// <summary>Writes one character.</summary>
    public CitationWriter Text(char c)
    {
        if (html && c is '&' or '<' or '>' or '"' or '\'') AppendEscaped(_builder, c);
        else _builder.Append(c);
        LastChar = c;
        return this;
    }

    /// <summary>Writes text in italics (plain text shows it as is).</summary>
    public CitationWriter Italic(string? text)
    {
        if (string.IsNullOrEmpty(text)) return this;
        if (html) _builder.Append("<i>");
        Text(text);
        if (html) _builder.Append("</i>");
        return this;
    }

    /// <summary>Writes a URL; HTML makes it a link that shows the URL itself.</summary>
    public CitationWriter Url(string url)
    {
        if (html)
        {
            _builder.Append("<a href=\"");
            AppendEscaped(_builder, url);
            _builder.Append("\">");
        }

        Text(url);
        if (html) _builder.Append("</a>");
        return this;
    }

    /// <summary>Writes ". " (or just " " when the text already ends with '.', '?' or '!').</summary>
    public CitationWriter EndPart()
    {
        if (LastChar is not ('.' or '?' or '!')) Text('.');
        return Text(' ');
    }

    /// <summary>The text, with trailing spaces removed.</summary>
    public override string ToString()
    {
        var length = _builder.Length;
        while (length > 0 && _builder[length - 1] == ' ') length--;
        return _builder.ToString(0, length);
    }

    /// <summary>Appends <paramref name="text"/> with the five HTML-significant characters escaped.</summary>
    internal static void AppendEscaped(StringBuilder builder, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('&' or '<' or '>' or '"' or '\'')) continue;
            builder.Append(text, start, i - start);
            AppendEscaped(builder, text[i]);
            start = i + 1;
        }

        builder.Append(text, start, text.Length - start);
    }

    private static void AppendEscaped(StringBuilder builder, char c) => builder.Append(c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        _ => "&#39;",
    });
}
