namespace ScholarlyRecord.Formats;

/// <summary>
/// The mapping between the BibTeX document layer (<see cref="BibtexEntry"/>) and chapters: the same rules
/// <see cref="Bibtex"/> reads and writes with (docs/formats-bibtex.md).
/// </summary>
public static class BibtexMapping
{
    /// <summary>Maps one entry as written (no <c>crossref</c> inheritance) to a chapter.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The chapter, or null with <see cref="BibtexCodes.NotAChapter"/> for an entry that is not a chapter, and the
    /// mapping's diagnostics (<c>BIB3xx</c>); its <see cref="RecordResult.Record"/> is 0.</returns>
    public static RecordResult ToChapter(BibtexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var diagnostics = new List<Diagnostic>();
        var chapter = Bibtex.ToChapter(entry, static e => e, diagnostics);
        return new RecordResult(0, chapter, diagnostics);
    }

    /// <summary>
    /// Maps every entry of a parsed document with the rule every BibTeX read follows (inheritance from book-type
    /// parents only, cycles reported once), the document's own diagnostics first as record 0. <see cref="Bibtex.Read(string, BibtexReadOptions?)"/>
    /// gives what <see cref="ReadResult.Collect"/> makes of these records.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <returns>The records, numbered from 1 in entry order.</returns>
    public static IEnumerable<RecordResult> ToRecords(BibtexDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Map(document);

        static IEnumerable<RecordResult> Map(BibtexDocument document)
        {
            if (document.Diagnostics.Count > 0) yield return new RecordResult(0, null, document.Diagnostics);
            var mapper = new BibtexRecordMapper();
            foreach (var entry in document.Entries)
            {
                foreach (var record in mapper.Add(entry)) yield return record;
            }
            foreach (var record in mapper.End()) yield return record;
        }
    }

    /// <summary>Maps a chapter to the entry <see cref="Bibtex.Write(Chapter, BibtexWriteOptions?)"/> writes for it.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="options">The dialect and layout; <see cref="BibtexWriteOptions.Default"/> when null.</param>
    /// <returns>The entry.</returns>
    public static BibtexEntry ToEntry(Chapter chapter, BibtexWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        // The writer is the one source of the field rules; its text is read back into the document layer.
        return BibtexDocument.Parse(Bibtex.Write(chapter, options)).Entries[0];
    }
}
