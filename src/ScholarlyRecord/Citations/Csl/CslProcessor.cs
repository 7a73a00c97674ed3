using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Citations;

/// <summary>
/// A CSL 1.0.2 citation processor for one style and locale. Build it once; it is immutable and thread-safe. The
/// per-document state (registered items, positions, disambiguation, year suffixes) lives in a <see cref="CslDocument"/>
/// made by <see cref="CreateDocument"/>.
/// </summary>
/// <example><code>
/// var processor = new CslProcessor(CslStyle.Embedded("apa"), "en-US");
/// var document = processor.CreateDocument(CslJsonDocument.Parse(json).Items);
/// string html = document.Bibliography(CitationOutput.Html);
/// </code></example>
public sealed class CslProcessor
{
    /// <summary>Creates a processor.</summary>
    /// <param name="style">The style; a dependent style is resolved to its parent (embedded set, then <paramref name="stylesDirectory"/>).</param>
    /// <param name="locale">A locale tag such as <c>de-DE</c>; null for the style's default locale, else en-US.</param>
    /// <param name="stylesDirectory">Where to look for a dependent style's parent, or null.</param>
    /// <exception cref="CslStyleException">A dependent style's parent is missing, or the locale is unknown.</exception>
    public CslProcessor(CslStyle style, string? locale = null, string? stylesDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(style);
        var independent = style.ResolveIndependent(stylesDirectory);
        var tag = locale ?? style.DefaultLocale ?? independent.DefaultLocale ?? "en-US";
        if (locale is not null && CslLocale.TryEmbedded(locale) is null)
        {
            throw new CslStyleException(CitationCodes.UnknownLocale, $"No CSL locale for '{locale}'; expected one of {string.Join(", ", CslLocale.EmbeddedTags)}.", 0, 0);
        }

        Style = independent;
        Engine = new CslEngine(independent, new CslLocaleChain(independent, tag, null));
    }

    /// <summary>Creates a processor with an explicit locale.</summary>
    /// <param name="style">The style (dependent styles are resolved through the embedded set).</param>
    /// <param name="locale">The locale; the style's own locale elements still take precedence, and en-US is the last fallback.</param>
    public CslProcessor(CslStyle style, CslLocale locale)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(locale);
        Style = style.ResolveIndependent();
        Engine = new CslEngine(Style, new CslLocaleChain(Style, locale.Tag.Length > 0 ? locale.Tag : "en-US", locale));
    }

    /// <summary>The independent style the processor renders with.</summary>
    public CslStyle Style { get; }

    /// <summary>The locale tag in use.</summary>
    public string LocaleTag => Engine.Locale.Tag;

    internal readonly CslEngine Engine;

    /// <summary>Starts a document with the given items registered (in this order).</summary>
    /// <param name="items">The items; ids should be unique (a repeated id keeps its first item).</param>
    /// <returns>The document.</returns>
    public CslDocument CreateDocument(IEnumerable<CslItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new CslDocument(Engine, items);
    }

    /// <summary>Formats chapters as a bibliography in a style: one entry per chapter, in the style's order.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="style">The style.</param>
    /// <param name="output">Text or HTML.</param>
    /// <param name="locale">A locale tag, or null for the style's default.</param>
    /// <returns>The entries, in bibliography order.</returns>
    public static IReadOnlyList<string> FormatBibliography(IEnumerable<Chapter> chapters, CslStyle style, CitationOutput output = CitationOutput.Text, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(style);
        var processor = new CslProcessor(style, locale);
        return processor.CreateDocument(CslChapterItems.From(chapters)).BibliographyEntries(output);
    }
}
