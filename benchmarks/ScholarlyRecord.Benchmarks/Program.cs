using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using ScholarlyRecord.Benchmarks.Corpus;
using ScholarlyRecord.Benchmarks.Suite;

namespace ScholarlyRecord.Benchmarks;

internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0)
        {
            switch (args[0])
            {
                case "corpus": return CorpusCommand.Run(args[1..]);
                case "peers": return PeerTimer.Run(args[1..]);
                case "csl-peers": return CslPeerTimer.Run(args[1..]);
                case "stream": return StreamCommand.Run(args[1..]);
                case "profile": return ProfileCommand.Run(args[1..]);
            }
        }

        BenchData.EnsureCorpus();

        // One launch, 3 warm-up and 7 measured iterations of about 250 ms each: the whole suite (about 30 cases, some
        // taking a second per operation on the 10k corpus) then finishes in about 10 minutes on a 2-core machine.
        // Each case's baseline runs in the same process and the same run, so the ratios stay meaningful even when
        // the absolute numbers are noisy; rerun with BenchmarkDotNet's own --job options for tighter intervals.
        var job = Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(7)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));
        // SCHOLARLYRECORD_BENCH_QUICK=1: one warm-up and three single-invocation iterations, for allocation figures
        // (MemoryDiagnoser counts them in its own run) when the machine is too busy for timings to mean much.
        if (Environment.GetEnvironmentVariable("SCHOLARLYRECORD_BENCH_QUICK") == "1")
        {
            job = Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1);
        }

        var config = DefaultConfig.Instance
            .AddJob(job.AsDefault())
            .AddColumn(new ThroughputColumn())
            .AddColumn(new AllocatedPerRecordColumn())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
