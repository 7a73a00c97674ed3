namespace ScholarlyRecord.Formats;

public static partial class Ris
{
    /// <summary>Builds the <c>CHAP</c> record for a chapter, fields in the written order (docs/formats-ris.md).</summary>
    private static RisRecord BuildRecord(Chapter chapter)
    {
        var fields = new List<RisField>();
        var book = chapter.Book;

        AddNames(fields, "AU", chapter.Contributors, ContributorRole.Author);
        if (book is not null)
        {
            AddNames(fields, "A2", book.Contributors, ContributorRole.Editor);
            AddNames(fields, "A3", book.Contributors, ContributorRole.SeriesEditor);
        }
        AddNames(fields, "A4", chapter.Contributors, ContributorRole.Translator);

        Add(fields, "TI", FullTitle(chapter.Title, chapter.Subtitle));
        if (book is not null) Add(fields, "T2", FullTitle(book.Title, book.Subtitle));
        Add(fields, "T3", book?.Series?.Title);

        if (chapter.PublicationDate is { } date)
        {
            Add(fields, "PY", RisDates.Year(date));
            Add(fields, "DA", RisDates.Detail(date));
        }
        if (chapter.Pages is { } pages)
        {
            Add(fields, "SP", pages.First);
            Add(fields, "EP", pages.Last);
        }
        Add(fields, "SE", chapter.Number);
        Add(fields, "VL", book?.Series?.Volume);
        Add(fields, "ET", book?.Edition);
        if (book?.Publisher is { } publisher)
        {
            Add(fields, "PB", publisher.Name);
            Add(fields, "CY", publisher.Location);
        }
        if (book is not null)
        {
            foreach (var isbn in book.Isbns)
            {
                Add(fields, "SN", isbn.Medium is { } medium ? isbn.Value + RisStandardNumbers.Qualifier(medium) : isbn.Value.ToString());
            }
            foreach (var issn in book.Series?.Issns ?? [])
            {
                Add(fields, "SN", issn.Medium is { } medium ? issn.Value + RisStandardNumbers.Qualifier(medium) : issn.Value.ToString());
            }
        }
        if (chapter.Doi is { } doi) Add(fields, "DO", doi.ToString());
        Add(fields, "UR", chapter.Url);
        if (chapter.Abstract.Count > 0)
        {
            var text = RisText.MultiLine(chapter.Abstract);
            if (text.Length > 0) fields.Add(new RisField("AB", text));
        }
        foreach (var keyword in chapter.Keywords)
        {
            Add(fields, "KW", keyword);
        }
        Add(fields, "LA", chapter.Language);

        foreach (var extra in chapter.ExtraFields)
        {
            if (TryExtraTag(extra.Name, out var tag))
            {
                fields.Add(new RisField(tag, RisText.MultiLine(extra.Value)));
            }
        }
        return new RisRecord("CHAP", fields);
    }

    /// <summary>The RIS tag an extra field is written under: names <c>ris:XX</c> with a valid tag other than TY and ER.</summary>
    private static bool TryExtraTag(string name, out string tag)
    {
        tag = "";
        if (name.Length != 6 || !name.StartsWith("ris:", StringComparison.Ordinal)) return false;
        var candidate = name[4..];
        if (!RisSyntax.IsTag(candidate) || candidate is "TY" or "ER") return false;
        tag = candidate;
        return true;
    }

    private static string? FullTitle(string? title, string? subtitle)
    {
        if (string.IsNullOrEmpty(subtitle)) return title;
        return string.IsNullOrEmpty(title) ? subtitle : title + ": " + subtitle;
    }

    // A single-line field; null and empty values are not written (an empty value would read back as absent anyway).
    private static void Add(List<RisField> fields, string tag, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        fields.Add(new RisField(tag, RisText.SingleLine(value)));
    }

    private static void AddNames(List<RisField> fields, string tag, IReadOnlyList<Contributor> contributors, ContributorRole role)
    {
        foreach (var contributor in contributors)
        {
            if (contributor.Role == role)
            {
                fields.Add(new RisField(tag, RisNames.Format(contributor.Name)));
            }
        }
    }
}
