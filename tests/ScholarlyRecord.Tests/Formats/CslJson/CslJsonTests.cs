using System.Text;
using System.Text.Json;
using CsCheck;
using Json.Schema;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;
using Csl = ScholarlyRecord.Formats.CslJson;

namespace ScholarlyRecord.Tests.Formats.CslJson;

public sealed class CslJsonTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Fixtures.TestData("real", "csl", "csl-data.schema.v1.0.2-master.json"))));

    internal static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson)!;

    internal static void AssertValidCsl(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value));
        Assert.True(result.IsValid, "CSL output is not schema-valid:\n" + string.Join("\n", errors) + "\n" + json);
    }

    [Fact]
    public void Write_Fixture_MatchesExpectedVariables()
    {
        var json = Csl.Write(Haslam);
        var item = JsonDocument.Parse(json).RootElement[0];
        Assert.Equal("haslam1992conclusions", item.GetProperty("id").GetString());
        Assert.Equal("chapter", item.GetProperty("type").GetString());
        Assert.Equal("Conclusions", item.GetProperty("title").GetString());
        Assert.Equal("Haslam", item.GetProperty("author")[0].GetProperty("family").GetString());
        Assert.Equal("The Soviet Union and the Threat from the East, 1933–41", item.GetProperty("container-title").GetString());
        Assert.Equal("Studies in Soviet History and Society", item.GetProperty("collection-title").GetString());
        Assert.Equal("Palgrave Macmillan", item.GetProperty("publisher").GetString());
        Assert.Equal("London", item.GetProperty("publisher-place").GetString());
        Assert.Equal("9781349056798", item.GetProperty("ISBN").GetString());
        Assert.Equal("10.1007/978-1-349-05679-8_7", item.GetProperty("DOI").GetString());
        Assert.Equal("7", item.GetProperty("chapter-number").GetString());
        Assert.Equal(1992, item.GetProperty("issued").GetProperty("date-parts")[0][0].GetInt32());
        Assert.Equal("Tax calculation will be finalised at checkout", item.GetProperty("custom").GetProperty("springer:checkoutNote").GetString());
        AssertValidCsl(json);
    }

    [Fact]
    public void RoundTrip_Fixture_EqualsProjection()
    {
        var result = Csl.Read(Csl.Write(Haslam));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(CslJsonProjection.Project(Haslam), Assert.Single(result.Chapters));
    }

    [Fact]
    public void RoundTrip_GeneratedChapters_EqualProjectionAndValidate()
    {
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var json = Csl.Write(chapter);
            AssertValidCsl(json);
            var result = Csl.Read(json);
            Assert.Empty(result.Diagnostics);
            Assert.Equal(CslJsonProjection.Project(chapter), Assert.Single(result.Chapters));
        }, iter: 300);
    }

    [Fact]
    public void Write_SameIdTwice_MakesIdsUnique()
    {
        var json = Csl.Write([Haslam, Haslam, Haslam]);
        var ids = JsonDocument.Parse(json).RootElement.EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToArray();
        Assert.Equal(["haslam1992conclusions", "haslam1992conclusionsa", "haslam1992conclusionsb"], ids);
    }

    [Fact]
    public void Write_Subtitle_JoinedInTitleAndSplitBackOnlyByCustomSubtitle()
    {
        var chapter = new Chapter { Title = "Conclusions: Part One", Subtitle = "The East" };
        var json = Csl.Write(chapter);
        var item = JsonDocument.Parse(json).RootElement[0];
        Assert.Equal("Conclusions: Part One: The East", item.GetProperty("title").GetString());
        var back = Assert.Single(Csl.Read(json).Chapters);
        Assert.Equal("Conclusions: Part One", back.Title);
        Assert.Equal("The East", back.Subtitle);

        var noCustom = Assert.Single(Csl.Read("""{"type":"chapter","id":"a","title":"Conclusions: Part One"}""").Chapters);
        Assert.Equal("Conclusions: Part One", noCustom.Title);
        Assert.Null(noCustom.Subtitle);
    }

    [Fact]
    public void Read_SingleObject_ReadsAllMappedVariables()
    {
        const string json = """
            {"id": "x", "type": "chapter", "title": "T", "author": [{"given": "Ludwig", "family": "Beethoven", "dropping-particle": "van", "suffix": "Jr."}, {"literal": "WHO"}],
             "editor": [{"family": "Ed"}], "container-author": [{"family": "CA"}], "collection-editor": [{"family": "SE"}], "translator": [{"family": "Tr"}],
             "issued": {"date-parts": [["1998", 4, "1"]]}, "container-title": "Book", "collection-title": "Series", "collection-number": 12,
             "publisher": "P", "publisher-place": "L", "page": "10-20", "DOI": "10.1000/ABC", "ISBN": "9781349056798 0-306-40615-2; bad",
             "ISSN": "0378-5955", "URL": "http://u", "abstract": "One.\n\nTwo.", "note": "N", "language": "en", "keyword": "a, b; c",
             "chapter-number": 3, "edition": "2", "accessed": {"date-parts": [[2020, 1, 1]]}, "GSCC": "x1", "citation-key": "k"}
            """;
        var result = Csl.Read(json);
        var c = Assert.Single(result.Chapters);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((CslJsonCodes.InvalidIsbn, 4), (d.Code, d.Line));
        Assert.Equal("T", c.Title);
        Assert.Equal(new PersonName { Given = "Ludwig", Family = "Beethoven", Particle = "van", Suffix = "Jr." }, c.Contributors[0].Name);
        Assert.Equal("WHO", c.Contributors[1].Name.Literal);
        Assert.Equal(ContributorRole.Translator, c.Contributors[2].Role);
        Assert.Equal(["CA", "Ed", "SE"], c.Book!.Contributors.Select(p => p.Name.Family));
        Assert.Equal([ContributorRole.Author, ContributorRole.Editor, ContributorRole.SeriesEditor], c.Book.Contributors.Select(p => p.Role));
        Assert.Equal(new PartialDate(1998, 4, 1), c.PublicationDate);
        Assert.Equal("Book", c.Book.Title);
        Assert.Equal(("Series", "12"), (c.Book.Series!.Title, c.Book.Series.Volume));
        Assert.Equal(Issn.Parse("0378-5955"), Assert.Single(c.Book.Series.Issns).Value);
        Assert.Equal(new Publisher { Name = "P", Location = "L" }, c.Book.Publisher);
        Assert.Equal(new PageRange { First = "10", Last = "20" }, c.Pages);
        Assert.Equal(Doi.Parse("10.1000/abc"), c.Doi);
        Assert.Equal([Isbn.Parse("9781349056798"), Isbn.Parse("0-306-40615-2")], c.Book.Isbns.Select(i => i.Value));
        Assert.Equal("http://u", c.Url);
        Assert.Equal(["One.", "Two."], c.Abstract);
        Assert.Equal("N", Assert.Single(c.Notes).Text);
        Assert.Equal("en", c.Language);
        Assert.Equal(["a", "b", "c"], c.Keywords);
        Assert.Equal("3", c.Number);
        Assert.Equal("2", c.Book.Edition);
        Assert.Contains(new ExtraField { Name = "csl:GSCC", Value = "\"x1\"" }, c.ExtraFields);
        Assert.Contains(new ExtraField { Name = "csl:citation-key", Value = "\"k\"" }, c.ExtraFields);
        Assert.Contains(new ExtraField { Name = "csl:accessed", Value = """{"date-parts": [[2020, 1, 1]]}""" }, c.ExtraFields);
        Assert.Contains(c.ExtraFields, e => e.Name == "csl:ISBN");
    }

    [Fact]
    public void Read_UnknownVariables_WrittenBackVerbatimAndValid()
    {
        const string json = """[{"id":"x","type":"chapter","title":"T","GSCC":"x1","citation-key":"k","volume":2,"custom":{"a":[1,2]},"accessed":{"date-parts":[[2020,1,1]]}}]""";
        var chapter = Assert.Single(Csl.Read(json).Chapters);
        var written = Csl.Write(chapter);
        AssertValidCsl(written);
        var item = JsonDocument.Parse(written).RootElement[0];
        Assert.Equal("k", item.GetProperty("citation-key").GetString());
        Assert.Equal(2, item.GetProperty("volume").GetInt32());
        Assert.Equal(2020, item.GetProperty("accessed").GetProperty("date-parts")[0][0].GetInt32());
        Assert.Equal("[1,2]", item.GetProperty("custom").GetProperty("a").GetRawText());
        Assert.Equal("\"x1\"", item.GetProperty("custom").GetProperty("csl:GSCC").GetString());
        // Variables that move into custom come after the top-level ones; after that first trip the order is stable.
        var again = Assert.Single(Csl.Read(written).Chapters);
        Assert.Equal(chapter.ExtraFields.OrderBy(e => e.Name, StringComparer.Ordinal), again.ExtraFields.OrderBy(e => e.Name, StringComparer.Ordinal));
        Assert.Equal(again, Assert.Single(Csl.Read(Csl.Write(again)).Chapters));
    }

    [Fact]
    public void Read_NonChapterItems_SkippedWithInfoAtTheirLine()
    {
        const string json = "[\n  {\"id\": \"b\", \"type\": \"book\", \"title\": \"B\"},\n  {\"id\": \"c\", \"type\": \"chapter\", \"title\": \"C\"}\n]";
        var result = Csl.Read(json);
        Assert.Equal("C", Assert.Single(result.Chapters).Title);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Info, CslJsonCodes.NotAChapter, 2, 3), (d.Severity, d.Code, d.Line, d.Column));
    }

    [Theory]
    [InlineData("[{\"type\":\"chapter\",\"title\":\"A\"},\n{\"type\":\"chapter\",\"title\":\"B\"", 1, CslJsonCodes.MalformedJson, 2, 30)]
    [InlineData("[{\"type\":\"chapter\",\"title\":\"A\"},\n {\"type\":\"chapter\" \"title\":\"B\"}]", 1, CslJsonCodes.MalformedJson, 2, 20)]
    [InlineData("\"just a string\"", 0, CslJsonCodes.InvalidRoot, 1, 1)]
    [InlineData("42", 0, CslJsonCodes.InvalidRoot, 1, 1)]
    [InlineData("", 0, CslJsonCodes.InvalidRoot, 1, 1)]
    [InlineData("[1, {\"type\":\"chapter\",\"title\":\"A\"}]", 1, CslJsonCodes.ItemNotAnObject, 1, 2)]
    [InlineData("[{\"type\":\"chapter\"}]", 0, CslJsonCodes.MissingTitle, 1, 2)]
    [InlineData("[{\"type\":\"chapter\",\n\"title\": 5}]", 0, CslJsonCodes.MissingTitle, 2, 1)]
    public void Read_BadInput_ReportsCodeAndPosition(string json, int chapters, string code, int line, int column)
    {
        var result = Csl.Read(json);
        Assert.Equal(chapters, result.Chapters.Count);
        var d = result.Diagnostics[^1];
        Assert.Equal((code, line, column), (d.Code, d.Line, d.Column));
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void Read_WrongTypesInFields_WarnsAtFieldAndKeepsRaw()
    {
        const string json = "[{\"type\": \"chapter\", \"title\": \"T\",\n  \"author\": \"Smith\", \"page\": \"ix-\", \"DOI\": \"nope\", \"issued\": {\"date-parts\": [[\"x\"]]}, \"publisher\": 3}]";
        var result = Csl.Read(json);
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal(
            [(CslJsonCodes.UnexpectedValue, 2, 3), (CslJsonCodes.InvalidPages, 2, 22), (CslJsonCodes.InvalidDoi, 2, 37), (CslJsonCodes.InvalidDate, 2, 52), (CslJsonCodes.UnexpectedValue, 2, 87)],
            result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
        Assert.Contains(new ExtraField { Name = "csl:author", Value = "\"Smith\"" }, chapter.ExtraFields);
        Assert.Contains(new ExtraField { Name = "csl:publisher", Value = "3" }, chapter.ExtraFields);
        AssertValidCsl(Csl.Write(chapter));
    }

    [Fact]
    public void Read_DateForms_NullRawLiteral()
    {
        static PartialDate? Issued(string issued) => Assert.Single(Csl.Read("[{\"type\":\"chapter\",\"title\":\"T\",\"issued\":" + issued + "}]").Chapters).PublicationDate;
        Assert.Null(Issued("""{"date-parts": [[null]]}"""));
        Assert.Equal(new PartialDate(2001, 5), Issued("""{"raw": "2001-05"}"""));
        Assert.Null(Issued("""{"literal": "circa 1900"}"""));
        Assert.Equal(PartialDate.FromSeason(1999, 2), Issued("""{"date-parts": [[1999]], "season": 2}"""));
        var season = Csl.Write(new Chapter { Title = "T", PublicationDate = PartialDate.FromSeason(1999, 2) });
        Assert.Equal(PartialDate.FromSeason(1999, 2), Assert.Single(Csl.Read(season).Chapters).PublicationDate);
    }

    [Fact]
    public async Task ReadAsync_LargeArrayInSmallChunks_SameAsRead()
    {
        var chapters = Enumerable.Range(0, 300).Select(i => Haslam with { Title = "Chapter " + i }).ToList();
        var json = Csl.Write(chapters) + "garbage";
        var result = await ReadResult.CollectAsync(Csl.ReadRecordsAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), cancellationToken: TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var read = result.Chapters;
        var diagnostics = result.Diagnostics;
        var sync = Csl.Read(json);
        Assert.Equal(sync.Chapters, read);
        Assert.Equal(sync.Diagnostics, diagnostics);
        Assert.Equal(300, read.Count);
        Assert.Equal(CslJsonCodes.MalformedJson, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Format_DescribesCslJson()
    {
        Assert.Equal("csl-json", Csl.Format.Name);
        Assert.Equal(["csljson", "csl"], Csl.Format.Aliases);
        Assert.Contains(".json", Csl.Format.FileExtensions);
        var result = Csl.Format.Read(new StringReader(Csl.Write(Haslam)));
        Assert.Single(result.Chapters);
    }

    [Fact]
    public void Read_ArbitraryText_NeverThrows()
    {
        Gen.String.Sample(text => { _ = Csl.Read(text); _ = Csl.Read("[" + text + "]"); _ = Csl.Read("{\"type\":\"chapter\"," + text); }, iter: 2000);
    }
}
