namespace ScholarlyRecord.Citations;

/// <summary>
/// The citation styles that ship in the package, found by name: <c>springer-link</c> (SpringerLink's "Cite this
/// chapter" line) and the embedded CSL styles (<see cref="CslStyle.EmbeddedIds"/>, such as <c>apa</c> and
/// <c>ieee</c>), each in its default locale. Any other CSL style comes from a file through
/// <see cref="CitationStyle.FromCsl(CslStyle, string?, string?)"/>.
/// </summary>
/// <example><code>
/// CitationStyle apa = CitationStyles.FindByName("apa") ?? throw new InvalidOperationException();
/// string entry = Citation.Format(chapter, apa);
/// </code></example>
public static class CitationStyles
{
    private const string CslIdPrefix = "http://www.zotero.org/styles/";

    // Each entry: the name, its aliases and the style, built (and its CSL parsed) on first use.
    private static readonly (string Name, string[] Aliases, Lazy<CitationStyle> Style)[] Entries =
    [
        ("springer-link", ["springerlink"], new Lazy<CitationStyle>(() => CitationStyle.SpringerLink)),
        .. CslStyle.EmbeddedIds.Select(static id => (id, Aliases(id), new Lazy<CitationStyle>(() => CitationStyle.FromCsl(CslStyle.Embedded(id))))),
    ];

    /// <summary>The names <see cref="FindByName"/> knows, one per style: <c>springer-link</c>, then the embedded CSL style ids.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(static e => e.Name)];

    /// <summary>Every style of <see cref="Names"/>, in that order (the CSL styles are parsed on first use).</summary>
    public static IReadOnlyList<CitationStyle> All => [.. Entries.Select(static e => e.Style.Value)];

    /// <summary>
    /// The style with this name or alias, compared without regard to case: a name of <see cref="Names"/>, a CSL
    /// style's full id (<c>http://www.zotero.org/styles/apa</c>), <c>springerlink</c>, or <c>mla</c>.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>The style (the same instance on every call), or null when no style has that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static CitationStyle? FindByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (entryName, aliases, style) in Entries)
        {
            if (string.Equals(entryName, name, StringComparison.OrdinalIgnoreCase)) return style.Value;
            foreach (var alias in aliases)
            {
                if (string.Equals(alias, name, StringComparison.OrdinalIgnoreCase)) return style.Value;
            }
        }

        return null;
    }

    private static string[] Aliases(string id) => id switch
    {
        "modern-language-association" => [CslIdPrefix + id, "mla"],
        _ => [CslIdPrefix + id],
    };
}
