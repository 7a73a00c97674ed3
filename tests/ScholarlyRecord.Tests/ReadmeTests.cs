using System.Text.RegularExpressions;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using ScholarlyRecord.Validation;
using Xunit;

namespace ScholarlyRecord.Tests;

/// <summary>
/// The README's C# examples, run as tests: every statement of every <c>csharp</c> block in README.md must appear
/// verbatim in this file (the block's comments state the values the tests below assert), so a stale README fails.
/// </summary>
public partial class ReadmeTests
{
    private const string ReadmeFixturePath = "samples/fixtures/haslam-1992-conclusions.json";

    [Fact]
    public void Tour_RunsAsWritten()
    {
        Chapter chapter = ScholarlyJson.Deserialize(File.ReadAllText(FixturePath()));

        Assert.Equal("Conclusions", chapter.Title);
        Assert.Equal("10.1007/978-1-349-05679-8_7", chapter.Doi.ToString());
        Assert.Equal("SSHS", chapter.Book!.Series!.Abbreviation);
        Assert.Equal("Haslam", chapter.Contributors[0].Name.Family);

        var doi = Doi.Parse("https://doi.org/10.1007/978-1-349-05679-8_7");
        var isbn = Isbn.Parse("978-1-349-05679-8");
        bool ok = Isbn.TryParse("978-1-349-05679-7", out _);
        Assert.Equal("10.1007/978-1-349-05679-8_7", doi.ToString());
        Assert.Equal("9781349056798", isbn.ToString());
        Assert.False(ok);
        Assert.Throws<FormatException>(() => Isbn.Parse("978-1-349-05679-7"));

        var renamed = chapter with { Title = "Conclusion" };
        Assert.False(renamed == chapter);

        string json = ScholarlyJson.Serialize(chapter);
        Assert.Equal(File.ReadAllText(FixturePath()), json);
    }

    [Fact]
    public void Readme_EveryCSharpStatement_IsExercisedHere()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "readme", "README.md"));
        var source = Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "readme", "ReadmeTests.cs.txt")));
        var blocks = CSharpBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(blocks);

        var missing = new List<string>();
        foreach (var line in blocks.SelectMany(b => b.Split('\n')))
        {
            var statement = StripComment(line).Trim();
            if (statement.Length == 0 || statement.StartsWith("using ", StringComparison.Ordinal) || statement is "{" or "}") continue;
            statement = statement.Replace($"\"{ReadmeFixturePath}\"", "FixturePath()", StringComparison.Ordinal)
                .Replace("\"library.bib\"", "LibraryBib()", StringComparison.Ordinal);
            // "Console.WriteLine(expr); // value" in the README: the test asserts expr against the value.
            if (statement.StartsWith("Console.WriteLine(", StringComparison.Ordinal) && statement.EndsWith(");", StringComparison.Ordinal))
            {
                statement = statement["Console.WriteLine(".Length..^2];
            }
            if (!source.Contains(Normalize(statement), StringComparison.Ordinal)) missing.Add(statement);
        }

        Assert.True(missing.Count == 0, "README statements not exercised by ReadmeTests:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void CitationStyles_RunAsWritten()
    {
        Chapter chapter = ScholarlyJson.Deserialize(File.ReadAllText(FixturePath()));
        string csljson = CslJson.Write(chapter);

        string entry = Citation.Format(chapter, CitationStyles.FindByName("apa")!);
        string ieeeHtml = Citation.Format(chapter, CitationStyle.FromCsl(CslStyle.Embedded("ieee"), "de-DE"), CitationOutput.Html);
        var apa = CslStyle.Embedded("apa");
        IReadOnlyList<string> entries = CslProcessor.FormatBibliography([chapter], apa);
        var processor = new CslProcessor(CslStyle.Embedded("chicago-author-date"), "de-DE");
        CslDocument document = processor.CreateDocument(CslJsonDocument.Parse(csljson).Items);
        string html = document.Bibliography(CitationOutput.Html);
        string cite = document.Cite(new CslCitation([new CslCite(document.Items[0].Id!) { Locator = "12" }]), CitationOutput.Text);

        Assert.StartsWith("Haslam, J. (1992). Conclusions. In ", entry, StringComparison.Ordinal);
        Assert.Equal(entries[0].Trim(), entry);
        Assert.Contains("[1]", ieeeHtml, StringComparison.Ordinal);
        Assert.Contains("<i>The Soviet Union and the Threat from the East", ieeeHtml, StringComparison.Ordinal);
        Assert.StartsWith("<div class=\"csl-bib-body\">", html, StringComparison.Ordinal);
        Assert.Contains("Haslam", html, StringComparison.Ordinal);
        Assert.Equal("(Haslam 1992, 12)", cite);
    }

    [Fact]
    public async Task JsonLines_RunAsWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var expected = new[] { ScholarlyJson.Deserialize(File.ReadAllText(FixturePath())), new Chapter { Title = "Second" } };
        var chapters = expected.ToAsyncEnumerable();
        using var output = new MemoryStream();
        var read = new List<Chapter>();

        await ScholarlyJson.WriteAsync(chapters, output, new ScholarlyJsonWriteOptions { Layout = ScholarlyJsonLayout.Lines }, ct);
        using var stream = new MemoryStream(output.ToArray());
        var lines = new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines };
        await foreach (var record in ScholarlyJson.ReadRecordsAsync(stream, lines, ct))
        {
            foreach (var d in record.Diagnostics) Console.Error.WriteLine(d);
            if (record.Chapter is { } c) read.Add(c);
        }

        Assert.Equal(expected, read);
    }

    [Fact]
    public void Formats_RunAsWritten()
    {
        ReadResult result = Bibtex.Read(File.ReadAllText(LibraryBib()));
        foreach (var diagnostic in result.Diagnostics) Console.Error.WriteLine(diagnostic);
        string ris = Ris.Write(result.Chapters);
        string biblatex = Bibtex.Write(result.Chapters, new BibtexWriteOptions { Dialect = BibtexDialect.Biblatex });

        Assert.NotEmpty(result.Chapters);
        Assert.Equal(result.Chapters.Count, Ris.Read(ris).Chapters.Count);
        Assert.Equal(result.Chapters.Count, Bibtex.Read(biblatex).Chapters.Count);
    }

    [Fact]
    public void Validation_RunsAsWritten()
    {
        string badJson = File.ReadAllText(FixturePath()).Replace("9781349056798", "9781349056797");
        var seen = false;
        if (!ScholarlyJson.TryRead(badJson, out var chapter, out var report))
        {
            seen = true;
            Assert.Null(chapter);
            Assert.Equal("/book/isbns/0/value", report.Diagnostics[0].Path);
            Assert.Equal("SR0021", report.Diagnostics[0].Code);
        }
        var modelReport = ChapterValidator.Validate(ScholarlyJson.Deserialize(File.ReadAllText(FixturePath())));

        Assert.True(seen);
        Assert.True(modelReport.IsValid);
    }

    private static string LibraryBib() => Fixtures.TestData("real", "bibtex", "biblatex-examples.bib");

    private static string FixturePath() => Path.Combine(Fixtures.Folder, "haslam-1992-conclusions.json");

    private static string StripComment(string line)
    {
        var inString = false;
        for (var i = 0; i < line.Length - 1; i++)
        {
            if (line[i] == '"' && (i == 0 || line[i - 1] != '\\')) inString = !inString;
            if (!inString && line[i] == '/' && line[i + 1] == '/') return line[..i];
        }
        return line;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
