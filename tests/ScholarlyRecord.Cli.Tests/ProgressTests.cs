using System.Text;
using Microsoft.Extensions.Time.Testing;
using ScholarlyRecord.Cli.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Cli.Tests;

/// <summary>The progress line: only on a terminal, only after a second, never with --quiet. Time is fake throughout.</summary>
public sealed class ProgressTests
{
    [Fact]
    public void Record_BeforeASecond_DrawsNothing()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        using (var progress = new Progress(error, time))
        {
            for (var i = 0; i < 100; i++) progress.Record();
            time.Advance(TimeSpan.FromMilliseconds(900));
            progress.Record();
            Assert.Equal(101, progress.Records);
        }
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void Record_AfterASecondWithKnownSize_DrawsCountRateAndBarThenErasesIt()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        var progress = new Progress(error, time, () => 500, 1000);
        for (var i = 0; i < 9; i++) progress.Record();
        time.Advance(TimeSpan.FromSeconds(2));
        progress.Record();

        const string Line = "10 records, 5 records/s [############............] 50%";
        Assert.Equal("\r" + Line, error.ToString());
        progress.Dispose();
        Assert.Equal("\r" + Line + "\r" + new string(' ', Line.Length) + "\r", error.ToString());
    }

    [Fact]
    public void Record_UnknownSize_HasNoBar()
    {
        var time = new FakeTimeProvider();
        var progress = new Progress(new StringWriter(), time);
        for (var i = 0; i < 3000; i++) progress.Record();
        Assert.Equal("3,000 records, 1,000 records/s", progress.Line(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Record_RedrawsAtMostFourTimesASecond()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        using var progress = new Progress(error, time);
        time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 10; i++)
        {
            progress.Record();
            time.Advance(TimeSpan.FromMilliseconds(100));
        }
        // Drawn at 1.0 s, 1.3 s, 1.6 s and 1.9 s.
        Assert.Equal(4, error.ToString().Count(c => c == '\r'));
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public async Task Convert_ProgressOnlyOnATerminalWithoutQuiet(bool quiet, bool redirected, bool shown)
    {
        var chapters = Enumerable.Range(0, 50).Select(i => Library.Haslam with { Title = $"Part {i}" });
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(Library.Write("jsonl", chapters)));
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new CliConsole(input, output, error, ErrorIsTerminal: !redirected, new SteppingTime(TimeSpan.FromMilliseconds(300)));
        string[] args = quiet ? ["convert", "-", "--from", "jsonl", "--to", "ris", "-q"] : ["convert", "-", "--from", "jsonl", "--to", "ris"];

        var exitCode = await ScholarlyCommand.RunAsync(args, console, Scholarly.Token);

        Assert.Equal(0, exitCode);
        Assert.Equal(shown, error.ToString().Contains(" records/s", StringComparison.Ordinal));
        Assert.DoesNotContain("records/s", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
        // The summary is the last line; a progress line was erased before it.
        var summaryAt = error.ToString().LastIndexOf("scholarly: summary: ", StringComparison.Ordinal);
        Assert.True(summaryAt >= 0, error.ToString());
        if (shown) Assert.EndsWith("\r", error.ToString()[..summaryAt], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_OnATerminal_ShowsProgressOnStderrAndKeepsTheReportWhole()
    {
        var chapters = Enumerable.Range(0, 50).Select(i => Library.Haslam with { Title = $"Part {i}" });
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(Library.Write("jsonl", chapters)));
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new CliConsole(input, output, error, ErrorIsTerminal: true, new SteppingTime(TimeSpan.FromMilliseconds(300)));

        var exitCode = await ScholarlyCommand.RunAsync(["validate", "-", "--from", "jsonl"], console, Scholarly.Token);

        Assert.Equal(0, exitCode);
        Assert.Contains(" records/s", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("valid: 1 file, 50 records, 0 errors, 0 warnings\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    /// <summary>A clock that moves on by a fixed step every time it is read, so that a run "takes" time without waiting.</summary>
    private sealed class SteppingTime(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }
}
