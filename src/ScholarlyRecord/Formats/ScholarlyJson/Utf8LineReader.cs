using System.Buffers;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Splits a UTF-8 stream into lines without decoding it, holding at most one line (plus one read block) in memory.
/// A line ends at <c>\n</c>; a <c>\r</c> before it and a byte order mark at the very start are dropped.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private const int InitialSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _atStart = true;
    private bool _skipping;

    public Utf8LineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    }

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>True when the line last returned was cut short because it was longer than the limit.</summary>
    public bool LastLineTooLong { get; private set; }

    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            if (TryTakeLine(out line)) return true;
            if (_eof) return TakeRest(out line);
            Fill(_stream.Read(FreeSpace()));
        }
    }

    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryTakeLine(out var line)) return line;
            // Spelled out: a bare null here would convert through ReadOnlyMemory's implicit array conversion into an empty line.
            if (_eof) return TakeRest(out line) ? line : default(ReadOnlyMemory<byte>?);
            Fill(await _stream.ReadAsync(FreeSpaceMemory(), cancellationToken).ConfigureAwait(false));
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private bool TryTakeLine(out ReadOnlyMemory<byte> line)
    {
        var pending = _buffer.AsSpan(_start, _end - _start);
        var newline = pending.IndexOf((byte)'\n');
        if (newline < 0)
        {
            line = default;
            if (pending.Length > _maxLineBytes)
            {
                // Too long to keep: drop what we have and remember to drop the rest of this line too.
                _start = _end;
                if (!_skipping)
                {
                    _skipping = true;
                    LineNumber++;
                    LastLineTooLong = true;
                    line = ReadOnlyMemory<byte>.Empty;
                    return true;
                }
            }
            return false;
        }

        var lineStart = _start;
        _start += newline + 1;
        if (_skipping)
        {
            _skipping = false;
            return TryTakeLine(out line);
        }

        LineNumber++;
        // A whole line that arrived in one read is held to the same limit as one that did not.
        LastLineTooLong = newline > _maxLineBytes;
        line = LastLineTooLong ? ReadOnlyMemory<byte>.Empty : Trim(_buffer.AsMemory(lineStart, newline));
        return true;
    }

    private bool TakeRest(out ReadOnlyMemory<byte> line)
    {
        if (_start == _end || _skipping)
        {
            _start = _end;
            line = default;
            return false;
        }
        LineNumber++;
        // A last line without a newline is held to the same limit as the others, however it arrived.
        LastLineTooLong = _end - _start > _maxLineBytes;
        line = LastLineTooLong ? ReadOnlyMemory<byte>.Empty : Trim(_buffer.AsMemory(_start, _end - _start));
        _start = _end;
        return true;
    }

    private ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line)
    {
        if (_atStart)
        {
            _atStart = false;
            if (line.Span.StartsWith("\uFEFF"u8)) line = line[3..];
        }
        if (!line.IsEmpty && line.Span[^1] == (byte)'\r') line = line[..^1];
        return line;
    }

    private void Fill(int read)
    {
        if (read == 0) _eof = true;
        _end += read;
    }

    private Span<byte> FreeSpace() => FreeSpaceMemory().Span;

    private Memory<byte> FreeSpaceMemory()
    {
        if (_start > 0)
        {
            // Slide the unfinished line to the front.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        return _buffer.AsMemory(_end);
    }
}
