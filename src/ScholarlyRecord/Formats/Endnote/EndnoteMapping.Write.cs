using System.Globalization;

namespace ScholarlyRecord.Formats;

public static partial class EndnoteMapping
{
    /// <summary>The mapping proper: hands each field of the chapter's record to <paramref name="add"/>, in the written order.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="key">The citation key to write as <c>%F</c> (Label), or null.</param>
    /// <param name="add">Takes each tag and value.</param>
    internal static void MapFields(Chapter chapter, string? key, Action<string, string> add)
    {
        var book = chapter.Book;

        AddNames(add, "%A", chapter.Contributors, ContributorRole.Author);
        if (book is not null)
        {
            AddNames(add, "%E", book.Contributors, ContributorRole.Editor);
            AddNames(add, "%Y", book.Contributors, ContributorRole.SeriesEditor);
        }
        AddNames(add, "%?", chapter.Contributors, ContributorRole.Translator);

        Add(add, "%T", FullTitle(chapter.Title, chapter.Subtitle));
        if (book is not null) Add(add, "%B", FullTitle(book.Title, book.Subtitle));
        Add(add, "%S", book?.Series?.Title);

        if (chapter.PublicationDate is { } date)
        {
            Add(add, "%D", date.Year.ToString("D4", CultureInfo.InvariantCulture));
            if (date.Precision != DatePrecision.Year) Add(add, "%8", date.ToString());
        }
        if (chapter.Pages is { } pages)
        {
            Add(add, "%P", pages.Last is null ? pages.First : pages.First + "-" + pages.Last);
        }
        Add(add, "%&", chapter.Number);
        Add(add, "%V", book?.Series?.Volume);
        Add(add, "%7", book?.Edition);
        if (book?.Publisher is { } publisher)
        {
            Add(add, "%I", publisher.Name);
            Add(add, "%C", publisher.Location);
        }
        if (book is not null)
        {
            foreach (var isbn in book.Isbns)
            {
                Add(add, "%@", isbn.Medium is { } medium ? isbn.Value + RisStandardNumbers.Qualifier(medium) : isbn.Value.ToString());
            }
            if (book.Series is { } series)
            {
                foreach (var issn in series.Issns)
                {
                    Add(add, "%@", issn.Medium is { } medium ? issn.Value + RisStandardNumbers.Qualifier(medium) : issn.Value.ToString());
                }
            }
        }
        if (chapter.Doi is { } doi) Add(add, "%R", doi.ToString());
        Add(add, "%U", chapter.Url);
        var paragraphs = Lines(chapter.Abstract);
        if (paragraphs.Length > 0) add("%X", paragraphs);
        foreach (var keyword in chapter.Keywords)
        {
            Add(add, "%K", keyword);
        }
        Add(add, "%G", chapter.Language);
        Add(add, "%F", key);

        foreach (var extra in chapter.ExtraFields)
        {
            if (TryExtraTag(extra.Name, out var tag)) add(tag, extra.Value);
        }
        // Last, the parts EndNote has no tag for, as "scholarly.<name>: <value>" lines of one note (docs/formats-endnote.md).
        if (EndnoteNoteLines.Write(chapter) is { } noteLines) add("%Z", noteLines);
    }

    /// <summary>The tag an extra field is written under: names <c>endnote:%X</c> with a valid tag other than <c>%0</c>.</summary>
    internal static bool TryExtraTag(string name, out string tag)
    {
        tag = "";
        if (name.Length != ExtraPrefix.Length + 2 || !name.StartsWith(ExtraPrefix, StringComparison.Ordinal)) return false;
        var candidate = name.AsSpan(ExtraPrefix.Length);
        if (!EndnoteSyntax.IsTag(candidate) || candidate.SequenceEqual(EndnoteSyntax.TypeTag)) return false;
        tag = candidate.ToString();
        return true;
    }

    private static string? FullTitle(string? title, string? subtitle)
    {
        if (string.IsNullOrEmpty(subtitle)) return title;
        return string.IsNullOrEmpty(title) ? subtitle : title + ": " + subtitle;
    }

    // A single-line field; line breaks become spaces; null and empty values are not written (they read back as absent).
    private static void Add(Action<string, string> add, string tag, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        add(tag, RisText.SingleLine(value));
    }

    // Paragraphs as the lines of one multi-line value, each on one line, blank ones left out.
    private static string Lines(IReadOnlyList<string> paragraphs)
    {
        var kept = new List<string>(paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            if (!string.IsNullOrWhiteSpace(paragraph)) kept.Add(RisText.SingleLine(paragraph));
        }
        return string.Join('\n', kept);
    }

    private static void AddNames(Action<string, string> add, string tag, IReadOnlyList<Contributor> contributors, ContributorRole role)
    {
        foreach (var contributor in contributors)
        {
            if (contributor.Role == role) add(tag, RisNames.Format(contributor.Name));
        }
    }
}
