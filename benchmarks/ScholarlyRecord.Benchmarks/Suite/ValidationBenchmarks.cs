using BenchmarkDotNet.Attributes;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Benchmarks.Suite;

/// <summary>
/// Validation per record, on the Haslam fixture: the JSON Schema check of its bytes and the model rules of its
/// chapter. Baseline: a bare Utf8JsonReader scan of the same bytes.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks : IThroughput
{
    private byte[] _utf8 = [];
    private Chapter _chapter = null!;

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
    public bool ScholarlySchema_Validate() => ScholarlySchema.Validate(_utf8).IsValid;

    [Benchmark]
    public bool ChapterValidator_Validate() => ChapterValidator.Validate(_chapter).IsValid;
}
