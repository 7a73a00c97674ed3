namespace ScholarlyRecord.Cli;

/// <summary>
/// The <c>-o</c> file, written atomically: the bytes go to a temporary file beside the target (same folder, so the
/// rename never crosses file systems), and <see cref="Commit"/> renames it over the target only once the run has
/// written everything. A run that fails part-way disposes the stream without committing: the temporary file is
/// deleted and a file that was already there is left exactly as it was, never half-written.
/// </summary>
internal sealed class AtomicOutputFile : Stream
{
    private readonly string _target;
    private readonly string _temporary;
    private readonly FileStream _file;
    private bool _finished;

    /// <summary>Starts the temporary file for <paramref name="target"/>.</summary>
    /// <param name="target">The path the output ends up at.</param>
    public AtomicOutputFile(string target)
    {
        _target = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(_target) ?? ".";
        _temporary = Path.Combine(folder, "." + Path.GetFileName(_target) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        // Opening a temporary file in a folder that does not exist fails here, with the same message as the target would.
        _file = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
    }

    /// <summary>The temporary file's path (for tests and messages).</summary>
    public string TemporaryPath => _temporary;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => throw new NotSupportedException();
    }

    /// <summary>Flushes the bytes to disk and moves the temporary file over the target.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _file.Flush(flushToDisk: true);
        _file.Dispose();
        File.Move(_temporary, _target, overwrite: true);
        _finished = true;
    }

    public override void Write(byte[] buffer, int offset, int count) => _file.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _file.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _file.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _file.WriteAsync(buffer, cancellationToken);

    public override void Flush() => _file.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _file.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_finished)
        {
            _file.Dispose();
            TryDelete();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
            TryDelete();
            _finished = true;
        }
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private void TryDelete()
    {
        try
        {
            File.Delete(_temporary);
        }
        catch (IOException)
        {
            // Nothing more to do: the target is untouched either way.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
