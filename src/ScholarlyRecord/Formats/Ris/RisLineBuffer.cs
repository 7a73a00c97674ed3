namespace ScholarlyRecord.Formats;

/// <summary>
/// Splits the text of a <see cref="TextReader"/> into lines without allocating per line: lines are spans into
/// one growing buffer. CR LF, LF and a bare CR each end a line. A line longer than the limit is reported once as
/// too long and its text is dropped as it arrives, so memory is bounded by the limit, never by the line.
/// </summary>
internal sealed class RisLineBuffer
{
    private const int InitialSize = 16 * 1024;

    private readonly TextReader _reader;
    private readonly int _maxLineLength;
    private char[] _buffer = new char[InitialSize];
    private int _start;
    private int _end;
    private bool _skipLineFeed;
    private bool _firstLine = true;
    private bool _discarding;

    public RisLineBuffer(TextReader reader, int maxLineLength = int.MaxValue)
    {
        _reader = reader;
        _maxLineLength = maxLineLength;
    }

    /// <summary>True once the reader has reported its end.</summary>
    public bool IsEndOfInput { get; private set; }

    /// <summary>The 1-based number of the last line returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Whether the last line returned ended with a line break (then the end of input is on the next line).</summary>
    public bool LastLineTerminated { get; private set; }

    /// <summary>
    /// Takes the next complete line from the buffer; false when more input is needed (or none is left). A line longer
    /// than the limit is returned at once, empty, with <paramref name="tooLong"/> set; the rest of it is dropped.
    /// </summary>
    public bool TryTakeLine(out ReadOnlySpan<char> line, out bool tooLong)
    {
        tooLong = false;
        if (_discarding && !DiscardRestOfLine())
        {
            line = default;
            return false;
        }
        if (_skipLineFeed && _start < _end)
        {
            if (_buffer[_start] == '\n') _start++;
            _skipLineFeed = false;
        }
        var available = _buffer.AsSpan(_start, _end - _start);
        var breakAt = available.IndexOfAny(RisSyntax.LineBreaks);
        if ((breakAt >= 0 ? breakAt : available.Length) > _maxLineLength)
        {
            line = default;
            tooLong = true;
            _discarding = true;
            _firstLine = false;
            LastLineTerminated = true;
            LineNumber++;
            return true;
        }
        if (breakAt >= 0)
        {
            line = available[..breakAt];
            _start += breakAt + 1;
            AfterBreak(available[breakAt]);
        }
        else if (IsEndOfInput && !available.IsEmpty)
        {
            line = available;
            _start = _end;
            LastLineTerminated = false;
        }
        else
        {
            line = default;
            return false;
        }

        LineNumber++;
        if (_firstLine)
        {
            _firstLine = false;
            if (!line.IsEmpty && line[0] == '\uFEFF') line = line[1..];
        }
        return true;
    }

    // A CR may be the first half of CR LF: its LF is skipped now or, when the buffer ends at the CR, on the next take.
    private void AfterBreak(char breakChar)
    {
        if (breakChar == '\r')
        {
            if (_start < _end)
            {
                if (_buffer[_start] == '\n') _start++;
            }
            else if (!IsEndOfInput)
            {
                _skipLineFeed = true;
            }
        }
        LastLineTerminated = true;
    }

    // Drops the text of a line already reported too long, up to and including its break; false while the break has not
    // arrived (all buffered text is dropped, so the buffer does not grow).
    private bool DiscardRestOfLine()
    {
        var available = _buffer.AsSpan(_start, _end - _start);
        var breakAt = available.IndexOfAny(RisSyntax.LineBreaks);
        if (breakAt < 0)
        {
            _start = _end;
            if (!IsEndOfInput) return false;
            LastLineTerminated = false;
            _discarding = false;
            return true;
        }
        _start += breakAt + 1;
        _discarding = false;
        AfterBreak(available[breakAt]);
        return true;
    }

    /// <summary>Reads more input; afterwards either more text is buffered or <see cref="IsEndOfInput"/> is true.</summary>
    public void Fill()
    {
        var free = PrepareForFill();
        var read = _reader.Read(free);
        Commit(read);
    }

    /// <summary>Reads more input asynchronously (see <see cref="Fill"/>).</summary>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        PrepareForFill();
        var read = await _reader.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        Commit(read);
    }

    private Span<char> PrepareForFill()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        return _buffer.AsSpan(_end);
    }

    private void Commit(int read)
    {
        if (read <= 0)
        {
            IsEndOfInput = true;
        }
        else
        {
            _end += read;
        }
    }
}
