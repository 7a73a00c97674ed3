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
public static class HighwireMeta
{
    /// <summary>The tags for <paramref name="chapter"/>, each line ending with <c>\n</c>.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <returns>The tags.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chapter"/> is null.</exception>
    public static string Write(Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        var builder = new StringBuilder(1024);
        WriteCore(chapter, builder);
        return builder.ToString();
    }

    /// <summary>Writes the tags for <paramref name="chapter"/> to <paramref name="writer"/>, each line ending with <c>\n</c>.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Chapter chapter, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        ArgumentNullException.ThrowIfNull(writer);
        var builder = new StringBuilder(1024);
        WriteCore(chapter, builder);
        writer.Write(builder);
    }

    private static void WriteCore(Chapter chapter, StringBuilder builder)
    {
        Tag(builder, "citation_title", Join(chapter.Title, chapter.Subtitle));
        foreach (var contributor in chapter.Contributors)
        {
            if (contributor.Role != ContributorRole.Author) continue;
            Tag(builder, "citation_author", AuthorName(contributor.Name));
            foreach (var affiliation in contributor.Affiliations) Tag(builder, "citation_author_institution", affiliation);
            if (contributor.Orcid is { } orcid) Tag(builder, "citation_author_orcid", orcid.ToUri().AbsoluteUri);
        }

        var book = chapter.Book;
        Tag(builder, "citation_inbook_title", book is null ? null : Join(book.Title, book.Subtitle));
        Tag(builder, "citation_series_title", book?.Series?.Title);
        if ((chapter.PublicationDate ?? book?.PublicationDate) is { } date) Tag(builder, "citation_publication_date", FormatDate(date));
        Tag(builder, "citation_publisher", book?.Publisher?.Name);
        if (chapter.Doi is { } doi) Tag(builder, "citation_doi", doi.ToString());
        if (book is not null)
        {
            foreach (var isbn in book.Isbns) Tag(builder, "citation_isbn", isbn.Value.ToString());
        }

        Tag(builder, "citation_firstpage", chapter.Pages?.First);
        Tag(builder, "citation_lastpage", chapter.Pages?.Last);
        Tag(builder, "citation_language", chapter.Language);
        if (chapter.Keywords.Count > 0) Tag(builder, "citation_keywords", string.Join("; ", chapter.Keywords));
        if (chapter.Abstract.Count > 0) Tag(builder, "citation_abstract", string.Join("\n\n", chapter.Abstract));
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

    private static void Tag(StringBuilder builder, string name, string? content)
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

        builder.Append(content, start, content.Length - start).Append("\">\n");
    }
}
