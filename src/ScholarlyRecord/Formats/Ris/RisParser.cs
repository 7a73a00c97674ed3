using System.Text;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The RIS line state machine: fed one line at a time, it returns each record as soon as it is complete
/// and collects diagnostics. It never throws on input and keeps only the record being read.
/// </summary>
/// <remarks>
/// States: outside any record, inside a record (opened by <c>TY</c>), or inside an orphan run (tagged lines
/// met outside a record). An orphan run closed by <c>ER</c> becomes a record with an empty type
/// (<c>RIS101</c>); one ended by <c>TY</c> or the end of the input is skipped (<c>RIS205</c>).
/// </remarks>
internal sealed class RisParser : ITaggedLineParser<RisRecord>
{
    private const string TypeTag = "TY";

    private readonly List<Diagnostic> _diagnostics;
    private readonly List<RisField> _fields = [];
    private readonly StringBuilder _continued = new();

    private State _state = State.Outside;
    private int _recordLine;
    private string _type = "";

    private string? _currentTag;
    private bool _currentIsType;
    private string _currentValue = "";
    private bool _currentContinued;
    private int _currentLine;
    private int _currentColumn;
    private int _pendingBlankLines;

    private bool _inOutsideText;
    private bool _sawText;
    private int _recordCount;
    private bool _skipping;

    public RisParser(List<Diagnostic> diagnostics) => _diagnostics = diagnostics;

    private enum State
    {
        Outside,
        Record,
        Orphan,
    }

    /// <summary>Reads one line (without its line break); returns the record this line completed, if any.</summary>
    public RisRecord? Accept(ReadOnlySpan<char> line, int lineNumber)
    {
        if (RisSyntax.IsBlank(line))
        {
            if (_state != State.Outside) _pendingBlankLines++;
            return null;
        }
        _sawText = true;
        if (_skipping && SkipsLine(line)) return null;

        if (RisSyntax.IsTagLine(line))
        {
            var value = line.Length > 6 ? line[6..] : [];
            var column = line.Length > 5 ? 7 : 6;
            return AcceptTag(line[0], line[1], value, lineNumber, column);
        }

        if (RisSyntax.IsDamagedTypeOrEndLine(line, out var valueStart))
        {
            Report(RisCodes.DamagedTagLine,
                $"Damaged {line[..2]} line: expected '{line[..2]}  - ' (two spaces, a hyphen, a space); read it as that tag.",
                lineNumber, 1);
            return AcceptTag(line[0], line[1], line[valueStart..], lineNumber, valueStart + 1);
        }

        // A line without a tag.
        if (_state == State.Outside)
        {
            if (!_inOutsideText)
            {
                _inOutsideText = true;
                Report(RisCodes.TextOutsideRecord,
                    "Text outside any record (before a 'TY  - ' line) skipped, with any untagged lines that follow it.",
                    lineNumber, 1);
            }
            return null;
        }
        Continue(line);
        return null;
    }

    /// <inheritdoc/>
    public bool InRecord => _state != State.Outside;

    /// <inheritdoc/>
    public int RecordLine => _recordLine;

    /// <summary>Drops the open record (or orphan run) and skips lines up to the next <c>ER</c> (skipped too) or <c>TY</c> (read).</summary>
    public void SkipRecord()
    {
        if (_state != State.Outside) _recordCount++;
        Reset();
        _inOutsideText = false;
        _skipping = true;
    }

    // While skipping, every line is dropped but the one that ends the skip: an ER line (dropped too) or a TY line (read).
    private bool SkipsLine(ReadOnlySpan<char> line)
    {
        if (!RisSyntax.IsTagLine(line) && !RisSyntax.IsDamagedTypeOrEndLine(line, out _)) return true;
        if (line[0] == 'T' && line[1] == 'Y')
        {
            _skipping = false;
            return false;
        }
        if (line[0] == 'E' && line[1] == 'R') _skipping = false;
        return true;
    }

    /// <summary>Ends the input; returns the record still open, if one is kept.</summary>
    /// <param name="endLine">The 1-based line the end of the input is on.</param>
    public RisRecord? Finish(int endLine)
    {
        RisRecord? record = null;
        if (_state == State.Record)
        {
            Report(RisCodes.MissingEndTag,
                $"The record that starts on line {_recordLine} has no 'ER  - ' line before the end of the input; kept as read.",
                endLine, 1);
            record = Close(hasEndTag: false);
        }
        else if (_state == State.Orphan)
        {
            SkipOrphan();
        }
        if (_recordCount == 0 && _sawText)
        {
            Report(RisCodes.NoRecords,
                "No RIS record found: RIS records start with a 'TY  - ' line and end with an 'ER  - ' line.",
                1, 1);
        }
        return record;
    }

    private RisRecord? AcceptTag(char first, char second, ReadOnlySpan<char> value, int lineNumber, int column)
    {
        _inOutsideText = false;
        if (first == 'T' && second == 'Y')
        {
            RisRecord? previous = null;
            if (_state == State.Record)
            {
                Report(RisCodes.MissingEndTag,
                    $"The record that starts on line {_recordLine} has no 'ER  - ' line before this 'TY' line; kept as read.",
                    lineNumber, 1);
                previous = Close(hasEndTag: false);
            }
            else if (_state == State.Orphan)
            {
                SkipOrphan();
            }
            Open(State.Record, lineNumber);
            if (value.IsWhiteSpace())
            {
                Report(RisCodes.EmptyType,
                    "The 'TY' line has no type; the record is kept with an empty type.", lineNumber, 1);
            }
            StartField(TypeTag, value, lineNumber, column);
            _currentIsType = true;
            return previous;
        }

        if (first == 'E' && second == 'R')
        {
            switch (_state)
            {
                case State.Record:
                    return Close(hasEndTag: true);
                case State.Orphan:
                    Report(RisCodes.RecordWithoutType,
                        $"The record that ends on line {lineNumber} has no 'TY  - ' line; it starts on line {_recordLine} and is kept with an empty type.",
                        _recordLine, 1);
                    return Close(hasEndTag: true);
                default:
                    Report(RisCodes.StrayEndTag,
                        "An 'ER' line outside any record was skipped.", lineNumber, 1);
                    return null;
            }
        }

        if (_state == State.Outside)
        {
            Open(State.Orphan, lineNumber);
        }
        StartField(RisSyntax.Tag(first, second), value, lineNumber, column);
        return null;
    }

    private void Open(State state, int lineNumber)
    {
        _state = state;
        _recordLine = lineNumber;
        _type = "";
        _fields.Clear();
        _currentTag = null;
    }

    private void StartField(string tag, ReadOnlySpan<char> value, int lineNumber, int column)
    {
        FlushField();
        _currentTag = tag;
        _currentValue = value.IsEmpty ? "" : value.ToString();
        _currentContinued = false;
        _currentIsType = false;
        _currentLine = lineNumber;
        _currentColumn = column;
        _pendingBlankLines = 0;
    }

    private void Continue(ReadOnlySpan<char> line)
    {
        if (!_currentContinued)
        {
            _continued.Clear().Append(_currentValue);
            _currentContinued = true;
        }
        if (_pendingBlankLines > 0)
        {
            _continued.Append('\n', _pendingBlankLines);
        }
        else if (_continued.Length > 0)
        {
            _continued.Append(' ');
        }
        _continued.Append(line);
        _pendingBlankLines = 0;
    }

    private void FlushField()
    {
        if (_currentTag is null) return;
        var value = _currentContinued ? _continued.ToString() : _currentValue;
        if (_currentIsType)
        {
            _type = value;
        }
        else
        {
            _fields.Add(new RisField(_currentTag, value, _currentLine, _currentColumn));
        }
        _currentTag = null;
        _currentContinued = false;
    }

    private RisRecord Close(bool hasEndTag)
    {
        FlushField();
        var record = new RisRecord(_type, _fields, _recordLine, hasEndTag);
        _recordCount++;
        Reset();
        return record;
    }

    private void SkipOrphan()
    {
        Report(RisCodes.FieldsOutsideRecord,
            "Tagged lines outside any record (no 'TY  - ' before them, no 'ER  - ' after them) were skipped.",
            _recordLine, 1);
        Reset();
    }

    private void Reset()
    {
        _state = State.Outside;
        _fields.Clear();
        _currentTag = null;
        _currentContinued = false;
        _pendingBlankLines = 0;
        _type = "";
    }

    private void Report(string code, string message, int line, int column) =>
        _diagnostics.Add(DiagnosticCatalogue.Create(code, message, line, column));
}
