using BenchmarkDotNet.Attributes;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Benchmarks.Suite;

/// <summary>
/// The CSL processor: an APA bibliography of the first N corpus chapters (registering the items, which sorts and
/// disambiguates them, then rendering every entry), a style parsed and its first entry rendered, and one item with
/// 448 authors. Allocations per operation are reported (divide by N for an entry).
/// </summary>
[MemoryDiagnoser]
public class CslBenchmarks
{
    private IReadOnlyList<CslItem> _items = [];
    private IReadOnlyList<CslItem> _bigItem = [];
    private CslProcessor _apa = null!;
    private string _apaXml = string.Empty;

    [Params(1_000, 5_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var chapters = BenchData.CorpusChapters().Take(Count).ToList();
        _items = CslJsonDocument.Parse(CslJson.Write(chapters)).Items;
        _apa = new CslProcessor(CslStyle.Embedded("apa"));
        using (var stream = typeof(CslStyle).Assembly.GetManifestResourceStream("ScholarlyRecord.Csl.styles.apa.csl")!)
        using (var reader = new StreamReader(stream))
        {
            _apaXml = reader.ReadToEnd();
        }

        var authors = string.Join(",", Enumerable.Range(0, 448).Select(static i => $"{{\"family\":\"Family{i}\",\"given\":\"Given Name\"}}"));
        _bigItem = CslJsonDocument.Parse($"[{{\"id\":\"big\",\"type\":\"article-journal\",\"title\":\"Many authors\",\"container-title\":\"Journal\",\"author\":[{authors}],\"issued\":{{\"date-parts\":[[2020]]}}}}]").Items;
    }

    [Benchmark]
    public int ApaBibliography() => _apa.CreateDocument(_items).BibliographyEntries(CitationOutput.Text).Count;

    [Benchmark]
    public int ParseStyleAndFirstEntry()
    {
        var processor = new CslProcessor(CslStyle.Parse(_apaXml));
        return processor.CreateDocument(_items.Take(1)).BibliographyEntries(CitationOutput.Text)[0].Length;
    }

    [Benchmark]
    public int Item448Authors() => _apa.CreateDocument(_bigItem).BibliographyEntries(CitationOutput.Text)[0].Length;
}
