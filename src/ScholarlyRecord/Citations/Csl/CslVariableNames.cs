using System.Collections.Frozen;

namespace ScholarlyRecord.Citations;

/// <summary>The variable names of CSL 1.0.2 (csl-variables.rnc) by kind.</summary>
internal static class CslVariableNames
{
    public static readonly FrozenSet<string> Dates = FrozenSet.ToFrozenSet(
        ["accessed", "available-date", "event-date", "issued", "original-date", "submitted"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Names = FrozenSet.ToFrozenSet(
        ["author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator", "director", "editor", "editor-translator", "editorial-director", "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator", "translator"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Numbers = FrozenSet.ToFrozenSet(
        ["chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number", "issue", "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first", "part-number", "printing-number", "section", "supplement-number", "version", "volume"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Standard = FrozenSet.ToFrozenSet(
        ["collection-title", "container-title", "original-title", "part-title", "reviewed-title", "title", "volume-title", "title-short", "container-title-short", "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority", "call-number", "citation-key", "citation-label", "dimensions", "division", "DOI", "event", "event-title", "event-place", "genre", "ISBN", "ISSN", "jurisdiction", "keyword", "language", "license", "medium", "note", "original-publisher", "original-publisher-place", "PMCID", "PMID", "publisher", "publisher-place", "references", "reviewed-genre", "scale", "source", "status", "URL", "year-suffix", "collection-title-short", "journalAbbreviation", "shortTitle", "first-reference-note-number", "hereinafter", "dummy"], StringComparer.Ordinal);

    public static bool IsKnown(string name) => Standard.Contains(name) || Dates.Contains(name) || Names.Contains(name) || Numbers.Contains(name);
}
