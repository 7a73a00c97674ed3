using System.Text.Json;
using CsCheck;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Identifiers;

public class DoiTests
{
    public static TheoryData<string, string> ValidInputs => new()
    {
        { "10.1000/xyz", "10.1000/xyz" },
        { "  doi:10.1000/xyz\n", "10.1000/xyz" },
        { "DOI:10.1000/xyz", "10.1000/xyz" },
        { "urn:doi:10.1000/xyz", "10.1000/xyz" },
        { "info:doi/10.1000/182", "10.1000/182" },
        { "INFO:DOI/10.1000/182", "10.1000/182" },
        { "info:doi/10.1002/(SICI)1097-0274(199909)36:1%2B%3C1::AID-AJIM2%3E3.0.CO;2-0", "10.1002/(SICI)1097-0274(199909)36:1+<1::AID-AJIM2>3.0.CO;2-0" },
        { "URN:DOI: 10.1000/182", "10.1000/182" },
        { "doi.org/10.1000/xyz", "10.1000/xyz" },
        { "https://dx.doi.org/10.1000/xyz", "10.1000/xyz" },
        { "HTTPS://DOI.ORG/10.1000/xyz", "10.1000/xyz" },
        { "https://doi.org/urn:doi:10.1000/xyz", "10.1000/xyz" },
        { "https://doi.org/10.1000/%C3%A9t%C3%A9", "10.1000/été" },
        { "https://doi.org/10.1000/a%25b", "10.1000/a%b" },
        { "10.1000/a%25b", "10.1000/a%25b" },
        { "10.1000.10/abc", "10.1000.10/abc" },
        { "10.1000/a/b/c", "10.1000/a/b/c" },
        { "10.1000/\U0001D49C", "10.1000/\U0001D49C" },
    };

    public static TheoryData<string, string, int> InvalidInputs => new()
    {
        { "", "empty", 0 },
        { "doi:", "empty", 4 },
        { "https://doi.org/", "empty", 16 },
        { "11.1000/xyz", "missing-prefix", 0 },
        { "10.abc/xyz", "invalid-registrant", 3 },
        { "10.1000./xyz", "invalid-registrant", 8 },
        { "10.1000", "missing-suffix", 7 },
        { "10.1000/", "empty-suffix", 8 },
        { "10.1000/x y", "whitespace", 9 },
        { "10.1000/x\u00A0y", "whitespace", 9 },
        { "10.1000/x\u0007y", "non-graphic-character", 9 },
        { "10.1000/x\uD800y", "non-graphic-character", 9 },
        { "10.1000/x\u0378", "non-graphic-character", 9 },
        { "https://doi.org/10.1000/x%2", "invalid-percent-encoding", 25 },
        { "https://doi.org/10.1000/x%FF", "invalid-percent-encoding", 25 },
        { "https://example.org/10.1000/xyz", "not-a-doi-resolver", 0 },
        { "info:doi/", "empty", 9 },
        { "info:doi/10.1000/x%2", "invalid-percent-encoding", 18 },
        { "info:doi:10.1000/182", "missing-prefix", 0 },
        { "info:hdl/10.1000/182", "missing-prefix", 0 },
        { "urn:doi:/10.1000/182", "missing-prefix", 8 },
    };

    [Theory]
    [MemberData(nameof(ValidInputs))]
    public void Parse_AcceptedForm_GivesBareName(string input, string expected)
    {
        Assert.Equal(expected, Doi.Parse(input).ToString());
        Assert.Equal(expected, Doi.Parse(input.AsSpan()).ToString());
        Assert.Null(Doi.Validate(input));
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Validate_InvalidInput_GivesCodeAndIndex(string input, string code, int index)
    {
        var error = Doi.Validate(input);
        Assert.NotNull(error);
        Assert.Equal((code, index), (error.Reason, error.Index));
        Assert.False(Doi.TryParse(input, out var result));
        Assert.Equal(default, result);
        Assert.Throws<FormatException>(() => Doi.Parse(input));
    }

    [Fact]
    public void Parse_NullOrHuge_BehavesSafely()
    {
        Assert.Throws<ArgumentNullException>(() => Doi.Parse((string)null!));
        Assert.False(Doi.TryParse((string?)null, out _));
        Assert.Equal("empty", Doi.Validate((string?)null)?.Reason);

        var longSuffix = new string('a', 100_000);
        Assert.Equal(100_008, Doi.Parse("10.1000/" + longSuffix).ToString().Length);
        Assert.Equal("10.1000/" + longSuffix + "/", Doi.Parse("https://doi.org/10.1000/" + longSuffix + "%2F").ToString());
        Assert.Equal("missing-prefix", Doi.Validate(longSuffix)?.Reason);
        Assert.Empty(Doi.FindAll(new string('1', 50_000) + "10." + new string('2', 50_000)));
    }

    [Fact]
    public void PrefixAndSuffix_SplitAtFirstSlash()
    {
        var doi = Doi.Parse("10.1007/978-1-349-05679-8_7/part");
        Assert.Equal("10.1007", doi.Prefix);
        Assert.Equal("978-1-349-05679-8_7/part", doi.Suffix);
        Assert.Equal("", default(Doi).Prefix);
        Assert.Equal("", default(Doi).Suffix);
    }

    [Fact]
    public void Equality_AsciiCaseOnly()
    {
        EqualityContract.AssertEqualityContract(Doi.Parse("10.1000/ABC"), Doi.Parse("https://doi.org/10.1000/abc"), Doi.Parse("10.1000/abd"));
        Assert.NotEqual(Doi.Parse("10.1000/É"), Doi.Parse("10.1000/é"));
        Assert.NotEqual(Doi.Parse("10.1000/K"), Doi.Parse("10.1000/\u212A")); // KELVIN SIGN folds to k only outside ASCII rules
    }

    [Fact]
    public void ToUri_SpecialCharacters_ArePercentEncoded()
    {
        var doi = Doi.Parse("10.1002/(SICI)1097-0274(199909)36:1+<1::AID-AJIM2>3.0.CO;2-#");
        Assert.Equal(
            "https://doi.org/10.1002/(SICI)1097-0274(199909)36:1%2B%3C1::AID-AJIM2%3E3.0.CO;2-%23",
            doi.ToUri().AbsoluteUri);
        Assert.Equal("https://doi.org/10.17072/1995%E2%80%904190", Doi.Parse("10.17072/1995\u20104190").ToUri().AbsoluteUri);
        Assert.Equal("https://doi.org/10.1000/a/b", Doi.Parse("10.1000/a/b").ToUri().AbsoluteUri);
        Assert.Throws<InvalidOperationException>(() => default(Doi).ToUri());
    }

    [Fact]
    public void FindAll_Prose_FindsEachDoi()
    {
        var text = "Cited as https://doi.org/10.1000%2Fabc, also doi:10.1007/978-1-349-05679-8_7; "
            + "and [10.1016/S0022-4049(02)00143-3] but not 210.1000/x nor 10.x/y or <https://doi.org/10.5555/a>.";
        var found = Doi.FindAll(text);
        Assert.Equal(
            ["10.1000/abc", "10.1007/978-1-349-05679-8_7", "10.1016/S0022-4049(02)00143-3", "10.5555/a"],
            found.Select(d => d.ToString()));
        Assert.Empty(Doi.FindAll(""));
        Assert.Empty(Doi.FindAll("10.1000/ ."));
        Assert.Throws<ArgumentNullException>(() => Doi.FindAll(null!));
    }

    [Fact]
    public void Default_IsNotAValue()
    {
        Assert.Equal("", default(Doi).ToString());
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(Doi)));
    }

    [Fact]
    public void Json_RoundTrip_KeepsCase()
    {
        var doi = Doi.Parse("DOI: 10.1000/ABC");
        var json = JsonSerializer.Serialize(doi);
        Assert.Equal("\"10.1000/ABC\"", json);
        Assert.Equal("10.1000/ABC", JsonSerializer.Deserialize<Doi>(json).ToString());
    }

    [Fact]
    public void TryFormat_Utf8_WritesName()
    {
        var doi = Doi.Parse("10.1000/été");
        var bytes = new byte[32];
        Assert.True(doi.TryFormat(bytes, out var written, default, null));
        Assert.Equal("10.1000/été"u8.ToArray(), bytes[..written]);
        Assert.False(doi.TryFormat(new byte[5], out _, default, null));
    }

    private static readonly string[] SuffixTokens =
    [
        "a", "Z", "0", "9", "-", "_", ".", "..", "/", ";", "(", ")", ":", "#", "%", "?", "\"", "<", ">", "+", "[", "]",
        "{", "}", "^", "`", "|", "\\", "!", "*", "'", "~", "&", "=", "$", ",", "@", "é", "Ж", "Ω", "漢", "\u2010", "\U0001D49C",
    ];

    private static readonly Gen<string> Suffixes =
        Gen.Int[0, SuffixTokens.Length - 1].Array[1, 24].Select(indexes => string.Concat(indexes.Select(i => SuffixTokens[i])));

    [Fact]
    public void Property_ToUri_ParsesBackToSameDoi()
    {
        Suffixes.Sample(suffix =>
        {
            var doi = Doi.Parse("10.1234/" + suffix);
            var back = Doi.Parse(doi.ToUri().AbsoluteUri);
            Assert.Equal(doi.ToString(), back.ToString());
        });
    }

    [Fact]
    public void Property_Equality_IgnoresAsciiCaseOnly()
    {
        Suffixes.Sample(suffix =>
        {
            var lower = Doi.Parse("10.1234/" + string.Concat(suffix.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c)));
            var upperAscii = Doi.Parse("10.1234/" + string.Concat(suffix.Select(c => c is >= 'a' and <= 'z' ? (char)(c - 32) : c)));
            Assert.Equal(lower, upperAscii);
            Assert.Equal(lower.GetHashCode(), upperAscii.GetHashCode());
            Assert.Equal(0, lower.CompareTo(upperAscii));
            if (suffix.Contains('Ж') || suffix.Contains('é'))
            {
                var nonAsciiFolded = Doi.Parse("10.1234/" + suffix.Replace('Ж', 'ж').Replace('é', 'É'));
                Assert.NotEqual(lower, nonAsciiFolded);
            }
        });
    }
}

public class DoiDotSegmentTests
{
    [Theory]
    [InlineData("10.1000/../x")]
    [InlineData("10.1000/a/./b")]
    [InlineData("10.1000/a/..")]
    [InlineData("10.1000/.")]
    public void ToUri_DotSegments_SurviveRoundTrip(string name)
    {
        var doi = Doi.Parse(name);
        Assert.Equal(name, Doi.Parse(doi.ToUri().AbsoluteUri).ToString());
    }
}
