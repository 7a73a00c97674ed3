using System.Text;

namespace ScholarlyRecord.Cli.Tests.Support;

/// <summary>The fixture and the real-world files, as copied next to the test binaries.</summary>
public static class TestFiles
{
    /// <summary>The Haslam chapter in the library's JSON.</summary>
    public static string Haslam => Path.Combine(AppContext.BaseDirectory, "fixtures", "haslam-1992-conclusions.json");

    /// <summary>The folder of real files, one subfolder per format.</summary>
    public static string Real(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", "real", .. parts]);

    /// <summary>Every real file the formats can read, as paths relative to <see cref="Real"/>, in ordinal order.</summary>
    public static IEnumerable<string> RealFiles() =>
        from folder in new[] { "bibtex", "ris", "csl", "crossref" }
        from file in Directory.EnumerateFiles(Real(folder)).Order(StringComparer.Ordinal)
        select Path.Join(folder, Path.GetFileName(file));

    /// <summary>The format the real files of a folder are read as.</summary>
    public static string FormatOfFolder(string folder) => folder switch
    {
        "bibtex" => "bibtex",
        "ris" => "ris",
        "csl" => "csljson",
        "crossref" => "crossref",
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, null),
    };

    /// <summary>The line the Springer page prints under "Cite this chapter", read from the page the fixture comes from.</summary>
    public static string PageCiteLine()
    {
        var lines = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "springer-chapter-page.txt"), Encoding.UTF8).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r') != "Cite this chapter") continue;
            for (var j = i + 1; j < lines.Length; j++)
            {
                if (lines[j].Trim().Length > 0) return lines[j].TrimEnd('\r');
            }
        }
        throw new InvalidOperationException("The fixture page has no 'Cite this chapter' line.");
    }

    /// <summary>A fresh folder under the system's temporary folder, deleted when disposed.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scholarly-cli-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name, string content)
        {
            var path = System.IO.Path.Combine(Path, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
            return path;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
