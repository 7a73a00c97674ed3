using ScholarlyRecord.Json;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Every record format the library knows, so that tools can choose one by name (<c>bibtex</c>) or by a file's
/// extension (<c>.bib</c>).
/// </summary>
public static class RecordFormats
{
    /// <summary>
    /// The formats, in the order used to break ties between extensions: where two formats claim the same extension
    /// (<c>.json</c> is the library's JSON, CSL-JSON and a Crossref response), the earlier one wins; name the format to choose another.
    /// </summary>
    public static IReadOnlyList<IRecordFormat> All { get; } = ValueList.From(
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
    ]);

    /// <summary>Finds a format by its name or an alias (<c>enw</c> for <c>endnote</c>), ignoring case.</summary>
    /// <param name="name">The name, such as <c>bibtex</c>, <c>ris</c> or <c>csljson</c>.</param>
    /// <returns>The format, or <see langword="null"/> when no format has that name.</returns>
    public static IRecordFormat? FindByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var format in All)
        {
            if (string.Equals(format.Name, name, StringComparison.OrdinalIgnoreCase)) return format;
            if (format is IHasFormatAliases aliased && aliased.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase)) return format;
        }
        return null;
    }

    /// <summary>
    /// Finds the format for a file name or path by its extension, ignoring case. The longest matching extension wins
    /// (<c>refs.csl.json</c> is CSL-JSON, <c>refs.json</c> the library's JSON), then the order of <see cref="All"/>.
    /// </summary>
    /// <param name="path">A file name or path.</param>
    /// <returns>The format, or <see langword="null"/> when no format claims the extension.</returns>
    public static IRecordFormat? FindByPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fileName = Path.GetFileName(path);
        IRecordFormat? best = null;
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
