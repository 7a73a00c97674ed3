namespace ScholarlyRecord.Formats;

/// <summary>
/// The mapping between the RIS document layer (<see cref="RisRecord"/>) and chapters: the rules <see cref="Ris"/> reads
/// and writes with (docs/formats-ris.md).
/// </summary>
public static class RisMapping
{
    /// <summary>Maps one record to a chapter.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The chapter, or null for a record that is not <c>CHAP</c> or <c>ECHAP</c> (<see cref="RisCodes.NotAChapter"/>),
    /// and the mapping's diagnostics (<c>RIS4xx</c>); its <see cref="RecordResult.Record"/> is 0.</returns>
    public static RecordResult ToChapter(RisRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var diagnostics = new List<Diagnostic>();
        var chapter = Ris.ToChapterCore(record, diagnostics.Add);
        return new RecordResult(0, chapter, diagnostics);
    }

    /// <summary>Maps a chapter to the <c>CHAP</c> record <see cref="Ris.Write(Chapter, RisWriteOptions?)"/> writes.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <returns>The record, fields in the written order.</returns>
    public static RisRecord ToRecord(Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return Ris.ToRecordCore(chapter);
    }
}
