using System.Diagnostics;
using System.Text;
using ScholarlyRecord.Cli;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Benchmarks;

/// <summary>
/// <c>profile schema|validate|ris-read|bibtex-read|csl|bibtex-write &lt;file&gt; [passes]</c>: repeats one hot path over a
/// file so a sampling profiler has something to sample (run it under <c>dotnet-trace collect --profile
/// dotnet-sampled-thread-time</c>). <c>schema</c> runs <see cref="ScholarlySchema.Validate(ReadOnlySpan{byte})"/> on every
/// line of a JSON Lines file; <c>validate</c> runs <c>scholarly validate</c> on it in process, as SchemaBenchmarks does
/// (with <c>--jobs</c> as given). <c>ris-read</c>, <c>bibtex-read</c> and <c>csl</c> run <c>Ris.Read</c>/<c>Bibtex.Read</c>/<c>CslJson.Read</c> on the
/// file's text (read into a string first, as the peer timer does); <c>bibtex-write</c> reads a JSON Lines file once and
/// runs <c>Bibtex.Write</c> on its chapters. Prints the wall time, the process's CPU time, the GC pause time and the
/// bytes allocated per record of each pass, for orientation only: on a shared machine the CPU time says more about the
/// code, and BenchmarkDotNet gives the figures that are reported.
/// </summary>
internal static class ProfileCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 2 || args[0] is not ("schema" or "validate" or "ris-read" or "bibtex-read" or "csl" or "bibtex-write"))
        {
            Console.Error.WriteLine("usage: profile schema|validate|ris-read|bibtex-read|csl|bibtex-write <file> [passes=20] [jobs=1]");
            return 2;
        }
        var passes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
        var jobs = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var path = args[1];
        if (args[0] is "ris-read" or "bibtex-read" or "csl" or "bibtex-write") return RunLines(args[0], path, passes);
        var records = File.ReadLines(path, Encoding.UTF8).Where(l => l.Length > 0).Select(Encoding.UTF8.GetBytes).ToArray();
        for (var pass = 0; pass < passes; pass++)
        {
            var watch = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var valid = 0;
            if (args[0] == "schema")
            {
                foreach (var record in records) valid += ScholarlySchema.Validate(record).IsValid ? 1 : 0;
            }
            else
            {
                using var error = new StringWriter();
                var console = CliConsole.Redirected(Stream.Null, Stream.Null, error);
                valid = ValidateCommand.RunAsync(console, [path], null, json: false, quiet: true, jobs, CancellationToken.None).GetAwaiter().GetResult();
            }
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(FormattableString.Invariant($"pass {pass}: {watch.Elapsed.TotalMilliseconds:F0} ms wall, {used.TotalMilliseconds:F0} ms CPU ({valid})"));
        }
        return 0;
    }

    private static int RunLines(string operation, string path, int passes)
    {
        var text = operation == "bibtex-write" ? "" : File.ReadAllText(path);
        List<Chapter> chapters = [];
        if (operation == "bibtex-write")
        {
            using var jsonl = File.OpenRead(path);
            chapters = [.. ScholarlyJson.Read(jsonl, new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines }).Chapters];
        }
        for (var pass = 0; pass < passes; pass++)
        {
            var watch = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var pause = GC.GetTotalPauseDuration();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var records = operation switch
            {
                "ris-read" => Ris.Read(text).Chapters.Count,
                "bibtex-read" => Bibtex.Read(text).Chapters.Count,
                "csl" => CslJson.Read(text).Chapters.Count,
                _ => Bibtex.Write(chapters).Length > 0 ? chapters.Count : 0,
            };
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            pause = GC.GetTotalPauseDuration() - pause;
            Console.WriteLine(FormattableString.Invariant(
                $"pass {pass}: {watch.Elapsed.TotalMilliseconds:F0} ms wall, {used.TotalMilliseconds:F0} ms CPU, {pause.TotalMilliseconds:F0} ms GC pause, {allocated / Math.Max(records, 1):N0} bytes/record ({records} records)"));
        }
        if (operation != "bibtex-write")
        {
            // What a read leaves behind: the heap held by one result (chapters and diagnostics), per record.
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var kept = operation switch { "ris-read" => Ris.Read(text), "csl" => CslJson.Read(text), _ => Bibtex.Read(text) };
            var after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine(FormattableString.Invariant($"retained: {(after - before) / Math.Max(kept.Chapters.Count, 1):N0} bytes/record"));
            GC.KeepAlive(kept);
        }
        return 0;
    }
}
