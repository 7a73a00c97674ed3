using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

public class RisMappingRealFileTests
{
    [Theory]
    [InlineData("asreview-baseline_reference_types.ris", 2, 59)]
    [InlineData("asreview-embase.ris", 0, 6)]
    [InlineData("asreview-ovid_psycinfo.ris", 0, 6)]
    [InlineData("asreview-pubmed_endnote.txt", 0, 6)]
    [InlineData("asreview-ris_issue_1099.txt", 0, 7)]
    [InlineData("commonmeta-ruby-pure.ris", 0, 1)]
    [InlineData("commonmeta-ruby-ris_bug.ris", 0, 1)]
    [InlineData("jabref-RisImporterCorrupted.ris", 0, 1)]
    [InlineData("jabref-RisImporterTest3.ris", 1, 0)]
    [InlineData("jabref-RisImporterTest4b.ris", 0, 1)]
    [InlineData("jabref-RisImporterTest5a.ris", 0, 1)]
    [InlineData("jabref-RisImporterTest6.ris", 0, 1)]
    [InlineData("jabref-RisImporterTest8_date.ris", 0, 1)]
    [InlineData("jabref-RisImporterTestDOI.ris", 0, 1)]
    [InlineData("jabref-RisImporterTestScience.ris", 0, 1)]
    [InlineData("jabref-RisImporterTestScopus.ris", 0, 1)]
    [InlineData("klab-ris.test.txt", 6, 130)]
    [InlineData("palgrave-connect-ris-echap-10.1057_9781137016768.0007.ris", 1, 0)]
    [InlineData("rispy-example_bom.ris", 0, 1)]
    [InlineData("rispy-example_empty_tag.ris", 0, 1)]
    [InlineData("rispy-example_endnote.ris", 0, 1)]
    [InlineData("rispy-example_utf_chars.ris", 0, 1)]
    [InlineData("rispy-example_wos.ris", 0, 0)]
    public void Read_RealFile_MapsChaptersAndReportsEveryOtherRecord(string file, int chapters, int skipped)
    {
        var text = RisAssert.ReadReal(file);
        var document = RisDocument.Parse(text);
        var result = Ris.Read(text);
        Assert.Equal(chapters, result.Chapters.Count);
        var skips = result.Diagnostics.Where(d => d.Code == RisCodes.NotAChapter).ToList();
        Assert.Equal(skipped, skips.Count);
        Assert.Equal(document.Records.Count, chapters + skipped);
        Assert.All(skips, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Equal(
            document.Records.Where(r => r.Type is not ("CHAP" or "ECHAP")).Select(r => r.Line),
            skips.Select(d => d.Line));

        // The document layer's diagnostics are all still there, and the whole list is in input order.
        Assert.Equal(document.Diagnostics, result.Diagnostics.Where(d => !d.Code.StartsWith("RIS4", StringComparison.Ordinal)));
        Assert.Equal(result.Diagnostics.Select(d => d.Line).Order(), result.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public async Task ReadAsync_RealFile_GivesWhatReadGives()
    {
        var path = RisAssert.RealPath("klab-ris.test.txt");
        var expected = Ris.Read(File.ReadAllText(path));
        await using var stream = File.OpenRead(path);
        var streamed = await ReadResult.CollectAsync(Ris.ReadRecordsAsync(stream, cancellationToken: TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        Assert.Equal(expected.Chapters, streamed.Chapters);
        Assert.Equal(expected.Diagnostics, streamed.Diagnostics);
    }

    [Fact]
    public void Read_Palgrave_EveryField()
    {
        var result = Ris.Read(RisAssert.ReadReal("palgrave-connect-ris-echap-10.1057_9781137016768.0007.ris"));
        Assert.Empty(result.Diagnostics);
        var chapter = Assert.Single(result.Chapters);
        var goldsmith = new Contributor { Name = new PersonName { Family = "Goldsmith", Given = "Hilary A." } };
        var expected = new Chapter
        {
            Title = "The Fact and Fiction of Darwinism",
            Contributors = [goldsmith, goldsmith],
            Doi = Doi.Parse("10.1057/9781137016768.0007"),
            PublicationDate = new PartialDate(2012),
            Pages = new PageRange { First = "16" },
            Url = "http://dx.doi.org/10.1057/9781137016768.0007",
            Book = new Book
            {
                Title = "Cross-Cultural Connections in Crime Fictions",
                Publisher = new Publisher { Name = "Palgrave Macmillan", Location = "Basingstoke" },
            },
            ExtraFields = [new ExtraField { Name = "ris:DA", Value = "2014/07/23" }, new ExtraField { Name = "ris:M1", Value = "2" }],
        };
        Assert.Equal(expected, chapter);
        Assert.Equal(chapter, Assert.Single(Ris.Read(Ris.Write(chapter)).Chapters));
    }

    [Fact]
    public void Read_JabrefTest3_EveryField()
    {
        var result = Ris.Read(RisAssert.ReadReal("jabref-RisImporterTest3.ris"));
        Assert.Empty(result.Diagnostics);
        var chapter = Assert.Single(result.Chapters);
        var expected = new Chapter
        {
            Title = "Toward a Robust Analysis of Dermoscopy Images Acquired under Different        Conditions",
            Contributors =
            [
                new Contributor { Name = new PersonName { Given = "Catarina", Family = "Barata" } },
                new Contributor { Name = new PersonName { Given = "MEmre", Family = "Celebi" } },
                new Contributor { Name = new PersonName { Given = "JorgeS", Family = "Marques" } },
            ],
            Doi = Doi.Parse("10.1201/b19107-2"),
            PublicationDate = new PartialDate(2015, 9, 10),
            Pages = new PageRange { First = "1", Last = "22" },
            Url = "http://dx.doi.org/10.1201/b19107-2",
            Book = new Book
            {
                Title = "Dermoscopy Image Analysis",
                Series = new Series { Title = "Digital Imaging and Computer Vision" },
                Isbns = [new BookIsbn { Value = Isbn.Parse("9781482253269") }],
                Publisher = new Publisher { Name = "CRC Press" },
            },
            ExtraFields =
            [
                new ExtraField { Name = "ris:Y2", Value = "2015/11/06" },
                new ExtraField { Name = "ris:M1", Value = "0" },
                new ExtraField { Name = "ris:N1", Value = "doi:10.1201/b19107-2" },
            ],
        };
        Assert.Equal(expected, chapter);
        Assert.Equal(chapter, Assert.Single(Ris.Read(Ris.Write(chapter)).Chapters));
    }

    [Fact]
    public void Read_KlabChapters_EveryField()
    {
        var result = Ris.Read(RisAssert.ReadReal("klab-ris.test.txt"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("RIS4", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Info);
        var chapters = result.Chapters;
        Assert.Equal(6, chapters.Count);

        var first = chapters[0];
        Assert.Equal("Chapter Four - Flexible Backbone Sampling Methods to Model and Design Protein Alternative Conformations", first.Title);
        Assert.Equal(["Ollikainen", "Smith", "Fraser", "Kortemme"], first.Contributors.Select(c => c.Name.Family));
        Assert.Equal("Colin A.", first.Contributors[1].Name.Given);
        Assert.All(first.Contributors, c => Assert.Equal(ContributorRole.Author, c.Role));
        var book = first.Book!;
        Assert.Equal("Methods in Protein Design", book.Title);
        Assert.Equal(new Contributor { Name = new PersonName { Given = "Amy E.", Family = "Keating" }, Role = ContributorRole.Editor }, Assert.Single(book.Contributors));
        Assert.Equal(new Publisher { Name = "Academic Press" }, book.Publisher);
        Assert.Equal(new Series { Volume = "Volume 523", Issns = [new SeriesIssn { Value = Issn.Parse("0076-6879") }] }, book.Series);
        Assert.Empty(book.Isbns);
        Assert.Equal(new PartialDate(2013), first.PublicationDate);
        Assert.Equal(new PageRange { First = "61", Last = "85" }, first.Pages);
        Assert.Equal(Doi.Parse("10.1016/B978-0-12-394292-0.00004-7"), first.Doi);
        Assert.Equal("http://www.sciencedirect.com/science/article/pii/B9780123942920000047", first.Url);
        Assert.Equal(["Protein design", "Protein dynamics", "Conformational heterogeneity", "Conformational sampling", "Alternative conformations", "Rosetta", "Ringer", "Backrub"], first.Keywords);
        Assert.Equal(
            ["ris:C8=2013 Publications", "ris:BT=Methods in Enzymology", "ris:M3=doi: 10.1016/B978-0-12-394292-0.00004-7"],
            first.ExtraFields.Select(e => e.Name + "=" + e.Value));

        var third = chapters[2];
        Assert.Null(third.Doi);
        Assert.Equal(32, third.Contributors.Count);
        Assert.Equal(new PersonName { Family = "Popovi?", Given = "Zoran" }, third.Contributors[22].Name);
        Assert.Equal(["Johnson", "Brand"], third.Book!.Contributors.Select(c => c.Name.Family));
        Assert.Equal("Volume 487", third.Book.Series!.Volume);

        var fifth = chapters[4];
        Assert.Equal("GFP-based Biosensors", fifth.Title);
        Assert.Equal("State of the Art in Biosensors - General Aspects", fifth.Book!.Title);
        Assert.Equal(new PersonName { Given = "Toonika", Family = "Rinken" }, Assert.Single(fifth.Book.Contributors).Name);
        Assert.Equal([new BookIsbn { Value = Isbn.Parse("978-953-51-1004-0") }], fifth.Book.Isbns);
        Assert.Equal("1", fifth.Book.Series!.Volume);
        Assert.Equal(new PartialDate(2013, 1, 1), fifth.PublicationDate);
        Assert.Null(fifth.Book.Publisher);

        var sixth = chapters[5];
        Assert.Equal("The Folding of Proteins and Nucleic Acids", sixth.Book!.Title);
        Assert.Equal(new PartialDate(2012, 5, 17), sixth.PublicationDate);
        Assert.Equal("http://www.elsevierdirect.com/ISBN/9780123749208/", sixth.Url);
        Assert.Equal(["ris:C8=LabMember", "ris:BT=Comprehensive Biophysics"], sixth.ExtraFields.Select(e => e.Name + "=" + e.Value));

        // Each chapter survives a write and a read unchanged.
        Assert.Equal(chapters, Ris.Read(Ris.Write(chapters)).Chapters);
    }

    [Fact]
    public void Read_AsreviewChapterTypes_KeptWithoutTitle()
    {
        var result = Ris.Read(RisAssert.ReadReal("asreview-baseline_reference_types.ris"));
        Assert.Equal(2, result.Chapters.Count);
        Assert.Equal(
            [new ExtraField { Name = "ris:N1", Value = "Reference Type: Book Section" }],
            result.Chapters[0].ExtraFields);
        Assert.Equal(
            [new ExtraField { Name = "ris:N1", Value = "Reference Type: Electronic Book Section" }],
            result.Chapters[1].ExtraFields);
        Assert.All(result.Chapters, c => Assert.Equal(new Chapter { Title = "", ExtraFields = c.ExtraFields }, c));
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == RisCodes.MissingTitle));
    }

    public static TheoryData<EdgeCase> RisCases => EdgeCases.For("ris");

    [Theory]
    [MemberData(nameof(RisCases))]
    public void Read_EdgeCase_PassesThroughTheMapping(EdgeCase c)
    {
        var text = c.Input.StartsWith("hex:", StringComparison.Ordinal) ? Encoding.UTF8.GetString(c.InputBytes) : c.InputText;
        var result = Ris.Read(text);
        var document = RisDocument.Parse(text);
        if (c.ExpectKind != "normalizes-to")
        {
            // Errors belong to the document layer; the mapping keeps them and never throws.
            Assert.Equal(document.Diagnostics, result.Diagnostics.Where(d => !d.Code.StartsWith("RIS4", StringComparison.Ordinal)));
            return;
        }
        var chapter = result.Chapters.Single();
        foreach (var (key, value) in c.ExpectFields())
        {
            switch (key)
            {
                case "records":
                    Assert.Equal(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), result.Chapters.Count);
                    break;
                case "type":
                    Assert.Equal(value, document.Records.Single().Type);
                    break;
                case "first-page":
                    Assert.Equal(value, chapter.Pages!.First);
                    break;
                case "last-page":
                    Assert.Equal(value, chapter.Pages!.Last);
                    break;
                case "AB":
                    Assert.Equal([value], chapter.Abstract);
                    break;
                case "TI":
                    Assert.Equal(value, chapter.Title);
                    break;
                case "authors":
                    Assert.Equal(value.Trim('[', ']').Split('|'), chapter.Contributors.Where(x => x.Role == ContributorRole.Author).Select(x => x.Name.Family + ", " + x.Name.Given));
                    break;
                case "editors":
                    Assert.Equal(value.Trim('[', ']').Split('|'), chapter.Book!.Contributors.Where(x => x.Role == ContributorRole.Editor).Select(x => x.Name.Family + ", " + x.Name.Given));
                    break;
                case "unknown":
                    Assert.Equal(value.Trim('[', ']').Split('|').Select(t => "ris:" + t), chapter.ExtraFields.Where(e => e.Value.Length > 0).Select(e => e.Name));
                    break;
                case "year":
                    Assert.Equal(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), chapter.PublicationDate!.Value.Year);
                    break;
                case "season":
                    Assert.Equal(value == "spring" ? 1 : value == "summer" ? 2 : value == "autumn" ? 3 : 4, chapter.PublicationDate!.Value.Season);
                    break;
                default:
                    Assert.Fail($"Unknown expectation key '{key}' in edge case line {c.Line}.");
                    break;
            }
        }
    }
}
