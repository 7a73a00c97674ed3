using System.Text.Json;
using CsCheck;
using Xunit;

namespace ScholarlyRecord.Tests.Model;

public class PartialDateRangeTests
{
    [Theory]
    [InlineData("1992-03/1992-05", "1992-03", "1992-05", "1992-03/1992-05")]
    [InlineData(" 1992-03 / 1992-05 ", "1992-03", "1992-05", "1992-03/1992-05")]
    [InlineData("1992/1993", "1992", "1993", "1992/1993")]
    [InlineData("1992/1992-03", "1992", "1992-03", "1992/1992-03")]
    [InlineData("1992-03/1992", "1992-03", "1992", "1992-03/1992")]
    [InlineData("Spring 1992/Fall 1992", "1992-21", "1992-23", "1992-21/1992-23")]
    [InlineData("1992/..", "1992", null, "1992/..")]
    [InlineData("1992/", "1992", null, "1992/..")]
    [InlineData("1992-03-01/1992-03-01", "1992-03-01", "1992-03-01", "1992-03-01/1992-03-01")]
    public void Parse_ValidInterval_GivesBoundsAndCanonicalText(string input, string start, string? end, string canonical)
    {
        var range = PartialDateRange.Parse(input);
        Assert.Equal(start, range.Start.ToString());
        Assert.Equal(end, range.End?.ToString());
        Assert.Equal(canonical, range.ToString());
        Assert.Equal(range, PartialDateRange.Parse(range.ToString()));
        Assert.Null(PartialDateRange.Validate(input));
    }

    [Theory]
    [InlineData(null, "empty", 0)]
    [InlineData("", "empty", 0)]
    [InlineData("1992", "syntax", 0)]
    [InlineData("1992-05/1992-03", "descending-range", 8)]
    [InlineData("1993/1992-12-31", "descending-range", 5)]
    [InlineData("1992/1993/1994", "syntax", 9)]
    [InlineData("../1992", "syntax", 0)]
    [InlineData("1992-02-30/1993", "day-out-of-range", 8)]
    [InlineData("1992/1993-13", "month-out-of-range", 10)]
    [InlineData("/1992", "empty", 0)]
    public void Validate_InvalidInterval_GivesCodeAndIndex(string? input, string code, int index)
    {
        var error = PartialDateRange.Validate(input);
        Assert.NotNull(error);
        Assert.Equal(code, error.Reason);
        Assert.Equal(index, error.Index);
        Assert.False(PartialDateRange.TryParse(input, out _));
        if (input is not null) Assert.Throws<FormatException>(() => PartialDateRange.Parse(input));
    }

    [Fact]
    public void Constructor_EndBeforeStart_ThrowsArgument()
    {
        Assert.Throws<ArgumentException>(() => new PartialDateRange(new PartialDate(1993), new PartialDate(1992)));
        Assert.Throws<ArgumentException>(() => new PartialDateRange(default, null));
        Assert.Throws<ArgumentException>(() => new PartialDateRange(new PartialDate(1992), default(PartialDate)));
    }

    [Fact]
    public void Equality_SameBounds_AreEqual()
    {
        var a = PartialDateRange.Parse("1992-03/1992-05");
        var b = new PartialDateRange(new PartialDate(1992, 3), new PartialDate(1992, 5));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, PartialDateRange.Parse("1992-03/.."));
    }

    [Fact]
    public void Json_RoundTrip_UsesEdtfString()
    {
        var range = PartialDateRange.Parse("1992-03/1992-05");
        var json = JsonSerializer.Serialize(range);
        Assert.Equal("\"1992-03/1992-05\"", json);
        Assert.Equal(range, JsonSerializer.Deserialize<PartialDateRange>(json));
    }

    [Fact]
    public void RoundTrip_OrderedPairs_ParseOfToStringIsIdentity()
    {
        var date =
            from year in Gen.Int[1, 9999]
            from month in Gen.Int[1, 12]
            from precision in Gen.Int[0, 2]
            select precision switch
            {
                0 => new PartialDate(year),
                1 => new PartialDate(year, month),
                _ => new PartialDate(year, month, 1),
            };
        Gen.Select(date, date).Sample((a, b) =>
        {
            var (start, end) = a.FirstDay <= b.FirstDay ? (a, b) : (b, a);
            var range = new PartialDateRange(start, end);
            Assert.Equal(range, PartialDateRange.Parse(range.ToString()));
        });
    }

    [Fact]
    public void Validate_AnyText_NeverThrows() =>
        Gen.Char["0123456789-/. "].Array[0, 24].Select(chars => new string(chars)).Sample(text =>
            Assert.Equal(PartialDateRange.Validate(text) is null, PartialDateRange.TryParse(text, out _)));
}
