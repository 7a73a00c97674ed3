using ScholarlyRecord.Formats;
using ScholarlyRecord.Json;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

public class RecordFormatsTests
{
    [Theory]
    [InlineData("json", "json")]
    [InlineData("JSONL", "jsonl")]
    [InlineData("bibtex", "bibtex")]
    [InlineData("biblatex", "biblatex")]
    [InlineData("ris", "ris")]
    [InlineData("endnote", "endnote")]
    [InlineData("enw", "endnote")]
    [InlineData("ENW", "endnote")]
    [InlineData("csljson", "csljson")]
    [InlineData("schemaorg", "schemaorg")]
    [InlineData("crossref", "crossref")]
    public void FindByName_KnownName_FindsTheFormat(string name, string expected)
    {
        Assert.Equal(expected, RecordFormats.FindByName(name)?.Name);
    }

    [Fact]
    public void FindByName_UnknownName_IsNull()
    {
        Assert.Null(RecordFormats.FindByName("marcxml"));
    }

    [Theory]
    [InlineData("library.bib", "bibtex")]
    [InlineData("/data/Export.RIS", "ris")]
    [InlineData("chapter.enw", "endnote")]
    [InlineData("refs.csl.json", "csljson")]
    [InlineData("refs.json", "json")]
    [InlineData("dump.jsonl", "jsonl")]
    [InlineData("page.jsonld", "schemaorg")]
    [InlineData("x.biblatex", "biblatex")]
    public void FindByPath_Extension_ChoosesTheLongestMatch(string path, string expected)
    {
        Assert.Equal(expected, RecordFormats.FindByPath(path)?.Name);
    }

    [Fact]
    public void FindByPath_UnknownExtension_IsNull()
    {
        Assert.Null(RecordFormats.FindByPath("notes.txt"));
    }

    [Fact]
    public void All_NamesAreUniqueAndLowerCase_ExtensionsStartWithADot()
    {
        Assert.Equal(RecordFormats.All.Count, RecordFormats.All.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(RecordFormats.All, f => Assert.Equal(f.Name.ToLowerInvariant(), f.Name));
        Assert.All(RecordFormats.All.SelectMany(f => f.FileExtensions), e => Assert.StartsWith(".", e, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryWritableFormat_RoundTripsTheFixtureTitleThroughTheInterface()
    {
        var chapter = ScholarlyJson.Deserialize(Fixtures.HaslamJson);
        foreach (var format in RecordFormats.All.Where(f => f.CanRead && f.CanWrite))
        {
            using var writer = new StringWriter();
            format.Write([chapter], writer);
            var result = format.Read(new StringReader(writer.ToString()));
            Assert.True(result.IsSuccess, format.Name + ": " + string.Join("; ", result.Diagnostics));
            Assert.Equal("Conclusions", Assert.Single(result.Records).Title);
        }
    }

    [Fact]
    public void JsonFormat_BadDocument_GivesADiagnosticWithItsPlace()
    {
        var result = ScholarlyJson.Format.Read(new StringReader("{\n  \"title\": 5\n}"));

        Assert.Empty(result.Records);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((ScholarlyJson.InvalidDocumentCode, 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void JsonFormat_SeveralChapters_AreRefusedWithAClearError()
    {
        var chapter = new Chapter { Title = "t" };

        var ex = Assert.Throws<ArgumentException>(() => ScholarlyJson.Format.Write([chapter, chapter], new StringWriter()));

        Assert.Contains("jsonl", ex.Message, StringComparison.Ordinal);
    }
}
