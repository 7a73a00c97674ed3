using System.Globalization;

namespace ScholarlyRecord.Cli;

/// <summary>
/// The progress line on standard error: records done, records per second, and a bar with a percentage when the
/// input's size is known. It appears only on a terminal, only once a run has taken a second, and is redrawn at most
/// four times a second; it is erased when the run ends, so that nothing of it stays between diagnostics.
/// </summary>
internal sealed class Progress : IDisposable
{
    private const int BarWidth = 24;
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter? _error;
    private readonly TimeProvider _time;
    private readonly Func<long>? _bytesDone;
    private readonly long? _bytesTotal;
    private readonly long _started;
    private long _lastDrawn;
    private int _drawnLength;

    /// <summary>Creates the progress line for one run.</summary>
    /// <param name="error">Where to draw, or null to draw nothing (not a terminal, or <c>--quiet</c>).</param>
    /// <param name="time">The clock.</param>
    /// <param name="bytesDone">How many input bytes have been read, or null when unknown.</param>
    /// <param name="bytesTotal">The input's size, or null when unknown (standard input, several files).</param>
    public Progress(TextWriter? error, TimeProvider time, Func<long>? bytesDone = null, long? bytesTotal = null)
    {
        _error = error;
        _time = time;
        _bytesDone = bytesDone;
        _bytesTotal = bytesTotal is > 0 ? bytesTotal : null;
        _started = time.GetTimestamp();
    }

    /// <summary>The records counted so far.</summary>
    public long Records { get; private set; }

    /// <summary>Counts one record and redraws the line when it is due.</summary>
    public void Record()
    {
        Records++;
        if (_error is null) return;
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(_started, now) < Delay) return;
        if (_lastDrawn != 0 && _time.GetElapsedTime(_lastDrawn, now) < Interval) return;
        _lastDrawn = now;
        Draw(_time.GetElapsedTime(_started, now));
    }

    /// <summary>Erases the line, if it was drawn.</summary>
    public void Dispose() => Clear();

    /// <summary>Erases the line, if it was drawn, so that a diagnostic can be printed; the next record redraws it.</summary>
    public void Clear()
    {
        if (_error is null || _drawnLength == 0) return;
        _error.Write('\r' + new string(' ', _drawnLength) + '\r');
        _error.Flush();
        _drawnLength = 0;
    }

    /// <summary>The text of the line, without the carriage return: what <see cref="Record"/> draws.</summary>
    /// <param name="elapsed">The time since the run started.</param>
    /// <returns>The line.</returns>
    internal string Line(TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? Records / elapsed.TotalSeconds : 0;
        var line = string.Create(CultureInfo.InvariantCulture, $"{Records:N0} records, {rate:N0} records/s");
        if (_bytesTotal is { } total && _bytesDone is { } done)
        {
            var fraction = Math.Clamp((double)done() / total, 0, 1);
            var filled = (int)(fraction * BarWidth);
            line += string.Create(CultureInfo.InvariantCulture, $" [{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction * 100:0}%");
        }
        return line;
    }

    private void Draw(TimeSpan elapsed)
    {
        var line = Line(elapsed);
        var padding = Math.Max(0, _drawnLength - line.Length);
        _error!.Write('\r' + line + new string(' ', padding));
        _error.Flush();
        _drawnLength = line.Length;
    }
}
