using System.Diagnostics;
using System.Globalization;
using ScholarlyRecord.Benchmarks.Corpus;
using ScholarlyRecord.Benchmarks.Suite;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Benchmarks;

/// <summary>
/// <c>csl-peers &lt;corpus-dir&gt; &lt;repetitions&gt; &lt;count&gt;...</c>: times an APA bibliography of the corpus's
/// chapters with our CSL processor, the operation benchmarks/peers/csl-time.mjs times with citeproc-js, and prints the
/// same tab-separated lines (csl-apa-&lt;count&gt;, records, median seconds, fastest seconds). Before them it prints
/// <c>csl-cold</c>: the first style parse + processor + entry in this process (JIT included; the item is read before), in seconds.
/// </summary>
/// <remarks>
/// The chapters-&lt;count&gt;.csl.json file is read and parsed into items before the clock starts (citeproc-js gets
/// the same file, parsed with JSON.parse). A pass is a new processor over the parsed style, a new document with every
/// item (registration, sorting, disambiguation) and the bibliography entries as text. One warm-up pass (checking the
/// count), then <c>repetitions</c> timed passes; the median is reported.
/// </remarks>
internal static class CslPeerTimer
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: csl-peers <corpus-dir> <repetitions> [<count>...]");
            return 2;
        }

        var dir = args[0];
        var reps = int.Parse(args[1], CultureInfo.InvariantCulture);

        // The fixture's item is read before the clock starts (citeproc-js is handed parsed items too): the cold figure is
        // the style parse, the processor and the first entry, with the JIT of that code, and nothing else.
        var fixtureItems = CslBenchmarks.CslItems([ScholarlyJson.Deserialize(BenchData.FixtureText())!]);
        var apaXml = CslBenchmarks.ApaXml();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var threadCpu = ThreadCpuMilliseconds();
        var cold = CslColdPath.Run(apaXml, fixtureItems);
        threadCpu = ThreadCpuMilliseconds() - threadCpu;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"csl-cold: {cold}; CPU {threadCpu:F1} ms on this thread, {cpu.TotalMilliseconds:F0} ms in the process"));
        var first = cold.Entries;
        if (first.Count != 1) throw new InvalidOperationException("the fixture gave no APA entry");
        var coldSeconds = cold.TotalMs / 1000;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"csl-cold\t1\t{coldSeconds}\t{coldSeconds}"));
        var apa = CslStyle.Parse(apaXml);

        // The same steps a second time in the process (a new parse, processor and document; the embedded locale is
        // cached by then): what is left is the work itself, so cold minus this is the first-use share (JIT, type
        // loading, the globalization set-up and the locale's parse).
        var again = Stopwatch.StartNew();
        var second = new CslProcessor(CslStyle.Parse(apaXml)).CreateDocument(fixtureItems).BibliographyEntries(CitationOutput.Text);
        again.Stop();
        if (second.Count != 1 || second[0] != first[0]) throw new InvalidOperationException("the second cold pass gave another entry");
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"csl-cold (second time in the process): {again.Elapsed.TotalMilliseconds:F1} ms"));

        foreach (var countText in args[2..])
        {
            var count = int.Parse(countText, CultureInfo.InvariantCulture);
            var items = CslJsonDocument.Parse(File.ReadAllText(Path.Combine(dir, CorpusCommand.FileName("csl", count)))).Items;
            int Pass() => new CslProcessor(apa).CreateDocument(items).BibliographyEntries(CitationOutput.Text).Count;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var check = Pass();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"csl-apa-{count}: {allocated / count:N0} bytes allocated per entry"));
            if (check != count) throw new InvalidOperationException($"csl-apa-{count}: expected {count} entries, got {check}");
            var samples = new double[reps];
            for (var r = 0; r < reps; r++)
            {
                var watch = Stopwatch.StartNew();
                Pass();
                samples[r] = watch.Elapsed.TotalSeconds;
            }

            Array.Sort(samples);
            var median = reps % 2 == 1 ? samples[reps / 2] : (samples[(reps / 2) - 1] + samples[reps / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"csl-apa-{count}\t{count}\t{median}\t{samples[0]}"));
        }

        return 0;
    }

    // The calling thread's CPU time (Linux clock_gettime with CLOCK_THREAD_CPUTIME_ID), which a busy machine stretches
    // far less than the wall clock; NaN elsewhere.
    private static double ThreadCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        return NativeMethods.clock_gettime(3, out var time) == 0 ? (time.Seconds * 1e3) + (time.Nanoseconds / 1e6) : double.NaN;
    }

    private static class NativeMethods
    {
        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
        public struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

#pragma warning disable SYSLIB1054, CA5392, CA1401, IDE1006 // A benchmark probe: one blittable libc call.
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
        public static extern int clock_gettime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054, CA5392, CA1401, IDE1006
    }
}
