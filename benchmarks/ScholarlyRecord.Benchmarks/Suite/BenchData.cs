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
        foreach (var format in CorpusCommand.AllFormats)
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
