using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ScholarlyRecord.Benchmarks.Corpus;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Benchmarks.Suite;

/// <summary>
/// The CSL processor with the embedded APA style. Each category has its own baseline in the same run:
/// <list type="bullet">
/// <item><c>Bibliography</c> (class <see cref="CslBibliographyBenchmarks"/>): an APA bibliography of N distinct generated chapters (their CSL items, parsed outside the
/// clock; a new document per operation, so registration, sorting and disambiguation are all timed), N = 1,000, 5,000
/// and 50,000 to show the cost per item stays flat. Baseline: a naive concatenation of the same items' author names,
/// year, title, container and publisher, with no style rules.</item>
/// <item><c>ParseAndFirstEntry</c>: <c>CslStyle.Parse</c> of the APA XML, a processor, and the Haslam fixture's entry.
/// Baseline: an <see cref="XmlReader"/> pass over the same XML that touches every node.</item>
/// <item><c>Authors448</c>: one item with 448 authors (APA keeps 19 and the last in the bibliography), entry and
/// citation. Baseline: joining the 448 names.</item>
/// </list>
/// Allocations per entry: the Bibliography case's Allocated column divided by N.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CslBenchmarks
{
    private CslStyle _apa = null!;
    private string _apaXml = "";
    private IReadOnlyList<CslItem> _haslam = [];
    private IReadOnlyList<CslItem> _authors448 = [];

    [GlobalSetup]
    public void Setup()
    {
        _apaXml = ApaXml();
        _apa = CslStyle.Parse(_apaXml);
        _haslam = CslItems([ScholarlyJson.Deserialize(BenchData.FixtureText())!]);
        _authors448 = Authors448();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("ParseAndFirstEntry")]
    public int ParseAndFirstEntry_Baseline_XmlReader()
    {
        using var reader = XmlReader.Create(new StringReader(_apaXml));
        var nodes = 0;
        while (reader.Read())
        {
            nodes++;
            if (reader.MoveToFirstAttribute())
            {
                do nodes += reader.Value.Length > 0 ? 1 : 0;
                while (reader.MoveToNextAttribute());
            }
        }

        return nodes;
    }

    [Benchmark, BenchmarkCategory("ParseAndFirstEntry")]
    public string ParseAndFirstEntry_Apa()
    {
        var style = CslStyle.Parse(_apaXml);
        return new CslProcessor(style).CreateDocument(_haslam).BibliographyEntries(CitationOutput.Text)[0];
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Authors448")]
    public int Authors448_Baseline_Join()
    {
        var names = _authors448[0].Variables["author"];
        var builder = new StringBuilder();
        foreach (var name in names.EnumerateArray()) builder.Append(name.GetProperty("family").GetString()).Append(", ").Append(name.GetProperty("given").GetString()).Append("; ");
        return builder.Length;
    }

    [Benchmark, BenchmarkCategory("Authors448")]
    public int Authors448_Apa_EntryAndCitation()
    {
        var document = new CslProcessor(_apa).CreateDocument(_authors448);
        return document.BibliographyEntries(CitationOutput.Text)[0].Length + document.CiteAlone("many", CitationOutput.Text).Length;
    }

    /// <summary>The embedded APA style's XML, read from the library's resources.</summary>
    public static string ApaXml() => CslColdPath.EmbeddedStyleXml("apa");

    /// <summary>Chapters as CSL items through the library's CSL-JSON writer and reader (the mapping the processor uses).</summary>
    public static IReadOnlyList<CslItem> CslItems(IEnumerable<Chapter> chapters) => CslJsonDocument.Parse(CslJson.Write(chapters)).Items;

    /// <summary>One journal article with 448 distinct authors.</summary>
    public static IReadOnlyList<CslItem> Authors448()
    {
        var json = new StringBuilder("[{\"id\":\"many\",\"type\":\"article-journal\",\"title\":\"A collaboration with 448 authors\",\"container-title\":\"Physical Review Letters\",\"volume\":\"116\",\"page\":\"061102\",\"issued\":{\"date-parts\":[[2016,2,11]]},\"author\":[");
        for (var i = 0; i < 448; i++)
        {
            if (i > 0) json.Append(',');
            json.Append("{\"family\":\"Author").Append(i).Append("\",\"given\":\"Given ").Append((char)('A' + (i % 26))).Append(".\"}");
        }

        json.Append("]}]");
        return CslJsonDocument.Parse(json.ToString()).Items;
    }

    internal static string Naive(CslItem item)
    {
        var builder = new StringBuilder(256);
        if (item.Variables.TryGetValue("author", out var authors))
        {
            foreach (var name in authors.EnumerateArray())
            {
                if (name.TryGetProperty("family", out var family)) builder.Append(family.GetString()).Append(", ");
            }
        }

        if (item.Variables.TryGetValue("issued", out var issued) && issued.TryGetProperty("date-parts", out var parts)) builder.Append('(').Append(parts[0][0].GetRawText()).Append("). ");
        foreach (var key in (string[])["title", "container-title", "publisher"])
        {
            if (item.Variables.TryGetValue(key, out var value)) builder.Append(value.GetString()).Append(". ");
        }

        return builder.ToString();
    }
}

/// <summary>The <c>Bibliography</c> category of <see cref="CslBenchmarks"/>, with N as a parameter.</summary>
[MemoryDiagnoser]
public class CslBibliographyBenchmarks
{
    private CslStyle _apa = null!;
    private IReadOnlyList<CslItem> _items = [];

    [Params(1_000, 5_000, 50_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _apa = CslStyle.Parse(CslBenchmarks.ApaXml());
        _items = CslBenchmarks.CslItems(CorpusGenerator.Generate(N));
    }

    [Benchmark(Baseline = true)]
    public long Baseline_Concat()
    {
        long total = 0;
        foreach (var item in _items) total += CslBenchmarks.Naive(item).Length;
        return total;
    }

    [Benchmark]
    public long Apa_Bibliography()
    {
        var document = new CslProcessor(_apa).CreateDocument(_items);
        long total = 0;
        foreach (var entry in document.BibliographyEntries(CitationOutput.Text)) total += entry.Length;
        return total;
    }
}
