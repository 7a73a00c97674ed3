using System.Collections.ObjectModel;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Reads RIS records one at a time from a <see cref="TextReader"/>, in memory bounded by the largest record
/// (not the file) and by the limits of <see cref="RisReadOptions"/> (a longer line or larger record is reported and
/// skipped), collecting <see cref="Diagnostics"/> as it goes. It never throws on bad input: every
/// problem becomes a diagnostic and the records around it are still returned.
/// </summary>
/// <remarks>
/// <para>Line rule: a tag line is <c>^[A-Z][A-Z0-9]  -( |$)</c>, so <c>ER  -</c> with no trailing space and
/// <c>XX  -</c> with an empty value are tag lines. CR LF, LF and a bare CR each end a line (Web of Science
/// exports separate repeated <c>AD</c> lines with bare CRs; they are read as the separate lines they are
/// meant to be, and line numbers count them). A UTF-8 byte order mark before the first line is skipped.</para>
/// <para>Inside a record, lines without a tag continue the previous field (see <see cref="RisField"/>), blank
/// lines are allowed, unknown and repeated tags are kept in order. Outside records, text without tags is
/// skipped (<c>RIS301</c>) and so is a stray <c>ER</c> (<c>RIS204</c>). The codes are listed in
/// <see cref="RisCodes"/>.</para>
/// <para>The reader does not own the <see cref="TextReader"/> and reads it once: a second call to
/// <see cref="ReadRecords"/> or <see cref="ReadRecordsAsync"/> throws <see cref="InvalidOperationException"/>.</para>
/// </remarks>
public sealed class RisReader
{
    private readonly TaggedRecordPump<RisRecord> _pump;
    private readonly List<Diagnostic> _diagnostics = [];
    private bool _started;

    /// <summary>Creates a reader over <paramref name="reader"/>; nothing is read until the records are enumerated.</summary>
    /// <param name="reader">The text to read; it is not disposed by this reader.</param>
    /// <param name="options">How to read; <see cref="RisReadOptions.Default"/> when null.</param>
    public RisReader(TextReader reader, RisReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _pump = new TaggedRecordPump<RisRecord>(reader, new RisParser(_diagnostics), (options ?? RisReadOptions.Default).Limits, _diagnostics);
        Diagnostics = new ReadOnlyCollection<Diagnostic>(_diagnostics);
    }

    /// <summary>
    /// The diagnostics found so far, in input order of discovery; complete once the records have been
    /// enumerated to the end. A diagnostic about a record is there by the time the record is returned.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads the records lazily, one at a time.</summary>
    /// <returns>The records in input order.</returns>
    /// <exception cref="InvalidOperationException">The reader has already been read.</exception>
    public IEnumerable<RisRecord> ReadRecords()
    {
        MarkStarted();
        return _pump.Read();
    }

    /// <summary>Reads the records lazily and asynchronously, one at a time.</summary>
    /// <param name="cancellationToken">Stops the reading between reads of the underlying reader.</param>
    /// <returns>The records in input order.</returns>
    /// <exception cref="InvalidOperationException">The reader has already been read.</exception>
    public IAsyncEnumerable<RisRecord> ReadRecordsAsync(CancellationToken cancellationToken = default)
    {
        MarkStarted();
        return _pump.ReadAsync(cancellationToken);
    }

    private void MarkStarted()
    {
        if (_started) RisThrow.AlreadyRead();
        _started = true;
    }
}
