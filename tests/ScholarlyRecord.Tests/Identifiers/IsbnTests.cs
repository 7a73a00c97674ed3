using System.Globalization;
using System.Text.Json;
using CsCheck;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Identifiers;

public class IsbnTests
{
    public static TheoryData<string, string> ValidInputs => new()
    {
        { "978-0-306-40615-7", "9780306406157" },
        { "0-306-40615-2", "9780306406157" },
        { "ISBN 0-306-40615-2", "9780306406157" },
        { "isbn:978 0 306 40615 7", "9780306406157" },
        { "ISBN-10: 0-8044-2957-x", "9780804429573" },
        { "ISBN-13:9781349056798", "9781349056798" },
        { "  9791090636071  ", "9791090636071" },
        { "978\u20100\u2011306\u201340615-7", "9780306406157" },
        // As written in a real record: fixtures/real/bibtex/bbt-Better_BibTeX_does_not_export_collections_901.bibtex, line 630.
        { "092492201X (PBK)", "9780924922015" },
        { "ISBN 0-306-40615-2 (pbk.)", "9780306406157" },
        { "ISBN-13: 978-0-306-40615-7(alk. paper)", "9780306406157" },
    };

    public static TheoryData<string, string, int> InvalidInputs => new()
    {
        { "", "empty", 0 },
        { "   ", "empty", 3 },
        { "ISBN", "empty", 4 },
        { "ISBN-13: ", "empty", 8 },
        { "978-0-306-40615-8", "checksum", 16 },
        { "030640615", "length", 0 },
        { "97803064061570", "length", 13 },
        { "ISBN-10: 9780306406157", "length", 9 },
        { "ISBN-13: 0306406152", "length", 9 },
        { "0306X06152", "x-not-in-check-position", 4 },
        { "978030640615X", "x-not-in-check-position", 12 },
        { "-0306406152", "misplaced-separator", 0 },
        { "0306406152-", "misplaced-separator", 10 },
        { "0306406152a", "invalid-character", 10 },
        { "0306\u0664061520", "non-ascii-digit", 4 },
        { "9770317847001", "prefix-not-978-979", 0 },
        { "979-0-2600-0043-8", "979-0-is-ismn", 4 },
        { "ISBN 0-333-52918-7 (pbk.)", "checksum", 17 },
        { "0-306-40615-2 (pbk.", "invalid-qualifier", 14 },
        { "0-306-40615-2 ()", "invalid-qualifier", 14 },
        { "0-306-40615-2 (  )", "invalid-qualifier", 14 },
        { "0-306-40615-2 (pbk.) (alk. paper)", "invalid-qualifier", 14 },
        { "0-306-40615-2 pbk.)", "invalid-qualifier", 18 },
        { "0-306-40615-2 (pbk.) x", "invalid-qualifier", 14 },
        { "(pbk.)", "empty", 0 },
        { "ISBN (pbk.)", "empty", 5 },
        { "0-306-40615- (pbk.)", "misplaced-separator", 11 },
    };

    [Theory]
    [MemberData(nameof(ValidInputs))]
    public void Parse_ValidInput_GivesIsbn13(string input, string expected)
    {
        Assert.Equal(expected, Isbn.Parse(input).ToString());
        Assert.True(Isbn.TryParse(input.AsSpan(), out var fromSpan));
        Assert.Equal(expected, fromSpan.ToString());
        Assert.Null(Isbn.Validate(input));
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Validate_InvalidInput_GivesCodeAndIndex(string input, string code, int index)
    {
        var error = Isbn.Validate(input);
        Assert.NotNull(error);
        Assert.Equal((code, index), (error.Reason, error.Index));
        Assert.False(Isbn.TryParse(input, out var result));
        Assert.Equal(default, result);
        Assert.Throws<FormatException>(() => Isbn.Parse(input));
    }

    [Theory]
    [InlineData("092492201X (PBK)", "PBK")]
    [InlineData("ISBN 0-306-40615-2 ( pbk. )", "pbk.")]
    [InlineData("ISBN-13: 978-0-306-40615-7", "")]
    public void TryParse_WithQualifier_GivesQualifierApartFromValue(string input, string qualifier)
    {
        Assert.True(Isbn.TryParse(input.AsSpan(), out var isbn, out var found));
        Assert.Equal(qualifier, found.ToString());
        Assert.Equal(Isbn.Parse(input), isbn);
        Assert.DoesNotContain("(", isbn.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WithQualifier_Invalid_GivesNoQualifier()
    {
        Assert.False(Isbn.TryParse("0-306-40615-3 (pbk.)".AsSpan(), out var isbn, out var found));
        Assert.Equal(default, isbn);
        Assert.True(found.IsEmpty);
    }

    [Fact]
    public void Parse_QualifierProblem_MessageSaysWhatIsExpected()
    {
        var exception = Assert.Throws<FormatException>(() => Isbn.Parse("0-306-40615-2 (pbk."));
        Assert.Contains("qualifier in parentheses", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongCheckDigit_MessageNamesBothDigits()
    {
        var exception = Assert.Throws<FormatException>(() => Isbn.Parse("978-0-306-40615-8"));
        Assert.Contains("check digit is 8, expected 7", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Isbn.Parse((string)null!));
        Assert.False(Isbn.TryParse((string?)null, out _));
        Assert.Equal("empty", Isbn.Validate((string?)null)?.Reason);
    }

    [Fact]
    public void Validate_VeryLongInput_ReportsLength()
    {
        var input = new string('7', 100_000);
        Assert.Equal("length", Isbn.Validate(input)?.Reason);
        Assert.False(Isbn.TryParse(input, out _));
    }

    [Fact]
    public void Isbn10_979Prefix_IsNull() => Assert.Null(Isbn.Parse("979-10-90636-07-1").Isbn10);

    [Fact]
    public void Default_IsNotAValue()
    {
        var value = default(Isbn);
        Assert.Equal("", value.ToString());
        Assert.Null(value.Isbn10);
        Assert.False(((Internal.ITextValue<Isbn>)value).IsValid);
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(value));
    }

    [Fact]
    public void Equality_Isbn10AndIsbn13_AreOneValue() =>
        EqualityContract.AssertEqualityContract(Isbn.Parse("0-306-40615-2"), Isbn.Parse("9780306406157"), Isbn.Parse("978-1-349-05679-8"));

    [Fact]
    public void Json_RoundTrip_UsesCanonicalText()
    {
        var isbn = Isbn.Parse("0-306-40615-2");
        var json = JsonSerializer.Serialize(isbn);
        Assert.Equal("\"9780306406157\"", json);
        Assert.Equal(isbn, JsonSerializer.Deserialize<Isbn>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Isbn>("\"978-0-306-40615-8\""));
    }

    [Fact]
    public void TryFormat_Utf8AndChars_WriteCanonicalText()
    {
        var isbn = Isbn.Parse("978-0-306-40615-7");
        Span<byte> bytes = stackalloc byte[13];
        Assert.True(isbn.TryFormat(bytes, out var written, default, null));
        Assert.Equal("9780306406157"u8.ToArray(), bytes[..written].ToArray());
        Assert.False(isbn.TryFormat(stackalloc char[12], out _, default, null));
        Assert.Equal("9780306406157", $"{isbn}");
        Assert.Throws<FormatException>(() => isbn.ToString("H", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Property_Isbn10Body_RoundTripsThroughIsbn13()
    {
        Gen.Long[0, 999_999_999].Sample(body =>
        {
            var isbn10 = WithIsbn10Check(body);
            var isbn = Isbn.Parse(isbn10);
            Assert.Equal(WithEan13Check(978_000_000_000 + body), isbn.ToString());
            Assert.Equal(isbn10, isbn.Isbn10);
            Assert.Equal(isbn, Isbn.Parse(isbn.ToString()));
        });
    }

    [Fact]
    public void Property_Isbn13Body_RoundTrips()
    {
        Gen.OneOf(Gen.Long[978_000_000_000, 978_999_999_999], Gen.Long[979_100_000_000, 979_999_999_999]).Sample(twelve =>
        {
            var text = WithEan13Check(twelve);
            var isbn = Isbn.Parse(text);
            Assert.Equal(text, isbn.ToString());
            Assert.Equal(isbn, Isbn.Parse(isbn.ToString()));
        });
    }

    [Fact]
    public void Property_AnySingleDigitChange_IsRejected()
    {
        Gen.Select(Gen.Long[0, 999_999_999], Gen.Int[0, 9], Gen.Int[1, 9]).Sample((body, position, delta) =>
        {
            var text = WithIsbn10Check(body);
            if (text[position] == 'X') return;
            Assert.False(Isbn.TryParse(ChangeDigit(text, position, delta), out _));
        });
        Gen.Select(Gen.Long[978_000_000_000, 978_999_999_999], Gen.Int[0, 12], Gen.Int[1, 9]).Sample((twelve, position, delta) =>
            Assert.False(Isbn.TryParse(ChangeDigit(WithEan13Check(twelve), position, delta), out _)));
    }

    internal static string ChangeDigit(string text, int position, int delta)
    {
        var chars = text.ToCharArray();
        chars[position] = (char)('0' + ((chars[position] - '0' + delta) % 10));
        return new string(chars);
    }

    // Independent of the library: the textbook formulas.
    private static string WithIsbn10Check(long body)
    {
        var digits = body.ToString("D9", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * (10 - i);
        var check = (11 - (sum % 11)) % 11;
        return digits + (check == 10 ? "X" : check.ToString(CultureInfo.InvariantCulture));
    }

    private static string WithEan13Check(long twelve)
    {
        var digits = twelve.ToString("D12", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return digits + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
