using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.Bibtex;

/// <summary>A <c>month</c> that holds the day too (<c>month = {oct 23}</c>, as citation-js writes it), with no <c>day</c> field.</summary>
public sealed class BibtexMonthWithDayTests
{
    private static ReadResult ReadWithMonth(string month, string extra = "") =>
        ScholarlyRecord.Formats.Bibtex.Read("@incollection{k,\n  title = {T},\n  booktitle = {B},\n  year = {1992},\n  month = " + month + ",\n" + extra + "}\n");

    [Theory]
    [InlineData("{oct 23}", "1992-10-23")]
    [InlineData("{Oct 23}", "1992-10-23")]
    [InlineData("{October 3}", "1992-10-03")]
    [InlineData("{sep. 30}", "1992-09-30")]
    [InlineData("{feb~29}", "1992-02-29")]
    [InlineData("oct # { 23}", "1992-10-23")]
    public void Read_MonthWithDay_ReadsFullDate(string month, string date)
    {
        var result = ReadWithMonth(month);
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal(PartialDate.Parse(date), chapter.PublicationDate);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == BibtexCodes.InvalidDate);
        Assert.DoesNotContain(chapter.ExtraFields, e => e.Name == "bibtex:month");
    }

    [Theory]
    [InlineData("{oct 32}")]
    [InlineData("{feb 30}")]
    [InlineData("{oct 123}")]
    [InlineData("{foo 23}")]
    [InlineData("{23 oct}")]
    [InlineData("{oct 23 24}")]
    [InlineData("{10 23}")]
    public void Read_UnreadableMonthWithDay_KeepsYearAndReportsBib304(string month)
    {
        var result = ReadWithMonth(month);
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal(new PartialDate(1992), chapter.PublicationDate);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == BibtexCodes.InvalidDate);
        Assert.Equal(5, diagnostic.Line);
        Assert.Contains(chapter.ExtraFields, e => e.Name == "bibtex:month");
    }

    [Fact]
    public void Read_MonthWithDayAndDayField_IsNotAMonth()
    {
        var result = ReadWithMonth("{oct 23}", "  day = {23},\n");
        Assert.Equal(new PartialDate(1992), Assert.Single(result.Chapters).PublicationDate);
        Assert.Single(result.Diagnostics, d => d.Code == BibtexCodes.InvalidDate);
    }

    [Theory]
    [InlineData("{850}", 850)]
    [InlineData("850", 850)]
    [InlineData("{0850}", 850)]
    [InlineData("{1992}", 1992)]
    public void Read_YearOfThreeOrFourDigits_ReadsYear(string year, int expected)
    {
        var result = ScholarlyRecord.Formats.Bibtex.Read("@incollection{k,\n  title = {T},\n  booktitle = {B},\n  year = " + year + ",\n}\n");
        Assert.Equal(new PartialDate(expected), Assert.Single(result.Chapters).PublicationDate);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == BibtexCodes.InvalidDate);
    }

    [Theory]
    [InlineData("{92}")]
    [InlineData("{19920}")]
    [InlineData("{000}")]
    public void Read_YearOfOtherLength_KeptAsExtraWithInvalidDate(string year)
    {
        var result = ScholarlyRecord.Formats.Bibtex.Read("@incollection{k,\n  title = {T},\n  booktitle = {B},\n  year = " + year + ",\n}\n");
        var chapter = Assert.Single(result.Chapters);
        Assert.Null(chapter.PublicationDate);
        Assert.Contains(chapter.ExtraFields, e => e.Name == "bibtex:year");
        Assert.Single(result.Diagnostics, d => d.Code == BibtexCodes.InvalidDate);
    }
}
