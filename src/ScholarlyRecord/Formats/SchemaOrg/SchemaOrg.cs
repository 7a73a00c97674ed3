using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ScholarlyRecord.Formats;

/// <summary>
/// schema.org JSON-LD for chapters: writes a <c>Chapter</c> node (inside its <c>Book</c>, inside its
/// <c>BookSeries</c>) for a landing page's <c>&lt;script type="application/ld+json"&gt;</c>, and reads such documents back.
/// </summary>
/// <remarks>
/// <para>
/// The mapping is in docs/formats-schemaorg.md. <see cref="Write(Chapter)"/> writes one document with
/// <c>"@context": "https://schema.org"</c>, members in a fixed order, and the characters <c>&lt; &gt; &amp; ' "</c>
/// escaped inside strings so that the text can be pasted into an HTML script element as is.
/// </para>
/// <para>
/// <see cref="Read(string)"/> reads what <see cref="Write(Chapter)"/> writes and tolerates common variations: a
/// top-level array or <c>@graph</c> of nodes, single values or arrays, <c>headline</c> for <c>name</c>,
/// <c>ScholarlyArticle</c> for <c>Chapter</c>, a DOI given only as <c>sameAs</c> or <c>@id</c>. Notes, references,
/// extra fields and the order of contributors across roles are not carried (see the docs file).
/// </para>
/// </remarks>
public static partial class SchemaOrg
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The format's <see cref="IRecordFormat"/>, named <c>schemaorg</c>, for <c>.jsonld</c> files.</summary>
    public static IRecordFormat Format { get; } = new SchemaOrgFormat();

    /// <summary>Writes <paramref name="chapter"/> as a JSON-LD document.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <returns>The JSON-LD text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chapter"/> is null.</exception>
    public static string Write(Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteChapter(writer, chapter, withContext: true);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes several chapters as one JSON-LD document: a single chapter as <see cref="Write(Chapter)"/> does, several
    /// as nodes of an <c>@graph</c>.
    /// </summary>
    /// <param name="chapters">The chapters.</param>
    /// <returns>The JSON-LD text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chapters"/> or one of its items is null.</exception>
    public static string Write(IEnumerable<Chapter> chapters)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(chapters, writer);
        return writer.ToString();
    }

    /// <summary>Writes several chapters as one JSON-LD document (see <see cref="Write(IEnumerable{Chapter})"/>).</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument or one of the chapters is null.</exception>
    public static void Write(IEnumerable<Chapter> chapters, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(writer);
        var list = new List<Chapter>();
        foreach (var chapter in chapters)
        {
            ArgumentNullException.ThrowIfNull(chapter, nameof(chapters));
            list.Add(chapter);
        }

        if (list.Count == 1)
        {
            writer.Write(Write(list[0]));
            return;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096 * Math.Max(1, list.Count));
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@context", Context);
            json.WriteStartArray("@graph");
            foreach (var chapter in list) WriteChapter(json, chapter, withContext: false);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Reads the chapters of a JSON-LD document.</summary>
    /// <param name="text">The JSON-LD text.</param>
    /// <returns>The chapters and the diagnostics; never throws on bad input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SchemaOrgReader.Read(text);
    }

    /// <summary>Reads the chapters of a JSON-LD document.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The chapters and the diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static ReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return SchemaOrgReader.Read(reader.ReadToEnd());
    }

    private sealed class SchemaOrgFormat : IRecordFormat
    {
        public string Name => "schemaorg";

        public IReadOnlyList<string> FileExtensions { get; } = [".jsonld"];

        public bool CanRead => true;

        public bool CanWrite => true;

        public ReadResult Read(TextReader reader) => SchemaOrg.Read(reader);

        public void Write(IEnumerable<Chapter> chapters, TextWriter writer) => SchemaOrg.Write(chapters, writer);
    }
}
