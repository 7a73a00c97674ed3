using System.Globalization;
using System.Text;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Writes the Highwire Press <c>&lt;meta name="citation_…"&gt;</c> tags that Google Scholar reads from a chapter's
/// landing page (its inclusion guidelines), one tag per line, for a page's <c>&lt;head&gt;</c>.
/// </summary>
/// <remarks>
/// The tags, in this order, each only when the chapter has the value: <c>citation_title</c>; per author
/// <c>citation_author</c> followed by that author's <c>citation_author_institution</c> (one per affiliation) and
/// <c>citation_author_orcid</c>; <c>citation_inbook_title</c>, <c>citation_series_title</c>,
/// <c>citation_publication_date</c> (<c>YYYY/MM/DD</c> when the day is known, else <c>YYYY</c>),
/// <c>citation_publisher</c>, <c>citation_doi</c>, <c>citation_isbn</c> (one per ISBN), <c>citation_firstpage</c>,
/// <c>citation_lastpage</c>, <c>citation_language</c>, <c>citation_keywords</c> (joined with <c>"; "</c>) and
/// <c>citation_abstract</c>. Attribute values escape <c>&amp; &lt; &gt; " '</c>, and line breaks as <c>&amp;#10;</c>
/// and <c>&amp;#13;</c> so that each tag stays on one line. docs/formats-highwire.md has the field table.
/// </remarks>
public static class Highwire
{
    /// <summary>The Highwire format for tools (<c>highwire</c>, alias <c>meta</c>): write only, no file extension.</summary>
    public static RecordFormat Format { get; } = new HighwireFormat(HighwireWriteOptions.Default);

    /// <summary>Writes one chapter.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="options">How to write; <see cref="HighwireWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry the chapter.</exception>
    public static string Write(Chapter chapter, HighwireWriteOptions? options = null) => WriteFormat(options).Write(chapter);

    /// <summary>Writes chapters as one text.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="options">How to write; <see cref="HighwireWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The format cannot carry one of the chapters.</exception>
    public static string Write(IEnumerable<Chapter> chapters, HighwireWriteOptions? options = null) => WriteFormat(options).Write(chapters);

    /// <summary>Writes chapters to a text writer one record at a time (flushed, not disposed); a chapter the format cannot carry is left out and reported.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="HighwireWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, TextWriter writer, HighwireWriteOptions? options = null) => WriteFormat(options).Write(chapters, writer);

    /// <summary>Writes chapters to a stream as UTF-8, one record at a time (flushed, not disposed).</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="HighwireWriteOptions.Default"/> when null.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static WriteResult Write(IEnumerable<Chapter> chapters, Stream stream, HighwireWriteOptions? options = null) => WriteFormat(options).Write(chapters, stream);

    /// <summary>Writes chapters to a text writer as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write; <see cref="HighwireWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, TextWriter writer, HighwireWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, writer, cancellationToken);

    /// <summary>Writes chapters to a stream as UTF-8 as they arrive (flushed, not disposed); cancellation is checked between records.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write; <see cref="HighwireWriteOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>How many chapters were written, and a diagnostic for each one left out.</returns>
    public static Task<WriteResult> WriteAsync(IAsyncEnumerable<Chapter> chapters, Stream stream, HighwireWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteFormat(options).WriteAsync(chapters, stream, cancellationToken);

    private static RecordFormat WriteFormat(HighwireWriteOptions? options) => options is null ? Format : new HighwireFormat(options);

    private sealed class HighwireFormat(HighwireWriteOptions write)
        : RecordFormat("highwire", ["meta"], [], canRead: false, canWrite: true, streamsRecords: false)
    {
        private protected override IEnumerable<RecordResult> ReadText(TextReader reader) => throw new NotSupportedException();

        private protected override IAsyncEnumerable<RecordResult> ReadTextAsync(TextReader reader, CancellationToken cancellationToken) => throw new NotSupportedException();

        private protected override RecordWriter CreateWriter() => new TagWriter(write.NewLineText);
    }

    // Each chapter's tags; the tag blocks of several chapters are separated by an empty line.
    private sealed class TagWriter(string newLine) : RecordWriter
    {
        private readonly StringBuilder _builder = new(1024);
        private bool _first = true;

        public override bool Write(Chapter chapter, long record, TextWriter output, List<Diagnostic> diagnostics)
        {
            if (!_first) output.Write(newLine);
            _first = false;
            _builder.Clear();
            WriteCore(chapter, _builder, newLine);
            output.Write(_builder);
            return true;
        }
    }

    private static void WriteCore(Chapter chapter, StringBuilder builder, string newLine)
    {
        Tag(builder, newLine, "citation_title", Join(chapter.Title, chapter.Subtitle));
        foreach (var contributor in chapter.Contributors)
        {
            if (contributor.Role != ContributorRole.Author) continue;
            Tag(builder, newLine, "citation_author", AuthorName(contributor.Name));
            foreach (var affiliation in contributor.Affiliations) Tag(builder, newLine, "citation_author_institution", affiliation);
            if (contributor.Orcid is { } orcid) Tag(builder, newLine, "citation_author_orcid", orcid.ToUri().AbsoluteUri);
        }

        var book = chapter.Book;
        Tag(builder, newLine, "citation_inbook_title", book is null ? null : Join(book.Title, book.Subtitle));
        Tag(builder, newLine, "citation_series_title", book?.Series?.Title);
        if ((chapter.PublicationDate ?? book?.PublicationDate) is { } date) Tag(builder, newLine, "citation_publication_date", FormatDate(date));
        Tag(builder, newLine, "citation_publisher", book?.Publisher?.Name);
        if (chapter.Doi is { } doi) Tag(builder, newLine, "citation_doi", doi.ToString());
        if (book is not null)
        {
            foreach (var isbn in book.Isbns) Tag(builder, newLine, "citation_isbn", isbn.Value.ToString());
        }

        Tag(builder, newLine, "citation_firstpage", chapter.Pages?.First);
        Tag(builder, newLine, "citation_lastpage", chapter.Pages?.Last);
        Tag(builder, newLine, "citation_language", chapter.Language);
        if (chapter.Keywords.Count > 0) Tag(builder, newLine, "citation_keywords", string.Join("; ", chapter.Keywords));
        if (chapter.Abstract.Count > 0) Tag(builder, newLine, "citation_abstract", string.Join("\n\n", chapter.Abstract));
    }

    // "Family, Given" (Google Scholar's preferred order), the particle kept with the family name; a literal as is.
    private static string? AuthorName(PersonName name)
    {
        if (!string.IsNullOrEmpty(name.Literal)) return name.Literal;
        var family = Join(name.Particle, name.Family, " ");
        if (!string.IsNullOrEmpty(name.Suffix)) family = family is null ? name.Suffix : family + " " + name.Suffix;
        if (string.IsNullOrEmpty(name.Given)) return family;
        return family is null ? name.Given : family + ", " + name.Given;
    }

    private static string FormatDate(PartialDate date) =>
        date.Day is { } day && date.Month is { } month
            ? string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}/{month:D2}/{day:D2}")
            : date.Year.ToString("D4", CultureInfo.InvariantCulture);

    private static string? Join(string? first, string? second, string separator = ": ") =>
        string.IsNullOrEmpty(second) ? (string.IsNullOrEmpty(first) ? null : first)
        : string.IsNullOrEmpty(first) ? second
        : first + separator + second;

    private static void Tag(StringBuilder builder, string newLine, string name, string? content)
    {
        if (string.IsNullOrEmpty(content)) return;
        builder.Append("<meta name=\"").Append(name).Append("\" content=\"");
        var start = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var escape = content[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                _ => null,
            };
            if (escape is null) continue;
            builder.Append(content, start, i - start).Append(escape);
            start = i + 1;
        }

        builder.Append(content, start, content.Length - start).Append("\">").Append(newLine);
    }
}

/// <summary>How Highwire tags are written (<see cref="Highwire"/>).</summary>
public sealed record HighwireWriteOptions
{
    /// <summary>The defaults: LF line endings.</summary>
    public static HighwireWriteOptions Default { get; } = new();

    /// <summary>The line break after each tag: <see cref="LineEnding.Lf"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="LineEnding"/>.</exception>
    public LineEnding NewLine { get; init => field = LineEndings.Checked(value, nameof(value)); } = LineEnding.Lf;

    internal string NewLineText => LineEndings.Text(NewLine);
}
