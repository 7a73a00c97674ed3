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
}

/// <summary>
/// The reading loop shared by the streaming readers of the tagged formats: it takes lines from a
/// <see cref="RisLineBuffer"/>, hands them to the format's parser and yields the records, reading more input only
/// when no complete line is buffered. The synchronous and asynchronous loops share one step, so they cannot drift apart.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal sealed class TaggedRecordPump<TRecord>(TextReader reader, ITaggedLineParser<TRecord> parser)
    where TRecord : class
{
    private readonly RisLineBuffer _lines = new(reader);
    private bool _finished;

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
        while (_lines.TryTakeLine(out var line))
        {
            record = parser.Accept(line, _lines.LineNumber);
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
}
