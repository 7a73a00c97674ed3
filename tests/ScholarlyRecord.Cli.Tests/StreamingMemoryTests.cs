using System.Text;
using ScholarlyRecord.Cli.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Cli.Tests;

/// <summary>
/// <c>scholarly convert</c> streams: the live managed heap stays flat while thousands of records go through, so a 1 GiB
/// file converts in bounded memory. The input is generated record by record on demand (never held whole), and the heap
/// is measured after a full collection each time the reader asks for another record; a control measures what keeping
/// the chapters would cost, so the bound is known to be far below it. No wall-clock time is involved.
/// </summary>
[Collection(nameof(WholeProcessHeap))]
public sealed class StreamingMemoryTests
{
    private const int Records = 6_000;
    private const int FirstSample = 1_000;
    private const int SampleEvery = 500;
    private const long AllowedGrowth = 3L * 1024 * 1024;

    [Theory]
    [InlineData("jsonl", "bibtex", 1)]
    [InlineData("bibtex", "ris", 1)]
    [InlineData("ris", "jsonl", 1)]
    [InlineData("bibtex", "jsonl", 2)]
    public async Task Convert_ThousandsOfRecords_LiveHeapDoesNotGrowWithTheirNumber(string from, string to, int jobs)
    {
        var haslam = Library.Haslam;
        var format = Library.Format(from);
        using var input = new GeneratedInput(i => Encoding.UTF8.GetBytes(format.Write(haslam with { CitationKey = "haslam" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        using var temp = new TestFiles.TempFolder();
        var output = Path.Combine(temp.Path, "out." + to);

        var result = await Scholarly.RunAsync(["convert", "-", "--from", from, "--to", to, "-o", output, "--quiet", "--jobs", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture)], input, Scholarly.Token);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("scholarly: summary: 6,000 records read, 6,000 written, 0 skipped; 0 errors", result.Summary, StringComparison.Ordinal);
        Assert.True(new FileInfo(output).Length > Records * 1_000L);
        Assert.Equal((Records - FirstSample) / SampleEvery + 1, input.Samples.Count);
        var growth = input.Samples.Max(s => s.Heap) - input.Samples[0].Heap;
        var samples = string.Join(", ", input.Samples.Select(s => $"{s.Record}: {s.Heap / 1024} KB"));
        Assert.True(growth < AllowedGrowth, $"the live heap grew by {growth / 1024} KB over {Records - FirstSample} records ({samples})");

        // The control: holding the chapters of the records after the first sample would cost far more than the bound.
        // GC.GetTotalMemory sees the whole process, so a thread of the test host freeing memory between the two readings
        // can make one measurement small or negative (seen once in CI: -54,951 KB); the control takes the best of up to
        // five measurements, each of a fresh read.
        var kept = 0L;
        for (var attempt = 0; attempt < 5 && kept <= 4 * AllowedGrowth; attempt++)
            kept = Math.Max(kept, RetainedBytesPerChapter(format, haslam) * (Records - FirstSample));
        Assert.True(kept > 4 * AllowedGrowth, $"keeping the chapters would cost only {kept / 1024} KB");
    }

    private static long RetainedBytesPerChapter(Formats.RecordFormat format, Chapter haslam)
    {
        const int count = 200;
        var text = string.Concat(Enumerable.Range(1, count).Select(i => format.Write(haslam with { CitationKey = "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var chapters = format.Read(text).Chapters;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(count, chapters.Count);
        GC.KeepAlive(chapters);
        return (after - before) / count;
    }

    /// <summary>Standard input made of records written on demand, one per read; samples the live heap before each record from <see cref="FirstSample"/> on.</summary>
    private sealed class GeneratedInput(Func<int, byte[]> record) : Stream
    {
        private byte[] _current = [];
        private int _offset;
        private int _next = 1;

        public List<(int Record, long Heap)> Samples { get; } = [];

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            if (_offset == _current.Length)
            {
                if (_next > Records) return 0;
                if (_next >= FirstSample && (_next - FirstSample) % SampleEvery == 0) Samples.Add((_next, GC.GetTotalMemory(forceFullCollection: true)));
                _current = record(_next++);
                _offset = 0;
            }

            var n = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>The heap measurements see the whole process: nothing else runs beside them.</summary>
[CollectionDefinition(nameof(WholeProcessHeap), DisableParallelization = true)]
public sealed class WholeProcessHeap;
