using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// BibTeX and BibLaTeX: the front door. <see cref="Parse(string)"/> gives the whole document (every entry of every type);
/// <see cref="Read(string)"/> gives the chapters (<c>@incollection</c>, <c>@inbook</c>, <c>@bookinbook</c>, <c>@inreference</c>) with
/// <c>crossref</c> inheritance applied, and reports every other entry as skipped (<see cref="BibtexCodes.NotAChapter"/>);
/// <see cref="Write(Chapter, BibtexWriteOptions?)"/> writes chapters in either <see cref="BibtexDialect"/>.
/// The field mapping is documented in docs/formats-bibtex.md.
/// </summary>
public static partial class Bibtex
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The format "bibtex" (<c>.bib</c>, <c>.bibtex</c>): reads both dialects, writes <see cref="BibtexDialect.Bibtex"/>.</summary>
    public static IRecordFormat Format { get; } = new BibtexRecordFormat("bibtex", [".bib", ".bibtex"], BibtexWriteOptions.Default);

    /// <summary>The format "biblatex" (<c>.biblatex</c>): reads both dialects, writes <see cref="BibtexDialect.Biblatex"/>.</summary>
    public static IRecordFormat BiblatexFormat { get; } =
        new BibtexRecordFormat("biblatex", [".biblatex"], BibtexWriteOptions.Default with { Dialect = BibtexDialect.Biblatex });

    /// <summary>Parses BibTeX text into the document layer (see <see cref="BibtexDocument.Parse(string)"/>).</summary>
    /// <param name="text">The text of a .bib file.</param>
    /// <returns>The document.</returns>
    public static BibtexDocument Parse(string text) => BibtexDocument.Parse(text);

    /// <summary>Parses BibTeX text from a reader into the document layer (see <see cref="BibtexDocument.Parse(TextReader)"/>).</summary>
    /// <param name="reader">The text of a .bib file (read to its end, not disposed).</param>
    /// <returns>The document.</returns>
    public static BibtexDocument Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return BibtexDocument.Parse(reader);
    }

    /// <summary>Reads the chapters of a .bib file. Never throws on bad input: problems are in <see cref="ReadResult.Diagnostics"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The chapters and the diagnostics of both layers, in line order.</returns>
    public static ReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        // With no "crossref" anywhere in the text (in any case), no entry has a crossref field, so none inherits from
        // another: each entry can be mapped as soon as it is read and then let go, instead of keeping the whole document
        // (which the garbage collector would otherwise copy from generation to generation). The result is the same.
        return text.Contains("crossref", StringComparison.OrdinalIgnoreCase) ? Read(reader) : ReadEntryByEntry(reader);
    }

    /// <summary>Reads the chapters of a .bib file from a reader (read to its end, not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The chapters and the diagnostics of both layers, in line order.</returns>
    public static ReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var document = BibtexDocument.Parse(reader);
        var diagnostics = new List<Diagnostic>(document.Diagnostics);
        var chapters = new List<Chapter>();
        foreach (var entry in document.Entries)
        {
            // A chapter whose crossref names a key no entry has (ReadAsync reports the same, when the file ends).
            if (IsChapterType(entry.EntryType) && entry.GetField("crossref") is { } crossref && crossref.RawValue.Trim() is { Length: > 0 } parent
                && document.Find(parent) is null)
            {
                diagnostics.Add(BibtexDocument.MissingParent(entry, crossref));
            }
            if (ToChapter(entry, document.WithInheritedFields, diagnostics) is { } chapter) chapters.Add(chapter);
        }
        return new ReadResult(chapters, InLineOrder(diagnostics));
    }

    // Read for input in which no entry has a crossref field: the same chapters and diagnostics as Read(TextReader), the
    // document layer's diagnostics first, then the mapping's in entry order, before both are put in line order.
    private static ReadResult ReadEntryByEntry(TextReader input)
    {
        var reader = new BibtexReader(input);
        var mapping = new List<Diagnostic>();
        var chapters = new List<Chapter>();
        foreach (var entry in reader.ReadEntries())
        {
            if (ToChapter(entry, static e => e, mapping) is { } chapter) chapters.Add(chapter);
        }
        var diagnostics = new List<Diagnostic>(reader.Diagnostics.Count + mapping.Count);
        diagnostics.AddRange(reader.Diagnostics);
        diagnostics.AddRange(mapping);
        return new ReadResult(chapters, InLineOrder(diagnostics));
    }

    /// <summary>
    /// Streams the chapters of a .bib file (UTF-8, or the encoding its byte-order mark names) in bounded memory. The reader
    /// keeps only the book-level entries seen so far (possible <c>crossref</c> parents: <c>@book</c>, <c>@collection</c>,
    /// <c>@reference</c>, <c>@proceedings</c> and their <c>mv</c> forms) and the chapters whose parent has not appeared yet; such a chapter is
    /// given out when its parent is read, or at the end of the input without it.
    /// </summary>
    /// <param name="stream">The bytes (not disposed).</param>
    /// <param name="onDiagnostic">Called with each diagnostic of both layers as it is found.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The chapters.</returns>
    public static async IAsyncEnumerable<Chapter> ReadAsync(Stream stream, Action<Diagnostic>? onDiagnostic = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var text = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var reader = new BibtexReader(text);
        var parents = new Dictionary<string, BibtexEntry>(StringComparer.Ordinal);
        var waiting = new List<BibtexEntry>();
        var reported = 0;
        var diagnostics = new List<Diagnostic>();
        BibtexEntry? Find(string key) => parents.GetValueOrDefault(key);
        BibtexEntry Inherit(BibtexEntry e) => BibtexDocument.Inherit(e, Find);

        void Flush()
        {
            var documentDiagnostics = reader.Diagnostics;
            for (; reported < documentDiagnostics.Count; reported++) onDiagnostic?.Invoke(documentDiagnostics[reported]);
            foreach (var d in diagnostics) onDiagnostic?.Invoke(d);
            diagnostics.Clear();
        }

        await foreach (var entry in reader.ReadEntriesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (IsParentType(entry.EntryType) && entry.Key.Length > 0) parents.TryAdd(entry.Key, entry);
            if (IsChapterType(entry.EntryType) && entry.GetRaw("crossref") is { } key && !parents.ContainsKey(key.Trim()))
            {
                waiting.Add(entry);
                Flush();
                continue;
            }
            var chapter = ToChapter(entry, Inherit, diagnostics);
            Flush();
            if (chapter is not null) yield return chapter;
            if (waiting.Count > 0 && IsParentType(entry.EntryType))
            {
                for (var i = 0; i < waiting.Count; i++)
                {
                    if (!string.Equals(waiting[i].GetRaw("crossref")!.Trim(), entry.Key, StringComparison.Ordinal)) continue;
                    var child = ToChapter(waiting[i], Inherit, diagnostics);
                    waiting.RemoveAt(i--);
                    Flush();
                    if (child is not null) yield return child;
                }
            }
        }
        foreach (var child in waiting)
        {
            // Its parent never came.
            var crossref = child.GetField("crossref")!;
            if (crossref.RawValue.Trim().Length > 0) diagnostics.Add(BibtexDocument.MissingParent(child, crossref));
            var chapter = ToChapter(child, Inherit, diagnostics);
            Flush();
            if (chapter is not null) yield return chapter;
        }
        Flush();
    }

    /// <summary>Writes one chapter as a BibTeX entry.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="options">The dialect and layout; <see cref="BibtexWriteOptions.Default"/> when null.</param>
    /// <returns>The text, ending with a line break.</returns>
    public static string Write(Chapter chapter, BibtexWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return Write([chapter], options);
    }

    /// <summary>Writes chapters as BibTeX entries, separated by blank lines, with citation keys unique within the text.</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="options">The dialect and layout; <see cref="BibtexWriteOptions.Default"/> when null.</param>
    /// <returns>The text.</returns>
    public static string Write(IEnumerable<Chapter> chapters, BibtexWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        using var writer = new PooledStringWriter();
        Write(chapters, writer, options);
        return writer.ToString();
    }

    /// <summary>Writes chapters as BibTeX entries to <paramref name="writer"/> (not disposed).</summary>
    /// <param name="chapters">The chapters.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">The dialect and layout; <see cref="BibtexWriteOptions.Default"/> when null.</param>
    public static void Write(IEnumerable<Chapter> chapters, TextWriter writer, BibtexWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= BibtexWriteOptions.Default;
        var keys = new EmittedKeys();
        var entry = new EntryText(options);
        var first = true;
        foreach (var chapter in chapters)
        {
            ArgumentNullException.ThrowIfNull(chapter);
            if (!first) writer.Write(options.NewLine);
            first = false;
            WriteEntry(chapter, writer, entry, keys);
        }
    }

    private static List<Diagnostic> InLineOrder(List<Diagnostic> diagnostics)
    {
        var ordered = new List<Diagnostic>(diagnostics.Count);
        ordered.AddRange(diagnostics.Select((d, i) => (d, i)).OrderBy(p => p.d.Line).ThenBy(p => p.d.Column).ThenBy(p => p.i).Select(p => p.d));
        return ordered;
    }

    private static bool IsParentType(string type) =>
        type is "book" or "mvbook" or "collection" or "mvcollection" or "reference" or "mvreference" or "proceedings" or "mvproceedings";

    private static bool IsChapterType(string type) => type is "incollection" or "inbook" or "bookinbook" or "inreference";
}
