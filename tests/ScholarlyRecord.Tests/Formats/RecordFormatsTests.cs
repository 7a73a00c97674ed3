using ScholarlyRecord.Validation;
using ScholarlyRecord.Formats;
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
    [InlineData("csljson", "csl-json")]
    [InlineData("csl", "csl-json")]
    [InlineData("CSL-JSON", "csl-json")]
    [InlineData("bib", "bibtex")]
    [InlineData("ndjson", "jsonl")]
    [InlineData("jsonld", "schemaorg")]
    [InlineData("schema.org", "schemaorg")]
    [InlineData("meta", "highwire")]
    [InlineData("endnote", "endnote")]
    [InlineData("enw", "endnote")]
    [InlineData("ENW", "endnote")]
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
    [InlineData("refs.csl.json", "csl-json")]
    [InlineData("chapter.enw", "endnote")]
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
            Assert.Equal("Conclusions", Assert.Single(result.Chapters).Title);
        }
    }

    [Fact]
    public void JsonFormat_BadDocument_IsExplainedByTheSchema()
    {
        var result = ScholarlyJson.Format.Read(new StringReader("{\n  \"title\": 5\n}"));

        Assert.Empty(result.Chapters);
        // The schema explains the failure where it can: "title" is a string.
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((ValidationCodes.WrongType, "/title"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void JsonFormat_SeveralChapters_AreRefusedWithAClearError()
    {
        var chapter = new Chapter { Title = "t" };

        var ex = Assert.Throws<ArgumentException>(() => ScholarlyJson.Format.Write([chapter, chapter]));
        Assert.Contains("jsonl", ex.Message, StringComparison.Ordinal);

        // A streaming write keeps the first chapter and reports the second as left out.
        using var writer = new StringWriter();
        var result = ScholarlyJson.Format.Write([chapter, chapter], writer);
        Assert.Equal(1, result.Written);
        var left = Assert.Single(result.Diagnostics);
        Assert.Equal((ScholarlyJsonCodes.ChapterNotWritten, 2L), (left.Code, left.Record));
        Assert.Equal(ScholarlyJson.Serialize(chapter), writer.ToString());
    }
}
