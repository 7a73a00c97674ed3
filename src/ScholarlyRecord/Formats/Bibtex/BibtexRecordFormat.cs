namespace ScholarlyRecord.Formats;

// Bibtex.Format ("bibtex") and Bibtex.BiblatexFormat ("biblatex"): the same reader, a different dialect when writing.
internal sealed class BibtexRecordFormat(string name, IReadOnlyList<string> extensions, BibtexWriteOptions options) : IRecordFormat
{
    public string Name => name;

    public IReadOnlyList<string> FileExtensions => extensions;

    public bool CanRead => true;

    public bool CanWrite => true;

    public ReadResult Read(TextReader reader) => Bibtex.Read(reader);

    public void Write(IEnumerable<Chapter> chapters, TextWriter writer) => Bibtex.Write(chapters, writer, options);
}
