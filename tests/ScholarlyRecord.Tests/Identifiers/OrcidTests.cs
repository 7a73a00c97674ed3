using System.Globalization;
using System.Text.Json;
using CsCheck;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Identifiers;

public class OrcidTests
{
    public static TheoryData<string> CarberryForms => new()
    {
        "0000-0002-1825-0097",
        "0000000218250097",
        "https://orcid.org/0000-0002-1825-0097",
        "HTTPS://WWW.ORCID.ORG/0000-0002-1825-0097",
        "orcid.org/0000-0002-1825-0097",
        " http://orcid.org/0000000218250097 ",
        "https://orcid.org/0000-0002-1825-0097/",
        "http://orcid.org/0000-0002-1825-0097/",
        "orcid.org/0000-0002-1825-0097/",
    };

    public static TheoryData<string, string, int> InvalidInputs => new()
    {
        { "", "empty", 0 },
        { "https://orcid.org/", "empty", 18 },
        { "0000-0002-1825-0098", "checksum", 18 },
        { "0000-0002-1825-009", "length", 0 },
        { "0000-00021825-0097", "misplaced-separator", 13 },
        { "0000-0002-18250097", "misplaced-separator", 0 },
        { "000-00002-1825-0097", "misplaced-separator", 3 },
        { "0000-0002-1825-0097-", "misplaced-separator", 19 },
        { "X000-0002-1825-0097", "x-not-in-check-position", 0 },
        { "https://example.org/0000-0002-1825-0097", "not-an-orcid-url", 0 },
        { "0000-0002-1825-009٧", "non-ascii-digit", 18 },
        { "0000-0002-1825-0097/", "invalid-character", 19 },
        { "https://orcid.org/0000-0002-1825-0097//", "invalid-character", 37 },
        { "https://orcid.org//", "empty", 18 },
        { "https://orcid.org/0000-0002-1825-0098/", "checksum", 36 },
    };

    [Theory]
    [MemberData(nameof(CarberryForms))]
    public void Parse_AcceptedForm_GivesHyphenatedIdAndUri(string input)
    {
        var orcid = Orcid.Parse(input);
        Assert.Equal("0000-0002-1825-0097", orcid.ToString());
        Assert.Equal("https://orcid.org/0000-0002-1825-0097", orcid.ToUri().AbsoluteUri);
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Validate_InvalidInput_GivesCodeAndIndex(string input, string code, int index)
    {
        var error = Orcid.Validate(input);
        Assert.NotNull(error);
        Assert.Equal((code, index), (error.Reason, error.Index));
        Assert.False(Orcid.TryParse(input.AsSpan(), out _));
        Assert.Throws<FormatException>(() => Orcid.Parse(input));
    }

    [Fact]
    public void Parse_NullOrHuge_FailsCleanly()
    {
        Assert.Throws<ArgumentNullException>(() => Orcid.Parse((string)null!));
        Assert.False(Orcid.TryParse((string?)null, out _));
        Assert.Equal("length", Orcid.Validate(new string('1', 100_000))?.Reason);
    }

    [Fact]
    public void Default_IsNotAValue()
    {
        Assert.Equal("", default(Orcid).ToString());
        Assert.Throws<InvalidOperationException>(() => default(Orcid).ToUri());
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(Orcid)));
    }

    [Fact]
    public void Equality_UrlAndBareForms_AreEqual() =>
        EqualityContract.AssertEqualityContract(
            Orcid.Parse("https://orcid.org/0000-0002-1694-233X"), Orcid.Parse("000000021694233x"), Orcid.Parse("0009-0001-5055-9262"));

    [Fact]
    public void Json_RoundTrip_UsesHyphenatedForm()
    {
        var orcid = Orcid.Parse("http://orcid.org/0000-0002-1694-233X");
        var json = JsonSerializer.Serialize(orcid);
        Assert.Equal("\"0000-0002-1694-233X\"", json);
        Assert.Equal(orcid, JsonSerializer.Deserialize<Orcid>(json));
    }

    [Fact]
    public void Property_Body_RoundTripsAndSingleDigitChangeIsRejected()
    {
        Gen.Select(Gen.Long[0, 999_999_999_999_999], Gen.Int[0, 15], Gen.Int[1, 9]).Sample((body, position, delta) =>
        {
            var digits = body.ToString("D15", CultureInfo.InvariantCulture);
            var total = 0;
            foreach (var c in digits) total = (total + (c - '0')) * 2 % 11;
            var check = (12 - total) % 11;
            var text = digits + (check == 10 ? "X" : check.ToString(CultureInfo.InvariantCulture));
            var orcid = Orcid.Parse(text);
            Assert.Equal($"{text[..4]}-{text[4..8]}-{text[8..12]}-{text[12..]}", orcid.ToString());
            Assert.Equal(orcid, Orcid.Parse(orcid.ToUri().AbsoluteUri));
            if (text[position] != 'X') Assert.False(Orcid.TryParse(IsbnTests.ChangeDigit(text, position, delta), out _));
        });
    }
}
