namespace ScholarlyRecord.Formats;

/// <summary>
/// The mapping layer between EndNote records and chapters: <c>%0 Book Section</c> (and <c>%0 Electronic Book
/// Section</c>) records are chapters; the tag table is in docs/formats-endnote.md. Tags the model has no slot for are
/// kept as extra fields named <c>endnote:%X</c> and written back under their tag.
/// </summary>
public static partial class EndnoteMapping
{
    /// <summary>The prefix of the extra fields that hold EndNote tags the model has no slot for (<c>endnote:%Z</c>).</summary>
    public const string ExtraPrefix = "endnote:";

    /// <summary>Maps one document-layer record to a chapter.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The chapter, or null for a record that is not a book section (<see cref="EndnoteCodes.NotAChapter"/>),
    /// and the mapping's diagnostics; its <see cref="RecordResult.Record"/> is 0.</returns>
    public static RecordResult ToChapter(EndnoteRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var diagnostics = new List<Diagnostic>();
        var chapter = MapRecord(record, diagnostics.Add);
        return new RecordResult(0, chapter, diagnostics);
    }

    internal static Chapter? ToChapterCore(EndnoteRecord record, Action<Diagnostic>? report) => MapRecord(record, report);

    /// <summary>Maps a chapter to the document-layer <c>%0 Book Section</c> record that <see cref="Endnote.Write(Chapter, EndnoteWriteOptions?)"/> writes.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <returns>The record, fields in the written order.</returns>
    public static EndnoteRecord ToRecord(Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        var fields = new List<EndnoteField>();
        MapFields(chapter, new CitationKeys().Optional(chapter), (tag, value) => fields.Add(new EndnoteField(tag, value)));
        return new EndnoteRecord(ChapterType, fields);
    }

    /// <summary>The type written for every chapter.</summary>
    internal const string ChapterType = "Book Section";
}
