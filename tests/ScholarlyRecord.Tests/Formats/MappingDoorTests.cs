using System.Text;
using System.Text.Json;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Mappings;

/// <summary>
/// The public mapping layers of the JSON formats (<see cref="CslJsonMapping"/>, <see cref="CrossrefMapping"/>,
/// <see cref="SchemaOrgMapping"/>) agree with their front doors, and schema.org diagnostics name the value they are about.
/// </summary>
public sealed class MappingDoorTests
{
    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    // Line 5: the pagination value starts at column 17; line 6: the ISBN string starts at column 42 (counted by hand).
    private const string SchemaOrgDocument = """
        {
          "@context": "https://schema.org",
          "@type": "Chapter",
          "name": "A",
          "pagination": "20-10",
          "isPartOf": {"@type": "Book", "isbn": ["978-0-306-40615-8"]}
        }
        """;

    [Fact]
    public void SchemaOrg_Read_PlacesEachProblemAtItsValue()
    {
        var read = SchemaOrg.Read(SchemaOrgDocument);

        Assert.Equal("A", Assert.Single(read.Chapters).Title);
        Assert.Collection(
            read.Diagnostics,
            d => Assert.Equal((SchemaOrgCodes.InvalidValue, 5, 17, "/pagination"), (d.Code, d.Line, d.Column, d.Path)),
            d => Assert.Equal((SchemaOrgCodes.InvalidIdentifier, 6, 42, "/isPartOf/isbn/0"), (d.Code, d.Line, d.Column, d.Path)));
    }

    [Fact]
    public void SchemaOrg_Read_NodeThatIsNotAChapter_IsPlacedAtTheNode()
    {
        // The Person node opens on line 3, column 38 (after the chapter node and ", ").
        var text = "{\"@context\": \"https://schema.org\",\n \"@graph\": [\n  {\"@type\": \"Chapter\", \"name\": \"A\"}, {\"@type\": \"Person\", \"name\": \"P\"}]}";

        var read = SchemaOrg.Read(text);

        var d = Assert.Single(read.Diagnostics);
        Assert.Equal((SchemaOrgCodes.NotAChapter, 3, 38, "/@graph/1"), (d.Code, d.Line, d.Column, d.Path));
    }

    [Fact]
    public void SchemaOrg_Read_ManyProblemsOnOneLine_EachPlacedAtItsOwnValue()
    {
        // 20,000 bad ISBNs on one line: each string is 19 characters and a comma follows it, so the k-th starts at
        // column prefix + 1 + 20k.
        const string Bad = "\"978-0-306-40615-8\"";
        const string Prefix = "{\"@type\":\"Chapter\",\"name\":\"A\",\"isPartOf\":{\"@type\":\"Book\",\"isbn\":[";
        var text = Prefix + string.Join(",", Enumerable.Repeat(Bad, 20_000)) + "]}}";

        var read = SchemaOrg.Read(text);

        Assert.Equal(20_000, read.Diagnostics.Count);
        foreach (var k in new[] { 0, 1, 9_999, 19_999 })
        {
            var d = read.Diagnostics[k];
            Assert.Equal((SchemaOrgCodes.InvalidIdentifier, 1, Prefix.Length + 1 + (20 * k), $"/isPartOf/isbn/{k}"), (d.Code, d.Line, d.Column, d.Path));
        }
    }

    [Fact]
    public void SchemaOrgMapping_ToChapter_GivesTheFrontDoorsChapterAndPathsWithinTheNode()
    {
        using var document = JsonDocument.Parse(SchemaOrgDocument);

        var result = SchemaOrgMapping.ToChapter(document.RootElement);

        Assert.Equal(SchemaOrg.Read(SchemaOrgDocument).Chapters[0], result.Chapter);
        Assert.Equal(0, result.Record);
        Assert.Equal(["/pagination", "/isPartOf/isbn/0"], result.Diagnostics.Select(d => d.Path));
        Assert.All(result.Diagnostics, d => Assert.Equal((0, 0), (d.Line, d.Column)));
    }

    [Fact]
    public void SchemaOrgMapping_WriteNode_WritesWhatTheFrontDoorWrites()
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SchemaOrgMapping.WriteNode(Haslam, writer);
        }

        using var written = JsonDocument.Parse(buffer.ToArray());
        using var expected = JsonDocument.Parse(SchemaOrg.Write(Haslam));
        Assert.True(JsonElement.DeepEquals(expected.RootElement, written.RootElement));
        Assert.Equal(SchemaOrg.Read(SchemaOrg.Write(Haslam)).Chapters[0], SchemaOrgMapping.ToChapter(written.RootElement).Chapter);
    }

    [Fact]
    public void CslJsonMapping_ToItemThenToChapter_IsTheFrontDoorsRoundTrip()
    {
        var item = CslJsonMapping.ToItem(Haslam);
        var viaDoor = CslJson.Read(CslJson.Write(Haslam));
        var written = CslJsonDocument.Parse(CslJson.Write(Haslam)).Items[0];

        Assert.Equal(("chapter", written.Id), (item.Type, item.Id));
        Assert.Equal(written.Variables.Keys.Order(StringComparer.Ordinal), item.Variables.Keys.Order(StringComparer.Ordinal));
        var back = CslJsonMapping.ToChapter(item);
        Assert.Equal(viaDoor.Chapters[0], back.Chapter);
        Assert.Empty(back.Diagnostics);
    }

    [Fact]
    public void CslJsonMapping_ToChapter_PlacesDiagnosticsAtTheItemWithThePropertysPointer()
    {
        // The second item starts on line 3, column 2.
        var text = "[{\"id\": \"a\", \"type\": \"chapter\", \"title\": \"A\"},\n\n {\"id\": \"b\", \"type\": \"chapter\", \"title\": \"B\", \"DOI\": \"11.1/x\"}]";
        var item = CslJsonDocument.Parse(text).Items[1];

        var result = CslJsonMapping.ToChapter(item);

        Assert.Equal("B", result.Chapter!.Title);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((CslJsonCodes.InvalidDoi, 3, 2, "/DOI"), (d.Code, d.Line, d.Column, d.Path));
    }

    [Theory]
    [InlineData("crossref-work-book-chapter-10.1007_978-3-319-75889-3_1.json")]
    [InlineData("crossref-work-book-chapter-10.4018_978-1-4666-1891-6.ch004.json")]
    [InlineData("crossref-work-book-10.1017_9781108348843.json")]
    public void CrossrefMapping_ToChapter_AgreesWithTheFrontDoorOnRealWorks(string file)
    {
        var text = File.ReadAllText(Fixtures.TestData("real", "crossref", file), Encoding.UTF8);
        using var document = JsonDocument.Parse(text);
        var work = document.RootElement.TryGetProperty("message", out var message) ? message : document.RootElement;

        var mapped = CrossrefMapping.ToChapter(work);
        var read = Crossref.Read(text);

        Assert.Equal(read.Chapters.SingleOrDefault(), mapped.Chapter);
        Assert.Equal(read.Diagnostics.Select(d => (d.Code, d.Message)), mapped.Diagnostics.Select(d => (d.Code, d.Message)));
    }

    [Fact]
    public void Mappings_DefaultElement_IsRefusedAtTheCall()
    {
        Assert.Throws<ArgumentException>(() => CrossrefMapping.ToChapter(default));
        Assert.Throws<ArgumentException>(() => SchemaOrgMapping.ToChapter(default));
    }
}
