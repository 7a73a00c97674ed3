using System.Buffers;
using System.Globalization;
using System.Text;

namespace ScholarlyRecord.Internal;

/// <summary>
/// A <see cref="TextWriter"/> that collects text for one final string, like <see cref="StringWriter"/>, in a buffer
/// rented from <see cref="ArrayPool{T}.Shared"/> that doubles as it fills (and goes back to the pool on dispose). The
/// writers' <c>Write(...) -&gt; string</c> methods use it: a <see cref="StringBuilder"/> keeps a large text as thousands
/// of small chunks that live through several garbage collections and are copied by each, which cost more than
/// writing the text.
/// </summary>
internal sealed class PooledStringWriter : TextWriter
{
    private static readonly UnicodeEncoding Utf16 = new(bigEndian: false, byteOrderMark: false);

    private char[] _buffer = ArrayPool<char>.Shared.Rent(16 * 1024);
    private int _length;

    public PooledStringWriter()
        : base(CultureInfo.InvariantCulture)
    {
    }

    /// <summary>UTF-16, as for <see cref="StringWriter"/>.</summary>
    public override Encoding Encoding => Utf16;

    public override void Write(char value)
    {
        Reserve(1)[0] = value;
        _length++;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        buffer.CopyTo(Reserve(buffer.Length));
        _length += buffer.Length;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    /// <summary>The text written so far.</summary>
    public override string ToString() => new(_buffer, 0, _length);

    /// <summary>The number of characters written since the last <see cref="Clear"/>.</summary>
    public int Length => _length;

    /// <summary>The characters written, valid until the next write or <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<char> Memory => _buffer.AsMemory(0, _length);

    /// <summary>Forgets the text, keeping the buffer.</summary>
    public void Clear() => _length = 0;

    /// <summary>Copies the text to another writer.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(TextWriter writer) => writer.Write(_buffer, 0, _length);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
        base.Dispose(disposing);
    }

    // Room for `count` more characters after the text, growing the buffer when needed.
    private Span<char> Reserve(int count)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_buffer.Length - _length < count)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = larger;
        }
        return _buffer.AsSpan(_length);
    }
}
