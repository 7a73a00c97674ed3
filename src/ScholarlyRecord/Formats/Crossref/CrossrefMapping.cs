using System.Text.Json;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The mapping layer between Crossref works and chapters. Crossref has no document type of its own: a work is the
/// <see cref="JsonElement"/> of one <c>message</c> (or one <c>message.items</c> entry) of a Crossref REST API response.
/// <c>book-chapter</c> works are chapters; the field table is in docs/formats-crossref.md. The format is read-only, so
/// there is no mapping back.
/// </summary>
public static class CrossrefMapping
{
    /// <summary>Maps one Crossref work to a chapter.</summary>
    /// <param name="work">The work: a JSON object such as the <c>message</c> of a <c>/works/{doi}</c> response.</param>
    /// <returns>
    /// The chapter, or null for a work that is not a <c>book-chapter</c> (<see cref="CrossrefCodes.NotAChapter"/>), is
    /// not an object or cannot be read, and the mapping's diagnostics; its <see cref="RecordResult.Record"/> is 0. A
    /// <see cref="JsonElement"/> does not know where it was in its text, so the diagnostics carry no line or column.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="work"/> is a default (undefined) element.</exception>
    public static RecordResult ToChapter(JsonElement work)
    {
        ThrowHelper.ThrowIfUndefined(work);
        var diagnostics = new List<Diagnostic>();
        var chapter = MapWork(work, 0, 0, diagnostics);
        return new RecordResult(0, chapter, diagnostics);
    }

    /// <summary>The one place a work becomes a chapter: the front door's read and <see cref="ToChapter"/> both come here.</summary>
    internal static Chapter? MapWork(JsonElement work, int line, int column, List<Diagnostic> diagnostics)
    {
        if (work.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(DiagnosticCatalogue.Create(CrossrefCodes.WorkNotAnObject,
                $"A work list item is a JSON {Crossref.Describe(work.ValueKind)}, not an object; it was skipped.", line, column));
            return null;
        }

        if (JsonTextCheck.FindInvalidText(work) is { } path)
        {
            diagnostics.Add(DiagnosticCatalogue.Create(CrossrefCodes.MalformedJson,
                $"The work holds text that is not valid Unicode at {path} (bytes that are not UTF-8, or an escaped lone surrogate); it was skipped.", line, column));
            return null;
        }

        return new CrossrefWorkMapper(work, line, column, diagnostics).Map();
    }
}
