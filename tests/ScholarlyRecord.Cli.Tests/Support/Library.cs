using System.Text;
using System.Text.Json;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Cli.Tests.Support;

/// <summary>What the library itself gives, to hold the command's output against: the CLI must add nothing and lose nothing.</summary>
public static class Library
{
    public static RecordFormat Format(string name) => RecordFormats.FindByName(name) ?? throw new ArgumentException(name);

    public static Chapter Haslam => ScholarlyJson.Deserialize(File.ReadAllText(TestFiles.Haslam, Encoding.UTF8));

    public static ReadResult Read(string format, string text) => Format(format).Read(new StringReader(text));

    /// <summary>
    /// Reads a file with the library's asynchronous streaming reader, as the command does, keeping the order the records
    /// come in (a BibTeX chapter whose crossref parent comes later is given when the parent arrives).
    /// </summary>
    public static async Task<ReadResult> ReadStreamingAsync(string format, string path)
    {
        await using var stream = File.OpenRead(path);
        var chapters = new List<Chapter>();
        var diagnostics = new List<Diagnostic>();
        await foreach (var record in Format(format).ReadRecordsAsync(stream))
        {
            diagnostics.AddRange(record.Diagnostics);
            if (record.Chapter is { } chapter) chapters.Add(chapter);
        }
        return new ReadResult(chapters, diagnostics);
    }

    /// <summary>Writes with the library's writer; a chapter the format cannot carry is left out, as the command does.</summary>
    public static string Write(string format, IEnumerable<Chapter> chapters)
    {
        using var bytes = new MemoryStream();
        Format(format).Write(chapters, bytes);
        return Encoding.UTF8.GetString(bytes.ToArray());
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
