using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Benchmarks;

/// <summary>
/// The cold path of issue 12's goal, timed stage by stage: parse a style, make a processor (its locale), register the
/// items, render the bibliography. The benchmark app's <c>csl-peers</c> runs it on the project's assembly, and
/// tests/PackageConsumer (which compiles this file too) on the packed one, so the two figures are one measurement.
/// The style text and the items are made by the caller, before the clock.
/// </summary>
internal static class CslColdPath
{
    /// <summary>What one run took: each stage's wall time, the methods the JIT compiled on this thread, the entries.</summary>
    internal readonly record struct Timing(
        double ParseMs, double ProcessorMs, double DocumentMs, double EntryMs, long JitMethods, TimeSpan JitTime, IReadOnlyList<string> Entries)
    {
        public double TotalMs => ParseMs + ProcessorMs + DocumentMs + EntryMs;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{TotalMs:F1} ms (style parse {ParseMs:F1}, processor {ProcessorMs:F1}, document {DocumentMs:F1}, first entry {EntryMs:F1}); {JitMethods} methods compiled by the JIT in {JitTime.TotalMilliseconds:F1} ms");
    }

    /// <summary>The text of an embedded style, read from the library's resources (the style the library ships).</summary>
    internal static string EmbeddedStyleXml(string id)
    {
        using var stream = typeof(CslProcessor).Assembly.GetManifestResourceStream("ScholarlyRecord.Csl.styles." + id + ".csl")
            ?? throw new InvalidOperationException($"the {id} style is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Runs the path once on this thread.</summary>
    internal static Timing Run(string styleXml, IReadOnlyList<CslItem> items)
    {
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
        var jitTime = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
        var clock = Stopwatch.StartNew();
        var style = CslStyle.Parse(styleXml);
        var parsed = clock.Elapsed.TotalMilliseconds;
        var processor = new CslProcessor(style);
        var created = clock.Elapsed.TotalMilliseconds;
        var document = processor.CreateDocument(items);
        var registered = clock.Elapsed.TotalMilliseconds;
        var entries = document.BibliographyEntries(CitationOutput.Text);
        clock.Stop();
        var total = clock.Elapsed.TotalMilliseconds;
        return new Timing(
            parsed, created - parsed, registered - created, total - registered,
            System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - jitMethods,
            System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jitTime,
            entries);
    }
}
