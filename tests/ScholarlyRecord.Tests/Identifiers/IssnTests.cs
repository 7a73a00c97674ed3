using System.Globalization;
using System.Text.Json;
using CsCheck;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Identifiers;

public class IssnTests
{
    public static TheoryData<string, string> ValidInputs => new()
    {
        { "0317-8471", "0317-8471" },
        { "03178471", "0317-8471" },
        { "ISSN 0378-5955", "0378-5955" },
        { "issn: 2434-561x", "2434-561X" },
        { "0000-0000", "0000-0000" },
        { "0028 0836", "0028-0836" },
        { "ISSN 0028 0836", "0028-0836" },
    };

    public static TheoryData<string, string, int> InvalidInputs => new()
    {
        { "", "empty", 0 },
        { "ISSN:", "empty", 5 },
        { "0378-5956", "checksum", 8 },
        { "0378-595", "length", 0 },
        { "0378-59551", "length", 9 },
        { "037-85955", "misplaced-separator", 3 },
        { "0378--5955", "misplaced-separator", 5 },
        { "X378-5955", "x-not-in-check-position", 0 },
        { "0378  5955", "misplaced-separator", 5 },
        { "03 785955", "misplaced-separator", 2 },
        { "0378 -5955", "misplaced-separator", 5 },
        { "0378 5956", "checksum", 8 },
        { "０378-5955", "non-ascii-digit", 0 },
    };

    [Theory]
    [MemberData(nameof(ValidInputs))]
    public void Parse_ValidInput_GivesDisplayForm(string input, string expected)
    {
        Assert.Equal(expected, Issn.Parse(input).ToString());
        Assert.Null(Issn.Validate(input));
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Validate_InvalidInput_GivesCodeAndIndex(string input, string code, int index)
    {
        var error = Issn.Validate(input);
        Assert.NotNull(error);
        Assert.Equal((code, index), (error.Reason, error.Index));
        Assert.False(Issn.TryParse(input.AsSpan(), out _));
        Assert.Throws<FormatException>(() => Issn.Parse(input));
    }

    [Fact]
    public void Parse_NullOrHuge_FailsCleanly()
    {
        Assert.Throws<ArgumentNullException>(() => Issn.Parse((string)null!));
        Assert.False(Issn.TryParse((string?)null, out _));
        Assert.Equal("length", Issn.Validate(new string('1', 100_000))?.Reason);
    }

    [Fact]
    public void Default_IsNotAValue()
    {
        Assert.Equal("", default(Issn).ToString());
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(Issn)));
    }

    [Fact]
    public void Equality_SameIssnDifferentSpelling_IsEqual() =>
        EqualityContract.AssertEqualityContract(Issn.Parse("2434-561x"), Issn.Parse("2434561X"), Issn.Parse("0378-5955"));

    [Fact]
    public void TryFormat_Utf8_WritesDisplayForm()
    {
        Span<byte> bytes = stackalloc byte[9];
        Assert.True(Issn.Parse("2434561x").TryFormat(bytes, out var written, default, null));
        Assert.Equal("2434-561X"u8.ToArray(), bytes[..written].ToArray());
    }

    [Fact]
    public void Property_Body_RoundTripsAndSingleDigitChangeIsRejected()
    {
        Gen.Select(Gen.Int[0, 9_999_999], Gen.Int[0, 7], Gen.Int[1, 9]).Sample((body, position, delta) =>
        {
            var digits = body.ToString("D7", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 7; i++) sum += (digits[i] - '0') * (8 - i);
            var check = (11 - (sum % 11)) % 11;
            var text = digits + (check == 10 ? "X" : check.ToString(CultureInfo.InvariantCulture));
            var issn = Issn.Parse(text);
            Assert.Equal(text[..4] + "-" + text[4..], issn.ToString());
            Assert.Equal(issn, Issn.Parse(issn.ToString()));
            if (text[position] != 'X') Assert.False(Issn.TryParse(IsbnTests.ChangeDigit(text, position, delta), out _));
        });
    }
}
