namespace ScholarlyRecord.Internal;

/// <summary>
/// The stream a reader reads its input through: it passes every read on to the caller's stream and counts the bytes
/// delivered, so that when the caller's stream fails the <see cref="IOException"/> that reaches the caller says where
/// (<c>Reading the input failed after 12,288 bytes: ...</c>), with the stream's own exception as the inner one.
/// Cancellation and every other exception pass through unchanged. The caller's stream is never disposed.
/// </summary>
internal sealed class InputStream : Stream
{
    private readonly Stream _inner;

    private InputStream(Stream inner) => _inner = inner;

    /// <summary>The bytes delivered so far.</summary>
    public long Delivered { get; private set; }

    /// <summary>The stream to read <paramref name="stream"/> through (the same wrapper is not stacked twice).</summary>
    public static Stream Wrap(Stream stream) => stream is InputStream ? stream : new InputStream(stream);

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Delivered;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _inner.Read(buffer);
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
        Delivered += n;
        return n;
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n;
        try
        {
            n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
        Delivered += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private IOException Failed(IOException e) => new(
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Reading the input failed after {Delivered:N0} bytes: {e.Message}"),
        e);
}
