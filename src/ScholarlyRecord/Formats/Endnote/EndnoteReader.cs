using System.Collections.ObjectModel;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Reads EndNote tagged records (<c>.enw</c>, the Refer/BibIX-based import format) one at a time from a
/// <see cref="TextReader"/>, in memory bounded by the largest record and the limits of <see cref="EndnoteReadOptions"/>
/// (a longer line or larger record is reported and skipped), collecting <see cref="Diagnostics"/> as it goes.
/// It never throws on bad input: every problem becomes a diagnostic and the records around it are still returned.
/// </summary>
/// <remarks>
/// <para>Line rules: a tag line is <c>%</c>, one visible ASCII character, then a space, a tab or the line end. Blank
/// lines end a record; so does a second <c>%0</c> line (some exporters leave out the blank line). CR LF, LF and a bare
/// CR each end a line; a UTF-8 byte order mark before the first line is skipped. Inside a record, a line without a tag
/// continues the field before it (<see cref="EndnoteField"/>); a line that starts with <c>%</c> but is no tag line is
/// kept the same way and reported (<c>ENW202</c>). Text outside records is skipped (<c>ENW301</c>).</para>
/// <para>The reader reads its <see cref="TextReader"/> once (a second enumeration throws
/// <see cref="InvalidOperationException"/>) and does not dispose it.</para>
/// </remarks>
public sealed class EndnoteReader
{
    private readonly TaggedRecordPump<EndnoteRecord> _pump;
    private readonly List<Diagnostic> _diagnostics = [];
    private bool _started;

    /// <summary>Creates a reader over <paramref name="reader"/>; nothing is read until the records are enumerated.</summary>
    /// <param name="reader">The text to read; it is not disposed by this reader.</param>
    /// <param name="options">How to read; null for <see cref="EndnoteReadOptions.Default"/>.</param>
    public EndnoteReader(TextReader reader, EndnoteReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _pump = new TaggedRecordPump<EndnoteRecord>(reader, new EndnoteParser(_diagnostics), (options ?? EndnoteReadOptions.Default).Limits, _diagnostics);
        Diagnostics = new ReadOnlyCollection<Diagnostic>(_diagnostics);
    }

    /// <summary>The diagnostics found so far, in input order; a diagnostic about a record is there by the time the record is returned.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads the records lazily, one at a time.</summary>
    /// <returns>The records in input order.</returns>
    /// <exception cref="InvalidOperationException">The reader has already been read.</exception>
    public IEnumerable<EndnoteRecord> ReadRecords()
    {
        MarkStarted();
        return _pump.Read();
    }

    /// <summary>Reads the records lazily and asynchronously, one at a time.</summary>
    /// <param name="cancellationToken">Stops the reading between reads of the underlying reader.</param>
    /// <returns>The records in input order.</returns>
    /// <exception cref="InvalidOperationException">The reader has already been read.</exception>
    public IAsyncEnumerable<EndnoteRecord> ReadRecordsAsync(CancellationToken cancellationToken = default)
    {
        MarkStarted();
        return _pump.ReadAsync(cancellationToken);
    }

    private void MarkStarted()
    {
        if (_started) throw new InvalidOperationException("This EndnoteReader has already been read: a reader reads its TextReader once; create a new one to read again.");
        _started = true;
    }
}
