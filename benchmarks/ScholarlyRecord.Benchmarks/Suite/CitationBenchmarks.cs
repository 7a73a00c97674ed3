using System.Text;
using BenchmarkDotNet.Attributes;
using ScholarlyRecord.Citations;

namespace ScholarlyRecord.Benchmarks.Suite;

/// <summary>
/// The SpringerLink citation line, per record over the first 1,000 chapters of the corpus. Baseline: a naive
/// concatenation of the same parts (authors, year, titles, publisher) with no style rules.
/// </summary>
[MemoryDiagnoser]
public class CitationBenchmarks : IThroughput
{
    private const int Count = 1_000;
    private List<Chapter> _chapters = [];

    [GlobalSetup]
    public void Setup() => _chapters = BenchData.CorpusChapters().Take(Count).ToList();

    // Output bytes: the UTF-8 length of the lines produced (computed once, in the host).
    public long BytesPerOperation(string method, string? parameter)
    {
        BenchData.EnsureCorpus();
        var chapters = BenchData.CorpusChapters().Take(Count);
        return method == nameof(Format)
            ? chapters.Sum(c => (long)Encoding.UTF8.GetByteCount(Citation.Format(c, CitationStyle.SpringerLink)))
            : chapters.Sum(c => (long)Encoding.UTF8.GetByteCount(Naive(c)));
    }

    [Benchmark(Baseline = true)]
    public long Baseline_Concat()
    {
        long total = 0;
        foreach (var chapter in _chapters) total += Naive(chapter).Length;
        return total;
    }

    [Benchmark]
    public long Format()
    {
        long total = 0;
        foreach (var chapter in _chapters) total += Citation.Format(chapter, CitationStyle.SpringerLink).Length;
        return total;
    }

    private static string Naive(Chapter chapter)
    {
        var sb = new StringBuilder(256);
        foreach (var contributor in chapter.Contributors) sb.Append(contributor.Name.Family).Append(", ");
        sb.Append('(').Append(chapter.PublicationDate?.Year).Append(") ").Append(chapter.Title).Append(". In: ")
            .Append(chapter.Book?.Title).Append(". ").Append(chapter.Book?.Publisher?.Name);
        return sb.ToString();
    }
}
