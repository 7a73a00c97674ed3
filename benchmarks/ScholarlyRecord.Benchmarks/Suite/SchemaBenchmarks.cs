using System.Text;
using BenchmarkDotNet.Attributes;
using ScholarlyRecord.Cli;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Benchmarks.Suite;

/// <summary>
/// Schema validation of the 10k generated corpus, one JSON Lines record at a time: JsonSchema.Net (the baseline, the
/// path ScholarlySchema used before issue 15) against the compiled fast path now behind ScholarlySchema.Validate, in
/// the same run. Records/s = 10,000 / Mean. Also <c>scholarly validate</c> on the same file, in process (reader, schema
/// where the reader needs it, model rules, the text report written to a null stream).
/// </summary>
[MemoryDiagnoser]
public class SchemaBenchmarks : IThroughput
{
    private byte[][] _records = [];
    private string _corpusPath = "";

    [GlobalSetup]
    public void Setup()
    {
        _corpusPath = Path.Combine(BenchData.CorpusDirectory, Corpus.CorpusCommand.FileName("jsonl", BenchData.CorpusCount));
        _records = [.. File.ReadLines(_corpusPath, Encoding.UTF8).Where(l => l.Length > 0).Select(Encoding.UTF8.GetBytes)];
        if (_records.Length != BenchData.CorpusCount) throw new InvalidOperationException($"expected {BenchData.CorpusCount} records, found {_records.Length}");
        // Both paths must agree on the corpus before their speeds are compared.
        foreach (var record in _records)
        {
            if (!ScholarlySchema.Validate(record).IsValid || !ScholarlySchema.ValidateWithJsonSchemaNet(record).IsValid)
            {
                throw new InvalidOperationException("a corpus record does not match the schema");
            }
        }
    }

    public long BytesPerOperation(string method, string? parameter) => BenchData.CorpusSize("jsonl");

    [Benchmark(Baseline = true)]
    public int Schema_JsonSchemaNet_10k()
    {
        var valid = 0;
        foreach (var record in _records) valid += ScholarlySchema.ValidateWithJsonSchemaNet(record).IsValid ? 1 : 0;
        return valid;
    }

    [Benchmark]
    public int Schema_Compiled_10k()
    {
        var valid = 0;
        foreach (var record in _records) valid += ScholarlySchema.Validate(record).IsValid ? 1 : 0;
        return valid;
    }

    [Benchmark]
    public int Cli_Validate_10k_jsonl()
    {
        using var error = new StringWriter();
        var console = CliConsole.Redirected(Stream.Null, Stream.Null, error);
        return ValidateCommand.RunAsync(console, [_corpusPath], null, json: false, quiet: true, CancellationToken.None).GetAwaiter().GetResult();
    }
}
