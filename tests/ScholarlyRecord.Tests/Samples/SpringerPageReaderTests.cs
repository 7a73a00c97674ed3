using ChapterFixture;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Samples;

public sealed class SpringerPageReaderTests
{
    [Fact]
    public void Read_FixturePage_EqualsTheFixtureJson()
    {
        var fromPage = SpringerPageReader.Read(Fixtures.SpringerPage);
        var fromJson = ScholarlyJson.Deserialize(Fixtures.HaslamJson);
        // Part by part first, so that a failure names the part that differs.
        Assert.Equal(fromJson.Contributors, fromPage.Contributors);
        Assert.Equal(fromJson.Book, fromPage.Book);
        Assert.Equal(fromJson.Abstract, fromPage.Abstract);
        Assert.Equal(fromJson.Notes, fromPage.Notes);
        Assert.Equal(fromJson.Copyright, fromPage.Copyright);
        Assert.Equal(fromJson.Metrics, fromPage.Metrics);
        Assert.Equal(fromJson.Offers, fromPage.Offers);
        Assert.Equal(fromJson.ExtraFields, fromPage.ExtraFields);
        Assert.Equal(fromJson, fromPage);
        Assert.Equal(Fixtures.HaslamJson, ScholarlyJson.Serialize(fromPage));
    }

    [Fact]
    public void Read_PriceLine_KeepsTheNoBreakSpaceAsTheSeparator()
    {
        Assert.Contains("USD\u00A029.95", Fixtures.SpringerPage, StringComparison.Ordinal);
        Assert.Equal(29.95m, SpringerPageReader.Read(Fixtures.SpringerPage).Offers[0].Price!.Amount);
    }

    [Fact]
    public void Read_CrLfPage_GivesTheSameChapter() =>
        Assert.Equal(SpringerPageReader.Read(Fixtures.SpringerPage), SpringerPageReader.Read(Fixtures.SpringerPage.Replace("\n", "\r\n", StringComparison.Ordinal)));

    [Fact]
    public void Read_CopyrightHeldByOthers_KeepsTheInitials()
    {
        var page = Fixtures.SpringerPage.Replace("© 1992 Jonathan Haslam", "© 1992 Palgrave Macmillan", StringComparison.Ordinal);
        var chapter = SpringerPageReader.Read(page);
        Assert.Equal(new PersonName { Given = "J.", Family = "Haslam" }, chapter.Contributors[0].Name);
        Assert.Equal("Palgrave Macmillan", chapter.Copyright!.Holder);
    }

    [Fact]
    public void Read_NoCitationLine_Throws() =>
        Assert.Throws<FormatException>(() => SpringerPageReader.Read("Abstract\n\nText\n"));
}
