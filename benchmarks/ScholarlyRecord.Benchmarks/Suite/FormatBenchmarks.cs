using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Benchmarks.Suite;

/// <summary>
/// BibTeX, RIS, CSL-JSON, EndNote, schema.org JSON-LD and our JSON Lines over the 10k corpus: read (UTF-8 bytes through a StreamReader to chapters, diagnostics
/// included) and write (chapters to a StreamWriter whose bytes are counted and dropped). Baseline: a bare SearchValues
/// scan of the same bytes for the format's delimiters, the least any reader has to do.
/// </summary>
[MemoryDiagnoser]
public class FormatBenchmarks : IThroughput
{
    private static readonly SearchValues<byte> BibtexDelimiters = SearchValues.Create("@{}=,\"\\\n"u8);
    private static readonly SearchValues<byte> RisDelimiters = SearchValues.Create("\n"u8);
    private static readonly SearchValues<byte> CslDelimiters = SearchValues.Create("{}[]\":,\\"u8);
    private static readonly SearchValues<byte> EndnoteDelimiters = SearchValues.Create("%\n"u8);

    private byte[] _bytes = [];
    private List<Chapter> _chapters = [];

    // SCHOLARLYRECORD_BENCH_FORMATS=bibtex,ris runs only those formats (BenchmarkDotNet's --filter sees methods, not
    // parameters); every format by default.
    [ParamsSource(nameof(Formats))]
    public string Format { get; set; } = "bibtex";

    public static IEnumerable<string> Formats =>
        Environment.GetEnvironmentVariable("SCHOLARLYRECORD_BENCH_FORMATS") is { Length: > 0 } only
            ? only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : ["bibtex", "ris", "csl", "endnote", "schemaorg", "jsonl"];

    [GlobalSetup]
    public void Setup()
    {
        _bytes = BenchData.CorpusBytes(Format);
        _chapters = BenchData.CorpusChapters();
    }

    public long BytesPerOperation(string method, string? parameter) => BenchData.CorpusSize(parameter ?? "bibtex");

    public int RecordsPerOperation(string method, string? parameter) => BenchData.CorpusCount;

    [Benchmark(Baseline = true)]
    public int Baseline_DelimiterScan()
    {
        var delimiters = Format switch { "bibtex" => BibtexDelimiters, "ris" => RisDelimiters, "endnote" => EndnoteDelimiters, _ => CslDelimiters };
        var span = _bytes.AsSpan();
        var count = 0;
        int i;
        while ((i = span.IndexOfAny(delimiters)) >= 0)
        {
            count++;
            span = span[(i + 1)..];
        }

        return count;
    }

    [Benchmark]
    public int Read()
    {
        using var reader = new StreamReader(new MemoryStream(_bytes, writable: false), Encoding.UTF8);
        var result = Format switch
        {
            "bibtex" => Bibtex.Read(reader),
            "ris" => Ris.Read(reader),
            "endnote" => Endnote.Read(reader),
            "schemaorg" => SchemaOrg.Read(reader),
            "jsonl" => ScholarlyJson.LinesFormat.Read(reader),
            _ => CslJson.Read(reader),
        };
        return result.Chapters.Count;
    }

    [Benchmark]
    public long Write()
    {
        using var stream = new CountingStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            switch (Format)
            {
                case "bibtex": Bibtex.Write(_chapters, writer); break;
                case "ris": Ris.Write(_chapters, writer); break;
                case "endnote": Endnote.Write(_chapters, writer); break;
                case "schemaorg": SchemaOrg.Write(_chapters, writer); break;
                case "jsonl": ScholarlyJson.LinesFormat.Write(_chapters, writer); break;
                default: CslJson.Write(_chapters, writer); break;
            }
        }

        return stream.Length;
    }
}

/// <summary>
/// Crossref REST (read only): a /works list of 1,000 items (the largest page Crossref serves) made of the real
/// book-chapter works the tests keep, in turn. Baseline: a bare Utf8JsonReader pass over the same bytes.
/// </summary>
[MemoryDiagnoser]
public class CrossrefReadBenchmarks : IThroughput
{
    public const int Works = 1_000;

    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = BenchData.CrossrefWorkList(Works);

    public long BytesPerOperation(string method, string? parameter) => BenchData.CrossrefWorkList(Works).Length;

    public int RecordsPerOperation(string method, string? parameter) => Works;

    [Benchmark(Baseline = true)]
    public int Baseline_ReaderPass()
    {
        var reader = new System.Text.Json.Utf8JsonReader(_bytes);
        var tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }

    [Benchmark]
    public int Read()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        return Crossref.Read(stream).Chapters.Count;
    }
}
