using System.Reflection;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Citations;

/// <summary>Whether a style puts its citations in the running text or in notes.</summary>
public enum CslStyleClass
{
    /// <summary>Citations in the text, such as <c>(Doe 2020)</c> or <c>[1]</c>.</summary>
    InText,

    /// <summary>Citations in footnotes or endnotes.</summary>
    Note,
}

/// <summary>
/// A parsed CSL 1.0.2 style. Parse it once (from text, a reader, a stream, a file or the embedded set) and share it:
/// a style is immutable and safe to use from any number of threads and processors.
/// </summary>
/// <example><code>
/// var style = CslStyle.Embedded("apa");
/// var processor = new CslProcessor(style);
/// </code></example>
public sealed class CslStyle
{
    private const string ResourcePrefix = "ScholarlyRecord.Csl.styles.";

    private static readonly string[] EmbeddedStyleIds =
    [
        "apa", "chicago-author-date", "chicago-note-bibliography", "harvard-cite-them-right", "ieee",
        "modern-language-association", "springer-basic-author-date", "vancouver",
    ];

    private CslStyle(CslNode root, IReadOnlyList<Diagnostic> diagnostics)
    {
        Root = root;
        Diagnostics = diagnostics;
        var info = root.Child("info");
        Id = info?.Child("id")?.Text.Trim() ?? string.Empty;
        Title = info?.Child("title")?.Text.Trim() ?? string.Empty;
        Class = root.Get("class") == "note" ? CslStyleClass.Note : CslStyleClass.InText;
        DefaultLocale = root.Get("default-locale");
        if (info is not null)
        {
            foreach (var link in info.Children)
            {
                if (link.Name == "link" && link.Get("rel") == "independent-parent")
                {
                    ParentId = link.Get("href");
                }
            }
        }

        Citation = root.Child("citation");
        Bibliography = root.Child("bibliography");

        // Plain loops and a plain dictionary: this runs once per style on the cold path, where every LINQ operator and
        // frozen-collection strategy is one more method to compile before the first entry.
        var locales = new List<CslNode>();
        var macros = new Dictionary<string, CslNode>(StringComparer.Ordinal);
        foreach (var child in root.Children)
        {
            if (child.Name == "locale")
            {
                locales.Add(child);
            }
            else if (child.Name == "macro" && child.Get("name") is { } name)
            {
                macros.TryAdd(name, child);
            }
        }

        Locales = locales;
        Macros = macros;
    }

    /// <summary>The ids of the styles that ship in the package, such as <c>apa</c> and <c>ieee</c>.</summary>
    public static IReadOnlyList<string> EmbeddedIds => EmbeddedStyleIds;

    /// <summary>The style's id from its <c>info</c> (usually a URI).</summary>
    public string Id { get; }

    /// <summary>The style's title.</summary>
    public string Title { get; }

    /// <summary>Whether citations go in the text or in notes.</summary>
    public CslStyleClass Class { get; }

    /// <summary>The style's <c>default-locale</c>, or null.</summary>
    public string? DefaultLocale { get; }

    /// <summary>Whether this is a dependent style (one that only names a parent).</summary>
    public bool IsDependent => ParentId is not null && Citation is null;

    /// <summary>The parent's id (a URI whose last segment is the parent's file name), for a dependent style.</summary>
    public string? ParentId { get; }

    /// <summary>Warnings found while parsing, such as variable names that CSL does not define.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    // Fields rather than properties: the renderer reads them on every node, and each property accessor is one more
    // method for the JIT to compile on the first entry.
    internal readonly CslNode Root;

    internal readonly CslNode? Citation;

    internal readonly CslNode? Bibliography;

    internal readonly IReadOnlyList<CslNode> Locales;

    /// <summary>The macros by name; the first of two with one name wins.</summary>
    internal readonly Dictionary<string, CslNode> Macros;

    /// <summary>Parses a style from its XML text.</summary>
    /// <param name="xml">The style.</param>
    /// <returns>The style.</returns>
    /// <exception cref="CslStyleException">The XML is malformed or breaks the CSL grammar.</exception>
    public static CslStyle Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = new StringReader(xml);
        return Parse(reader);
    }

    /// <summary>Parses a style from a reader.</summary>
    /// <param name="reader">The XML source.</param>
    /// <returns>The style.</returns>
    /// <exception cref="CslStyleException">The XML is malformed or breaks the CSL grammar.</exception>
    public static CslStyle Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var root = CslXml.Read(reader, "style");
        var diagnostics = new List<Diagnostic>();
        CslStyleValidator.Validate(root, diagnostics);
        return new CslStyle(root, diagnostics);
    }

    /// <summary>Parses a style from a UTF-8 stream.</summary>
    /// <param name="stream">The XML source.</param>
    /// <returns>The style.</returns>
    /// <exception cref="CslStyleException">The XML is malformed or breaks the CSL grammar.</exception>
    public static CslStyle Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, leaveOpen: true);
        return Parse(reader);
    }

    /// <summary>Loads a style from a <c>.csl</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The style.</returns>
    /// <exception cref="CslStyleException">The XML is malformed or breaks the CSL grammar.</exception>
    public static CslStyle Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>One of the styles that ship in the package (<see cref="EmbeddedIds"/>).</summary>
    /// <param name="id">The short id, such as <c>apa</c>.</param>
    /// <returns>The style, parsed once and cached.</returns>
    /// <exception cref="ArgumentException">No embedded style has that id.</exception>
    public static CslStyle Embedded(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return TryEmbedded(id) ?? throw new ArgumentException($"No embedded CSL style '{id}'; the embedded styles are {string.Join(", ", EmbeddedStyleIds)}.", nameof(id));
    }

    /// <summary>
    /// The style to render with: this style when it is independent, else its parent, looked up in the embedded set and
    /// then as <c>&lt;parent&gt;.csl</c> in <paramref name="stylesDirectory"/>.
    /// </summary>
    /// <param name="stylesDirectory">A directory of <c>.csl</c> files, or null for the embedded set only.</param>
    /// <returns>An independent style.</returns>
    /// <exception cref="CslStyleException">The parent is not found (the message names its id).</exception>
    public CslStyle ResolveIndependent(string? stylesDirectory = null)
    {
        if (!IsDependent)
        {
            return this;
        }

        var name = ParentId!.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var parent = TryEmbedded(name);
        if (parent is null && stylesDirectory is not null)
        {
            var path = Path.Combine(stylesDirectory, name + ".csl");
            if (File.Exists(path))
            {
                parent = Load(path);
            }
        }

        if (parent is null)
        {
            throw new CslStyleException(CitationCodes.MissingParent, $"The parent style '{ParentId}' of dependent style '{Id}' was not found in the embedded styles{(stylesDirectory is null ? string.Empty : " or in " + stylesDirectory)}.", 0, 0);
        }

        return parent.IsDependent ? throw new CslStyleException(CitationCodes.MissingParent, $"The parent style '{ParentId}' is itself dependent.", 0, 0) : parent;
    }

    private static readonly Dictionary<string, CslStyle> Cache = new(StringComparer.Ordinal);

    private static CslStyle? TryEmbedded(string id)
    {
        if (Array.IndexOf(EmbeddedStyleIds, id) < 0)
        {
            return null;
        }

        lock (Cache)
        {
            if (Cache.TryGetValue(id, out var cached))
            {
                return cached;
            }

            using var stream = typeof(CslStyle).Assembly.GetManifestResourceStream(ResourcePrefix + id + ".csl");
            if (stream is null)
            {
                return null;
            }

            var style = Parse(stream);
            Cache[id] = style;
            return style;
        }
    }

    /// <summary>The style's title and id.</summary>
    /// <returns>The title.</returns>
    public override string ToString() => $"{Title} ({Id})";
}
