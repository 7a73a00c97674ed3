using System.Diagnostics;
using SharpFuzz;

namespace ScholarlyRecord.Fuzz;

/// <summary>
/// The fuzzer's entry point. Usage:
/// <list type="bullet">
/// <item><c>ScholarlyRecord.Fuzz &lt;target&gt;</c> — under afl-fuzz (SharpFuzz's in-process fork server); outside
/// afl-fuzz it runs the target once on standard input.</item>
/// <item><c>ScholarlyRecord.Fuzz &lt;target&gt; &lt;file or folder&gt;...</c> — runs the target on each file (to replay a
/// finding), printing the exception of any that fails.</item>
/// <item><c>ScholarlyRecord.Fuzz seeds &lt;target&gt; &lt;folder&gt; &lt;repository root&gt;</c> — writes the target's seed corpus.</item>
/// <item><c>ScholarlyRecord.Fuzz list</c> — prints the target names.</item>
/// </list>
/// </summary>
internal static class Program
{
    // The watchdog: an input that takes longer than this is a failure even if it ends (super-linear time). Generous,
    // as the machine is shared: a linear reader takes milliseconds on afl-fuzz's largest inputs (1 MB).
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("FUZZ_BUDGET_SECONDS") is { } s ? double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 5);

    public static int Main(string[] args)
    {
        if (args is ["list"])
        {
            foreach (var name in Targets.All.Keys) Console.WriteLine(name);
            return 0;
        }
        if (args is ["seeds", var seedTarget, var folder, var root])
        {
            var written = Corpus.WriteSeeds(seedTarget, folder, root);
            Console.WriteLine($"{written} seeds for {seedTarget} in {folder}");
            return 0;
        }
        if (args.Length == 0 || !Targets.All.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine("usage: ScholarlyRecord.Fuzz <target> [files...] | seeds <target> <folder> <root> | list");
            Console.Error.WriteLine("targets: " + string.Join(", ", Targets.All.Keys));
            return 2;
        }
        if (args.Length > 1) return Replay(target, args[1..]);

        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Watched(target, buffer.ToArray());
        });
        return 0;
    }

    private static void Watched(Action<byte[]> target, byte[] input)
    {
        var clock = Stopwatch.StartNew();
        target(input);
        if (clock.Elapsed > Budget)
        {
            throw new TimeoutException($"An input of {input.Length} bytes took {clock.Elapsed.TotalMilliseconds:F0} ms (budget {Budget.TotalMilliseconds:F0} ms): super-linear time?");
        }
    }

    private static int Replay(Action<byte[]> target, string[] paths)
    {
        var failed = 0;
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).ToList();
        foreach (var file in files)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                Watched(target, File.ReadAllBytes(file));
            }
#pragma warning disable CA1031 // The replay reports every failure and goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed++;
                Console.WriteLine($"FAIL {file}: {e.GetType().Name}: {e.Message}");
                Console.WriteLine(e.StackTrace);
            }
            if (clock.ElapsedMilliseconds > 1000) Console.WriteLine($"slow {file}: {clock.ElapsedMilliseconds} ms");
        }
        Console.WriteLine($"{files.Count - failed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
