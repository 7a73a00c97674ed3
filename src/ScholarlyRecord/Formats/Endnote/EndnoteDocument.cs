using System.Globalization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// A whole EndNote file at the document layer: every record of every type, each field in order with its position,
/// and the diagnostics found while reading. Which records are chapters is the mapping layer's business
/// (<see cref="EndnoteMapping"/>); this layer keeps everything.
/// </summary>
/// <remarks>
/// Reading never throws on bad input (see <see cref="EndnoteReader"/> for the rules). Writing puts <c>%0</c> first
/// (a bare <c>%0</c> for an empty type),
/// each field on its own line (further lines of a value as continuation lines) and a blank line after each record,
/// so that parsing the written text gives the same records, tags and values.
/// </remarks>
public sealed class EndnoteDocument
{
    /// <summary>Creates a document from records and, optionally, the diagnostics that came with them.</summary>
    /// <param name="records">The records in order.</param>
    /// <param name="diagnostics">The diagnostics in order; null for none.</param>
    public EndnoteDocument(IEnumerable<EndnoteRecord> records, IEnumerable<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        Records = ValueList.From(records);
        Diagnostics = ValueList.From(diagnostics ?? []);
    }

    /// <summary>The records in input order.</summary>
    public IReadOnlyList<EndnoteRecord> Records { get; }

    /// <summary>The problems found while reading, in order; empty for a document built in code.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads a whole EndNote text.</summary>
    /// <param name="text">The text (a leading byte order mark is skipped).</param>
    /// <param name="options">How to read; null for the defaults.</param>
    /// <returns>The records and diagnostics; never throws on bad text.</returns>
    public static EndnoteDocument Parse(string text, EndnoteReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader, options);
    }

    /// <summary>Reads EndNote text to its end. The reader is not disposed.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; null for the defaults.</param>
    /// <returns>The records and diagnostics; never throws on bad text.</returns>
    public static EndnoteDocument Parse(TextReader reader, EndnoteReadOptions? options = null)
    {
        var endnoteReader = new EndnoteReader(reader, options);
        var records = new List<EndnoteRecord>();
        foreach (var record in endnoteReader.ReadRecords())
        {
            records.Add(record);
        }
        return new EndnoteDocument(records, endnoteReader.Diagnostics);
    }

    /// <summary>Reads EndNote bytes to their end (UTF-8 unless a byte order mark says otherwise; not disposed).</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read; null for the defaults.</param>
    /// <returns>The records and diagnostics; never throws on bad text.</returns>
    public static EndnoteDocument Parse(Stream stream, EndnoteReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(InputStream.Wrap(stream), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Parse(reader, options);
    }

    /// <summary>Reads EndNote text to its end asynchronously. The reader is not disposed.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The records and diagnostics; never throws on bad text.</returns>
    public static Task<EndnoteDocument> ParseAsync(TextReader reader, EndnoteReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var endnoteReader = new EndnoteReader(reader, options);
        return ParseCoreAsync(endnoteReader, cancellationToken);
    }

    /// <summary>Reads EndNote bytes to their end asynchronously (UTF-8 unless a byte order mark says otherwise; not disposed).</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The records and diagnostics; never throws on bad text.</returns>
    public static Task<EndnoteDocument> ParseAsync(Stream stream, EndnoteReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var endnoteReader = new EndnoteReader(new StreamReader(InputStream.Wrap(stream), detectEncodingFromByteOrderMarks: true, leaveOpen: true), options);
        return ParseCoreAsync(endnoteReader, cancellationToken);
    }

    private static async Task<EndnoteDocument> ParseCoreAsync(EndnoteReader endnoteReader, CancellationToken cancellationToken)
    {
        var records = new List<EndnoteRecord>();
        await foreach (var record in endnoteReader.ReadRecordsAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }
        return new EndnoteDocument(records, endnoteReader.Diagnostics);
    }

    /// <summary>Writes the records as EndNote text.</summary>
    /// <param name="writer">Where to write; not disposed.</param>
    /// <param name="options">How to write (line endings); null for the defaults (CRLF).</param>
    public void Write(TextWriter writer, EndnoteWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        EndnoteWriter.WriteDocument(writer, Records, (options ?? EndnoteWriteOptions.Default).NewLineText);
    }

    /// <summary>The records as EndNote text with CRLF line endings.</summary>
    public override string ToString() => ToString(null);

    /// <summary>The records as EndNote text.</summary>
    /// <param name="options">How to write (line endings); null for the defaults.</param>
    public string ToString(EndnoteWriteOptions? options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, options);
        return writer.ToString();
    }
}
