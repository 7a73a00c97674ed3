namespace ScholarlyRecord.Formats;

public static partial class Ris
{
    /// <summary>Builds the <c>CHAP</c> record for a chapter, fields in the written order (docs/formats-ris.md).</summary>
    private static RisRecord BuildRecord(Chapter chapter)
    {
        var fields = new RecordFields();
        MapFields(chapter, new CitationKeys().Optional(chapter), fields);
        return new RisRecord("CHAP", fields.Fields);
    }

    /// <summary>Writes the <c>CHAP</c> record for a chapter: the text <c>RisWriter.WriteRecord(BuildRecord(chapter))</c> writes.</summary>
    private static void WriteRecord(Chapter chapter, string? key, TextFields fields)
    {
        fields.Line("TY", "CHAP");
        MapFields(chapter, key, fields);
        fields.End();
    }

    /// <summary>The mapping proper: hands each field of the chapter's record to <paramref name="fields"/>, in the written order.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="key">The citation key to write as <c>ID</c>, or null.</param>
    /// <param name="fields">Where the fields go.</param>
    private static void MapFields(Chapter chapter, string? key, FieldSink fields)
    {
        var book = chapter.Book;

        Add(fields, "ID", key);
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
            for (var i = 0; i < book.Isbns.Count; i++)
            {
                var isbn = book.Isbns[i];
                Add(fields, "SN", isbn.Medium is { } medium ? isbn.Value + RisStandardNumbers.Qualifier(medium) : isbn.Value.ToString());
            }
            if (book.Series is { } series)
            {
                for (var i = 0; i < series.Issns.Count; i++)
                {
                    var issn = series.Issns[i];
                    Add(fields, "SN", issn.Medium is { } medium ? issn.Value + RisStandardNumbers.Qualifier(medium) : issn.Value.ToString());
                }
            }
        }
        if (chapter.Doi is { } doi) Add(fields, "DO", doi.ToString());
        Add(fields, "UR", chapter.Url);
        if (chapter.Abstract.Count > 0) fields.Paragraphs("AB", chapter.Abstract);
        for (var i = 0; i < chapter.Keywords.Count; i++)
        {
            Add(fields, "KW", chapter.Keywords[i]);
        }
        Add(fields, "LA", chapter.Language);

        for (var i = 0; i < chapter.ExtraFields.Count; i++)
        {
            var extra = chapter.ExtraFields[i];
            if (TryExtraTag(extra.Name, out var tag))
            {
                fields.Line(tag, RisText.MultiLine(extra.Value));
            }
        }
    }

    /// <summary>The RIS tag an extra field is written under: names <c>ris:XX</c> with a valid tag other than TY and ER.</summary>
    private static bool TryExtraTag(string name, out string tag)
    {
        tag = "";
        if (name.Length != 6 || !name.StartsWith("ris:", StringComparison.Ordinal)) return false;
        if (!RisSyntax.IsTag(name.AsSpan(4)) || name.AsSpan(4) is "TY" or "ER") return false;
        tag = RisSyntax.Tag(name[4], name[5]);
        return true;
    }

    private static string? FullTitle(string? title, string? subtitle)
    {
        if (string.IsNullOrEmpty(subtitle)) return title;
        return string.IsNullOrEmpty(title) ? subtitle : title + ": " + subtitle;
    }

    // A single-line field; null and empty values are not written (an empty value would read back as absent anyway).
    private static void Add(FieldSink fields, string tag, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        fields.Line(tag, RisText.SingleLine(value));
    }

    private static void AddNames(FieldSink fields, string tag, IReadOnlyList<Contributor> contributors, ContributorRole role)
    {
        for (var i = 0; i < contributors.Count; i++)
        {
            if (contributors[i].Role == role)
            {
                fields.Line(tag, RisNames.Format(contributors[i].Name));
            }
        }
    }

    /// <summary>Where <see cref="MapFields"/> puts a record's fields.</summary>
    private abstract class FieldSink
    {
        /// <summary>A field with its value as the document layer holds it (a line feed in it is a paragraph break).</summary>
        public abstract void Line(string tag, string value);

        /// <summary>A field made of paragraphs, joined as <see cref="RisText.MultiLine(IEnumerable{string})"/> joins them; nothing when none has text.</summary>
        public virtual void Paragraphs(string tag, IReadOnlyList<string> pieces)
        {
            var text = RisText.MultiLine(pieces);
            if (text.Length > 0) Line(tag, text);
        }
    }

    /// <summary>Collects the fields of a document-layer record (<see cref="RisMapping.ToRecord(Chapter)"/>).</summary>
    private sealed class RecordFields : FieldSink
    {
        public List<RisField> Fields { get; } = [];

        public override void Line(string tag, string value) => Fields.Add(new RisField(tag, value));
    }

    /// <summary>
    /// Writes the fields straight to the output as <see cref="RisWriter"/> writes a record's fields, without building the
    /// record: what <see cref="Write(IEnumerable{Chapter}, TextWriter, RisWriteOptions?)"/> uses.
    /// </summary>
    private sealed class TextFields(TextWriter writer, string newLine) : FieldSink
    {
        public override void Line(string tag, string value) => RisWriter.WriteLine(writer, tag, value, newLine);

        // The paragraphs are written one after the other instead of being joined first; a '\n' separator is the
        // blank line RisWriter.WriteLine writes for a line feed in a value.
        public override void Paragraphs(string tag, IReadOnlyList<string> pieces)
        {
            var any = false;
            foreach (var (separator, piece) in RisText.Paragraphs(pieces))
            {
                if (separator == '\0') RisWriter.WriteTag(writer, tag);
                else if (separator == ' ') writer.Write(' ');
                else
                {
                    writer.Write(newLine);
                    writer.Write(newLine);
                }
                writer.Write(piece);
                any = true;
            }
            if (any) writer.Write(newLine);
        }

        public void End() => RisWriter.WriteEnd(writer, newLine);
    }
}
