using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScholarlyRecord.Formats;

/// <summary>Writes chapters as CSL-JSON items that validate against the CSL data schema; see docs/formats-csl.md.</summary>
internal static class CslJsonItemWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes a JSON array of items, one item per call, so the output is never held whole.</summary>
    internal sealed class ArrayWriter : RecordWriter
    {
        private readonly CitationKeys _ids = new();
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private bool _first = true;

        public override void Start(TextWriter output) => output.Write('[');

        public override bool Write(Chapter chapter, long record, TextWriter output, List<Diagnostic> diagnostics)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer, Options))
            {
                WriteItem(chapter, _ids.Required(chapter, BaseId), json);
            }
            output.Write(_first ? "\n" : ",\n");
            _first = false;
            output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            return true;
        }

        public override void End(TextWriter output) => output.Write(_first ? "]\n" : "\n]\n");
    }

    /// <summary>The item for one chapter, with the id a single-chapter write gives it.</summary>
    internal static CslItem ToItem(Chapter chapter)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteItem(chapter, BaseId(chapter), json);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return CslItem.FromJson(document.RootElement);
    }

    private static void WriteItem(Chapter chapter, string id, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("type", "chapter");
        json.WriteString("title", Join(chapter.Title, chapter.Subtitle));

        var book = chapter.Book;
        WriteNames(json, "author", chapter.Contributors, ContributorRole.Author, null, default);
        WriteNames(json, "translator", chapter.Contributors, ContributorRole.Translator, book?.Contributors, ContributorRole.Translator);
        WriteNames(json, "contributor", chapter.Contributors, ContributorRole.Contributor, book?.Contributors, ContributorRole.Contributor);
        WriteNames(json, "container-author", book?.Contributors ?? [], ContributorRole.Author, null, default);
        WriteNames(json, "editor", chapter.Contributors, ContributorRole.Editor, book?.Contributors, ContributorRole.Editor);
        WriteNames(json, "collection-editor", chapter.Contributors, ContributorRole.SeriesEditor, book?.Contributors, ContributorRole.SeriesEditor);

        if (book is not null)
        {
            if (book.Title is not null || book.Subtitle is not null) json.WriteString("container-title", book.Title is null ? book.Subtitle : Join(book.Title, book.Subtitle));
            if (book.Edition is not null) json.WriteString("edition", book.Edition);
            if (book.Series is { } series)
            {
                if (series.Title is not null) json.WriteString("collection-title", series.Title);
                if (series.Volume is not null) json.WriteString("collection-number", series.Volume);
                if (series.Issns.Count > 0) json.WriteString("ISSN", string.Join(", ", series.Issns.Select(i => i.Value.ToString())));
            }

            if (book.Publisher is { } publisher)
            {
                json.WriteString("publisher", publisher.Name);
                if (publisher.Location is not null) json.WriteString("publisher-place", publisher.Location);
            }

            if (book.Isbns.Count > 0) json.WriteString("ISBN", string.Join(", ", book.Isbns.Select(i => i.Value.ToString())));
        }

        if (chapter.Number is not null) json.WriteString("chapter-number", chapter.Number);
        if (chapter.PublicationDate is { } date) WriteDate(json, date);
        if (chapter.Pages is { } pages) json.WriteString("page", pages.ToString());
        if (chapter.Doi is { } doi) json.WriteString("DOI", doi.ToString());
        if (chapter.Url is not null) json.WriteString("URL", chapter.Url);
        if (chapter.Language is not null) json.WriteString("language", chapter.Language);
        if (chapter.Abstract.Count > 0) json.WriteString("abstract", string.Join("\n", chapter.Abstract));
        if (chapter.Keywords.Count > 0) json.WriteString("keyword", string.Join(", ", chapter.Keywords));
        if (chapter.Notes.Count > 0) json.WriteString("note", string.Join("\n", chapter.Notes.Select(n => n.Text)));

        WriteExtras(json, chapter);
        json.WriteEndObject();
    }

    private static void WriteExtras(Utf8JsonWriter json, Chapter chapter)
    {
        var custom = new List<(string Name, string Value, bool Raw)>();
        if (chapter.Subtitle is not null) custom.Add((CslJsonItemReader.SubtitleKey, chapter.Subtitle, false));
        if (chapter.Book?.Subtitle is { } bookSubtitle && chapter.Book.Title is not null) custom.Add((CslJsonItemReader.ContainerSubtitleKey, bookSubtitle, false));
        else if (chapter.Book is { Subtitle: { } onlySubtitle, Title: null }) custom.Add((CslJsonItemReader.ContainerSubtitleKey, onlySubtitle, false));

        var written = new HashSet<string>(StringComparer.Ordinal) { "id", "type", "custom" };
        foreach (var extra in chapter.ExtraFields)
        {
            if (extra.Name.StartsWith("csl:", StringComparison.Ordinal))
            {
                var name = extra.Name[4..];
                if (TryParseJson(extra.Value, out var element))
                {
                    if (CslVariables.CanWriteAtTopLevel(name, element) && written.Add(name))
                    {
                        json.WritePropertyName(name);
                        json.WriteRawValue(extra.Value, skipInputValidation: true);
                        continue;
                    }

                    if (name.StartsWith("custom.", StringComparison.Ordinal) && name.Length > 7 && !name.Contains(':', StringComparison.Ordinal)
                        && name[7..] is not (CslJsonItemReader.SubtitleKey or CslJsonItemReader.ContainerSubtitleKey))
                    {
                        custom.Add((name[7..], extra.Value, true));
                        continue;
                    }
                }
            }

            custom.Add((CustomName(extra.Name), extra.Value, false));
        }

        if (custom.Count == 0) return;
        var names = new HashSet<string>(StringComparer.Ordinal);
        json.WritePropertyName("custom");
        json.WriteStartObject();
        foreach (var (name, value, raw) in custom)
        {
            // A JSON object should not repeat a member; a repeated extra-field name keeps its first value.
            if (!names.Add(name)) continue;
            json.WritePropertyName(name);
            if (raw) json.WriteRawValue(value, skipInputValidation: true);
            else json.WriteStringValue(value);
        }

        json.WriteEndObject();
    }

    // Extra fields travel in custom under their own name when it has a ':' (ris:M3); other names, and names that
    // start with the escape itself, get the escape prefix, which the reader strips once.
    private static string CustomName(string name) =>
        name.Contains(':', StringComparison.Ordinal) && !name.StartsWith(CslJsonItemReader.ExtraEscape, StringComparison.Ordinal)
            ? name
            : CslJsonItemReader.ExtraEscape + name;

    private static bool TryParseJson(string text, out JsonElement element)
    {
        element = default;
        if (text.Length == 0) return false;
        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void WriteDate(Utf8JsonWriter json, PartialDate date)
    {
        json.WritePropertyName("issued");
        json.WriteStartObject();
        json.WritePropertyName("date-parts");
        json.WriteStartArray();
        json.WriteStartArray();
        json.WriteNumberValue(date.Year);
        if (date.Season is { } season) json.WriteNumberValue(12 + season);
        else if (date.Month is { } month)
        {
            json.WriteNumberValue(month);
            if (date.Day is { } day) json.WriteNumberValue(day);
        }

        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter json, string variable, IReadOnlyList<Contributor> first, ContributorRole firstRole, IReadOnlyList<Contributor>? second, ContributorRole secondRole)
    {
        var started = false;
        Append(first, firstRole);
        if (second is not null) Append(second, secondRole);
        if (started) json.WriteEndArray();

        void Append(IReadOnlyList<Contributor> people, ContributorRole role)
        {
            foreach (var person in people)
            {
                if (person.Role != role) continue;
                if (!started)
                {
                    json.WritePropertyName(variable);
                    json.WriteStartArray();
                    started = true;
                }

                var name = person.Name;
                json.WriteStartObject();
                if (name.Family is not null) json.WriteString("family", name.Family);
                if (name.Given is not null) json.WriteString("given", name.Given);
                if (name.Particle is not null) json.WriteString("non-dropping-particle", name.Particle);
                if (name.Suffix is not null) json.WriteString("suffix", name.Suffix);
                if (name.Literal is not null) json.WriteString("literal", name.Literal);
                json.WriteEndObject();
            }
        }
    }

    private static string Join(string title, string? subtitle) => subtitle is null ? title : string.Concat(title, ": ", subtitle);



    // family name of the first author (else editor, else any contributor), year, first title word: ASCII letters and digits.
    internal static string BaseId(Chapter chapter)
    {
        PersonName? name = null;
        foreach (var c in chapter.Contributors)
        {
            if (c.Role == ContributorRole.Author) { name = c.Name; break; }
        }

        name ??= chapter.Book?.Contributors.FirstOrDefault(c => c.Role == ContributorRole.Editor)?.Name
            ?? (chapter.Contributors.Count > 0 ? chapter.Contributors[0].Name : null)
            ?? (chapter.Book is { Contributors.Count: > 0 } b ? b.Contributors[0].Name : null);
        var builder = new StringBuilder();
        AppendAscii(builder, name?.Family ?? name?.Literal ?? name?.Given, wordOnly: false);
        if (chapter.PublicationDate is { } date) builder.Append(date.Year.ToString(CultureInfo.InvariantCulture));
        AppendAscii(builder, chapter.Title, wordOnly: true);
        return builder.Length == 0 ? "item" : builder.ToString();
    }

    private static void AppendAscii(StringBuilder builder, string? text, bool wordOnly)
    {
        if (text is null) return;
        var started = false;
        foreach (var c in TextNormalizer.Nfd(text))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                started = true;
            }
            else if (wordOnly && started && (char.IsWhiteSpace(c) || char.IsPunctuation(c)))
            {
                return;
            }
        }
    }
}
