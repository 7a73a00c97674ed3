using System.Text.Json;

namespace ScholarlyRecord.Formats;

public static partial class RecordFormats
{
    // Top-level members only a Crossref work (or its response envelope) has.
    private static readonly string[] CrossrefMembers = ["message-type", "message", "indexed", "deposited", "member", "prefix", "reference-count", "is-referenced-by-count"];

    // Top-level members of a JSON-LD document.
    private static readonly string[] JsonLdMembers = ["@context", "@type", "@graph"];

    // Top-level members of the library's own JSON that CSL-JSON and Crossref do not use.
    private static readonly string[] ScholarlyJsonMembers = ["$schema", "contributors", "book", "publicationDate"];

    /// <summary>
    /// Tells which JSON format a document is from its first bytes, for inputs whose extension (<c>.json</c>) several
    /// formats claim: an array is CSL-JSON (or schema.org when its first element is JSON-LD); an object is a Crossref
    /// response or work when it has Crossref's members (<c>message-type</c>, <c>indexed</c>, <c>member</c>...),
    /// schema.org when it has <c>@context</c> or <c>@type</c>, the library's JSON when it has its members
    /// (<c>$schema</c>, <c>contributors</c>, <c>book</c>), a CSL-JSON item when it has <c>type</c>, and the library's
    /// JSON otherwise.
    /// </summary>
    /// <param name="start">The document's first bytes, in UTF-8 (a byte order mark is skipped); 64 KiB is plenty, and a cut-off document is fine.</param>
    /// <returns>The format, or <see langword="null"/> when the bytes do not start a JSON array or object.</returns>
    public static RecordFormat? FindByContent(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("\uFEFF"u8)) start = start[3..];
        var reader = new Utf8JsonReader(start, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }));
        try
        {
            if (!reader.Read()) return null;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var first = reader.Read() && reader.TokenType == JsonTokenType.StartObject ? TopLevelMembers(ref reader) : [];
                return first.Overlaps(JsonLdMembers) ? SchemaOrg.Format : CslJson.Format;
            }

            if (reader.TokenType != JsonTokenType.StartObject) return null;
            var members = TopLevelMembers(ref reader);
            if (members.Overlaps(CrossrefMembers)) return Crossref.Format;
            if (members.Overlaps(JsonLdMembers)) return SchemaOrg.Format;
            if (members.Overlaps(ScholarlyJsonMembers)) return ScholarlyJson.Format;
            return members.Contains("type") ? CslJson.Format : ScholarlyJson.Format;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The member names of the object whose StartObject the reader is on, as far as the bytes go.
    private static HashSet<string> TopLevelMembers(ref Utf8JsonReader reader)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            names.Add(reader.GetString()!);
            // On a member name, TrySkip moves past its value (false when the bytes end first).
            if (!reader.TrySkip()) break;
        }

        return names;
    }
}
