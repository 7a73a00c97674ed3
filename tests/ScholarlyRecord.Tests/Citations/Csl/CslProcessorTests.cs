using System.Text.Json;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Citations.Csl;

/// <summary>The CSL processor's rules, with the specification's own examples where it gives them, and bad input.</summary>
public sealed class CslProcessorTests
{
    private const string Head = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">""";

    private static string Style(string citationAttributes, string layout, string macros = "") =>
        $"{Head}<info><id>test</id><title>Test</title></info>{macros}<citation {citationAttributes}><layout delimiter=\"; \">{layout}</layout></citation></style>";

    private static string Cite(string style, string itemsJson, string id = "A")
    {
        var processor = new CslProcessor(CslStyle.Parse(style));
        var document = processor.CreateDocument(CslJsonDocument.Parse(itemsJson).Items);
        return document.CiteAlone(id, CitationOutput.Text);
    }

    private const string ThreeAuthors = """[{"id":"A","type":"book","title":"the lord of the rings","author":[{"family":"Doe","given":"John Paul"},{"family":"Roe","given":"Jane"},{"family":"Moe","given":"Max"}],"issued":{"date-parts":[[2001,3,14]]},"page":"321-328"}]""";

    [Fact]
    public void Parse_MalformedXml_ThrowsWithLineAndColumn()
    {
        var error = Assert.Throws<CslStyleException>(() => CslStyle.Parse("<style xmlns=\"http://purl.org/net/xbiblio/csl\">\n  <citation>\n</style>"));
        Assert.Equal(CitationCodes.MalformedStyle, error.Code);
        Assert.Equal(3, error.Line);
        Assert.True(error.Column > 0);
    }

    [Fact]
    public void Parse_IndependentStyleWithoutCitation_ReportsWhatWasExpected()
    {
        var error = Assert.Throws<CslStyleException>(() => CslStyle.Parse(Head + "<info><id>x</id></info></style>"));
        Assert.Equal(CitationCodes.InvalidStyle, error.Code);
        Assert.Contains("<citation>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownMacro_IsReportedWithItsName()
    {
        var error = Assert.Throws<CslStyleException>(() => CslStyle.Parse(Style(string.Empty, "<text macro=\"missing\"/>")));
        Assert.Equal(CitationCodes.UnknownMacro, error.Code);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CyclicMacros_AreReportedNotAStackOverflow()
    {
        var macros = """<macro name="a"><text macro="b"/></macro><macro name="b"><group><text macro="a"/></group></macro>""";
        var error = Assert.Throws<CslStyleException>(() => CslStyle.Parse(Style(string.Empty, "<text macro=\"a\"/>", macros)));
        Assert.Equal(CitationCodes.CyclicMacro, error.Code);
    }

    [Fact]
    public void Parse_UnknownVariable_IsAWarningAndRendersEmpty()
    {
        var xml = Style(string.Empty, "<text variable=\"no-such-variable\"/><text variable=\"title\"/>");
        var diagnostic = Assert.Single(CslStyle.Parse(xml).Diagnostics);
        Assert.Equal(CitationCodes.UnknownVariable, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("the lord of the rings", Cite(xml, ThreeAuthors));
    }

    [Fact]
    public void Embedded_AllEightStylesParseAndAllLocalesLoad()
    {
        Assert.Equal(8, CslStyle.EmbeddedIds.Count);
        foreach (var id in CslStyle.EmbeddedIds)
        {
            var style = CslStyle.Embedded(id);
            Assert.False(style.IsDependent);
            Assert.NotEmpty(style.Title);
        }

        Assert.Equal(54, CslLocale.EmbeddedTags.Count);
        Assert.Equal("de-AT", CslLocale.Embedded("de-AT").Tag);
        Assert.Equal("de-DE", CslLocale.Embedded("de-LU").Tag);
        Assert.Equal("fr-FR", CslLocale.Embedded("fr").Tag);
        Assert.Equal(CslStyleClass.Note, CslStyle.Embedded("chicago-note-bibliography").Class);
    }

    [Fact]
    public void UnknownLocale_IsAClearError()
    {
        var error = Assert.Throws<CslStyleException>(() => new CslProcessor(CslStyle.Embedded("apa"), "xx-XX"));
        Assert.Equal(CitationCodes.UnknownLocale, error.Code);
        Assert.Contains("xx-XX", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DependentStyle_ResolvesItsParentOrNamesTheMissingOne()
    {
        const string dependent = """<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><info><id>dep</id><title>Dep</title><link href="http://www.zotero.org/styles/{0}" rel="independent-parent"/></info></style>""";
        var style = CslStyle.Parse(dependent.Replace("{0}", "apa", StringComparison.Ordinal));
        Assert.True(style.IsDependent);
        Assert.Equal("http://www.zotero.org/styles/apa", style.ParentId);
        Assert.Same(CslStyle.Embedded("apa"), style.ResolveIndependent());

        var orphan = CslStyle.Parse(dependent.Replace("{0}", "no-such-parent", StringComparison.Ordinal));
        var error = Assert.Throws<CslStyleException>(() => new CslProcessor(orphan));
        Assert.Equal(CitationCodes.MissingParent, error.Code);
        Assert.Contains("no-such-parent", error.Message, StringComparison.Ordinal);
    }

    // Specification, "Appendix V - Page Range Formats": 42–45, 321–328, 2787–2816 in each format.
    [Theory]
    [InlineData("expanded", "42-45", "42–45")]
    [InlineData("expanded", "321-28", "321–328")]
    [InlineData("expanded", "2787-816", "2787–2816")]
    [InlineData("minimal", "42-45", "42–5")]
    [InlineData("minimal", "321-328", "321–8")]
    [InlineData("minimal", "2787-2816", "2787–816")]
    [InlineData("minimal-two", "42-45", "42–45")]
    [InlineData("minimal-two", "321-328", "321–28")]
    [InlineData("minimal-two", "2787-2816", "2787–816")]
    [InlineData("chicago", "42-45", "42–45")]
    [InlineData("chicago", "321-328", "321–28")]
    [InlineData("chicago", "2787-2816", "2787–2816")]
    [InlineData("chicago", "101-108", "101–8")]
    public void PageRangeFormat_FollowsTheSpecificationExamples(string format, string input, string expected) =>
        Assert.Equal(expected, CslNumbers.PageRange(input, format, "–"));

    [Theory]
    [InlineData("John Paul", ". ", true, "J. P.")]
    [InlineData("John Paul", ".", true, "J.P.")]
    [InlineData("John Paul", "", true, "JP")]
    [InlineData("Jean-Paul", ". ", true, "J.-P.")]
    [InlineData("Jean-Paul", ".", false, "J.P.")]
    public void Initialize_MakesInitialsAsTheSpecificationDescribes(string given, string with, bool hyphen, string expected) =>
        Assert.Equal(expected, CslRenderer.Initialize(given, with, true, hyphen));

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    public void Ordinal_EnglishFollowsTheLocaleMatchRules(int number, string expected)
    {
        var chain = new CslLocaleChain(CslStyle.Parse(Style(string.Empty, "<text variable=\"title\"/>")), "en-US", null);
        Assert.Equal(expected, chain.Ordinal(number, null));
    }

    [Fact]
    public void LongOrdinal_UsesTheLocaleWordsUpToTen()
    {
        var chain = new CslLocaleChain(CslStyle.Parse(Style(string.Empty, "<text variable=\"title\"/>")), "en-US", null);
        Assert.Equal("third", chain.LongOrdinal(3, null));
        Assert.Equal("11th", chain.LongOrdinal(11, null));
    }

    [Fact]
    public void TitleCase_CapitalizesWordsButNotStopWordsInside()
    {
        var output = Cite(Style(string.Empty, "<text variable=\"title\" text-case=\"title\"/>"), ThreeAuthors);
        Assert.Equal("The Lord of the Rings", output);
    }

    [Fact]
    public void EtAl_AppliesMinAndUseFirst()
    {
        var style = Style("et-al-min=\"3\" et-al-use-first=\"1\"", "<names variable=\"author\"><name form=\"short\"/></names>");
        Assert.Equal("Doe et al.", Cite(style, ThreeAuthors));
    }

    [Fact]
    public void Names_AndWithDelimiterPrecedesLastAndInitials()
    {
        var style = Style(string.Empty, "<names variable=\"author\"><name and=\"text\" delimiter-precedes-last=\"always\" initialize-with=\". \" name-as-sort-order=\"first\"/></names>");
        Assert.Equal("Doe, J. P., J. Roe, and M. Moe", Cite(style, ThreeAuthors));
    }

    [Fact]
    public void Group_IsSuppressedWhenItsVariablesAreEmpty()
    {
        var style = Style(string.Empty, "<group delimiter=\" \"><text value=\"Vol.\"/><text variable=\"volume\"/></group><text variable=\"title\" prefix=\"[\" suffix=\"]\"/>");
        Assert.Equal("[the lord of the rings]", Cite(style, ThreeAuthors));
    }

    [Fact]
    public void Date_LocalizedTextForm()
    {
        var style = Style(string.Empty, "<date variable=\"issued\" form=\"text\"/>");
        Assert.Equal("March 14, 2001", Cite(style, ThreeAuthors));
    }

    [Fact]
    public void Html_EscapesAndFormats()
    {
        var style = CslStyle.Parse(Style(string.Empty, "<text variable=\"title\" font-style=\"italic\"/>"));
        var document = new CslProcessor(style).CreateDocument(CslJsonDocument.Parse("""[{"id":"A","title":"Fish & <b>Chips</b>"}]""").Items);
        Assert.Equal("<i>Fish &#38; <b>Chips</b></i>", document.CiteAlone("A", CitationOutput.Html));
    }

    [Fact]
    public void Cite_TracksIbidAcrossCitations()
    {
        var style = Style(string.Empty, "<choose><if position=\"ibid\"><text term=\"ibid\"/></if><else><text variable=\"title\"/></else></choose>");
        var document = new CslProcessor(CslStyle.Parse(style)).CreateDocument(CslJsonDocument.Parse(ThreeAuthors).Items);
        Assert.Equal("the lord of the rings", document.Cite(new CslCitation([new CslCite("A")], 1), CitationOutput.Text));
        Assert.Equal("ibid.", document.Cite(new CslCitation([new CslCite("A")], 2), CitationOutput.Text));
    }

    [Fact]
    public void YearSuffix_DisambiguatesIdenticalCites()
    {
        var style = Style("disambiguate-add-year-suffix=\"true\"", "<names variable=\"author\"><name form=\"short\"/></names><date variable=\"issued\" prefix=\" \"><date-part name=\"year\"/></date>");
        const string items = """[{"id":"A","title":"One","author":[{"family":"Doe"}],"issued":{"date-parts":[[2000]]}},{"id":"B","title":"Two","author":[{"family":"Doe"}],"issued":{"date-parts":[[2000]]}}]""";
        var document = new CslProcessor(CslStyle.Parse(style)).CreateDocument(CslJsonDocument.Parse(items).Items);
        Assert.Equal("Doe 2000a", document.CiteAlone("A", CitationOutput.Text));
        Assert.Equal("Doe 2000b", document.CiteAlone("B", CitationOutput.Text));
    }

    [Fact]
    public void BadInput_ItemsWithoutTitleDateOrAuthor_RenderWithoutError()
    {
        var document = new CslProcessor(CslStyle.Embedded("apa")).CreateDocument(CslJsonDocument.Parse("""[{"id":"empty"},{"id":"t","type":"chapter","title":"Only a title"}]""").Items);
        var entries = document.BibliographyEntries(CitationOutput.Text);
        Assert.Contains(entries, static e => e.Contains("Only a title", StringComparison.Ordinal));
        Assert.NotNull(document.CiteAlone("empty", CitationOutput.Text));
    }

    [Fact]
    public void BadInput_AThousandAuthorsAndAHundredKilobyteTitle_RenderInFull()
    {
        var authors = string.Join(",", Enumerable.Range(0, 1000).Select(static i => $"{{\"family\":\"Author{i}\",\"given\":\"Given\"}}"));
        var title = new string('x', 100_000);
        var json = $"[{{\"id\":\"big\",\"type\":\"book\",\"title\":\"{title}\",\"author\":[{authors}],\"issued\":{{\"date-parts\":[[2020]]}}}}]";
        var document = new CslProcessor(CslStyle.Embedded("apa")).CreateDocument(CslJsonDocument.Parse(json).Items);
        var entry = Assert.Single(document.BibliographyEntries(CitationOutput.Text));
        Assert.Contains(title, entry, StringComparison.Ordinal);
        Assert.Contains("Author999", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void CslJsonDocument_InvalidJson_GivesADiagnosticWithItsPlace()
    {
        var document = CslJsonDocument.Parse("[{\"id\":\"a\"},\n  {\"id\": }]");
        Assert.Single(document.Items);
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal(CitationCodes.UnreadableInput, diagnostic.Code);
        Assert.Equal(2, diagnostic.Line);
    }

    [Fact]
    public void CslItem_RoundTripsItsJsonUnchanged()
    {
        const string json = """{"id":"x","type":"chapter","title":"T","author":[{"family":"van Gogh","dropping-particle":"de","given":"V"}],"issued":{"date-parts":[[1990,2]],"circa":true},"custom":{"a":[1,2]}}""";
        var item = Assert.Single(CslJsonDocument.Parse(json).Items);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            item.WriteTo(writer);
        }

        Assert.Equal(json, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(1, item.Line);
        Assert.Equal(1, item.Column);
    }

    [Fact]
    public void FormatBibliography_RendersTheFixtureChapterInEveryEmbeddedStyle()
    {
        var chapter = ScholarlyJson.Deserialize(Fixtures.HaslamJson);
        foreach (var id in CslStyle.EmbeddedIds)
        {
            var entry = Assert.Single(CslProcessor.FormatBibliography([chapter], CslStyle.Embedded(id)));
            Assert.Contains("Haslam", entry, StringComparison.Ordinal);
            Assert.Contains("1992", entry, StringComparison.Ordinal);
        }

        var apa = Assert.Single(CslProcessor.FormatBibliography([chapter], CslStyle.Embedded("apa")));
        Assert.StartsWith("Haslam, J. (1992). Conclusions. In ", apa, StringComparison.Ordinal);
    }
}
