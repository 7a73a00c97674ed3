using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace ScholarlyRecord.Tests.Identifiers;

/// <summary>
/// <see cref="ParseError.Reason"/> is a contract: every reason the identifier and value parsers give is one of the
/// public <see cref="ParseErrorReasons"/> constants, and the constants are distinct kebab-case words.
/// </summary>
public sealed partial class ParseErrorReasonsTests
{
    private static readonly HashSet<string> Constants = typeof(ParseErrorReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [Fact]
    public void Constants_AreDistinctKebabCaseWords()
    {
        var fields = typeof(ParseErrorReasons).GetFields(BindingFlags.Public | BindingFlags.Static);

        Assert.Equal(fields.Length, Constants.Count);
        Assert.All(Constants, c => Assert.Matches(KebabCase(), c));
    }

    // One input per reason, each checked by hand against the rule it breaks.
    public static TheoryData<string, string, string> Failures() => new()
    {
        { "doi", "", ParseErrorReasons.Empty },
        { "doi", "11.1000/x", ParseErrorReasons.MissingPrefix },
        { "doi", "10.1000", ParseErrorReasons.MissingSuffix },
        { "doi", "10.1000/", ParseErrorReasons.EmptySuffix },
        { "doi", "10.ab/x", ParseErrorReasons.InvalidRegistrant },
        { "doi", "10.1000/a b", ParseErrorReasons.Whitespace },
        { "doi", "10.1000/a\u0007b", ParseErrorReasons.NonGraphicCharacter },
        { "doi", "https://example.org/10.1000/x", ParseErrorReasons.NotADoiResolver },
        { "doi", "https://doi.org/10.1000/%zz", ParseErrorReasons.InvalidPercentEncoding },
        { "isbn", "0-306-40615-3", ParseErrorReasons.Checksum },
        { "isbn", "0-306-4061", ParseErrorReasons.Length },
        { "isbn", "977-0-306-40615-7", ParseErrorReasons.PrefixNot978Or979 },
        { "isbn", "0-306-4061X-2", ParseErrorReasons.XNotInCheckPosition },
        { "isbn", "-0-306-40615-2", ParseErrorReasons.MisplacedSeparator },
        { "isbn", "0-306-40615-2 (pbk", ParseErrorReasons.InvalidQualifier },
        { "isbn", "0-306-4O615-2", ParseErrorReasons.InvalidCharacter },
        { "isbn", "0-306-40615-\u0662", ParseErrorReasons.NonAsciiDigit },
        { "issn", "0317-8472", ParseErrorReasons.Checksum },
        { "orcid", "https://example.org/0000-0002-1825-0097", ParseErrorReasons.NotAnOrcidUrl },
        { "date", "1992-13", ParseErrorReasons.MonthOutOfRange },
        { "date", "1992-02-30", ParseErrorReasons.DayOutOfRange },
        { "date", "0000", ParseErrorReasons.YearOutOfRange },
        { "date", "March", ParseErrorReasons.Syntax },
        { "range", "1992/1990", ParseErrorReasons.DescendingRange },
        { "pages", "20-10", ParseErrorReasons.DescendingRange },
        { "name", "{Doe, Jane", ParseErrorReasons.UnbalancedBraces },
        { "name", "a, b, c, d", ParseErrorReasons.TooManyCommas },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Validate_GivesTheDocumentedReason(string kind, string input, string reason)
    {
        var error = kind switch
        {
            "doi" => Doi.Validate(input),
            "isbn" => Isbn.Validate(input),
            "issn" => Issn.Validate(input),
            "orcid" => Orcid.Validate(input),
            "date" => PartialDate.Validate(input),
            "range" => PartialDateRange.Validate(input),
            "pages" => PageRange.Validate(input),
            _ => PersonName.Validate(input),
        };

        Assert.NotNull(error);
        Assert.Equal(reason, error.Reason);
        Assert.Contains(error.Reason, Constants);
    }
}
