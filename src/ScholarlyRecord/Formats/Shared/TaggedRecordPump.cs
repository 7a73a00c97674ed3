using System.Globalization;
using System.Runtime.CompilerServices;

namespace ScholarlyRecord.Formats;

/// <summary>A line state machine of a tagged format (RIS, EndNote): fed one line at a time, it returns each record as it completes.</summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal interface ITaggedLineParser<TRecord>
    where TRecord : class
{
    /// <summary>Reads one line (without its line break); returns the record this line completed, if any.</summary>
    TRecord? Accept(ReadOnlySpan<char> line, int lineNumber);

    /// <summary>Ends the input; returns the record still open, if one is kept.</summary>
    /// <param name="endLine">The 1-based line the end of the input is on.</param>
    TRecord? Finish(int endLine);

    /// <summary>Whether a record is open (being read, not being skipped).</summary>
    bool InRecord { get; }

    /// <summary>The 1-based line the open record started on.</summary>
    int RecordLine { get; }

    /// <summary>Drops the open record, if any, and skips the lines up to its end (the next record is read as usual).</summary>
    void SkipRecord();
}

/// <summary>
/// The reading loop shared by the streaming readers of the tagged formats: it takes lines from a
/// <see cref="RisLineBuffer"/>, hands them to the format's parser and yields the records, reading more input only
/// when no complete line is buffered. The synchronous and asynchronous loops share one step, so they cannot drift apart.
/// It also holds the read options' limits: a line longer than the line limit, or a record larger than the record limit,
/// is reported and the record is skipped to its end, so no line or record is ever buffered past its limit.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal sealed class TaggedRecordPump<TRecord>(TextReader reader, ITaggedLineParser<TRecord> parser, TaggedLimits limits, List<Diagnostic> diagnostics)
    where TRecord : class
{
    private readonly RisLineBuffer _lines = new(reader, limits.MaxLineLength);
    private bool _finished;
    private long _recordLength;

    private enum Step
    {
        Record,
        NeedInput,
        Done,
    }

    public IEnumerable<TRecord> Read()
    {
        while (true)
        {
            switch (Next(out var record))
            {
                case Step.Record:
                    yield return record!;
                    break;
                case Step.NeedInput:
                    _lines.Fill();
                    break;
                default:
                    yield break;
            }
        }
    }

    public async IAsyncEnumerable<TRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (Next(out var record))
            {
                case Step.Record:
                    yield return record!;
                    break;
                case Step.NeedInput:
                    await _lines.FillAsync(cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    yield break;
            }
        }
    }

    private Step Next(out TRecord? record)
    {
        while (_lines.TryTakeLine(out var line, out var tooLong))
        {
            if (tooLong)
            {
                LineTooLong(_lines.LineNumber);
                continue;
            }
            var wasInRecord = parser.InRecord;
            record = parser.Accept(line, _lines.LineNumber);
            Measure(line.Length, opened: !wasInRecord || record is not null);
            if (record is not null) return Step.Record;
        }
        if (!_lines.IsEndOfInput)
        {
            record = null;
            return Step.NeedInput;
        }
        if (!_finished)
        {
            _finished = true;
            var endLine = _lines.LastLineTerminated ? _lines.LineNumber + 1 : Math.Max(_lines.LineNumber, 1);
            record = parser.Finish(endLine);
            if (record is not null) return Step.Record;
        }
        record = null;
        return Step.Done;
    }

    private void LineTooLong(int lineNumber)
    {
        var what = parser.InRecord
            ? string.Create(CultureInfo.InvariantCulture, $"the record that starts on line {parser.RecordLine} is skipped up to its end")
            : "the record it starts, if any, is skipped up to its end";
        Report(limits.LineCode,
            string.Create(CultureInfo.InvariantCulture, $"Line {lineNumber} is longer than {limits.MaxLineLength} characters ({limits.OptionsName}.MaxLineLength); {what}, and the records after it are read."),
            lineNumber, limits.MaxLineLength + 1);
        parser.SkipRecord();
        _recordLength = 0;
    }

    // Counts the characters of the open record's lines; a record that passes the limit is reported and skipped.
    private void Measure(int lineLength, bool opened)
    {
        if (!parser.InRecord)
        {
            _recordLength = 0;
            return;
        }
        _recordLength = opened ? lineLength : _recordLength + lineLength;
        if (_recordLength <= limits.MaxRecordLength) return;
        Report(limits.RecordCode,
            string.Create(CultureInfo.InvariantCulture,
                $"The record that starts on line {parser.RecordLine} is larger than {limits.MaxRecordLength} characters ({limits.OptionsName}.MaxRecordLength) at line {_lines.LineNumber}; it is skipped up to its end, and the records after it are read."),
            _lines.LineNumber, 1);
        parser.SkipRecord();
        _recordLength = 0;
    }

    private void Report(string code, string message, int line, int column) =>
        diagnostics.Add(DiagnosticCatalogue.Create(code, message, line, column));
}
