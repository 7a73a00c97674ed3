namespace ScholarlyRecord.Citations;

/// <summary>
/// A citation style: the rules that turn a chapter into a formatted reference.
/// </summary>
/// <remarks>
/// A class rather than an enum so that styles can be added without breaking callers (styles loaded from CSL files
/// among them). The built-in styles are static properties, such as <see cref="SpringerLink"/>. Styles are immutable
/// and safe to share between threads.
/// </remarks>
public abstract class CitationStyle
{
    private protected CitationStyle(string name) => Name = name;

    /// <summary>The style's name, such as <c>springerlink</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The reference line SpringerLink prints under "Cite this chapter":
    /// <c>Haslam, J. (1992). Conclusions. In: The Soviet Union and the Threat from the East, 1933–41. Studies in Soviet
    /// History and Society. Palgrave Macmillan, London. https://doi.org/10.1007/978-1-349-05679-8_7</c>.
    /// docs/citation-styles.md gives the rules.
    /// </summary>
    public static CitationStyle SpringerLink { get; } = new SpringerLinkStyle();

    /// <summary>Writes the reference for <paramref name="chapter"/>.</summary>
    internal abstract void Write(Chapter chapter, CitationWriter writer);

    /// <summary>The style's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}
