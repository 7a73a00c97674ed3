using System.Globalization;

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
    /// <summary>Creates a document from records built in code (no diagnostics).</summary>
    /// <param name="records">The records in order.</param>
    public RisDocument(IEnumerable<RisRecord> records)
        : this(records, [])
    {
    }

    /// <summary>Creates a document from records and the diagnostics that came with them.</summary>
    /// <param name="records">The records in order.</param>
    /// <param name="diagnostics">The diagnostics in order.</param>
    public RisDocument(IEnumerable<RisRecord> records, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Records = ValueList.From(records);
        Diagnostics = ValueList.From(diagnostics);
    }

    /// <summary>The records in input order.</summary>
    public IReadOnlyList<RisRecord> Records { get; }

    /// <summary>The problems found while reading, in order; empty for a document built in code.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads a whole RIS text.</summary>
    /// <param name="text">The text (a leading byte order mark is skipped).</param>
    /// <returns>The records and diagnostics; never throws on bad text.</returns>
    public static RisDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader);
    }

    /// <summary>Reads RIS text to its end. The reader is not disposed.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The records and diagnostics; never throws on bad text.</returns>
    public static RisDocument Parse(TextReader reader)
    {
        var risReader = new RisReader(reader);
        var records = new List<RisRecord>();
        foreach (var record in risReader.ReadRecords())
        {
            records.Add(record);
        }
        return new RisDocument(records, risReader.Diagnostics);
    }

    /// <summary>Reads RIS text to its end asynchronously. The reader is not disposed.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The records and diagnostics; never throws on bad text.</returns>
    public static async Task<RisDocument> ParseAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        var risReader = new RisReader(reader);
        var records = new List<RisRecord>();
        await foreach (var record in risReader.ReadRecordsAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }
        return new RisDocument(records, risReader.Diagnostics);
    }

    /// <summary>Writes the records as RIS text with CRLF line endings.</summary>
    /// <param name="writer">Where to write.</param>
    public void Write(TextWriter writer) => Write(writer, RisWriterOptions.Default);

    /// <summary>Writes the records as RIS text.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">How to write (line endings).</param>
    public void Write(TextWriter writer, RisWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        RisWriter.WriteDocument(writer, Records, options.NewLineText);
    }

    /// <summary>The records as RIS text with CRLF line endings.</summary>
    public override string ToString() => ToString(RisWriterOptions.Default);

    /// <summary>The records as RIS text.</summary>
    /// <param name="options">How to write (line endings).</param>
    public string ToString(RisWriterOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, options);
        return writer.ToString();
    }
}
