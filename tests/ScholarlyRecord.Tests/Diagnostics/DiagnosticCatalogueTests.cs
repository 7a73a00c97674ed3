using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using ScholarlyRecord.Validation;
using Xunit;

namespace ScholarlyRecord.Tests.Diagnostics;

/// <summary>
/// The catalogue is the one list of codes: every public <c>*Codes</c> constant is in it once with its area's prefix,
/// docs/diagnostics.md and DiagnosticCodes.txt agree with it, and what the readers report over the real files and the
/// edge cases carries a catalogued code with the catalogued severity.
/// </summary>
public sealed partial class DiagnosticCatalogueTests
{
    // The prefix each area's codes class issues. A new *Codes class must be added here, with its prefix.
    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        ["ScholarlyJsonCodes"] = "JSON",
        ["ValidationCodes"] = "SR",
        ["BibtexCodes"] = "BIB",
        ["RisCodes"] = "RIS",
        ["CslJsonCodes"] = "CSL",
        ["CrossrefCodes"] = "CR",
        ["SchemaOrgCodes"] = "SDO",
        ["EndnoteCodes"] = "ENW",
        ["CitationCodes"] = "CIT",
    };

    [GeneratedRegex("^[A-Z]{2,4}[0-9]{3,4}$")]
    private static partial Regex CodePattern();

    private static IEnumerable<(Type Type, FieldInfo Field, string Code)> Constants() =>
        from type in typeof(Diagnostic).Assembly.GetExportedTypes()
        where type.Name.EndsWith("Codes", StringComparison.Ordinal) && type.IsAbstract && type.IsSealed
        from field in type.GetFields(BindingFlags.Public | BindingFlags.Static)
        where field.IsLiteral && field.FieldType == typeof(string)
        select (type, field, (string)field.GetRawConstantValue()!);

    [Fact]
    public void All_CodesAreUniqueAndMatchThePattern()
    {
        var codes = DiagnosticCatalogue.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches(CodePattern(), code));
        Assert.All(DiagnosticCatalogue.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Code));
    }

    [Fact]
    public void CodesClasses_EveryConstantIsCataloguedOnceWithItsAreaPrefix()
    {
        var constants = Constants().ToList();
        Assert.NotEmpty(constants);
        foreach (var (type, field, code) in constants)
        {
            Assert.True(Prefixes.TryGetValue(type.Name, out var prefix), $"{type.Name} has no prefix in the test's table");
            Assert.Matches(CodePattern(), code);
            Assert.True(code.StartsWith(prefix, StringComparison.Ordinal) && char.IsAsciiDigit(code[prefix.Length]), $"{type.Name}.{field.Name} = {code} lacks the prefix {prefix}");
            var descriptor = DiagnosticCatalogue.Find(code);
            Assert.True(descriptor is { IsRetired: false }, $"{type.Name}.{field.Name} = {code} is not a live catalogue entry");
        }
        // No two constants share a code, and every live catalogue entry has its constant.
        Assert.Equal(constants.Count, constants.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        var constantCodes = constants.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        Assert.All(DiagnosticCatalogue.All.Where(d => !d.IsRetired), d => Assert.Contains(d.Code, constantCodes));
    }

    [Fact]
    public void Find_UnknownCode_IsNull_AndRetiredCodeIsKept()
    {
        Assert.Null(DiagnosticCatalogue.Find("BIB999"));
        Assert.Equal(DiagnosticSeverity.Error, DiagnosticCatalogue.Find("BIB104")!.Severity);
        Assert.True(DiagnosticCatalogue.Find("CLI101")!.IsRetired);
        Assert.Throws<ArgumentNullException>(() => DiagnosticCatalogue.Find(null!));
    }

    [Fact]
    public void DiagnosticCodesTxt_HoldsEveryCatalogueCodeWithItsSeverity()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "diagnostics", "DiagnosticCodes.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .ToList();
        var listed = lines.ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.Equal(lines.Count, listed.Count);
        foreach (var (code, severity) in listed)
        {
            var descriptor = DiagnosticCatalogue.Find(code);
            Assert.True(descriptor is not null, $"{code} is in DiagnosticCodes.txt but not in the catalogue");
            Assert.Equal(Diagnostic.SeverityName(descriptor.Severity), severity);
        }
        Assert.All(DiagnosticCatalogue.All, d => Assert.Contains(d.Code, listed.Keys));
    }

    [Fact]
    public void DiagnosticsMd_IsTheCatalogue()
    {
        var expected = RenderDocs();
        var path = Path.Combine(AppContext.BaseDirectory, "docs", "diagnostics.md");
        if (Environment.GetEnvironmentVariable("SCHOLARLY_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(Path.Combine(SourceRoot(), "docs", "diagnostics.md"), expected, new UTF8Encoding(false));
            return;
        }
        Assert.True(File.Exists(path), "docs/diagnostics.md is missing; run the tests with SCHOLARLY_UPDATE_DOCS=1");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    private static string SourceRoot([CallerFilePath] string file = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    // The page is the catalogue as a table per area, in the catalogue's order; its introduction is fixed text.
    private static string RenderDocs()
    {
        var text = new StringBuilder();
        text.Append("# Diagnostic codes\n\n");
        text.Append("Every code the library has issued, with its one severity and its meaning. Readers, writers, validators and the\n");
        text.Append("`scholarly` tool all report the same `Diagnostic` (code, severity, message, line, column, JSON `Path`, record\n");
        text.Append("number and key). A code is an area prefix and a number (`^[A-Z]{2,4}[0-9]{3,4}$`); it is never reused: a code\n");
        text.Append("that goes is marked retired and stays listed. In the format areas `1xx` is input that cannot be read, `2xx` a\n");
        text.Append("value kept as written or as an extra field, `3xx` information (BibTeX's `3xx` and RIS's `4xx` are their mapping\n");
        text.Append("layers, as before). `SR0xxx` are the JSON schema's, `SR1xxx` the model rules' (examples in\n");
        text.Append("[validation-rules.md](validation-rules.md)).\n\n");
        text.Append("This page is generated from `DiagnosticCatalogue.All` and checked by `DiagnosticCatalogueTests`; after adding a\n");
        text.Append("code, run the tests with `SCHOLARLY_UPDATE_DOCS=1` to rewrite it. The public constants are in the `*Codes`\n");
        text.Append("classes (`BibtexCodes.UnterminatedBlock`, `ValidationCodes.MissingTitle`, ...), and\n");
        text.Append("`src/ScholarlyRecord/Diagnostics/DiagnosticCodes.txt` is the append-only list of every code issued.\n");
        string? area = null;
        foreach (var d in DiagnosticCatalogue.All)
        {
            var prefix = new string(d.Code.TakeWhile(char.IsAsciiLetter).ToArray());
            if (prefix != area)
            {
                area = prefix;
                text.Append("\n## ").Append(prefix).Append("\n\n| code | severity | meaning |\n|---|---|---|\n");
            }
            text.Append("| ").Append(d.Code).Append(" | ").Append(Diagnostic.SeverityName(d.Severity)).Append(" | ")
                .Append(d.IsRetired ? "(retired) " : "").Append(d.Title.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }
        return text.ToString();
    }

    [Fact]
    public void Corpora_EveryReportedDiagnosticIsCataloguedWithItsSeverity()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, diagnostics) in CorpusDiagnostics())
        {
            foreach (var d in diagnostics)
            {
                var descriptor = DiagnosticCatalogue.Find(d.Code);
                Assert.True(descriptor is { IsRetired: false }, $"{file}: {d} has no live catalogue entry");
                Assert.True(descriptor.Severity == d.Severity, $"{file}: {d} should be {descriptor.Severity}");
                seen.Add(d.Code);
            }
        }
        // The corpora reach every area, so the check is not vacuous.
        foreach (var prefix in new[] { "BIB", "RIS", "CSL", "CR", "SR", "JSON" })
        {
            Assert.Contains(seen, c => c.StartsWith(prefix, StringComparison.Ordinal) && char.IsAsciiDigit(c[prefix.Length]));
        }
    }

    private static IEnumerable<(string File, IEnumerable<Diagnostic> Diagnostics)> CorpusDiagnostics()
    {
        var real = Fixtures.TestData("real");
        foreach (var file in Directory.EnumerateFiles(real, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var folder = Path.GetFileName(Path.GetDirectoryName(file))!;
            ReadResult? result = folder switch
            {
                "bibtex" => Bibtex.Read(text),
                "ris" => Ris.Read(text),
                "csl" => CslJson.Read(text),
                "crossref" => Crossref.Read(text),
                _ => null,
            };
            if (result is null) continue;
            yield return (file, result.Diagnostics);
            foreach (var chapter in result.Chapters) yield return (file + " (validated)", ChapterValidator.Validate(chapter).Diagnostics);
        }
        foreach (var edge in EdgeCases.Everything)
        {
            var text = edge.InputText;
            IEnumerable<Diagnostic>? diagnostics = edge.Area switch
            {
                "bibtex" => Bibtex.Read(text).Diagnostics,
                "ris" => Ris.Read(text).Diagnostics,
                "crossref" => Crossref.Read(text).Diagnostics,
                "json" => Json(text),
                _ => null,
            };
            if (diagnostics is not null) yield return (edge.ToString(), diagnostics);
        }

        static IEnumerable<Diagnostic> Json(string text)
        {
            ScholarlyJson.TryRead(text, out _, out var report);
            using var lines = new MemoryStream(Encoding.UTF8.GetBytes(text + "\n{\n"));
            var fromLines = ScholarlyJson.Read(lines, new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines }).Diagnostics;
            return report.Diagnostics.Concat(fromLines);
        }
    }
}
