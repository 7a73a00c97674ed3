namespace ScholarlyRecord.Formats;

/// <summary>
/// A format that tools can pick by name or file extension: reads text into chapters and writes chapters as text.
/// </summary>
public interface IRecordFormat
{
    /// <summary>The format's short name, lower case, such as <c>bibtex</c> or <c>ris</c>.</summary>
    string Name { get; }

    /// <summary>The file extensions the format uses, with the dot, lower case, such as <c>.bib</c>.</summary>
    IReadOnlyList<string> FileExtensions { get; }

    /// <summary>True when the format can be read.</summary>
    bool CanRead { get; }

    /// <summary>True when the format can be written.</summary>
    bool CanWrite { get; }

    /// <summary>Reads every record in <paramref name="reader"/>.</summary>
    /// <param name="reader">The text to read.</param>
    /// <returns>The chapters and the diagnostics.</returns>
    /// <exception cref="NotSupportedException">The format cannot be read.</exception>
    ReadResult Read(TextReader reader);

    /// <summary>Writes <paramref name="chapters"/> to <paramref name="writer"/>.</summary>
    /// <param name="chapters">The chapters to write.</param>
    /// <param name="writer">Where to write them.</param>
    /// <exception cref="NotSupportedException">The format cannot be written.</exception>
    void Write(IEnumerable<Chapter> chapters, TextWriter writer);
}
