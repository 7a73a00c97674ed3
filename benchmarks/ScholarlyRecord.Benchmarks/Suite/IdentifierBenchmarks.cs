using BenchmarkDotNet.Attributes;

namespace ScholarlyRecord.Benchmarks.Suite;

/// <summary>
/// TryParse of each identifier from a span (the text is a slice of a larger buffer, as a reader would hold it).
/// Baseline: a bare loop that touches every character of the same four inputs.
/// </summary>
[MemoryDiagnoser]
public class IdentifierBenchmarks : IThroughput
{
    private const string Text = "doi:10.1007/978-1-349-05679-8_7|978-1-349-05679-8|0302-9743|https://orcid.org/0000-0002-1825-0097";
    private static readonly Range DoiRange = 0..31;
    private static readonly Range IsbnRange = 32..49;
    private static readonly Range IssnRange = 50..59;
    private static readonly Range OrcidRange = 60..Text.Length;

    // A DOI already in its bare form, as most records hold it: the string overload keeps this very string.
    private const string CanonicalDoi = "10.1007/978-1-349-05679-8_7";

    public long BytesPerOperation(string method, string? parameter) => method switch
    {
        nameof(Doi_TryParse) or nameof(Doi_Validate) => Text[DoiRange].Length,
        nameof(Doi_TryParse_CanonicalString) => CanonicalDoi.Length,
        nameof(Isbn_TryParse) => Text[IsbnRange].Length,
        nameof(Issn_TryParse) => Text[IssnRange].Length,
        nameof(Orcid_TryParse) => Text[OrcidRange].Length,
        _ => Text.Length,
    };

    [Benchmark(Baseline = true)]
    public int Baseline_TouchEveryChar()
    {
        var sum = 0;
        foreach (var c in Text.AsSpan()) sum += c;
        return sum;
    }

    // A Doi keeps its canonical text, so parsing one from a span allocates exactly that string.
    [Benchmark]
    public bool Doi_TryParse() => Doi.TryParse(Text.AsSpan()[DoiRange], out _);

    // From a string that is already the bare DOI nothing is allocated: the Doi keeps the caller's string.
    [Benchmark]
    public bool Doi_TryParse_CanonicalString() => Doi.TryParse(CanonicalDoi, out _);

    [Benchmark]
    public bool Doi_Validate() => Doi.Validate(Text.AsSpan()[DoiRange]) is null;

    [Benchmark]
    public bool Isbn_TryParse() => Isbn.TryParse(Text.AsSpan()[IsbnRange], out _);

    [Benchmark]
    public bool Issn_TryParse() => Issn.TryParse(Text.AsSpan()[IssnRange], out _);

    [Benchmark]
    public bool Orcid_TryParse() => Orcid.TryParse(Text.AsSpan()[OrcidRange], out _);
}
