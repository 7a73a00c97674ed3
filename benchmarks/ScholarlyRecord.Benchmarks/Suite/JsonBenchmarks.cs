using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Benchmarks.Suite;

/// <summary>Shared baseline: a bare Utf8JsonReader pass that reads every token and materialises every string.</summary>
internal static class JsonScan
{
    public static long ReadEveryString(ReadOnlySpan<byte> utf8, bool multipleValues)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowMultipleValues = multipleValues });
        long total = 0;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) total += reader.GetString()!.Length;
            else total++;
        }

        return total;
    }
}

/// <summary>Our JSON for the Haslam fixture: deserialize and serialize one chapter.</summary>
[MemoryDiagnoser]
public class JsonFixtureBenchmarks : IThroughput
{
    [GlobalCleanup]
    public void Cleanup() => _buffer.Dispose();

    private byte[] _utf8 = [];
    private Chapter _chapter = null!;
    private readonly ArrayBufferWriterHolder _buffer = new();

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = BenchData.FixtureBytes();
        _chapter = ScholarlyJson.Deserialize(_utf8);
    }

    public long BytesPerOperation(string method, string? parameter) => BenchData.FixtureBytes().Length;

    [Benchmark(Baseline = true)]
    public long Baseline_ReaderScan() => JsonScan.ReadEveryString(_utf8, multipleValues: false);

    [Benchmark]
    public Chapter Deserialize() => ScholarlyJson.Deserialize(_utf8);

    [Benchmark]
    public long Serialize() => _buffer.Write(_chapter);
}

/// <summary>
/// Our JSON over the 10k corpus (one compact document per line): each record deserialized from its bytes, each
/// serialized to a reused buffer, and the JSON Lines stream read and written whole.
/// </summary>
[MemoryDiagnoser]
public class JsonCorpusBenchmarks : IThroughput
{
    [GlobalCleanup]
    public void Cleanup() => _buffer.Dispose();

    private byte[] _utf8 = [];
    private Range[] _lines = [];
    private List<Chapter> _chapters = [];
    private readonly ArrayBufferWriterHolder _buffer = new();

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = BenchData.CorpusBytes("jsonl");
        var lines = new List<Range>();
        var start = 0;
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (_utf8[i] != (byte)'\n') continue;
            lines.Add(start..i);
            start = i + 1;
        }

        _lines = [.. lines];
        _chapters = BenchData.CorpusChapters();
    }

    public long BytesPerOperation(string method, string? parameter) => BenchData.CorpusSize("jsonl");

    [Benchmark(Baseline = true)]
    public long Baseline_ReaderScan() => JsonScan.ReadEveryString(_utf8, multipleValues: true);

    [Benchmark]
    public int DeserializeEach()
    {
        var count = 0;
        foreach (var line in _lines)
        {
            if (ScholarlyJson.Deserialize(_utf8.AsSpan(line)) is not null) count++;
        }

        return count;
    }

    [Benchmark]
    public long SerializeEach()
    {
        long total = 0;
        foreach (var chapter in _chapters) total += _buffer.Write(chapter) + 1;
        return total;
    }

    [Benchmark]
    public int ReadLines_Stream()
    {
        using var stream = new MemoryStream(_utf8, writable: false);
        var count = 0;
        foreach (var _ in ScholarlyJson.ReadRecords(stream, new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines })) count++;
        return count;
    }

    [Benchmark]
    public async Task<int> ReadLinesAsync_Stream()
    {
        using var stream = new MemoryStream(_utf8, writable: false);
        var count = 0;
        await foreach (var _ in ScholarlyJson.ReadRecordsAsync(stream, new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines }).ConfigureAwait(false)) count++;
        return count;
    }

    [Benchmark]
    public long WriteLines_Stream()
    {
        using var stream = new CountingStream();
        ScholarlyJson.Write(_chapters, stream, new ScholarlyJsonWriteOptions { Layout = ScholarlyJsonLayout.Lines });
        return stream.Length;
    }
}

/// <summary>Serializes into one reused buffer and writer, so a benchmark measures the serializer, not buffer growth.</summary>
internal sealed class ArrayBufferWriterHolder : IDisposable
{
    private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private Utf8JsonWriter? _writer;

    public void Dispose() => _writer?.Dispose();

    public int Write(Chapter chapter)
    {
        _buffer.ResetWrittenCount();
        if (_writer is null) _writer = new Utf8JsonWriter(_buffer);
        else _writer.Reset(_buffer);
        ScholarlyJson.Serialize(_writer, chapter);
        _writer.Flush();
        return _buffer.WrittenCount;
    }
}

/// <summary>A write-only stream that only counts bytes: the writers' output goes nowhere, at no cost.</summary>
internal sealed class CountingStream : Stream
{
    private long _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => _length += count;
    public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _length += buffer.Length;
        return ValueTask.CompletedTask;
    }
}
