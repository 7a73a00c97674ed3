using System.Collections.Concurrent;
using System.Text.Json;

namespace ScholarlyRecord.Citations;

/// <summary>
/// A CSL locale: terms (with forms, plurals and genders), ordinals, localized date formats and punctuation options.
/// All 54 CSL locales ship in the package (<see cref="Embedded"/>). Immutable and thread-safe.
/// </summary>
public sealed class CslLocale
{
    private const string ResourcePrefix = "ScholarlyRecord.Csl.locales.";
    private static readonly ConcurrentDictionary<string, CslLocale?> Cache = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Lazy<Dictionary<string, string>> PrimaryDialects = new(LoadPrimaryDialects);
    private static readonly Lazy<string[]> EmbeddedTagList = new(static () => typeof(CslLocale).Assembly.GetManifestResourceNames()
        .Where(static n => n.StartsWith(ResourcePrefix + "locales-", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal))
        .Select(static n => n[(ResourcePrefix.Length + "locales-".Length)..^4]).Order(StringComparer.Ordinal).ToArray());

    private CslLocale(CslNode root)
    {
        Tag = root.Get("xml:lang") ?? string.Empty;
        Data = new CslLocaleData(root);
    }

    /// <summary>The locale's language tag, such as <c>de-DE</c>; empty for a style locale without one.</summary>
    public string Tag { get; }

    /// <summary>The tags of the locales that ship in the package.</summary>
    public static IReadOnlyList<string> EmbeddedTags => EmbeddedTagList.Value;

    internal readonly CslLocaleData Data;

    /// <summary>Parses a locale file (<c>&lt;locale xml:lang="..."&gt;</c>).</summary>
    /// <param name="xml">The locale XML.</param>
    /// <returns>The locale.</returns>
    /// <exception cref="CslStyleException">The XML is malformed or its root is not <c>locale</c>.</exception>
    public static CslLocale Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = new StringReader(xml);
        return Parse(reader);
    }

    /// <summary>Parses a locale file from a reader.</summary>
    /// <param name="reader">The XML source.</param>
    /// <returns>The locale.</returns>
    /// <exception cref="CslStyleException">The XML is malformed or its root is not <c>locale</c>.</exception>
    public static CslLocale Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var root = CslXml.Read(reader, "locale");
        return root.Name == "locale"
            ? new CslLocale(root)
            : throw new CslStyleException(CitationCodes.UnknownLocale, $"Expected the root element <locale>, found <{root.Name}>.", root.Line, root.Column);
    }

    /// <summary>
    /// An embedded locale by tag. A tag with no file of its own falls back to its language's primary dialect
    /// (<c>de-AT</c> gives <c>de-DE</c>, <c>fr</c> gives <c>fr-FR</c>).
    /// </summary>
    /// <param name="tag">A language tag such as <c>en-US</c>, <c>de</c> or <c>pt-BR</c>.</param>
    /// <returns>The locale.</returns>
    /// <exception cref="CslStyleException">No embedded locale serves the tag (code <see cref="CitationCodes.UnknownLocale"/>).</exception>
    public static CslLocale Embedded(string tag)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        return TryEmbedded(tag) ?? throw new CslStyleException(CitationCodes.UnknownLocale, $"No embedded CSL locale for '{tag}'; expected one of {string.Join(", ", EmbeddedTags)}.", 0, 0);
    }

    /// <summary>The locale for a tag: exact file, else the language's primary dialect; null when neither exists.</summary>
    internal static CslLocale? TryEmbedded(string tag) => Cache.GetOrAdd(tag, static t =>
    {
        var exact = Load(t);
        if (exact is not null)
        {
            return exact;
        }

        var dash = t.IndexOf('-', StringComparison.Ordinal);
        var language = dash < 0 ? t : t[..dash];
        return PrimaryDialects.Value.TryGetValue(language.ToLowerInvariant(), out var dialect) ? Load(dialect) : null;
    });

    /// <summary>The primary dialect of a tag's language (<c>de</c> gives <c>de-DE</c>), or null.</summary>
    internal static string? PrimaryDialect(string tag)
    {
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        var language = dash < 0 ? tag : tag[..dash];
        // TryGetValue, not the GetValueOrDefault extension: a generic method whose first call costs the runtime a
        // dictionary look-up of its own before the first entry.
        return PrimaryDialects.Value.TryGetValue(language.ToLowerInvariant(), out var dialect) ? dialect : null;
    }

    private static CslLocale? Load(string tag)
    {
        // The tag as written first (en-US, de-DE: one resource look-up); only another spelling (en-us) needs the list
        // of resources, which is sorted for EmbeddedTags and costs more on the first call.
        var assembly = typeof(CslLocale).Assembly;
        var stream = assembly.GetManifestResourceStream(ResourcePrefix + "locales-" + tag + ".xml");
        if (stream is null)
        {
            string? name = null;
            foreach (var t in EmbeddedTagList.Value)
            {
                if (string.Equals(t, tag, StringComparison.OrdinalIgnoreCase))
                {
                    name = t;
                    break;
                }
            }

            stream = name is null ? null : assembly.GetManifestResourceStream(ResourcePrefix + "locales-" + name + ".xml");
        }

        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    private static Dictionary<string, string> LoadPrimaryDialects()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = typeof(CslLocale).Assembly.GetManifestResourceStream(ResourcePrefix + "locales.json");
        if (stream is null)
        {
            return result;
        }

        using var document = JsonDocument.Parse(stream);
        if (document.RootElement.TryGetProperty("primary-dialects", out var dialects))
        {
            foreach (var pair in dialects.EnumerateObject())
            {
                result[pair.Name] = pair.Value.GetString() ?? pair.Name;
            }
        }

        return result;
    }

    internal static CslLocale FromStyleNode(CslNode node) => new(node);

    /// <summary>The locale's tag.</summary>
    /// <returns><see cref="Tag"/>.</returns>
    public override string ToString() => Tag;
}
