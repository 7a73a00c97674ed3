using System.Diagnostics;
using System.Text;
using ScholarlyRecord.Cli;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Benchmarks;

/// <summary>
/// <c>profile schema|validate &lt;file.jsonl&gt; [passes]</c>, <c>profile csl &lt;file.csl.json&gt; [passes]</c>: repeats one hot path over a file so a sampling
/// profiler has something to sample (run it under <c>dotnet-trace collect --profile dotnet-sampled-thread-time</c>).
/// <c>schema</c> runs <see cref="ScholarlySchema.Validate(ReadOnlySpan{byte})"/> on every line; <c>validate</c> runs
/// <c>scholarly validate</c> on the file in process, as SchemaBenchmarks does (with <c>--jobs</c> as given); <c>csl</c> runs
/// <c>CslJson.Read(string)</c> on the whole file, read into a string first (as <c>peers</c> times it), and also prints the
/// bytes it allocates per record (exact: the thread's allocation counter). Prints the
/// wall time and the process's CPU time per pass, for orientation only: on a shared machine the CPU time says more
/// about the code, and BenchmarkDotNet gives the figures that are reported.
/// </summary>
internal static class ProfileCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 2 || args[0] is not ("schema" or "validate" or "csl"))
        {
            Console.Error.WriteLine("usage: profile schema|validate <file.jsonl> [passes=20] [jobs=1] | profile csl <file.csl.json> [passes=20]");
            return 2;
        }
        if (args[0] == "csl") return Csl(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
        var passes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
        var jobs = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var path = args[1];
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

    private static int Csl(string path, int passes)
    {
        var text = File.ReadAllText(path);
        for (var pass = 0; pass < passes; pass++)
        {
            var watch = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var count = Formats.CslJson.Read(text).Chapters.Count;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(FormattableString.Invariant($"pass {pass}: {watch.Elapsed.TotalMilliseconds:F0} ms wall, {used.TotalMilliseconds:F0} ms CPU, {allocated / count:N0} B allocated per record ({count})"));
        }
        return 0;
    }
}
