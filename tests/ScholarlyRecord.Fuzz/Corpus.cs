using System.Text;
using System.Text.Json;

namespace ScholarlyRecord.Fuzz;

/// <summary>
/// Where each target's seeds come from: the real files the test project already holds (TestData/real, copies of
/// ../shared/fixtures/real, see its SOURCES.md), the edge catalogue's inputs (TestData/edge-cases/cases.jsonl) by area,
/// the sample fixture, and a few hand-made seeds under tests/ScholarlyRecord.Fuzz/seeds/&lt;target&gt;. No library calls
/// here (those are in Targets.cs), so the test project compiles this file too and replays the same corpus.
/// </summary>
internal static class Corpus
{
    /// <summary>The folders the corpus is read from: the repository's, or their copies in the test project's output.</summary>
    /// <param name="TestData">The test project's TestData (real/, edge-cases/, fuzz-regressions/).</param>
    /// <param name="Fixtures">samples/fixtures.</param>
    /// <param name="OwnSeeds">tests/ScholarlyRecord.Fuzz/seeds.</param>
    /// <param name="CslData">The embedded CSL styles and locales (src/ScholarlyRecord/Citations/Csl/Data): folders named
    /// <c>csl-data/...</c> in <see cref="Sources"/> are read from here.</param>
    internal sealed record Layout(string TestData, string Fixtures, string OwnSeeds, string CslData)
    {
        /// <summary>The folders in a checkout of the repository at <paramref name="root"/>.</summary>
        public static Layout InRepository(string root) => new(
            Path.Combine(root, "tests", "ScholarlyRecord.Tests", "TestData"),
            Path.Combine(root, "samples", "fixtures"),
            Path.Combine(root, "tests", "ScholarlyRecord.Fuzz", "seeds"),
            Path.Combine(root, "src", "ScholarlyRecord", "Citations", "Csl", "Data"));
    }

    /// <summary>The target names, in the order of <see cref="Sources"/>.</summary>
    public static IEnumerable<string> TargetNames => Sources.Keys;

    /// <summary>Per target: the folders of real files, the edge-catalogue areas, and the samples/fixtures files.</summary>
    private static readonly Dictionary<string, (string[] Folders, string[] Areas, string[] Fixtures)> Sources = new(StringComparer.Ordinal)
    {
        ["json-strict"] = ([], ["json", "dates", "text"], ["haslam-1992-conclusions.json"]),
        ["json-lenient"] = ([], ["json", "dates", "text"], ["haslam-1992-conclusions.json"]),
        ["json-lines"] = ([], ["json"], ["haslam-1992-conclusions.json"]),
        ["schema"] = ([], ["json", "dates"], ["haslam-1992-conclusions.json"]),
        ["csljson"] = (["real/csl"], ["json", "names", "dates"], []),
        ["bibtex-document"] = (["real/bibtex"], ["bibtex", "names", "text"], []),
        ["bibtex"] = (["real/bibtex"], ["bibtex", "names", "text"], []),
        ["ris"] = (["real/ris"], ["ris", "dates", "pages"], []),
        ["endnote"] = (["real/endnote"], ["ris", "names", "dates", "pages"], []),
        ["csl-style"] = (["csl-data/styles"], [], []),
        ["csl-locale"] = (["csl-data/locales"], [], []),
        ["csl-items"] = (["real/csl"], ["json", "names", "dates"], []),
        ["crossref"] = (["real/crossref"], ["crossref", "text", "xml"], []),
        ["schemaorg"] = ([], ["landing", "json"], ["springer-chapter-page.txt"]),
        ["identifiers"] = ([], ["doi", "isbn10", "isbn13", "issn", "orcid", "pages", "dates", "names"], []),
    };

    // The identifier target's first byte picks the type (see Targets.Identifiers).
    private static readonly Dictionary<string, byte> IdentifierSelector = new(StringComparer.Ordinal)
    {
        ["doi"] = 0, ["isbn10"] = 1, ["isbn13"] = 1, ["issn"] = 2, ["orcid"] = 3, ["pages"] = 4, ["dates"] = 5, ["names"] = 7,
    };

    /// <summary>The seed inputs of a target, by a short name, read from the repository at <paramref name="root"/>.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Seeds(string target, Layout layout)
    {
        var (folders, areas, fixtures) = Sources[target];
        foreach (var folder in folders)
        {
            const string CslDataPrefix = "csl-data/";
            var path = folder.StartsWith(CslDataPrefix, StringComparison.Ordinal)
                ? Path.Combine(layout.CslData, folder[CslDataPrefix.Length..])
                : Path.Combine(layout.TestData, folder);
            foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".md", StringComparison.Ordinal)) continue;
                // afl-fuzz refuses seeds over 1 MB; the real files are far smaller.
                yield return (Path.GetFileName(file), File.ReadAllBytes(file));
            }
        }
        var index = 0;
        foreach (var line in File.ReadLines(Path.Combine(layout.TestData, "edge-cases", "cases.jsonl")))
        {
            index++;
            using var doc = JsonDocument.Parse(line);
            var area = doc.RootElement.GetProperty("area").GetString()!;
            if (!areas.Contains(area) || doc.RootElement.GetProperty("input").ValueKind != JsonValueKind.String) continue;
            var input = Encoding.UTF8.GetBytes(doc.RootElement.GetProperty("input").GetString()!);
            if (target == "identifiers") input = [IdentifierSelector[area], .. input];
            yield return ($"edge-{index:D3}-{area}", input);
        }
        foreach (var fixture in fixtures)
        {
            yield return (fixture, File.ReadAllBytes(Path.Combine(layout.Fixtures, fixture)));
        }
        var own = Path.Combine(layout.OwnSeeds, target);
        if (Directory.Exists(own))
        {
            foreach (var file in Directory.EnumerateFiles(own).Order(StringComparer.Ordinal)) yield return ("own-" + Path.GetFileName(file), File.ReadAllBytes(file));
        }
    }

    /// <summary>The regression inputs of a target (minimized findings), under the test project's TestData.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Regressions(string target, Layout layout)
    {
        var folder = Path.Combine(layout.TestData, "fuzz-regressions", target);
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".md", StringComparison.Ordinal)) continue;
            yield return (Path.GetFileName(file), File.ReadAllBytes(file));
        }
    }

    /// <summary>Writes the target's seeds as files into <paramref name="folder"/>; returns how many.</summary>
    public static int WriteSeeds(string target, string folder, string root)
    {
        var layout = Layout.InRepository(root);
        Directory.CreateDirectory(folder);
        var count = 0;
        foreach (var (name, bytes) in Seeds(target, layout).Concat(Regressions(target, layout)))
        {
            if (bytes.Length > 1_000_000) continue;
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
            count++;
        }
        return count;
    }
}
