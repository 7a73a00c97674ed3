namespace ScholarlyRecord.Citations;

/// <summary>
/// Formats a chapter as a reference in a citation style, such as SpringerLink's "Cite this chapter" line.
/// </summary>
/// <example>
/// <code>
/// string line = Citation.Format(chapter, CitationStyle.SpringerLink);
/// // Haslam, J. (1992). Conclusions. In: The Soviet Union and the Threat from the East, 1933–41. ...
/// </code>
/// </example>
public static class Citation
{
    /// <summary>Formats <paramref name="chapter"/> as plain text in <paramref name="style"/>.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="style">The style, such as <see cref="CitationStyle.SpringerLink"/>.</param>
    /// <returns>The reference, one line, with no trailing white space.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chapter"/> or <paramref name="style"/> is null.</exception>
    public static string Format(Chapter chapter, CitationStyle style) => Format(chapter, style, CitationFormat.PlainText);

    /// <summary>
    /// Formats <paramref name="chapter"/> as an HTML fragment in <paramref name="style"/>: the plain text HTML-escaped,
    /// the parts the style italicises inside <c>&lt;i&gt;</c>, and the DOI as a link.
    /// </summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="style">The style, such as <see cref="CitationStyle.SpringerLink"/>.</param>
    /// <returns>The HTML fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chapter"/> or <paramref name="style"/> is null.</exception>
    public static string FormatHtml(Chapter chapter, CitationStyle style) => Format(chapter, style, CitationFormat.Html);

    /// <summary>Formats <paramref name="chapter"/> in <paramref name="style"/> as plain text or as HTML.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="style">The style, such as <see cref="CitationStyle.SpringerLink"/>.</param>
    /// <param name="format">Plain text or HTML.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chapter"/> or <paramref name="style"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static string Format(Chapter chapter, CitationStyle style, CitationFormat format)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        ArgumentNullException.ThrowIfNull(style);
        if (format is not (CitationFormat.PlainText or CitationFormat.Html)) throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown citation format.");
        var writer = new CitationWriter(format == CitationFormat.Html);
        style.Write(chapter, writer);
        return writer.ToString();
    }
}

/// <summary>The markup a formatted reference is written in.</summary>
public enum CitationFormat
{
    /// <summary>Plain text, with no markup.</summary>
    PlainText,

    /// <summary>An HTML fragment: escaped text, <c>&lt;i&gt;</c> for italics and <c>&lt;a href&gt;</c> for links.</summary>
    Html,
}
