using System.Text;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The line-by-line state machine behind <see cref="EndnoteReader"/>: takes one line at a time and hands back a record
/// when one is complete. It never throws on bad input; problems go to the diagnostics list.
/// </summary>
internal sealed class EndnoteParser(List<Diagnostic> diagnostics) : ITaggedLineParser<EndnoteRecord>
{
    private readonly List<EndnoteField> _fields = [];
    private readonly StringBuilder _value = new();
    private bool _inRecord;
    private int _recordLine;
    private string? _type;
    private string? _pendingTag;
    private int _pendingLine;
    private bool _inOutsideText;
    private bool _sawText;
    private int _records;
    private bool _skipping;

    /// <summary>Takes one line (without its line break); returns the record it completes, if any.</summary>
    public EndnoteRecord? Accept(ReadOnlySpan<char> line, int lineNumber)
    {
        if (_skipping && SkipsLine(line)) return null;
        if (EndnoteSyntax.IsBlank(line))
        {
            _inOutsideText = false;
            return _inRecord ? Close() : null;
        }
        _sawText = true;

        if (EndnoteSyntax.IsTagLine(line))
        {
            _inOutsideText = false;
            var tag = line[..2];
            var value = line.Length > 2 ? line[3..] : [];
            EndnoteRecord? completed = null;
            if (tag.SequenceEqual(EndnoteSyntax.TypeTag))
            {
                // A second %0 in one record starts the next record: some exporters leave out the blank line.
                if (_inRecord && _type is not null) completed = Close();
                Open(lineNumber);
                FlushField();
                _type = value.Trim().ToString();
                return completed;
            }
            Open(lineNumber);
            FlushField();
            _pendingTag = tag.ToString();
            _pendingLine = lineNumber;
            _value.Append(value);
            return null;
        }

        if (_inRecord)
        {
            if (line[0] == '%')
            {
                diagnostics.Add(DiagnosticCatalogue.Create(EndnoteCodes.MalformedTagLine,
                    $"'{Shorten(line)}' starts with '%' but is not a tag line ('%', one character, then a space); kept as a continuation of the field before it.",
                    lineNumber, 1));
            }
            if (_pendingTag is not null)
            {
                _value.Append('\n').Append(line);
            }
            else
            {
                // Only the %0 line so far: the text continues the type.
                var text = line.Trim().ToString();
                _type = _type is { Length: > 0 } ? _type + " " + text : text;
            }
            return null;
        }

        if (!_inOutsideText)
        {
            _inOutsideText = true;
            diagnostics.Add(DiagnosticCatalogue.Create(EndnoteCodes.TextOutsideRecord,
                "Text without a tag outside any record was skipped (a record starts with a tagged line such as '%0 Book Section').",
                lineNumber, 1));
        }
        return null;
    }

    /// <inheritdoc/>
    public bool InRecord => _inRecord;

    /// <inheritdoc/>
    public int RecordLine => _recordLine;

    /// <summary>Drops the open record and skips lines up to the next blank line (dropped) or <c>%0</c> line (read).</summary>
    public void SkipRecord()
    {
        if (_inRecord) _records++;
        _inRecord = false;
        _inOutsideText = false;
        _type = null;
        _pendingTag = null;
        _fields.Clear();
        _value.Clear();
        _skipping = true;
    }

    // While skipping, every line is dropped but the one that ends the skip: a blank line (dropped) or a %0 line (read).
    private bool SkipsLine(ReadOnlySpan<char> line)
    {
        if (EndnoteSyntax.IsBlank(line))
        {
            _skipping = false;
            return true;
        }
        if (EndnoteSyntax.IsTagLine(line) && line[..2].SequenceEqual(EndnoteSyntax.TypeTag))
        {
            _skipping = false;
            return false;
        }
        return true;
    }

    /// <summary>Ends the input: returns the last record, if one is open, and reports an input without records.</summary>
    public EndnoteRecord? Finish(int endLine)
    {
        var last = _inRecord ? Close() : null;
        if (_records == 0 && _sawText)
        {
            diagnostics.Add(DiagnosticCatalogue.Create(EndnoteCodes.NoRecords,
                "The input holds text but not one EndNote record: expected tagged lines such as '%0 Book Section' and '%T Title'.",
                1, 1));
        }
        return last;
    }

    private void Open(int lineNumber)
    {
        if (_inRecord) return;
        _inRecord = true;
        _recordLine = lineNumber;
        _type = null;
        _fields.Clear();
    }

    private void FlushField()
    {
        if (_pendingTag is null) return;
        _fields.Add(new EndnoteField(_pendingTag, _value.ToString(), _pendingLine, 1));
        _pendingTag = null;
        _value.Clear();
    }

    private EndnoteRecord Close()
    {
        FlushField();
        if (_type is null)
        {
            diagnostics.Add(DiagnosticCatalogue.Create(EndnoteCodes.MissingType,
                "The record has no '%0' line (such as '%0 Book Section'); it is kept with an empty type.", _recordLine, 1));
        }
        var record = new EndnoteRecord(_type ?? "", _fields, _recordLine);
        _inRecord = false;
        _type = null;
        _fields.Clear();
        _records++;
        return record;
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : text[..40].ToString() + "…";
}
