using System.Text.Json;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The mapping layer between schema.org JSON-LD nodes and chapters. schema.org has no document type of its own: a node
/// is the <see cref="JsonElement"/> of one JSON-LD object, such as one entry of a page's <c>@graph</c>. <c>Chapter</c>
/// (and <c>ScholarlyArticle</c>) nodes are chapters; the property table is in docs/formats-schemaorg.md.
/// </summary>
public static class SchemaOrgMapping
{
    /// <summary>Maps one JSON-LD node to a chapter.</summary>
    /// <param name="node">The node: a JSON object with an <c>@type</c>.</param>
    /// <returns>
    /// The chapter, or null for a node that is not a chapter (<see cref="SchemaOrgCodes.NotAChapter"/>) or cannot be
    /// read, and the mapping's diagnostics, each with the JSON Pointer of the value it is about relative to the node
    /// (<see cref="Diagnostic.Path"/>) but no line or column, which a <see cref="JsonElement"/> does not know; its
    /// <see cref="RecordResult.Record"/> is 0.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="node"/> is a default (undefined) element.</exception>
    public static RecordResult ToChapter(JsonElement node)
    {
        ThrowHelper.ThrowIfUndefined(node);
        var diagnostics = new SchemaOrgReader.Findings(new JsonLocator(node, 0, 0));
        if (JsonTextCheck.FindInvalid(node) is { } invalid)
        {
            var at = diagnostics.Locator?.Locate(invalid.At);
            diagnostics.Add(DiagnosticCatalogue.Create(SchemaOrgCodes.MalformedJson,
                "The node holds text that is not valid Unicode at " + invalid.Path + " (an escaped lone surrogate); it was skipped.") with { Path = at?.Path });
            return new RecordResult(0, null, diagnostics);
        }

        var chapter = SchemaOrgReader.ReadNode(node, diagnostics);
        return new RecordResult(0, chapter, diagnostics);
    }

    /// <summary>Writes a chapter as the <c>Chapter</c> node that <see cref="SchemaOrg.Write(Chapter, SchemaOrgWriteOptions?)"/> writes.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="writer">The JSON writer; the node is written as its next value.</param>
    /// <param name="withContext">Whether the node carries <c>"@context": "https://schema.org"</c>; false for a node inside a <c>@graph</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="chapter"/> or <paramref name="writer"/> is null.</exception>
    public static void WriteNode(Chapter chapter, Utf8JsonWriter writer, bool withContext = true)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        ArgumentNullException.ThrowIfNull(writer);
        SchemaOrg.WriteChapter(writer, chapter, withContext);
    }
}
