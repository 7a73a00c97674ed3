using CsCheck;
using Xunit;

namespace ScholarlyRecord.Tests.Model;

public class PageRangeTests
{
    [Theory]
    [InlineData("1-20", "1", "20")]
    [InlineData("1--20", "1", "20")]
    [InlineData("1---20", "1", "20")]
    [InlineData("1\u201320", "1", "20")]
    [InlineData("1\u201420", "1", "20")]
    [InlineData("1\u201020", "1", "20")]
    [InlineData("1\u221220", "1", "20")]
    [InlineData("  1 \u2013 20  ", "1", "20")]
    [InlineData("xi\u2013xv", "xi", "xv")]
    [InlineData("XI--XV", "XI", "XV")]
    [InlineData("S12--S15", "S12", "S15")]
    [InlineData("e123", "e123", null)]
    [InlineData("42", "42", null)]
    [InlineData("123-9", "123", "129")]
    [InlineData("1234-56", "1234", "1256")]
    [InlineData("99-100", "99", "100")]
    [InlineData("12-12", "12", "12")]
    [InlineData("A-1\u2013A-10", "A-1", "A-10")]
    [InlineData("xii-1", "xii", "1")]
    [InlineData("S12-15", "S12", "15")]
    public void Parse_ValidInput_GivesFirstAndLast(string input, string first, string? last)
    {
        var pages = PageRange.Parse(input);
        Assert.Equal(first, pages.First);
        Assert.Equal(last, pages.Last);
        Assert.Null(PageRange.Validate(input));
        Assert.True(PageRange.TryParse(input.AsSpan(), out var fromSpan));
        Assert.Equal(pages, fromSpan);
    }

    [Theory]
    [InlineData(null, "empty", 0)]
    [InlineData("", "empty", 0)]
    [InlineData(" \t ", "empty", 0)]
    [InlineData("20-10", "descending-range", 3)]
    [InlineData("129-3", "descending-range", 4)]
    [InlineData("xv\u2013xi", "descending-range", 3)]
    [InlineData("S15--S12", "descending-range", 5)]
    [InlineData("1-", "syntax", 1)]
    [InlineData("-5", "syntax", 0)]
    [InlineData("1-5-9", "syntax", 3)]
    [InlineData("1\u20135\u20139", "syntax", 3)]
    [InlineData("1-5, 7-9", "syntax", 6)]
    [InlineData("pp. 1-5", "syntax", 3)]
    [InlineData("A-1-A-10", "syntax", 3)]
    public void Validate_InvalidInput_GivesCodeAndIndex(string? input, string code, int index)
    {
        var error = PageRange.Validate(input);
        Assert.NotNull(error);
        Assert.Equal(code, error.Reason);
        Assert.Equal(index, error.Index);
        Assert.False(PageRange.TryParse(input, out var result));
        Assert.Null(result);
        if (input is not null) Assert.Throws<FormatException>(() => PageRange.Parse(input));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull() => Assert.Throws<ArgumentNullException>(() => PageRange.Parse((string)null!));

    [Theory]
    [InlineData("1", "20", "1\u201320")]
    [InlineData("e123", null, "e123")]
    public void ToString_Range_UsesEnDash(string first, string? last, string expected) =>
        Assert.Equal(expected, new PageRange { First = first, Last = last }.ToString());

    [Theory]
    [InlineData("i", 1)]
    [InlineData("iv", 4)]
    [InlineData("ix", 9)]
    [InlineData("xiv", 14)]
    [InlineData("XL", 40)]
    [InlineData("mcmxcii", 1992)]
    [InlineData("MMMCMXCIX", 3999)]
    public void TryParseRoman_Canonical_GivesValue(string text, int value)
    {
        Assert.True(PageRange.TryParseRoman(text, out var parsed));
        Assert.Equal(value, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("iiii")]
    [InlineData("ic")]
    [InlineData("vx")]
    [InlineData("Xi")]
    [InlineData("mix2")]
    [InlineData("abc")]
    public void TryParseRoman_NotCanonical_ReturnsFalse(string text) => Assert.False(PageRange.TryParseRoman(text, out _));

    [Theory]
    [InlineData("9", "10", -1)]
    [InlineData("010", "9", 1)]
    [InlineData("xv", "xi", 1)]
    [InlineData("S12", "S15", -1)]
    [InlineData("e5", "e5", 0)]
    [InlineData("xii", "1", null)]
    [InlineData("S12", "T15", null)]
    [InlineData("xi", "XV", null)]
    public void ComparePages_Labels_ComparesWithinKind(string a, string b, int? sign) =>
        Assert.Equal(sign, PageRange.ComparePages(a, b) is { } order ? Math.Sign(order) : null);

    [Theory]
    [InlineData("20", "10", true)]
    [InlineData("123", "9", false)]
    [InlineData("129", "3", true)]
    [InlineData("xi", "xv", false)]
    [InlineData("1", "", false)]
    public void IsDescending_Pairs_DetectsBackwardRanges(string first, string last, bool expected) =>
        Assert.Equal(expected, PageRange.IsDescending(first, last));

    [Fact]
    public void Equality_SameValues_AreEqual()
    {
        Assert.Equal(PageRange.Parse("1--20"), PageRange.Parse("1\u201320"));
        Assert.NotEqual(PageRange.Parse("1-20"), PageRange.Parse("1-21"));
    }

    [Fact]
    public void RoundTrip_NumericRanges_ParseOfToStringIsIdentity() =>
        Gen.Select(Gen.Int[1, 100_000], Gen.Int[0, 1000], Gen.Bool).Sample((first, length, single) =>
        {
            var pages = single
                ? new PageRange { First = first.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : new PageRange
                {
                    First = first.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Last = (first + length).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
            Assert.Equal(pages, PageRange.Parse(pages.ToString()));
        });

    [Fact]
    public void RoundTrip_RomanRanges_ParseOfToStringIsIdentity() =>
        Gen.Select(Gen.Int[1, 3999], Gen.Int[0, 50], Gen.Bool).Sample((first, length, lower) =>
        {
            var a = Roman(first, lower);
            var b = Roman(Math.Min(3999, first + length), lower);
            var pages = new PageRange { First = a, Last = b };
            Assert.Equal(pages, PageRange.Parse(pages.ToString()));
            Assert.True(PageRange.TryParseRoman(a, out var value));
            Assert.Equal(first, value);
        });

    [Fact]
    public void Validate_AnyText_NeverThrows()
    {
        Gen.String.Sample(text => Assert.Equal(PageRange.Validate(text) is null, PageRange.TryParse(text, out _)));
        Gen.Char["0123456789-\u2013ivxS ,"].Array[0, 12].Select(chars => new string(chars)).Sample(text =>
            Assert.Equal(PageRange.Validate(text) is null, PageRange.TryParse(text, out _)));
        var huge = new string('1', 100_000) + "-" + new string('2', 100_000);
        Assert.Null(PageRange.Validate(huge));
        Assert.Equal("syntax", PageRange.Validate(new string('-', 100_000) + "1")?.Reason);
    }

    private static string Roman(int value, bool lower)
    {
        int[] values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var text = "";
        for (var i = 0; i < values.Length; i++)
        {
            while (value >= values[i])
            {
                text += symbols[i];
                value -= values[i];
            }
        }

        return lower ? text.ToLowerInvariant() : text;
    }
}
