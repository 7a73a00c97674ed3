namespace ScholarlyRecord.Formats;

/// <summary>
/// One record of the input, as a streaming read gives it: a BibTeX entry, a RIS record, a CSL item, a Crossref work, a
/// schema.org node, or a JSON document or line. It holds the chapter read from it, if the record is one, and the
/// problems found in it.
/// </summary>
/// <param name="Record">The 1-based number of the record in its input; 0 for problems outside any record.</param>
/// <param name="Chapter">The chapter, or <see langword="null"/> when the record is not a chapter or could not be read.</param>
/// <param name="Diagnostics">The record's diagnostics, in the order they were found.</param>
public sealed record RecordResult(long Record, Chapter? Chapter, IReadOnlyList<Diagnostic> Diagnostics);
