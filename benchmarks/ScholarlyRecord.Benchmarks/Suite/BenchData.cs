using System.Text;
using ScholarlyRecord.Benchmarks.Corpus;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Benchmarks.Suite;

/// <summary>
/// Where the suite's inputs come from: the Haslam fixture (embedded in this assembly) and the 10,000-record generated
/// corpus, which the host process writes before BenchmarkDotNet starts and names in an environment variable that the
/// benchmark processes inherit. Sizes are computed the same way in the host (for the MB/s column) and in the
/// benchmark processes.
/// </summary>
public static class BenchData
{
    public const int CorpusCount = 10_000;
    public const string CorpusVariable = "SCHOLARLYRECORD_BENCH_CORPUS";

    public static string CorpusDirectory =>
        Environment.GetEnvironmentVariable(CorpusVariable) is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), "scholarlyrecord-bench-corpus");

    /// <summary>Writes the 10k corpus in every format unless it is already there (it is deterministic).</summary>
    public static void EnsureCorpus()
    {
        var dir = CorpusDirectory;
        Environment.SetEnvironmentVariable(CorpusVariable, dir);
        foreach (var format in CorpusCommand.KnownFormats)
        {
            var path = Path.Combine(dir, CorpusCommand.FileName(format, CorpusCount));
            var marker = path + ".complete";
            if (File.Exists(path) && File.Exists(marker)) continue;
            Directory.CreateDirectory(dir);
            CorpusCommand.Write(format, CorpusCount, dir);
            File.WriteAllText(marker, "");
        }
    }

    public static byte[] CorpusBytes(string format) =>
        File.ReadAllBytes(Path.Combine(CorpusDirectory, CorpusCommand.FileName(format, CorpusCount)));

    public static long CorpusSize(string format) =>
        new FileInfo(Path.Combine(CorpusDirectory, CorpusCommand.FileName(format, CorpusCount))).Length;

    public static List<Chapter> CorpusChapters()
    {
        using var stream = new MemoryStream(CorpusBytes("jsonl"));
        return ScholarlyJson.Read(stream, new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines }).Chapters.ToList();
    }

    /// <summary>
    /// A Crossref <c>/works</c> list of <paramref name="count"/> items: the real book-chapter works embedded from
    /// tests/ScholarlyRecord.Tests/TestData/real/crossref (Crossref REST API responses; where each comes from is in the
    /// fixtures' SOURCES.md), in turn.
    /// </summary>
    public static byte[] CrossrefWorkList(int count)
    {
        var works = typeof(BenchData).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("crossref-work-book-chapter-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = typeof(BenchData).Assembly.GetManifestResourceStream(name)!;
                using var document = System.Text.Json.JsonDocument.Parse(stream);
                return document.RootElement.GetProperty("message").GetRawText();
            })
            .ToList();
        var text = new StringBuilder("{\"status\":\"ok\",\"message-type\":\"work-list\",\"message-version\":\"1.0.0\",\"message\":{\"total-results\":");
        text.Append(count).Append(",\"items\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(works[i % works.Count]);
        }

        text.Append("]}}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] FixtureBytes()
    {
        using var stream = typeof(BenchData).Assembly.GetManifestResourceStream("haslam.json")
            ?? throw new InvalidOperationException("the Haslam fixture is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string FixtureText() => Encoding.UTF8.GetString(FixtureBytes());
}
