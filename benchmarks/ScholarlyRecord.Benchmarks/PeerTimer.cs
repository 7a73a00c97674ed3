using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScholarlyRecord.Benchmarks.Corpus;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Benchmarks;

/// <summary>
/// <c>peers &lt;corpus-dir&gt; &lt;repetitions&gt; &lt;count&gt;...</c>: times ScholarlyRecord on the same files and
/// operations as benchmarks/peers/time.mjs times citation-js, and prints the same tab-separated lines (operation, path
/// "ours", records, median seconds per pass, fastest seconds per pass, bytes: input for a read, output for a write).
/// </summary>
/// <remarks>
/// Files are read into strings before the clock starts, as the script does. Each operation runs as a warm-up for at
/// least 3 s (which lets the JIT reach its optimised tier; the first pass checks the record count), then <c>repetitions</c> samples; a
/// sample repeats the pass until it has run for at least 200 ms, so a pass that takes a few milliseconds is not lost in
/// timer noise. Counts above 10,000 get one sample (the script caps the peers the same way).
/// </remarks>
internal static class PeerTimer
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: peers <corpus-dir> <repetitions> <count>...");
            return 2;
        }

        var dir = args[0];
        var defaultReps = int.Parse(args[1], CultureInfo.InvariantCulture);
        foreach (var countText in args[2..])
        {
            var count = int.Parse(countText, CultureInfo.InvariantCulture);
            var reps = count > 10_000 ? 1 : defaultReps;
            string Load(string format) => File.ReadAllText(Path.Combine(dir, CorpusCommand.FileName(format, count)));

            var bibtex = Load("bibtex");
            var ris = Load("ris");
            var csl = Load("csl");
            List<Chapter> chapters;
            using (var jsonl = File.OpenRead(Path.Combine(dir, CorpusCommand.FileName("jsonl", count))))
            {
                chapters = ScholarlyJson.Read(jsonl, new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines }).Chapters.ToList();
            }

            Time("bibtex-read", count, reps, Encoding.UTF8.GetByteCount(bibtex), () => (Bibtex.Read(bibtex).Chapters.Count, 0));
            Time("ris-read", count, reps, Encoding.UTF8.GetByteCount(ris), () => (Ris.Read(ris).Chapters.Count, 0));
            Time("csl-read", count, reps, Encoding.UTF8.GetByteCount(csl), () => (CslJson.Read(csl).Chapters.Count, 0));
            Time("bibtex-write", count, reps, 0, () => Written(Bibtex.Write(chapters), '@'));
            Time("ris-write", count, reps, 0, () => Written(Ris.Write(chapters), 'T'));
        }

        return 0;
    }

    // A write's result: the records it wrote (counted, as a check) and the UTF-8 bytes of its output. Both are counted
    // inside the timed pass, on both sides (time.mjs counts with a regular expression and Buffer.byteLength).
    private static (int Records, long Bytes) Written(string text, char first) =>
        (CountLinesStarting(text, first), Encoding.UTF8.GetByteCount(text));

    private static void Time(string name, int records, int reps, long bytes, Func<(int Records, long Bytes)> pass)
    {
        // PEERS_ONLY=<operation> times one operation alone (for profiling with perf).
        if (Environment.GetEnvironmentVariable("PEERS_ONLY") is { Length: > 0 } only && only != name) return;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var (check, written) = pass();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        // More warm-up passes, for at least 3 s in all: the JIT compiles the hot methods again, optimised, on a
        // background thread, and on a busy machine one pass of 1,000 records ended before it had, so the samples timed
        // unoptimised code (up to 7 times slower per record than the same process at 10,000 records).
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 3) pass();
        if (Environment.GetEnvironmentVariable("PEERS_ALLOC") is { Length: > 0 }) Console.Error.WriteLine($"{name}: {allocated / records:N0} bytes allocated per record");
        if (check != records) throw new InvalidOperationException($"{name}: expected {records} records, got {check}");
        var samples = new double[reps];
        for (var r = 0; r < reps; r++)
        {
            var passes = 0;
            var watch = Stopwatch.StartNew();
            do
            {
                pass();
                passes++;
            }
            while (watch.Elapsed.TotalSeconds < 0.2);
            samples[r] = watch.Elapsed.TotalSeconds / passes;
        }

        if (Environment.GetEnvironmentVariable("PEERS_ALLOC") is { Length: > 0 }) Console.Error.WriteLine($"{name}: GC pauses so far {GC.GetTotalPauseDuration().TotalSeconds:F2} s, gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        Array.Sort(samples);
        var median = reps % 2 == 1 ? samples[reps / 2] : (samples[(reps / 2) - 1] + samples[reps / 2]) / 2;
        var size = bytes > 0 ? bytes : written;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\tours\t{records}\t{median}\t{samples[0]}\t{size}"));
    }

    // Entries start a line with '@' in BibTeX, and records start with "TY  - " in RIS (other tags begin with T too: TI, T2,
    // T3, so "TY" is looked for). The count is a check, not part of what is timed against citation-js (which counts with
    // a regular expression), so it searches with the vectorised IndexOf instead of looking at every character in a loop,
    // which took about 17 ms of a 60 ms RIS write pass.
    private static int CountLinesStarting(string text, char first)
    {
        var marker = first == 'T' ? "TY" : first.ToString();
        var count = text.StartsWith(marker, StringComparison.Ordinal) ? 1 : 0;
        var atLineStart = "\n" + marker;
        var span = text.AsSpan();
        int found;
        while ((found = span.IndexOf(atLineStart, StringComparison.Ordinal)) >= 0)
        {
            count++;
            span = span[(found + atLineStart.Length)..];
        }

        return count;
    }
}
