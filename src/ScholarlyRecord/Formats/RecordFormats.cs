
namespace ScholarlyRecord.Formats;

/// <summary>
/// Every record format the library knows, so that tools can choose one by name (<c>bibtex</c>) or by a file's
/// extension (<c>.bib</c>).
/// </summary>
public static partial class RecordFormats
{
    /// <summary>
    /// The formats, in the order used to break ties between extensions: where two formats claim the same extension
    /// (<c>.json</c> is the library's JSON, CSL-JSON and a Crossref response), the earlier one wins; name the format to choose another,
    /// or let <see cref="FindByContent"/> tell them apart.
    /// </summary>
    public static IReadOnlyList<RecordFormat> All { get; } = ValueList.From(
    [
        ScholarlyJson.Format,
        ScholarlyJson.LinesFormat,
        CslJson.Format,
        Bibtex.Format,
        Bibtex.BiblatexFormat,
        Ris.Format,
        Endnote.Format,
        SchemaOrg.Format,
        Crossref.Format,
        Highwire.Format,
    ]);

    /// <summary>Finds a format by its name or one of its aliases, ordinally ignoring case.</summary>
    /// <param name="nameOrAlias">The name or alias, such as <c>bibtex</c>, <c>bib</c>, <c>ris</c>, <c>enw</c> or <c>csl</c>.</param>
    /// <returns>The format, or <see langword="null"/> when no format has that name.</returns>
    public static RecordFormat? FindByName(string nameOrAlias)
    {
        ArgumentNullException.ThrowIfNull(nameOrAlias);
        foreach (var format in All)
        {
            if (string.Equals(format.Name, nameOrAlias, StringComparison.OrdinalIgnoreCase)) return format;
            foreach (var alias in format.Aliases)
            {
                if (string.Equals(alias, nameOrAlias, StringComparison.OrdinalIgnoreCase)) return format;
            }
        }
        return null;
    }

    /// <summary>
    /// Finds the format for a file name or path by its extension, ignoring case. The longest matching extension wins
    /// (<c>refs.csl.json</c> is CSL-JSON, <c>refs.json</c> the library's JSON), then the order of <see cref="All"/>.
    /// </summary>
    /// <param name="path">A file name or path.</param>
    /// <returns>The format, or <see langword="null"/> when no format claims the extension.</returns>
    public static RecordFormat? FindByPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fileName = Path.GetFileName(path);
        RecordFormat? best = null;
        var bestLength = 0;
        foreach (var format in All)
        {
            foreach (var extension in format.FileExtensions)
            {
                if (extension.Length > bestLength && fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    best = format;
                    bestLength = extension.Length;
                }
            }
        }
        return best;
    }
}
