using System.Text;
using System.Text.Json;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Json;

namespace ScholarlyRecord.Cli.Tests.Support;

/// <summary>What the library itself gives, to hold the command's output against: the CLI must add nothing and lose nothing.</summary>
public static class Library
{
    public static IRecordFormat Format(string name) => RecordFormats.FindByName(name) ?? throw new ArgumentException(name);

    public static Chapter Haslam => ScholarlyJson.Deserialize(File.ReadAllText(TestFiles.Haslam, Encoding.UTF8));

    public static ReadResult Read(string format, string text) => Format(format).Read(new StringReader(text));

    /// <summary>
    /// Reads a file with the library's streaming reader where the format has one (JSON Lines, BibTeX, RIS, CSL-JSON), as
    /// the command does; the order can differ from <see cref="Read"/> (a BibTeX entry whose crossref parent comes later
    /// is given when the parent arrives).
    /// </summary>
    public static async Task<ReadResult> ReadStreamingAsync(string format, string path)
    {
        await using var stream = File.OpenRead(path);
        var diagnostics = new List<Diagnostic>();
        var chapters = format switch
        {
            "jsonl" => ScholarlyJson.ReadLinesAsync(stream, diagnostics.Add),
            "bibtex" or "biblatex" => Bibtex.ReadAsync(stream, diagnostics.Add),
            "ris" => Ris.ReadAsync(stream, diagnostics.Add),
            "csljson" => CslJson.ReadAsync(stream, diagnostics.Add),
            _ => null,
        };
        if (chapters is null) return Read(format, File.ReadAllText(path, Encoding.UTF8));
        var records = new List<Chapter>();
        await foreach (var chapter in chapters) records.Add(chapter);
        return new ReadResult(records, diagnostics);
    }

    public static string Write(string format, IEnumerable<Chapter> chapters)
    {
        if (format == "jsonl")
        {
            using var bytes = new MemoryStream();
            ScholarlyJson.WriteLines(bytes, chapters);
            return Encoding.UTF8.GetString(bytes.ToArray());
        }
        using var writer = new StringWriter { NewLine = Environment.NewLine };
        Format(format).Write(chapters, writer);
        return writer.ToString();
    }

    /// <summary>True when the library's JSON can carry the chapter (it refuses what its schema refuses, such as an empty title).</summary>
    public static bool JsonCanCarry(Chapter chapter)
    {
        try
        {
            ScholarlyJson.SerializeToUtf8Bytes(chapter);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The readable formats the library can also write, so that any chapter can be given to the command in them.</summary>
    public static string[] ReadableAndWritable => [.. RecordFormats.All.Where(f => f.CanRead && f.CanWrite).Select(f => f.Name)];

    /// <summary>The writable formats.</summary>
    public static string[] Writable => [.. RecordFormats.All.Where(f => f.CanWrite).Select(f => f.Name)];
}
