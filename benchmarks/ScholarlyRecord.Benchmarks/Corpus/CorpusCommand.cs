using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Benchmarks.Corpus;

/// <summary>
/// <c>corpus &lt;count&gt; &lt;outdir&gt; [--formats jsonl,csl,bibtex,ris]</c>: writes the generated chapters as
/// chapters-&lt;count&gt;.jsonl, .csl.json, .bib and .ris (and, when asked for, endnote: .enw, schemaorg: .schemaorg.json). Each format is written record by record from a fresh, lazily
/// generated sequence, so memory stays flat however many records are asked for.
/// </summary>
internal static class CorpusCommand
{
    /// <summary>The formats <c>corpus</c> writes when <c>--formats</c> is not given (what the peer script reads).</summary>
    public static readonly string[] AllFormats = ["jsonl", "csl", "bibtex", "ris"];

    /// <summary>Every format <c>corpus</c> can write: the default ones, and EndNote and schema.org for the suite.</summary>
    public static readonly string[] KnownFormats = [.. AllFormats, "endnote", "schemaorg"];

    public static int Run(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 0)
        {
            Console.Error.WriteLine("usage: corpus <count> <outdir> [--formats jsonl,csl,bibtex,ris,endnote,schemaorg]");
            return 2;
        }

        var outDir = args[1];
        var formats = AllFormats;
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] == "--formats" && i + 1 < args.Length)
            {
                formats = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
            else
            {
                Console.Error.WriteLine($"unknown argument: {args[i]}");
                return 2;
            }
        }

        Directory.CreateDirectory(outDir);
        foreach (var format in formats)
        {
            if (Array.IndexOf(KnownFormats, format) < 0)
            {
                Console.Error.WriteLine($"unknown format: {format} (known: {string.Join(',', KnownFormats)})");
                return 2;
            }

            var watch = Stopwatch.StartNew();
            var path = Write(format, count, outDir);
            Console.WriteLine($"{path}: {count} records, {new FileInfo(path).Length:N0} bytes, {watch.Elapsed.TotalSeconds:F1} s");
        }

        return 0;
    }

    /// <summary>Writes one format and returns the file's path.</summary>
    public static string Write(string format, int count, string outDir)
    {
        var path = Path.Combine(outDir, FileName(format, count));
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var chapters = CorpusGenerator.Generate(count);
        if (format == "jsonl")
        {
            ScholarlyJson.Write(chapters, stream, new ScholarlyJsonWriteOptions { Layout = ScholarlyJsonLayout.Lines });
            return path;
        }

        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        switch (format)
        {
            case "csl": CslJson.Write(chapters, writer); break;
            case "bibtex": Bibtex.Write(chapters, writer); break;
            case "ris": Ris.Write(chapters, writer); break;
            case "endnote": Endnote.Write(chapters, writer); break;
            case "schemaorg": SchemaOrg.Write(chapters, writer); break;
        }

        return path;
    }

    public static string FileName(string format, int count) => format switch
    {
        "jsonl" => $"chapters-{count}.jsonl",
        "csl" => $"chapters-{count}.csl.json",
        "bibtex" => $"chapters-{count}.bib",
        "ris" => $"chapters-{count}.ris",
        "endnote" => $"chapters-{count}.enw",
        "schemaorg" => $"chapters-{count}.schemaorg.json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };
}
