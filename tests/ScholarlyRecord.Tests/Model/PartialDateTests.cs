using System.Text;
using System.Text.Json;
using CsCheck;
using Xunit;

namespace ScholarlyRecord.Tests.Model;

public class PartialDateTests
{
    public static TheoryData<string, string, DatePrecision> ValidInputs => new()
    {
        { "1992", "1992", DatePrecision.Year },
        { "1992-03", "1992-03", DatePrecision.Month },
        { "1992-03-15", "1992-03-15", DatePrecision.Day },
        { "2000-02-29", "2000-02-29", DatePrecision.Day },
        { "1992-21", "1992-21", DatePrecision.Season },
        { "1992-24", "1992-24", DatePrecision.Season },
        { "Spring 1992", "1992-21", DatePrecision.Season },
        { "SUMMER 1992", "1992-22", DatePrecision.Season },
        { "autumn 1992", "1992-23", DatePrecision.Season },
        { "Fall 1992", "1992-23", DatePrecision.Season },
        { "Winter  1992", "1992-24", DatePrecision.Season },
        { "1993-00-00", "1993", DatePrecision.Year },
        { "1993-00", "1993", DatePrecision.Year },
        { "1993-03-00", "1993-03", DatePrecision.Month },
        { "  1992-03 \t", "1992-03", DatePrecision.Month },
        { "0001", "0001", DatePrecision.Year },
        { "9999-12-31", "9999-12-31", DatePrecision.Day },
    };

    public static TheoryData<string?, string, int> InvalidInputs => new()
    {
        { null, "empty", 0 },
        { "", "empty", 0 },
        { "   ", "empty", 0 },
        { "1992-02-30", "day-out-of-range", 8 },
        { "1900-02-29", "day-out-of-range", 8 },
        { "1992-04-31", "day-out-of-range", 8 },
        { "1992-01-32", "day-out-of-range", 8 },
        { "1992-13", "month-out-of-range", 5 },
        { "1992-20", "month-out-of-range", 5 },
        { "1992-25", "month-out-of-range", 5 },
        { "1992-99-01", "month-out-of-range", 5 },
        { "0000", "year-out-of-range", 0 },
        { "-0044", "year-out-of-range", 0 },
        { "10000", "year-out-of-range", 0 },
        { "1993-00-15", "day-without-month", 8 },
        { "92", "syntax", 2 },
        { "1992-3", "syntax", 5 },
        { "1992-03-5", "syntax", 8 },
        { "1992/03", "syntax", 4 },
        { "1992-03-15T10:00", "syntax", 10 },
        { "1992-21-01", "syntax", 7 },
        { "Spring", "syntax", 6 },
        { "Spring1992", "syntax", 6 },
        { "Monsoon 1992", "syntax", 0 },
        { "Spring 1992-03", "syntax", 11 },
        { "１９９２", "syntax", 0 },
        { "١٩٩٢", "syntax", 0 },
        { " x", "syntax", 1 },
    };

    [Theory]
    [MemberData(nameof(ValidInputs))]
    public void Parse_ValidInput_GivesCanonicalTextAndPrecision(string input, string canonical, DatePrecision precision)
    {
        var date = PartialDate.Parse(input);
        Assert.Equal(canonical, date.ToString());
        Assert.Equal(precision, date.Precision);
        Assert.Null(PartialDate.Validate(input));
        Assert.True(PartialDate.TryParse(input.AsSpan(), out var fromSpan));
        Assert.Equal(date, fromSpan);
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Validate_InvalidInput_GivesCodeAndIndex(string? input, string code, int index)
    {
        var error = PartialDate.Validate(input);
        Assert.NotNull(error);
        Assert.Equal(code, error.Reason);
        Assert.Equal(index, error.Index);
        Assert.False(PartialDate.TryParse(input, out var result));
        Assert.Equal(default, result);
        if (input is not null) Assert.Throws<FormatException>(() => PartialDate.Parse(input));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull() => Assert.Throws<ArgumentNullException>(() => PartialDate.Parse((string)null!));

    [Fact]
    public void Validate_HugeInput_GivesCodeWithoutThrowing()
    {
        var huge = new string('9', 100_000);
        Assert.Equal("year-out-of-range", PartialDate.Validate(huge)?.Reason);
        Assert.Equal("syntax", PartialDate.Validate("1992-" + huge)?.Reason);
        Assert.True(PartialDate.Validate(huge)!.Message.Length < 300);
    }

    [Fact]
    public void Parts_SeasonDate_HasSeasonAndNoMonth()
    {
        var date = PartialDate.Parse("Spring 1992");
        Assert.Equal(1992, date.Year);
        Assert.Equal(1, date.Season);
        Assert.Null(date.Month);
        Assert.Null(date.Day);
    }

    [Fact]
    public void Parts_DayDate_HasAllParts()
    {
        var date = new PartialDate(1992, 3, 15);
        Assert.Equal((1992, 3, 15, (int?)null), (date.Year, date.Month!.Value, date.Day!.Value, date.Season));
    }

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(10000, null, null)]
    [InlineData(1992, 0, null)]
    [InlineData(1992, 13, null)]
    [InlineData(1992, 2, 30)]
    [InlineData(1900, 2, 29)]
    [InlineData(1992, 3, 0)]
    public void FromDateParts_OutOfRange_ThrowsArgumentOutOfRange(int year, int? month, int? day)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromDateParts(year, month, day));
        Assert.False(PartialDate.TryCreate(year, month, day, out _));
    }

    [Fact]
    public void FromDateParts_DayWithoutMonth_ThrowsArgument()
    {
        Assert.Throws<ArgumentException>(() => PartialDate.FromDateParts(1992, null, 3));
        Assert.False(PartialDate.TryCreate(1992, null, 3, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void FromSeason_OutOfRange_ThrowsArgumentOutOfRange(int season) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromSeason(1992, season));

    [Fact]
    public void FromSeason_Winter_FormatsAsEdtf24() => Assert.Equal("1992-24", PartialDate.FromSeason(1992, 4).ToString());

    [Fact]
    public void Default_IsYearZero_AndSortsFirst()
    {
        PartialDate none = default;
        Assert.Equal(0, none.Year);
        Assert.Equal("0000", none.ToString());
        Assert.True(none < new PartialDate(1));
    }

    [Fact]
    public void Equality_SameParts_AreEqualWithSameHash()
    {
        var a = PartialDate.Parse("1992-03");
        var b = new PartialDate(1992, 3);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(new PartialDate(1992), PartialDate.Parse("1992-21"));
        Assert.NotEqual(new PartialDate(1992, 3), new PartialDate(1992, 3, 1));
    }

    [Fact]
    public void CompareTo_MixedPrecisions_SortsByFirstDayThenPrecision()
    {
        string[] expected = ["1991-12-31", "1992", "1992-24", "1992-01", "1992-01-01", "1992-01-02", "1992-21", "1992-03", "1992-03-01", "1992-12", "1993"];
        var shuffled = expected.Reverse().Select(PartialDate.Parse).ToList();
        shuffled.Sort();
        Assert.Equal(expected, shuffled.Select(d => d.ToString()));
        Assert.True(PartialDate.Parse("1992") <= PartialDate.Parse("1992"));
        Assert.True(PartialDate.Parse("1993") >= PartialDate.Parse("1992-12-31"));
        Assert.True(PartialDate.Parse("1993") > PartialDate.Parse("1992-12-31"));
        Assert.Equal(1, new PartialDate(1992).CompareTo(null));
        Assert.Throws<ArgumentException>(() => new PartialDate(1992).CompareTo("1992"));
    }

    [Fact]
    public void TryFormat_ShortDestination_ReturnsFalse()
    {
        var date = new PartialDate(1992, 3, 15);
        Assert.False(date.TryFormat(new char[9], out var written, default, null));
        Assert.Equal(0, written);
        Assert.False(date.TryFormat(new byte[9], out _, default, null));
    }

    [Fact]
    public void TryFormat_Utf8_WritesIsoText()
    {
        var buffer = new byte[16];
        Assert.True(PartialDate.Parse("1992-22").TryFormat(buffer, out var written, default, null));
        Assert.Equal("1992-22", Encoding.UTF8.GetString(buffer, 0, written));
        Assert.Equal("1992-03-15", $"{new PartialDate(1992, 3, 15)}");
    }

    [Fact]
    public void SpanParsable_GenericParse_Works()
    {
        Assert.Equal(new PartialDate(1992, 3), ParseGeneric<PartialDate>("1992-03"));
        static T ParseGeneric<T>(string s) where T : ISpanParsable<T> => T.Parse(s.AsSpan(), null);
    }

    [Fact]
    public void Json_RoundTrip_UsesIsoString()
    {
        var date = PartialDate.Parse("Spring 1992");
        var json = JsonSerializer.Serialize(date);
        Assert.Equal("\"1992-21\"", json);
        Assert.Equal(date, JsonSerializer.Deserialize<PartialDate>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PartialDate>("\"1992-02-30\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(PartialDate)));
    }

    [Fact]
    public void RoundTrip_ValidParts_ParseOfToStringIsIdentity()
    {
        var gen =
            from year in Gen.Int[1, 9999]
            from month in Gen.Int[1, 12]
            from day in Gen.Int[1, DateTime.DaysInMonth(year, month)]
            from precision in Gen.Int[0, 3]
            select precision switch
            {
                0 => new PartialDate(year),
                1 => PartialDate.FromSeason(year, (month % 4) + 1),
                2 => new PartialDate(year, month),
                _ => new PartialDate(year, month, day),
            };
        gen.Sample(date =>
        {
            var text = date.ToString();
            Assert.Equal(date, PartialDate.Parse(text));
            Assert.Null(PartialDate.Validate(text));
        });
    }

    [Fact]
    public void Validate_DayPastMonthEnd_GivesDayOutOfRange()
    {
        var gen =
            from year in Gen.Int[1, 9999]
            from month in Gen.Int[1, 12]
            from extra in Gen.Int[1, 99 - DateTime.DaysInMonth(year, month)]
            select (year, month, day: DateTime.DaysInMonth(year, month) + extra);
        gen.Sample(t =>
        {
            var text = FormattableString.Invariant($"{t.year:D4}-{t.month:D2}-{t.day:D2}");
            Assert.Equal("day-out-of-range", PartialDate.Validate(text)?.Reason);
            Assert.False(PartialDate.TryCreate(t.year, t.month, t.day, out _));
        });
    }

    [Fact]
    public void Validate_AnyText_NeverThrows()
    {
        Gen.String.Sample(text =>
        {
            var error = PartialDate.Validate(text);
            Assert.Equal(error is null, PartialDate.TryParse(text, out _));
        });
        Gen.Char["0123456789-/ Sprig"].Array[0, 14].Select(chars => new string(chars)).Sample(text =>
        {
            var error = PartialDate.Validate(text);
            Assert.Equal(error is null, PartialDate.TryParse(text, out _));
        });
    }
}
