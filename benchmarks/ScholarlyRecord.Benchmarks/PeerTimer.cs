using System.Diagnostics;
using System.Globalization;
using ScholarlyRecord.Benchmarks.Corpus;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Benchmarks;

/// <summary>
/// <c>peers &lt;corpus-dir&gt; &lt;count&gt; &lt;cite-count&gt; &lt;repetitions&gt;</c>: times ScholarlyRecord on the same
/// files and operations as benchmarks/peers/time.mjs times citation-js, and prints the same tab-separated lines
/// (operation, records, median seconds per pass, fastest seconds per pass).
/// </summary>
/// <remarks>
/// Files are read into strings before the clock starts, as the script does. Each operation runs once as a warm-up
/// (which also lets the JIT reach its optimised tier), then <c>repetitions</c> samples; a sample repeats the pass until
/// it has run for at least 200 ms, so a pass that takes a few milliseconds is not lost in timer noise.
/// </remarks>
internal static class PeerTimer
{
    public static int Run(string[] args)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine("usage: peers <corpus-dir> <count> <cite-count> <repetitions>");
            return 2;
        }

        var dir = args[0];
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        var citeCount = int.Parse(args[2], CultureInfo.InvariantCulture);
        var reps = int.Parse(args[3], CultureInfo.InvariantCulture);
        string Load(string format, int n) => File.ReadAllText(Path.Combine(dir, CorpusCommand.FileName(format, n)));

        var bibtex = Load("bibtex", count);
        var ris = Load("ris", count);
        var csl = Load("csl", count);
        using var jsonl = File.OpenRead(Path.Combine(dir, CorpusCommand.FileName("jsonl", count)));
        var chapters = ScholarlyJson.Read(jsonl, new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines }).Chapters.ToList();
        var citeChapters = chapters.Take(citeCount).ToList();

        Time("bibtex-read", count, reps, () => Bibtex.Read(bibtex).Chapters.Count);
        Time("ris-read", count, reps, () => Ris.Read(ris).Chapters.Count);
        Time("csl-read", count, reps, () => CslJson.Read(csl).Chapters.Count);
        Time("bibtex-write", count, reps, () => CountLinesStarting(Bibtex.Write(chapters), '@'));
        Time("ris-write", count, reps, () => CountLinesStarting(Ris.Write(chapters), 'T'));
        Time("citation", citeCount, reps, () =>
        {
            var lines = 0;
            foreach (var chapter in citeChapters)
            {
                if (Citation.Format(chapter, CitationStyle.SpringerLink).Length > 0) lines++;
            }

            return lines;
        });
        return 0;
    }

    private static void Time(string name, int records, int reps, Func<int> pass)
    {
        // PEERS_ONLY=<operation> times one operation alone (for profiling with perf).
        if (Environment.GetEnvironmentVariable("PEERS_ONLY") is { Length: > 0 } only && only != name) return;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var check = pass();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{records}\t{median}\t{samples[0]}"));
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
