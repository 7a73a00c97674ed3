using System.Text.Json;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;
using Csl = ScholarlyRecord.Formats.CslJson;

namespace ScholarlyRecord.Tests.Formats.CslJson;

public sealed class CslJsonRealFileTests
{
    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(Fixtures.TestData("real", "csl")).Select(Path.GetFileName).Where(f => !f!.StartsWith("csl-data.schema", StringComparison.Ordinal)).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_RealFile_KeepsEveryItem(string file)
    {
        var text = File.ReadAllText(Fixtures.TestData("real", "csl", file));
        using var document = JsonDocument.Parse(text);
        var items = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
        var chapters = items.Count(i => i.GetProperty("type").GetString() == "chapter");

        var result = Csl.Read(text);
        Assert.Equal(chapters, result.Chapters.Count);
        Assert.Equal(items.Count - chapters, result.Diagnostics.Count(d => d.Code == CslJsonCodes.NotAChapter && d.Severity == DiagnosticSeverity.Info));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        // Our output of what we read validates and reads back to the same chapters.
        var written = Csl.Write(result.Chapters);
        CslJsonTests.AssertValidCsl(written);
        var again = Csl.Read(written).Chapters;
        Assert.Equal(result.Chapters.Count, again.Count);
        for (var i = 0; i < again.Count; i++)
        {
            Assert.Equal(result.Chapters[i] with { ExtraFields = [] }, again[i] with { ExtraFields = [] });
            Assert.Equal(result.Chapters[i].ExtraFields.OrderBy(e => e.Name, StringComparer.Ordinal), again[i].ExtraFields.OrderBy(e => e.Name, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Read_BetterCslExtraVariables_MapsFieldByField()
    {
        var result = Csl.Read(File.ReadAllText(Fixtures.TestData("real", "csl", "bbt-Better_CSL_does_not_extract_extra_variables_2963.csl.json")));
        Assert.Empty(result.Diagnostics);
        var c = Assert.Single(result.Chapters);
        Assert.Equal("Process tracing: from philosophical roots to best practices", c.Title);
        Assert.Null(c.Subtitle);
        Assert.Equal(["Bennett", "Checkel"], c.Contributors.Select(p => p.Name.Family));
        Assert.All(c.Contributors, p => Assert.Equal(ContributorRole.Author, p.Role));
        Assert.Equal("Process tracing: from metaphor to analytic tool", c.Book!.Title);
        Assert.Equal("Strategies for social inquiry", c.Book.Series!.Title);
        Assert.Equal(new Publisher { Name = "Cambridge University Press", Location = "Cambridge ; New York" }, c.Book.Publisher);
        Assert.Equal([Isbn.Parse("978-1-107-04452-4"), Isbn.Parse("978-1-107-68637-3")], c.Book.Isbns.Select(i => i.Value));
        Assert.Equal(new PartialDate(2015), c.PublicationDate);
        Assert.Equal("en", c.Language);
        Assert.Equal("my-note: 0001903\nGSCC: 0021819", Assert.Single(c.Notes).Text);
        Assert.Contains(new ExtraField { Name = "csl:GSCC", Value = "\"0021819\"" }, c.ExtraFields);
        Assert.Contains(new ExtraField { Name = "csl:citation-key", Value = "\"Bennett.Checkel_2015\"" }, c.ExtraFields);
        Assert.Contains(new ExtraField { Name = "csl:call-number", Value = "\"JA71 .P756 2015\"" }, c.ExtraFields);
        Assert.Contains(new ExtraField { Name = "csl:source", Value = "\"Library of Congress ISBN\"" }, c.ExtraFields);
        Assert.NotEmpty(c.Abstract);
    }
}
