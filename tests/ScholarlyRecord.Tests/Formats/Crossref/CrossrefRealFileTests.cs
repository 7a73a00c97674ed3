using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>
/// The real Crossref responses in TestData/real/crossref (copied from shared/fixtures/real/crossref): the four
/// book chapters field by field, the other works reported as skipped, the OpenAlex responses refused as not Crossref.
/// </summary>
public class CrossrefRealFileTests
{
    private const string Shoulder = "crossref-work-book-chapter-10.1007_978-3-662-46370-3_13.json";
    private const string Heat = "crossref-work-book-chapter-10.1007_978-3-319-75889-3_1.json";
    private const string Visual = "crossref-work-book-chapter-10.1007_978-3-642-33191-6_49.json";
    private const string Igi = "crossref-work-book-chapter-10.4018_978-1-4666-1891-6.ch004.json";

    private static string Text(string name) => File.ReadAllText(Fixtures.TestData("real", "crossref", name), Encoding.UTF8);

    private static Chapter ReadChapter(string name)
    {
        var result = Crossref.Read(Text(name));
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Chapters);
    }

    private static string[] Extras(Chapter chapter, string name) =>
        [.. chapter.ExtraFields.Where(e => e.Name == name).Select(e => e.Value)];

    [Fact]
    public void Read_ShoulderChapter_MapsIdentityAndTitle()
    {
        var chapter = ReadChapter(Shoulder);
        Assert.Equal(Doi.Parse("10.1007/978-3-662-46370-3_13"), chapter.Doi);
        Assert.Equal("Clinical Symptoms and Physical Examinations", chapter.Title);
        Assert.Null(chapter.Subtitle);
        Assert.Null(chapter.Number);
        Assert.Equal("en", chapter.Language);
        Assert.Empty(chapter.Keywords);
        Assert.Empty(chapter.Abstract);
        Assert.Equal("https://link.springer.com/10.1007/978-3-662-46370-3_13", chapter.Url);
    }

    [Fact]
    public void Read_ShoulderChapter_MapsAuthorsInOrder()
    {
        var chapter = ReadChapter(Shoulder);
        Assert.Collection(
            chapter.Contributors,
            c =>
            {
                Assert.Equal(new PersonName { Given = "Ronald L.", Family = "Diercks" }, c.Name);
                Assert.Equal(ContributorRole.Author, c.Role);
                Assert.Null(c.Orcid);
                Assert.Empty(c.Affiliations);
            },
            c => Assert.Equal(new PersonName { Given = "Tom Clement", Family = "Ludvigsen" }, c.Name));
    }

    [Fact]
    public void Read_ShoulderChapter_MapsBookPublisherAndIsbns()
    {
        var book = ReadChapter(Shoulder).Book!;
        Assert.Equal("Shoulder Stiffness", book.Title);
        Assert.Null(book.Series);
        Assert.Empty(book.Contributors);
        Assert.Equal(new Publisher { Name = "Springer Berlin Heidelberg", Location = "Berlin, Heidelberg" }, book.Publisher);
        Assert.Equal(
            [
                new BookIsbn { Value = Isbn.Parse("9783662463697"), Medium = PublicationMedium.Print },
                new BookIsbn { Value = Isbn.Parse("9783662463703"), Medium = PublicationMedium.Electronic },
            ],
            book.Isbns);
        Assert.Null(book.Edition);
        Assert.Null(book.PublicationDate);
    }

    [Fact]
    public void Read_ShoulderChapter_MapsDatePagesAndMetrics()
    {
        var chapter = ReadChapter(Shoulder);
        Assert.Equal(new PartialDate(2015), chapter.PublicationDate);
        Assert.Equal(new PageRange { First = "155", Last = "158" }, chapter.Pages);
        Assert.Equal(new AccessMetrics { Citations = 1, AsOf = new PartialDate(2025, 3, 26) }, chapter.Metrics);
    }

    [Fact]
    public void Read_ShoulderChapter_MapsReferences()
    {
        var references = ReadChapter(Shoulder).References;
        Assert.Equal(22, references.Count);
        Assert.Equal("13_CR1", references[0].Key);
        Assert.Equal(Doi.Parse("10.1007/s00256-012-1391-8"), references[0].Doi);
        Assert.StartsWith("Ahn KS, Kang CH, Oh YW, Jeong WK. Correlation between magnetic resonance imaging", references[0].Text, StringComparison.Ordinal);
        Assert.All(references, r => Assert.NotNull(r.Text));
    }

    [Fact]
    public void Read_ShoulderChapter_KeepsExtrasAndDropsBookkeeping()
    {
        var chapter = ReadChapter(Shoulder);
        Assert.Equal(["https://www.springernature.com/gp/researchers/text-and-data-mining"], Extras(chapter, "crossref:license"));
        Assert.Equal(["297"], Extras(chapter, "crossref:member"));
        Assert.Equal(["10.1007"], Extras(chapter, "crossref:prefix"));
        Assert.Equal(["{\"date-parts\":[[2015]]}"], Extras(chapter, "crossref:published-print"));
        // Raw JSON, exactly as delivered (Crossref escapes '/' as '\/').
        using (var link = System.Text.Json.JsonDocument.Parse(Assert.Single(Extras(chapter, "crossref:link"))))
        {
            Assert.Equal("https://link.springer.com/content/pdf/10.1007/978-3-662-46370-3_13", link.RootElement[0].GetProperty("URL").GetString());
        }

        foreach (var dropped in (string[])["created", "deposited", "indexed", "score", "source", "reference-count", "published", "subtitle", "subject", "relation", "URL", "resource", "title", "container-title", "ISBN", "isbn-type"])
        {
            Assert.Empty(Extras(chapter, "crossref:" + dropped));
        }
    }

    [Fact]
    public void Read_HeatChapter_SeriesFirstContainerTitle_IsTheSeries()
    {
        var chapter = ReadChapter(Heat);
        var book = chapter.Book!;
        Assert.Equal("Human Health and Physical Activity During Heat Exposure", book.Title);
        Assert.Equal("SpringerBriefs in Medical Earth Sciences", book.Series!.Title);
        Assert.Equal(
            [
                new SeriesIssn { Value = Issn.Parse("2523-3610"), Medium = PublicationMedium.Print },
                new SeriesIssn { Value = Issn.Parse("2523-3629"), Medium = PublicationMedium.Electronic },
            ],
            book.Series.Issns);
        Assert.Null(book.Series.Volume);
        Assert.Empty(Extras(chapter, "crossref:container-title"));
    }

    [Fact]
    public void Read_HeatChapter_MapsTheRest()
    {
        var chapter = ReadChapter(Heat);
        Assert.Equal(Doi.Parse("10.1007/978-3-319-75889-3_1"), chapter.Doi);
        Assert.Equal("Climate Change and Increasing Risk of Extreme Heat", chapter.Title);
        Assert.Equal(new PersonName { Given = "Hunter M.", Family = "Jones" }, Assert.Single(chapter.Contributors).Name);
        Assert.Equal(new PartialDate(2018), chapter.PublicationDate);
        Assert.Equal(new PageRange { First = "1", Last = "13" }, chapter.Pages);
        Assert.Null(chapter.Language);
        Assert.Equal(new Publisher { Name = "Springer International Publishing", Location = "Cham" }, chapter.Book!.Publisher);
        Assert.Equal(2, chapter.Book.Isbns.Count);
        Assert.Equal(44, chapter.References.Count);
        Assert.Equal(new AccessMetrics { Citations = 1, AsOf = new PartialDate(2023, 3, 15) }, chapter.Metrics);
        Assert.Equal("http://link.springer.com/10.1007/978-3-319-75889-3_1", chapter.Url);
        // Two identical license URLs make one extra.
        Assert.Equal(["http://www.springer.com/tdm"], Extras(chapter, "crossref:license"));
        Assert.Equal(["{\"date-parts\":[[2018,4,18]]}"], Extras(chapter, "crossref:published-online"));
        Assert.Equal(["http://dx.doi.org/10.1007/springer_crossmark_policy"], Extras(chapter, "crossref:update-policy"));
    }

    [Fact]
    public void Read_VisualChapter_BookFirstContainerTitle_SeriesIsTheMarkedOne()
    {
        var chapter = ReadChapter(Visual);
        Assert.Equal("Advances in Visual Computing", chapter.Book!.Title);
        Assert.Equal("Lecture Notes in Computer Science", chapter.Book.Series!.Title);
        Assert.Equal(
            [
                new SeriesIssn { Value = Issn.Parse("0302-9743"), Medium = PublicationMedium.Print },
                new SeriesIssn { Value = Issn.Parse("1611-3349"), Medium = PublicationMedium.Electronic },
            ],
            chapter.Book.Series.Issns);
    }

    [Fact]
    public void Read_VisualChapter_MapsTheRest()
    {
        var chapter = ReadChapter(Visual);
        Assert.Equal("Human Body Orientation Estimation in Multiview Scenarios", chapter.Title);
        Assert.Equal(["Chen", "Panin", "Knoll"], chapter.Contributors.Select(c => c.Name.Family));
        Assert.All(chapter.Contributors, c => Assert.Equal(ContributorRole.Author, c.Role));
        Assert.Equal(new PartialDate(2012), chapter.PublicationDate);
        Assert.Equal(new PageRange { First = "499", Last = "508" }, chapter.Pages);
        Assert.Equal(11, chapter.References.Count);
        Assert.Equal(Doi.Parse("10.1007/978-3-540-24670-1_3"), chapter.References[1].Doi);
        Assert.Equal(new AccessMetrics { Citations = 3, AsOf = new PartialDate(2022, 3, 30) }, chapter.Metrics);
        Assert.Empty(Extras(chapter, "crossref:license"));
    }

    [Fact]
    public void Read_IgiChapter_MapsAbstractAffiliationAndMissingDate()
    {
        var chapter = ReadChapter(Igi);
        Assert.Equal(Doi.Parse("10.4018/978-1-4666-1891-6.ch004"), chapter.Doi);
        Assert.Equal("Unsupervised and Supervised Image Segmentation Using Graph Partitioning", chapter.Title);
        Assert.Null(chapter.Subtitle); // subtitle is [""]
        var paragraph = Assert.Single(chapter.Abstract);
        Assert.StartsWith("Image segmentation is an important research area in computer vision", paragraph, StringComparison.Ordinal);
        Assert.EndsWith("by presenting methods and algorithms and by comparing them.", paragraph, StringComparison.Ordinal);
        Assert.DoesNotContain('<', paragraph);
        var author = Assert.Single(chapter.Contributors);
        Assert.Equal(new PersonName { Given = "Charles-Edmond", Family = "Bichot" }, author.Name);
        Assert.Equal(["Université de Lyon, France"], author.Affiliations);
        Assert.Null(chapter.PublicationDate); // issued is [[null]] and there is no published-print/online
    }

    [Fact]
    public void Read_IgiChapter_MapsBookWithoutIsbnAndReferences()
    {
        var chapter = ReadChapter(Igi);
        Assert.Equal("Graph-Based Methods in Computer Vision", chapter.Book!.Title);
        Assert.Empty(chapter.Book.Isbns);
        Assert.Null(chapter.Book.Series);
        Assert.Equal(new Publisher { Name = "IGI Global" }, chapter.Book.Publisher);
        Assert.Equal(new PageRange { First = "72", Last = "94" }, chapter.Pages);
        Assert.Equal(33, chapter.References.Count);
        Assert.Equal(new Reference { Key = "978-1-4666-1891-6.ch004.-1", Doi = Doi.Parse("10.1016/0095-8956(85)90092-9") }, chapter.References[0]);
        Assert.Equal(
            new Reference { Key = "978-1-4666-1891-6.ch004.-2", Text = "X.Bai (2007). A geodesic framework for fast interactive image and video segmentation and matting. p 1" },
            chapter.References[1]);
        Assert.Equal(new AccessMetrics { Citations = 0, AsOf = new PartialDate(2022, 4, 5) }, chapter.Metrics);
        Assert.Equal("http://services.igi-global.com/resolvedoi/resolve.aspx?doi=10.4018/978-1-4666-1891-6.ch004", chapter.Url);
        Assert.Equal(["2432"], Extras(chapter, "crossref:member"));
    }

    [Theory]
    [InlineData("crossref-work-journal-article-10.7554_elife.01567.json", "journal-article")]
    [InlineData("crossref-work-book-10.1017_9781108348843.json", "monograph")]
    [InlineData("crossref-work-monograph-10.1029_ar035.json", "monograph")]
    [InlineData("crossref-work-monograph-10.2973_odp.proc.ir.180.2000.json", "monograph")]
    [InlineData("crossref-work-book-oup-handbook-chapter-10.1093_oxfordhb_9780198746140.013.5.json", "book")]
    public void Read_OtherWorkTypes_AreReportedAsSkipped(string name, string type)
    {
        var text = Text(name);
        var result = Crossref.Read(text);
        Assert.Empty(result.Chapters);
        Assert.True(result.IsSuccess);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(CrossrefCodes.NotAChapter, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains($"\"{type}\"", diagnostic.Message, StringComparison.Ordinal);
        // The work starts at the message object, on line 1 of these one-line files.
        Assert.Equal(1, diagnostic.Line);
        Assert.Equal(text.IndexOf("\"message\":{", StringComparison.Ordinal) + "\"message\":".Length + 1, diagnostic.Column);
    }

    [Theory]
    [InlineData("openalex-work-book-chapter-10.1007_978-3-319-75889-3_1.json")]
    [InlineData("openalex-work-book-chapter-10.1007_978-3-662-46370-3_13.json")]
    [InlineData("openalex-work-book-chapter-10.4018_978-1-4666-1891-6.ch004.json")]
    [InlineData("openalex-work-conference-paper-10.1007_978-3-642-33191-6_49.json")]
    public void Read_OpenAlexWork_IsRefusedAsNotCrossref(string name)
    {
        var result = Crossref.Read(Text(name));
        Assert.Empty(result.Chapters);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(CrossrefCodes.NotAWork, diagnostic.Code);
        Assert.Equal((1, 1), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public async Task ReadAsync_Stream_GivesTheSameChapterAsRead()
    {
        var bytes = File.ReadAllBytes(Fixtures.TestData("real", "crossref", Heat));
        using var stream = new MemoryStream(bytes);
        var result = await ReadResult.CollectAsync(Crossref.ReadRecordsAsync(stream, cancellationToken: TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        Assert.Equal(Crossref.Read(Text(Heat)).Chapters, result.Chapters);
        using var again = new MemoryStream(bytes);
        Assert.Equal(result.Chapters, Crossref.Read(again).Chapters);
        Assert.Equal(result.Chapters, Crossref.Format.Read(new StringReader(Text(Heat))).Chapters);
    }
}
