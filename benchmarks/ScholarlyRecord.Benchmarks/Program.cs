using BenchmarkDotNet.Running;
using ScholarlyRecord.Benchmarks.Corpus;

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
            }
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
