namespace ScholarlyRecord.Citations;

/// <summary>
/// Formats a chapter as a reference in a citation style: SpringerLink's "Cite this chapter" line, or any CSL style
/// (<see cref="CitationStyle.FromCsl(CslStyle, string?, string?)"/>, <see cref="CitationStyles.FindByName"/>).
/// </summary>
/// <example>
/// <code>
/// string line = Citation.Format(chapter, CitationStyle.SpringerLink);
/// // Haslam, J. (1992). Conclusions. In: The Soviet Union and the Threat from the East, 1933–41. ...
/// string apa = Citation.Format(chapter, CitationStyles.FindByName("apa")!, CitationOutput.Html);
/// </code>
/// </example>
public static class Citation
{
    /// <summary>Formats <paramref name="chapter"/> in <paramref name="style"/> as plain text or as HTML.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="style">The style, such as <see cref="CitationStyle.SpringerLink"/> or one from <see cref="CitationStyles"/>.</param>
    /// <param name="output">
    /// Plain text (the default) or an HTML fragment. SpringerLink's HTML escapes the text, puts italics inside
    /// <c>&lt;i&gt;</c> and links the DOI; a CSL style's HTML follows the CSL test-suite's conventions.
    /// </param>
    /// <returns>The reference, with no trailing white space: a CSL style's bibliography entry (its citation when the style has no bibliography).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chapter"/> or <paramref name="style"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="output"/> is not a defined value.</exception>
    public static string Format(Chapter chapter, CitationStyle style, CitationOutput output = CitationOutput.Text)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        ArgumentNullException.ThrowIfNull(style);
        if (output is not (CitationOutput.Text or CitationOutput.Html)) throw new ArgumentOutOfRangeException(nameof(output), output, "Unknown citation output.");
        return style.Format(chapter, output);
    }
}
