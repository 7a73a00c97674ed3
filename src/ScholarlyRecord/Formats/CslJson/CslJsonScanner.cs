using System.Text;
using System.Text.Json;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Splits a CSL-JSON byte stream into items without holding more than the current item: a root array is read one
/// element at a time, a root object is one item. Positions are tracked so that diagnostics carry 1-based lines and
/// columns (a column counts code points).
/// </summary>
internal sealed class CslJsonScanner
{
    private const int InitialBufferSize = 16 * 1024;

    private enum Phase
    {
        Start,
        InArray,
        AfterRoot,
        Done,
    }

    private readonly Action<Diagnostic> _report;
    private readonly int _maxDepth;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _final;
    private bool _bomChecked;
    private Phase _phase = Phase.Start;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = Internal.JsonNesting.Unchecked });

    // Line and column (both 1-based) of the byte at _start.
    private int _line = 1;
    private int _column = 1;

    // Bytes of the current line that lie before _start.
    private int _lineBytes;

    private readonly CslJsonFastItemReader? _fast;

    /// <summary>A scanner; with <paramref name="fast"/>, an element of the item array that needs no diagnostic is mapped as it is read (<see cref="Mapped"/>).</summary>
    public CslJsonScanner(Action<Diagnostic> report, int maxDepth, CslJsonFastItemReader? fast = null)
    {
        _report = report;
        _maxDepth = maxDepth;
        _fast = fast;
    }

    /// <summary>The chapter of the item the last successful <see cref="TryNext"/> gave, when it was mapped as it was read; else null.</summary>
    public Chapter? Mapped { get; private set; }

    /// <summary>Whether the last successful <see cref="TryNext"/> tried to map its item as it read it (so trying again is no use).</summary>
    public bool MappingTried { get; private set; }

    /// <summary>Whether the scanner wants more bytes before <see cref="TryNext"/> can make progress.</summary>
    public bool NeedsData { get; private set; } = true;

    /// <summary>Whether the input is finished (no more items will come).</summary>
    public bool IsDone => _phase == Phase.Done;

    /// <summary>The free space to fill with the next bytes (grows the buffer when needed).</summary>
    public Memory<byte> GetWriteBuffer(int minimum = 1)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_buffer.Length - _end < minimum) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _end + minimum));
        return _buffer.AsMemory(_end);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written; zero marks the end of the input.</summary>
    public void Advance(int count)
    {
        if (count == 0) _final = true;
        _end += count;
        NeedsData = false;
    }

    /// <summary>
    /// Reads the next item. Returns true with the item's bytes (valid until the next call) and its position; false
    /// when more data is needed (<see cref="NeedsData"/>) or the input is finished (<see cref="IsDone"/>).
    /// </summary>
    public bool TryNext(out ReadOnlyMemory<byte> item, out int line, out int column)
    {
        item = default;
        line = 0;
        column = 0;
        Mapped = null;
        MappingTried = false;
        if (!_bomChecked)
        {
            if (_end - _start < 3 && !_final)
            {
                NeedsData = true;
                return false;
            }

            _bomChecked = true;
            if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF) _start += 3;
        }

        while (_phase != Phase.Done)
        {
            if (_phase == Phase.Start && _final && _buffer.AsSpan(_start, _end - _start).TrimStart(" \t\r\n"u8).IsEmpty)
            {
                Report(CslJsonCodes.InvalidRoot, "The input holds no JSON value; expected an array of CSL items or one item object.", _line, _column);
                _phase = Phase.Done;
                return false;
            }

            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            try
            {
                if (!reader.Read())
                {
                    if (_final)
                    {
                        if (_phase == Phase.Start) Report(CslJsonCodes.InvalidRoot, "The input holds no JSON value; expected an array of CSL items or one item object.", _line, _column);
                        else if (_phase == Phase.InArray) Report(CslJsonCodes.MalformedJson, "The input ended inside the array of items; expected ']'.", PositionAt(_end - _start));
                        _phase = Phase.Done;
                        return false;
                    }

                    NeedsData = true;
                    return false;
                }

                var tokenStart = (int)reader.TokenStartIndex;
                switch (_phase)
                {
                    case Phase.Start:
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            Commit(ref reader);
                            _phase = Phase.InArray;
                            continue;
                        }

                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            if (!TrySkipChecked(ref reader, out var rootTooDeep)) return NeedMore();
                            var (l, c) = PositionAt(tokenStart);
                            if (rootTooDeep >= 0)
                            {
                                ReportTooDeep(rootTooDeep, l, c);
                                Commit(ref reader);
                                _phase = Phase.AfterRoot;
                                continue;
                            }

                            item = _buffer.AsMemory(_start + tokenStart, (int)reader.BytesConsumed - tokenStart);
                            line = l;
                            column = c;
                            Commit(ref reader);
                            _phase = Phase.AfterRoot;
                            return true;
                        }

                        Report(CslJsonCodes.InvalidRoot, "The root JSON value is not an array of CSL items or an item object.", PositionAt(tokenStart));
                        _phase = Phase.Done;
                        return false;

                    case Phase.InArray:
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            Commit(ref reader);
                            _phase = Phase.AfterRoot;
                            continue;
                        }

                        var position = PositionAt(tokenStart);
                        if (_fast is not null && reader.TokenType == JsonTokenType.StartObject)
                        {
                            // One pass that checks and maps the item; anything it does not take is read again from here.
                            var from = reader;
                            MappingTried = true;
                            if (_fast.TryRead(ref reader, _buffer.AsSpan(_start, _end - _start), _maxDepth, out var chapter))
                            {
                                Mapped = chapter;
                                item = _buffer.AsMemory(_start + tokenStart, (int)reader.BytesConsumed - tokenStart);
                                line = position.Line;
                                column = position.Column;
                                Commit(ref reader);
                                return true;
                            }

                            reader = from;
                        }

                        if (!TrySkipChecked(ref reader, out var tooDeep)) return NeedMore();
                        if (tooDeep >= 0)
                        {
                            ReportTooDeep(tooDeep, position.Line, position.Column);
                            Commit(ref reader);
                            continue;
                        }

                        if (reader.TokenType != JsonTokenType.EndObject)
                        {
                            Report(CslJsonCodes.ItemNotAnObject, "An element of the item array is not an object; it is skipped.", position);
                            Commit(ref reader);
                            continue;
                        }

                        item = _buffer.AsMemory(_start + tokenStart, (int)reader.BytesConsumed - tokenStart);
                        line = position.Line;
                        column = position.Column;
                        Commit(ref reader);
                        return true;

                    default:
                        // Utf8JsonReader rejects content after the root value itself; reaching here means the end.
                        Commit(ref reader);
                        continue;
                }
            }
            catch (JsonException exception)
            {
                var (l, c) = ErrorPosition(exception);
                Report(CslJsonCodes.MalformedJson, "The text is not well-formed JSON here: " + exception.Message, l, c);
                _phase = Phase.Done;
                return false;
            }
        }

        return false;
    }

    // Skips the value the reader is on, as Utf8JsonReader.TrySkip does, noting the offset of the first array or object
    // that nests deeper than the limit (-1 when none). False when the value is not complete in the buffer yet.
    private bool TrySkipChecked(ref Utf8JsonReader reader, out int tooDeepAt)
    {
        tooDeepAt = -1;
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return true;
        if (Internal.JsonNesting.OpensTooDeep(in reader, _maxDepth)) tooDeepAt = (int)reader.TokenStartIndex;
        var depth = reader.CurrentDepth;
        while (true)
        {
            if (!reader.Read()) return false;
            if (tooDeepAt < 0 && Internal.JsonNesting.OpensTooDeep(in reader, _maxDepth)) tooDeepAt = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == depth) return true;
        }
    }

    private void ReportTooDeep(int tooDeepAt, int itemLine, int itemColumn) =>
        Report(CslJsonCodes.NestingTooDeep,
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The item that starts at line {itemLine}, column {itemColumn} nests arrays and objects deeper than {_maxDepth} levels (CslJsonReadOptions.MaxDepth) here; the item is skipped."),
            PositionAt(tooDeepAt));

    private bool NeedMore()
    {
        if (_final)
        {
            // The reader throws at an unfinished value in the final block; this guard keeps a read from spinning if not.
            Report(CslJsonCodes.MalformedJson, "The input ended inside an item; expected its closing '}'.", PositionAt(_end - _start));
            _phase = Phase.Done;
            return false;
        }

        NeedsData = true;
        return false;
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        var consumed = (int)reader.BytesConsumed;
        (_line, _column) = PositionAt(consumed);
        var lastNewline = _buffer.AsSpan(_start, consumed).LastIndexOf((byte)'\n');
        _lineBytes = lastNewline < 0 ? _lineBytes + consumed : consumed - lastNewline - 1;
        _start += consumed;
        _state = reader.CurrentState;
    }

    private (int Line, int Column) PositionAt(int offset)
    {
        var span = _buffer.AsSpan(_start, offset);
        var lastNewline = span.LastIndexOf((byte)'\n');
        if (lastNewline < 0) return (_line, _column + CountCodePoints(span));
        return (_line + span.Count((byte)'\n'), 1 + CountCodePoints(span[(lastNewline + 1)..]));
    }

    // STJ reports a 0-based line and a 0-based byte offset in that line, counted from the reader's start (our state
    // carries the line count across buffers). Convert the byte offset to code points when the line is in the buffer.
    private (int Line, int Column) ErrorPosition(JsonException exception)
    {
        var line = (int)(exception.LineNumber ?? 0) + 1;
        var bytesInLine = (int)(exception.BytePositionInLine ?? 0);
        var span = _buffer.AsSpan(_start, _end - _start);
        if (line == _line)
        {
            // The line began before the buffer start: _column already counts the part before it.
            var inBuffer = Math.Clamp(bytesInLine - _lineBytes, 0, span.Length);
            return (line, _column + CountCodePoints(span[..inBuffer]));
        }

        var currentLine = _line;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] != (byte)'\n') continue;
            currentLine++;
            if (currentLine == line)
            {
                var rest = span[(i + 1)..];
                return (line, 1 + CountCodePoints(rest[..Math.Min(bytesInLine, rest.Length)]));
            }
        }

        return (line, bytesInLine + 1);
    }

    private static int CountCodePoints(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            if ((b & 0xC0) != 0x80) count++;
        }

        return count;
    }

    private void Report(string code, string message, (int Line, int Column) position) =>
        Report(code, message, position.Line, position.Column);

    private void Report(string code, string message, int line, int column) =>
        _report(DiagnosticCatalogue.Create(code, message, line, column));

    /// <summary>UTF-8 bytes of a string, for the string and TextReader entry points.</summary>
    public static byte[] Encode(string text) => Encoding.UTF8.GetBytes(text);
}
