using System.Globalization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// A whole RIS file at the document layer: every record of every type, each field in order with its
/// position, and the diagnostics found while reading. Which records are chapters is the mapping layer's
/// business; this layer keeps everything.
/// </summary>
/// <remarks>
/// Reading never throws on bad input (see <see cref="RisReader"/> for the rules). Writing puts <c>TY</c> first
/// and <c>ER</c> last, each field on its own line, a blank line after each record, and values with line
/// breaks as continuation lines, so that parsing the written text gives the same records, tags and values.
/// </remarks>
public sealed class RisDocument
{
    /// <summary>Creates a document from records and the diagnostics that came with them.</summary>
    /// <param name="records">The records in order.</param>
    /// <param name="diagnostics">The diagnostics in order.</param>
    public RisDocument(IEnumerable<RisRecord> records, IEnumerable<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        Records = ValueList.From(records);
        Diagnostics = ValueList.From(diagnostics ?? []);
    }

    /// <summary>The records in input order.</summary>
    public IReadOnlyList<RisRecord> Records { get; }

    /// <summary>The problems found while reading, in order; empty for a document built in code.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads a whole RIS text at the document layer: every record of every type.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <returns>The records and the document layer's diagnostics.</returns>
    public static RisDocument Parse(string text, RisReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader, options);
    }

    /// <summary>Reads RIS text to its end at the document layer (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <returns>The records and the document layer's diagnostics.</returns>
    public static RisDocument Parse(TextReader reader, RisReadOptions? options = null)
    {
        var risReader = new RisReader(reader, options);
        var records = new List<RisRecord>();
        foreach (var record in risReader.ReadRecords()) records.Add(record);
        return new RisDocument(records, risReader.Diagnostics);
    }

    /// <summary>Reads RIS bytes to their end at the document layer (UTF-8 unless a byte order mark says otherwise; not disposed).</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <returns>The records and the document layer's diagnostics.</returns>
    public static RisDocument Parse(Stream stream, RisReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(InputStream.Wrap(stream), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Parse(reader, options);
    }

    /// <summary>Reads RIS text to its end at the document layer, asynchronously (the reader is not disposed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records and the document layer's diagnostics.</returns>
    public static Task<RisDocument> ParseAsync(TextReader reader, RisReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var risReader = new RisReader(reader, options);
        return ParseCoreAsync(risReader, risReader.ReadRecordsAsync(cancellationToken));
    }

    /// <summary>Reads RIS bytes to their end at the document layer, asynchronously (not disposed).</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records and the document layer's diagnostics.</returns>
    public static Task<RisDocument> ParseAsync(Stream stream, RisReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var risReader = new RisReader(new StreamReader(InputStream.Wrap(stream), detectEncodingFromByteOrderMarks: true, leaveOpen: true), options);
        return ParseCoreAsync(risReader, risReader.ReadRecordsAsync(cancellationToken));
    }

    private static async Task<RisDocument> ParseCoreAsync(RisReader risReader, IAsyncEnumerable<RisRecord> read)
    {
        var records = new List<RisRecord>();
        await foreach (var record in read.ConfigureAwait(false)) records.Add(record);
        return new RisDocument(records, risReader.Diagnostics);
    }

    /// <summary>Writes the records, each followed by a blank line.</summary>
    /// <param name="writer">Where to write (not disposed).</param>
    /// <param name="options">The line endings; <see cref="RisWriteOptions.Default"/> (CR LF) when null.</param>
    public void Write(TextWriter writer, RisWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        RisWriter.WriteDocument(writer, Records, (options ?? RisWriteOptions.Default).NewLineText);
    }

    /// <summary>The document as RIS text with CR LF line endings (see <see cref="Write(TextWriter, RisWriteOptions?)"/>).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }
}
