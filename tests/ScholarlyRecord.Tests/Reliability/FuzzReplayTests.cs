using ScholarlyRecord.Fuzz;
using Xunit;

namespace ScholarlyRecord.Tests.Reliability;

/// <summary>
/// Replays, in process, every fuzz target's seed corpus and its regression corpus (the minimized findings under
/// TestData/fuzz-regressions/&lt;target&gt;/) through the same target code the fuzzer runs (tests/ScholarlyRecord.Fuzz/Targets.cs):
/// each input must meet the target's documented contract. No fuzzer and no timing here.
/// </summary>
public class FuzzReplayTests
{
    private static readonly Corpus.Layout Layout = new(
        Path.Combine(AppContext.BaseDirectory, "TestData"),
        Path.Combine(AppContext.BaseDirectory, "fixtures"),
        Path.Combine(AppContext.BaseDirectory, "fuzz-seeds"),
        Path.Combine(AppContext.BaseDirectory, "csl-data"));

    public static TheoryData<string> TargetNames => [.. Targets.All.Keys];

    [Fact]
    public void Every_target_has_a_seed_corpus_and_every_corpus_a_target()
    {
        Assert.Equal(Targets.All.Keys.Order(StringComparer.Ordinal), Corpus.TargetNames.Order(StringComparer.Ordinal));
        var regressionFolder = Path.Combine(Layout.TestData, "fuzz-regressions");
        if (Directory.Exists(regressionFolder))
        {
            foreach (var folder in Directory.EnumerateDirectories(regressionFolder)) Assert.Contains(Path.GetFileName(folder), Targets.All.Keys);
        }
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Seed_corpus_meets_the_target_contract(string target)
    {
        var seeds = Corpus.Seeds(target, Layout).ToList();

        Assert.True(seeds.Count >= 10, $"{target} has only {seeds.Count} seeds");
        Replay(target, seeds);
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Regression_corpus_meets_the_target_contract(string target)
    {
        Replay(target, Corpus.Regressions(target, Layout).ToList());
    }

    private static void Replay(string target, List<(string Name, byte[] Bytes)> inputs)
    {
        var run = Targets.All[target];
        var failures = new List<string>();
        foreach (var (name, bytes) in inputs)
        {
            try
            {
                run(bytes);
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
