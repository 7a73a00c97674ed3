using System.Text;
using BenchmarkDotNet.Attributes;
using ScholarlyRecord.Cli;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Benchmarks.Suite;

/// <summary>
/// Schema validation of the 10k generated corpus, one JSON Lines record at a time: JsonSchema.Net (the baseline, the
/// path ScholarlySchema used before issue 15) against the compiled fast path now behind ScholarlySchema.Validate, in
/// the same run. Records/s = 10,000 / Mean. Also <c>scholarly validate</c> on the same file, in process (reader, schema
/// where the reader needs it, model rules, the text report written to a null stream), and <c>scholarly convert</c> of
/// it to BibTeX (written to a null stream), each with <c>--jobs 1</c> and <c>--jobs 2</c>.
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
    public int Cli_Validate_10k_jsonl() => Validate(jobs: 1);

    [Benchmark]
    public int Cli_Validate_10k_jsonl_jobs2() => Validate(jobs: 2);

    [Benchmark]
    public int Cli_Convert_10k_jsonl_to_bibtex() => Convert(jobs: 1);

    [Benchmark]
    public int Cli_Convert_10k_jsonl_to_bibtex_jobs2() => Convert(jobs: 2);

    private int Validate(int jobs)
    {
        using var error = new StringWriter();
        var console = CliConsole.Redirected(Stream.Null, Stream.Null, error);
        return ValidateCommand.RunAsync(console, [_corpusPath], null, json: false, quiet: true, jobs, CancellationToken.None).GetAwaiter().GetResult();
    }

    private int Convert(int jobs)
    {
        using var error = new StringWriter();
        var console = CliConsole.Redirected(Stream.Null, Stream.Null, error);
        return ConvertCommand.RunAsync(console, _corpusPath, "bibtex", null, null, quiet: true, jobs, CancellationToken.None).GetAwaiter().GetResult();
    }
}
