using System.Globalization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// A whole BibTeX (or BibLaTeX) file as written: every entry of every type, the <c>@string</c> macros, preambles and
/// comments in file order, each value both as written and decoded, and the diagnostics. This is the document layer;
/// which entries are chapters is the mapping layer's business.
/// </summary>
/// <remarks>
/// <see cref="Write(TextWriter)"/> writes the blocks back in order (entries one field a line, values as written with their
/// delimiters and macro references), so that parsing the output gives the same entries, fields and values.
/// </remarks>
public sealed class BibtexDocument
{
    private readonly BibtexBlock[] _blocks;
    private readonly BibtexEntry[] _entries;
    private Dictionary<string, BibtexEntry>? _byKey;

    private BibtexDocument(List<BibtexBlock> blocks, IReadOnlyList<BibtexMacro> strings, IReadOnlyList<BibtexPreamble> preambles,
        IReadOnlyList<BibtexComment> comments, List<Diagnostic> diagnostics)
    {
        _blocks = [.. blocks];
        var entries = new List<BibtexEntry>();
        foreach (var block in blocks)
        {
            if (block is BibtexEntry entry) entries.Add(entry);
        }
        _entries = [.. entries];
        Strings = [.. strings];
        Preambles = [.. preambles];
        Comments = [.. comments];
        var cycles = new BibtexCrossrefCycles();
        foreach (var entry in _entries) cycles.Add(entry);
        diagnostics.AddRange(cycles.Report());
        Diagnostics = [.. diagnostics];
    }

    /// <summary>Every block in file order.</summary>
    public IReadOnlyList<BibtexBlock> Blocks => _blocks;

    /// <summary>Every entry of every type, in file order (duplicates of a key included).</summary>
    public IReadOnlyList<BibtexEntry> Entries => _entries;

    /// <summary>The <c>@string</c> macro definitions, in file order.</summary>
    public IReadOnlyList<BibtexMacro> Strings { get; }

    /// <summary>The <c>@preamble</c> blocks, in file order.</summary>
    public IReadOnlyList<BibtexPreamble> Preambles { get; }

    /// <summary>The <c>@comment</c> blocks, the free text between blocks, and broken blocks kept verbatim, in file order.</summary>
    public IReadOnlyList<BibtexComment> Comments { get; }

    /// <summary>The problems found, in input order (crossref cycles last).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Parses BibTeX text (never throws on bad input: problems are in <see cref="Diagnostics"/>).</summary>
    /// <param name="text">The text of a .bib file.</param>
    /// <param name="options">The limits; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <returns>The document.</returns>
    public static BibtexDocument Parse(string text, BibtexReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader, options);
    }

    /// <summary>Parses BibTeX text from a reader (read to its end, not disposed).</summary>
    /// <param name="reader">The text of a .bib file.</param>
    /// <param name="options">The limits; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <returns>The document.</returns>
    public static BibtexDocument Parse(TextReader reader, BibtexReadOptions? options = null)
    {
        var bibtex = new BibtexReader(reader, options);
        var blocks = new List<BibtexBlock>();
        foreach (var block in bibtex.ReadBlocks()) blocks.Add(block);
        return new BibtexDocument(blocks, bibtex.Strings, bibtex.Preambles, bibtex.Comments, [.. bibtex.Diagnostics]);
    }

    /// <summary>Parses BibTeX bytes (UTF-8 unless a byte order mark says otherwise), read to the end, not disposed.</summary>
    /// <param name="stream">The bytes of a .bib file.</param>
    /// <param name="options">The limits; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <returns>The document.</returns>
    public static BibtexDocument Parse(Stream stream, BibtexReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(InputStream.Wrap(stream), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Parse(reader, options);
    }

    /// <summary>Parses BibTeX text from a reader asynchronously (read to its end, not disposed).</summary>
    /// <param name="reader">The text of a .bib file.</param>
    /// <param name="options">The limits; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The document.</returns>
    public static Task<BibtexDocument> ParseAsync(TextReader reader, BibtexReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var bibtex = new BibtexReader(reader, options);
        return ParseCoreAsync(bibtex, bibtex.ReadBlocksAsync(cancellationToken));
    }

    /// <summary>Parses BibTeX bytes asynchronously (UTF-8 unless a byte order mark says otherwise), read to the end, not disposed.</summary>
    /// <param name="stream">The bytes of a .bib file.</param>
    /// <param name="options">The limits; <see cref="BibtexReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The document.</returns>
    public static Task<BibtexDocument> ParseAsync(Stream stream, BibtexReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bibtex = new BibtexReader(new StreamReader(InputStream.Wrap(stream), detectEncodingFromByteOrderMarks: true, leaveOpen: true), options);
        return ParseCoreAsync(bibtex, bibtex.ReadBlocksAsync(cancellationToken));
    }

    private static async Task<BibtexDocument> ParseCoreAsync(BibtexReader bibtex, IAsyncEnumerable<BibtexBlock> read)
    {
        var blocks = new List<BibtexBlock>();
        await foreach (var block in read.ConfigureAwait(false)) blocks.Add(block);
        return new BibtexDocument(blocks, bibtex.Strings, bibtex.Preambles, bibtex.Comments, [.. bibtex.Diagnostics]);
    }

    /// <summary>The first entry with that citation key (compared ordinally), or null.</summary>
    /// <param name="key">The citation key.</param>
    /// <returns>The entry, or null.</returns>
    public BibtexEntry? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ByKey().GetValueOrDefault(key);
    }

    /// <summary>
    /// The entry with the fields it inherits through <c>crossref</c> added after its own, following BibLaTeX's rules: a parent's
    /// <c>title</c>, <c>subtitle</c> and <c>titleaddon</c> become <c>booktitle</c>, <c>booksubtitle</c> and <c>booktitleaddon</c>; other fields
    /// keep their names; a field the child has is never overwritten; <c>crossref</c>, <c>xref</c>, <c>ids</c>, <c>key</c> and
    /// <c>entryset</c> are not inherited. Chains are followed (grandparents fill what parents lack); a cycle stops the chain
    /// (reported as <see cref="BibtexCodes.CrossrefCycle"/> when parsing). The entry itself is returned when it inherits nothing.
    /// </summary>
    /// <param name="entry">An entry of this document.</param>
    /// <returns>The entry with inherited fields.</returns>
    public BibtexEntry WithInheritedFields(BibtexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Inherit(entry, Find);
    }

    // The inheritance rules of WithInheritedFields, with the parent look-up given (the streaming mapper keeps its own index).
    internal static BibtexEntry Inherit(BibtexEntry entry, Func<string, BibtexEntry?> find)
    {
        var fields = new List<BibtexField>(entry.Fields);
        var seen = new HashSet<BibtexEntry> { entry };
        var current = entry;
        while (current.GetRaw("crossref") is { } parentKey && find(parentKey.Trim()) is { } parent && seen.Add(parent))
        {
            foreach (var field in parent.Fields)
            {
                var target = field.Name switch
                {
                    "crossref" or "xref" or "ids" or "key" or "entryset" => null,
                    "title" => "booktitle",
                    "subtitle" => "booksubtitle",
                    "titleaddon" => "booktitleaddon",
                    var same => same,
                };
                if (target is null || fields.Exists(f => string.Equals(f.Name, target, StringComparison.Ordinal))) continue;
                fields.Add(string.Equals(target, field.Name, StringComparison.Ordinal) ? field : new BibtexField(target, [.. field.Parts], field.Line, field.Column));
            }
            current = parent;
        }
        return fields.Count == entry.Fields.Count ? entry : new BibtexEntry(entry.RawEntryType, entry.Key, [.. fields], entry.Line, entry.Column);
    }

    /// <summary>Writes the document: every block in order, separated by blank lines, line breaks as <c>\n</c>.</summary>
    /// <param name="writer">Where to write.</param>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        for (var i = 0; i < _blocks.Length; i++)
        {
            if (i > 0) writer.Write("\n\n");
            _blocks[i].Write(writer);
        }
        if (_blocks.Length > 0) writer.Write('\n');
    }

    /// <summary>The document as BibTeX text (see <see cref="Write(TextWriter)"/>).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }

    private Dictionary<string, BibtexEntry> ByKey()
    {
        if (_byKey is { } known) return known;
        var map = new Dictionary<string, BibtexEntry>(StringComparer.Ordinal);
        foreach (var entry in _entries) map.TryAdd(entry.Key, entry);
        return _byKey = map;
    }

    // The warning for a chapter whose crossref names a key that no entry of the file has (keys are matched exactly, as
    // biber does; bibtex ignores case). The chapter is still read, inheriting nothing.
    internal static Diagnostic MissingParent(BibtexEntry entry, BibtexField field) =>
        DiagnosticCatalogue.Create(BibtexCodes.MissingCrossrefParent,
            "@" + entry.RawEntryType + "{" + entry.Key + "}: crossref names '" + field.RawValue.Trim() + "', which is not in the file; read without inheriting",
            field.Line, field.Column);
}
