namespace ScholarlyRecord.Citations;

/// <summary>
/// A citation style: the rules that turn a chapter into a formatted reference, for <see cref="Citation.Format"/>.
/// </summary>
/// <remarks>
/// A class rather than an enum so that styles can be added without breaking callers. The hand-written style is
/// <see cref="SpringerLink"/>; any CSL style becomes one through <see cref="FromCsl(CslStyle, string?, string?)"/>, and
/// <see cref="CitationStyles.FindByName"/> finds the embedded ones by name. Styles are immutable and safe to share
/// between threads.
/// </remarks>
public abstract class CitationStyle
{
    private protected CitationStyle(string name, string title, CslProcessor? processor)
    {
        Name = name;
        Title = title;
        Processor = processor;
    }

    /// <summary>The style's short name, such as <c>springer-link</c> or <c>apa</c>.</summary>
    public string Name { get; }

    /// <summary>The style's title for people, such as <c>American Psychological Association 7th edition</c>.</summary>
    public string Title { get; }

    /// <summary>
    /// The CSL processor behind the style (for whole bibliographies, citations and items of every type), or null for
    /// a hand-written style such as <see cref="SpringerLink"/>.
    /// </summary>
    public CslProcessor? Processor { get; }

    /// <summary>
    /// The reference line SpringerLink prints under "Cite this chapter":
    /// <c>Haslam, J. (1992). Conclusions. In: The Soviet Union and the Threat from the East, 1933–41. Studies in Soviet
    /// History and Society. Palgrave Macmillan, London. https://doi.org/10.1007/978-1-349-05679-8_7</c>.
    /// docs/citation-styles.md gives the rules.
    /// </summary>
    public static CitationStyle SpringerLink { get; } = new SpringerLinkStyle();

    /// <summary>A CSL style as a citation style: each chapter is rendered as its bibliography entry.</summary>
    /// <param name="style">The CSL style; a dependent style is resolved to its parent (embedded set, then <paramref name="stylesDirectory"/>).</param>
    /// <param name="locale">A locale tag such as <c>de-DE</c>; null for the style's default locale, else en-US.</param>
    /// <param name="stylesDirectory">A directory of <c>.csl</c> files where a dependent style's parent may be, or null.</param>
    /// <returns>The style, named after the last segment of the CSL style's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="style"/> is null.</exception>
    /// <exception cref="CslStyleException">A dependent style's parent is missing, or the locale is unknown (<see cref="CitationCodes.UnknownLocale"/>).</exception>
    /// <example><code>
    /// var style = CitationStyle.FromCsl(CslStyle.Load("nature.csl"), "en-GB");
    /// string entry = Citation.Format(chapter, style);
    /// </code></example>
    public static CitationStyle FromCsl(CslStyle style, string? locale = null, string? stylesDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(style);
        return FromCsl(new CslProcessor(style, locale, stylesDirectory));
    }

    /// <summary>A CSL processor (a style with its locale) as a citation style.</summary>
    /// <param name="processor">The processor.</param>
    /// <returns>The style, named after the last segment of the processor's style id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="processor"/> is null.</exception>
    public static CitationStyle FromCsl(CslProcessor processor)
    {
        ArgumentNullException.ThrowIfNull(processor);
        return new CslCitationStyle(processor, CslCitationStyle.ShortName(processor.Style.Id));
    }

    /// <summary>Formats one chapter.</summary>
    internal abstract string Format(Chapter chapter, CitationOutput output);

    /// <summary>The style's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}
