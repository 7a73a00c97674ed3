namespace ScholarlyRecord.Tests.Support;

/// <summary>The members every read-only, forward-only test stream shares; a subclass supplies <see cref="Read(Span{byte})"/>.</summary>
internal abstract class ReadOnlyTestStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    /// <summary>How many bytes the stream has handed out.</summary>
    protected abstract long BytesRead { get; }

    public abstract override int Read(Span<byte> buffer);

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
