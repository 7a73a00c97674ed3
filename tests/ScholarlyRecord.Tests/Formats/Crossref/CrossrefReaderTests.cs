using CsCheck;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>The Crossref reader on constructed works: envelopes, positions, the container-title rule, failures.</summary>
public class CrossrefReaderTests
{
    private const string MinimalWork = """{"DOI":"10.5555/1","type":"book-chapter","title":["T"]}""";

    private static string Envelope(string work) => $$"""{"status":"ok","message-type":"work","message-version":"1.0.0","message":{{work}}}""";

    private static string Work(string members) => $$"""{"DOI":"10.5555/1","type":"book-chapter","title":["T"],{{members}}}""";

    private static Chapter Single(string json)
    {
        var result = Crossref.Read(json);
        return Assert.Single(result.Chapters);
    }

    private static string Codes(ReadResult result) => string.Join(" ", result.Diagnostics.Select(d => $"{d.Line}:{d.Column}:{d.Code}"));

    [Fact]
    public void Read_BareWorkObject_IsRead()
    {
        var chapter = Single(MinimalWork);
        Assert.Equal("T", chapter.Title);
        Assert.Equal(Doi.Parse("10.5555/1"), chapter.Doi);
    }

    [Fact]
    public void Read_WorkEnvelope_IsUnwrapped() => Assert.Equal("T", Single(Envelope(MinimalWork)).Title);

    [Fact]
    public void Read_Bom_IsSkipped() => Assert.Equal("T", Single("\uFEFF" + Envelope(MinimalWork)).Title);

    [Fact]
    public void Read_WorkList_ReadsEveryItemAndReportsEachPosition()
    {
        var json = "{\"message-type\":\"work-list\",\"message\":{\"total-results\":3,\"items\":[\n" +
                   "  " + MinimalWork + ",\n" +
                   "  {\"DOI\":\"10.5555/2\",\"type\":\"journal-article\",\"title\":[\"A\"]},\n" +
                   "  42,\n" +
                   "  {\"DOI\":\"10.5555/3\",\"type\":\"book-chapter\",\"title\":[]},\n" +
                   "  {\"DOI\":\"10.5555/4\",\"type\":\"book-chapter\",\"title\":[\"Second\"]}\n" +
                   "]}}";
        var result = Crossref.Read(json);
        Assert.Equal(["T", "Second"], result.Chapters.Select(r => r.Title));
        Assert.Equal("3:3:CR301 4:3:CR105 5:3:CR104", Codes(result));
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void Read_WorkListOnOneLine_ReportsEachColumnInCharacters()
    {
        // Crossref serves a page as one line. Columns count characters, not bytes: "Ä" is 2 bytes, "€" 3 and "𝄞" 4
        // (one character each), so the second work starts at column 108 and the 42 at column 168.
        var json = "{\"message-type\":\"work-list\",\"message\":{\"items\":[" +
                   "{\"DOI\":\"10.5555/2\",\"type\":\"journal-article\",\"title\":[\"Ä\"]}," +
                   "{\"DOI\":\"10.5555/3\",\"type\":\"journal-article\",\"title\":[\"€𝄞\"]}," +
                   "42]}}";
        Assert.Equal("1:49:CR301 1:108:CR301 1:168:CR105", Codes(Crossref.Read(json)));
    }

    [Fact]
    public void Read_WorkListWithoutItems_IsAnError()
    {
        var result = Crossref.Read("""{"message-type":"work-list","message":{"total-results":0}}""");
        Assert.Empty(result.Chapters);
        Assert.Equal("1:39:CR103", Codes(result));
    }

    [Theory]
    [InlineData("""{"message-type":"member","message":{"id":297}}""", "1:36:CR102")]
    [InlineData("""{"message-type":"work","message":[1]}""", "1:34:CR102")]
    [InlineData("""[1,2]""", "1:1:CR102")]
    [InlineData("""{"id":"https://openalex.org/W1","doi":"https://doi.org/10.5555/1","title":"T","type":"book-chapter"}""", "1:1:CR102")]
    [InlineData("", "1:1:CR101")]
    public void Read_NotAWork_IsAnError(string json, string expected)
    {
        var result = Crossref.Read(json);
        Assert.Empty(result.Chapters);
        Assert.Equal(expected, Codes(result));
    }

    [Fact]
    public void Read_MalformedJson_ReportsWhereTheParserStopped()
    {
        var result = Crossref.Read("{\"message-type\":\"work\",\n\"message\":{\"DOI\":\"10.5555/1\",,}}");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(CrossrefCodes.MalformedJson, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(2, diagnostic.Line);
        Assert.Equal(30, diagnostic.Column); // the second comma
    }

    [Fact]
    public void Read_TrailingGarbage_IsMalformed() =>
        Assert.Equal(CrossrefCodes.MalformedJson, Assert.Single(Crossref.Read(MinimalWork + " x").Diagnostics).Code);

    [Fact]
    public void Read_TitleExtras_KeepsFurtherTitlesAndSubtitles()
    {
        var chapter = Single("""{"DOI":"10.5555/1","type":"book-chapter","title":["One","Eins"],"subtitle":["Sub","Unter"],"original-title":["Orig"]}""");
        Assert.Equal("One", chapter.Title);
        Assert.Equal("Sub", chapter.Subtitle);
        Assert.Equal(
            [
                new ExtraField { Name = "crossref:title", Value = "Eins" },
                new ExtraField { Name = "crossref:subtitle", Value = "Unter" },
                new ExtraField { Name = "crossref:original-title", Value = "[\"Orig\"]" },
            ],
            chapter.ExtraFields);
    }

    [Fact]
    public void Read_Contributors_MapsNamesOrcidsAffiliationsAndRoles()
    {
        var chapter = Single(Work("""
            "author":[
              {"given":"Josiah","family":"Carberry","suffix":"Jr.","ORCID":"http://orcid.org/0000-0002-1825-0097","authenticated-orcid":true,"affiliation":[{"name":"Brown University"},{"name":"Wesleyan"}]},
              {"name":"The Consortium","sequence":"additional","affiliation":[]}],
            "editor":[{"given":"Ed","family":"Itor"}],
            "translator":[{"given":"Tra","family":"Nslator"}]
            """));
        Assert.Collection(
            chapter.Contributors,
            c =>
            {
                Assert.Equal(new PersonName { Given = "Josiah", Family = "Carberry", Suffix = "Jr." }, c.Name);
                Assert.Equal(Orcid.Parse("0000-0002-1825-0097"), c.Orcid);
                Assert.Equal(["Brown University", "Wesleyan"], c.Affiliations);
                Assert.Equal(ContributorRole.Author, c.Role);
            },
            c =>
            {
                Assert.Equal(PersonName.FromLiteral("The Consortium"), c.Name);
                Assert.Equal(ContributorRole.Author, c.Role);
            },
            c => Assert.Equal(ContributorRole.Translator, c.Role));
        var editor = Assert.Single(chapter.Book!.Contributors);
        Assert.Equal((ContributorRole.Editor, "Itor"), (editor.Role, editor.Name.Family));
    }

    [Fact]
    public void Read_InvalidValues_AreWarnedAndKeptAsExtras()
    {
        var result = Crossref.Read(Work("""
            "author":[{"family":"A","ORCID":"http://orcid.org/0000-0002-1825-0098"},{"sequence":"first"}],
            "ISBN":["9783662463690"],"ISSN":["1234-5678"],"page":"20-10","issued":{"date-parts":[[2015,2,30]]},
            "volume":{"n":1}
            """));
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal("1:1:CR204 1:1:CR210 1:1:CR203 1:1:CR209 1:1:CR202 1:1:CR205 1:1:CR206", Codes(result));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Null(chapter.Contributors[0].Orcid);
        Assert.Single(chapter.Contributors);
        // The only ISBN and ISSN were invalid and nothing else describes a book: no book at all.
        Assert.Null(chapter.Book);
        Assert.Null(chapter.Pages);
        Assert.Null(chapter.PublicationDate);
        var names = chapter.ExtraFields.Select(e => e.Name).ToArray();
        Assert.Equal(["crossref:ORCID", "crossref:author", "crossref:ISSN", "crossref:volume", "crossref:ISBN", "crossref:issued", "crossref:page"], names);
    }

    [Fact]
    public void Read_InvalidDoi_IsWarnedAndKept()
    {
        var result = Crossref.Read("""{"DOI":"11.5555/x","type":"book-chapter","title":["T"]}""");
        var chapter = Assert.Single(result.Chapters);
        Assert.Null(chapter.Doi);
        Assert.Equal("1:1:CR201", Codes(result));
        Assert.Equal(new ExtraField { Name = "crossref:DOI", Value = "11.5555/x" }, Assert.Single(chapter.ExtraFields));
    }

    [Fact]
    public void Read_IssuedWithoutDate_FallsBackToPublishedPrintThenOnline()
    {
        Assert.Equal(new PartialDate(2019, 5), Single(Work("""
            "issued":{"date-parts":[[null]]},"published-print":{"date-parts":[[2019,5]]},"published-online":{"date-parts":[[2018,12,1]]}
            """)).PublicationDate);
        Assert.Equal(new PartialDate(2018, 12, 1), Single(Work("""
            "issued":{"date-parts":[[null]]},"published-online":{"date-parts":[[2018,12,1]]}
            """)).PublicationDate);
        Assert.Null(Single(Work("\"issued\":{\"date-parts\":[[null]]}")).PublicationDate);
    }

    [Fact]
    public void Read_EditionVolumeAndTypedIsbns_MapToTheBook()
    {
        var book = Single(Work("""
            "container-title":["Book"],"edition-number":"2","volume":"12","ISBN":["9783662463697","9783662463703"],
            "isbn-type":[{"type":"electronic","value":"9783662463703"}]
            """)).Book!;
        Assert.Equal("2", book.Edition);
        Assert.Equal("12", book.Series!.Volume);
        Assert.Null(book.Series.Title);
        Assert.Equal(
            [
                new BookIsbn { Value = Isbn.Parse("9783662463703"), Medium = PublicationMedium.Electronic },
                new BookIsbn { Value = Isbn.Parse("9783662463697") },
            ],
            book.Isbns);
    }

    [Theory]
    [InlineData("""["Lecture Notes in Computer Science","Advances in Visual Computing"]""", true, "Advances in Visual Computing", "Lecture Notes in Computer Science", "")]
    [InlineData("""["Advances in Visual Computing","Lecture Notes in Computer Science"]""", true, "Advances in Visual Computing", "Lecture Notes in Computer Science", "")]
    [InlineData("""["Shoulder Stiffness"]""", true, "Shoulder Stiffness", null, "")]
    [InlineData("""["Book One","Book Two"]""", false, "Book One", null, "")]
    [InlineData("""["Book One","Book Two"]""", true, "Book One", "Book Two", "1:1:CR302")]
    [InlineData("""["Studies in A","Studies in B"]""", true, "Studies in A", "Studies in B", "1:1:CR302")]
    public void Read_ContainerTitles_FollowTheDocumentedRule(string titles, bool issn, string book, string? series, string codes)
    {
        var members = "\"container-title\":" + titles + (issn ? ",\"ISSN\":[\"0302-9743\"]" : "");
        var result = Crossref.Read(Work(members));
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal(book, chapter.Book!.Title);
        Assert.Equal(series, chapter.Book.Series?.Title);
        Assert.Equal(codes, Codes(result));
        if (!issn) Assert.Equal(new ExtraField { Name = "crossref:container-title", Value = "Book Two" }, Assert.Single(chapter.ExtraFields));
    }

    [Fact]
    public void Read_JatsAbstract_BecomesPlainParagraphs()
    {
        var abstractText = "<jats:title>Abstract</jats:title><jats:sec><jats:title>Background</jats:title>" +
                           "<jats:p>One &amp; <jats:italic>two</jats:italic>&nbsp;three\n  four &ndash; R&D.</jats:p></jats:sec>" +
                           "<jats:p>x<jats:sup>2</jats:sup> &lt; 3 &unknownentity; <mml:math><mml:mi>y</mml:mi></mml:math></jats:p>";
        var json = Work("\"abstract\":\"" + System.Text.Json.JsonEncodedText.Encode(abstractText) + "\"");
        var result = Crossref.Read(json);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["Background", "One & two\u00A0three four \u2013 R&D.", "x2 < 3 &unknownentity; y"], Assert.Single(result.Chapters).Abstract);
    }

    [Fact]
    public void Read_MalformedAbstract_IsWarnedAndTagStripped()
    {
        var result = Crossref.Read(Work("\"abstract\":\"<jats:p>First <jats:bold>bold</jats:p><jats:p>Second &amp; last</jats:p>\""));
        Assert.Equal("1:1:CR207", Codes(result));
        Assert.Equal(["First bold", "Second & last"], Assert.Single(result.Chapters).Abstract);
    }

    [Fact]
    public void Read_AbstractWithDoctype_IsRefusedAndKeptRaw()
    {
        const string Abstract = "<!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><jats:p>&x;</jats:p>";
        var result = Crossref.Read(Work("\"abstract\":\"" + Abstract + "\""));
        Assert.Equal("1:1:CR208", Codes(result));
        var chapter = Assert.Single(result.Chapters);
        Assert.Empty(chapter.Abstract);
        Assert.Equal(new ExtraField { Name = "crossref:abstract", Value = Abstract }, Assert.Single(chapter.ExtraFields));
    }

    [Fact]
    public void Read_Licenses_OneExtraPerDistinctUrl()
    {
        var chapter = Single(Work("""
            "license":[{"URL":"https://a.example/1","content-version":"vor"},{"URL":"https://a.example/1","content-version":"tdm"},{"URL":"https://b.example/2"}]
            """));
        Assert.Equal(["https://a.example/1", "https://b.example/2"], chapter.ExtraFields.Where(e => e.Name == "crossref:license").Select(e => e.Value));
    }

    [Fact]
    public void Read_UnknownKeys_AreKeptRawUnlessEmpty()
    {
        var chapter = Single(Work("""
            "funder":[{"name":"NSF","award":["1"]}],"relation":{},"alternative-id":[],"archive":["Portico"],"member":"297","group-title":"  "
            """));
        Assert.Equal(
            [
                new ExtraField { Name = "crossref:funder", Value = """[{"name":"NSF","award":["1"]}]""" },
                new ExtraField { Name = "crossref:archive", Value = """["Portico"]""" },
                new ExtraField { Name = "crossref:member", Value = "297" },
            ],
            chapter.ExtraFields);
    }

    [Fact]
    public void Read_UrlWithoutResource_FallsBackToUrl() =>
        Assert.Equal("https://doi.org/10.5555/1", Single(Work("\"URL\":\"https://doi.org/10.5555/1\"")).Url);

    [Fact]
    public void Read_KeywordsFromSubject() =>
        Assert.Equal(["History", "Politics"], Single(Work("\"subject\":[\"History\",\"Politics\"]")).Keywords);

    [Fact]
    public void Read_ArbitraryText_NeverThrows()
    {
        Gen.String.Sample(text => { _ = Crossref.Read(text); }, iter: 2000);
    }

    [Fact]
    public void Read_MutatedRealWork_NeverThrows()
    {
        var text = File.ReadAllText(Support.Fixtures.TestData("real", "crossref", "crossref-work-book-chapter-10.4018_978-1-4666-1891-6.ch004.json"));
        Gen.Select(Gen.Int[0, text.Length - 1], Gen.Int[0, 40], Gen.Char["{}[]\",:<>&0a"])
            .Sample((cut, length, c) =>
            {
                var end = Math.Min(text.Length, cut + length);
                var mutated = string.Concat(text.AsSpan(0, cut), c.ToString(), text.AsSpan(end));
                _ = Crossref.Read(mutated);
            }, iter: 500);
    }
}
