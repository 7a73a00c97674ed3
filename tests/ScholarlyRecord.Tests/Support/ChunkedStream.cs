namespace ScholarlyRecord.Tests.Support;

/// <summary>
/// A read-only stream over bytes that hands them out in reads of at most <c>readSize</c>, as a pipe or socket does.
/// For fault injection, the read that would pass byte <c>failAt</c> throws an IOException (as a broken connection or a
/// bad sector would), and read number <c>CancelAtRead</c> cancels <c>Cancel</c> before it returns.
/// </summary>
internal sealed class ChunkedStream(byte[] data, int readSize, int failAt = int.MaxValue) : ReadOnlyTestStream
{
    public const string FailureMessage = "Injected read failure.";

    private int _position;

    public int CancelAtRead { get; init; } = -1;
    public CancellationTokenSource? Cancel { get; init; }
    public int Reads { get; private set; }

    protected override long BytesRead => _position;

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        if (Reads == CancelAtRead) Cancel?.Cancel();
        var n = Math.Min(Math.Min(readSize, buffer.Length), data.Length - _position);
        if (_position + n > failAt) throw new IOException(FailureMessage);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
