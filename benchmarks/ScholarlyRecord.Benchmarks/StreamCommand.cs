using System.Diagnostics;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Benchmarks;

/// <summary>
/// <c>stream &lt;file&gt;</c>: reads a file with the streaming reader for its extension (.jsonl, .bib, .ris, .json for
/// CSL-JSON) and prints the records, diagnostics, time and the process's peak working set. Run it under
/// <c>/usr/bin/time -v</c> to see the same peak as "Maximum resident set size".
/// </summary>
internal static class StreamCommand
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: stream <file.jsonl|file.bib|file.ris|file.json>");
            return 2;
        }

        return RunAsync(args[0]).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string path)
    {
        var watch = Stopwatch.StartNew();
        var diagnostics = 0;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var chapters = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? ScholarlyJson.ReadRecordsAsync(stream, new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines })
            : path.EndsWith(".bib", StringComparison.OrdinalIgnoreCase) ? Bibtex.ReadRecordsAsync(stream)
            : path.EndsWith(".ris", StringComparison.OrdinalIgnoreCase) ? Ris.ReadRecordsAsync(stream)
            : CslJson.ReadRecordsAsync(stream);
        long records = 0;
        await foreach (var record in chapters.ConfigureAwait(false))
        {
            diagnostics += record.Diagnostics.Count;
            if (record.Chapter is not null) records++;
        }
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(
            $"{Path.GetFileName(path)}: {records:N0} records, {diagnostics:N0} diagnostics, {new FileInfo(path).Length / 1e6:N1} MB " +
            $"in {watch.Elapsed.TotalSeconds:F1} s; peak working set {process.PeakWorkingSet64 / 1e6:N1} MB");
        return 0;
    }
}
