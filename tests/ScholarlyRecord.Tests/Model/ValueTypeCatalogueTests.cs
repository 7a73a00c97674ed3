using System.Globalization;
using System.Text.Json;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Model;

/// <summary>Every catalogue row of the areas dates, pages and names, interpreted and checked.</summary>
public class ValueTypeCatalogueTests
{
    public static TheoryData<EdgeCase> Dates => EdgeCases.For("dates");

    public static TheoryData<EdgeCase> Pages => EdgeCases.For("pages");

    public static TheoryData<EdgeCase> Names => EdgeCases.For("names");

    [Fact]
    public void Catalogue_ValueAreas_HaveRows()
    {
        Assert.NotEmpty(Dates);
        Assert.NotEmpty(Pages);
        Assert.NotEmpty(Names);
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Dates_CatalogueRow_MeetsExpectation(EdgeCase c)
    {
        var input = c.InputText;
        switch (c.ExpectKind)
        {
            case "invalid":
                Assert.Equal(c.ExpectValue, PartialDate.Validate(input)?.Reason);
                Assert.False(PartialDate.TryParse(input, out _));
                Assert.Throws<FormatException>(() => PartialDate.Parse(input));
                break;

            case "normalizes-to" when input.StartsWith('{'):
                using (var doc = JsonDocument.Parse(input))
                {
                    Assert.True(PartialDate.TryFromCslDateParts(doc.RootElement, out var date, out var range));
                    if (c.ExpectValue == "no-date")
                    {
                        Assert.Null(date);
                        Assert.Null(range);
                    }
                    else
                    {
                        Assert.Null(range);
                        Assert.NotNull(date);
                        AssertDateExpectation(c.ExpectValue, date.Value);
                    }
                }

                break;

            case "normalizes-to" when c.ExpectValue.StartsWith("range ", StringComparison.Ordinal):
                var bounds = c.ExpectValue["range ".Length..].Split("..");
                var parsed = PartialDateRange.Parse(input);
                Assert.Equal(bounds[0], parsed.Start.ToString());
                Assert.Equal(bounds[1], parsed.End?.ToString());
                Assert.Null(PartialDateRange.Validate(input));
                break;

            case "normalizes-to":
                Assert.Null(PartialDate.Validate(input));
                AssertDateExpectation(c.ExpectValue, PartialDate.Parse(input));
                break;

            default:
                Assert.Fail($"Unhandled expectation '{c.Expect}'.");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Pages_CatalogueRow_MeetsExpectation(EdgeCase c)
    {
        var input = c.InputText;
        switch (c.ExpectKind)
        {
            case "invalid":
                Assert.Equal(c.ExpectValue, PageRange.Validate(input)?.Reason);
                Assert.False(PageRange.TryParse(input, out _));
                Assert.Throws<FormatException>(() => PageRange.Parse(input));
                break;

            case "normalizes-to":
                var fields = c.ExpectFields();
                var pages = PageRange.Parse(input);
                Assert.Null(PageRange.Validate(input));
                Assert.Equal(Field(fields, "first"), pages.First);
                Assert.Equal(Field(fields, "last"), pages.Last);
                break;

            default:
                Assert.Fail($"Unhandled expectation '{c.Expect}'.");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Names_CatalogueRow_MeetsExpectation(EdgeCase c)
    {
        Assert.Equal("normalizes-to", c.ExpectKind);
        var fields = c.ExpectFields();
        Assert.All(fields.Keys, key => Assert.Contains(key, (string[])["given", "particle", "family", "suffix", "literal"]));
        var name = PersonName.Parse(c.InputText);
        Assert.Null(PersonName.Validate(c.InputText));
        Assert.Equal(Field(fields, "given"), name.Given);
        Assert.Equal(Field(fields, "particle"), name.Particle);
        Assert.Equal(Field(fields, "family"), name.Family);
        Assert.Equal(Field(fields, "suffix"), name.Suffix);
        Assert.Equal(Field(fields, "literal"), name.Literal);
    }

    // A named field's value ("null" meaning null); an unnamed field must be null.
    private static string? Field(IReadOnlyDictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var value) && value != "null" ? value : null;

    // "1992-03 (precision=month)" or "1992 season=1 (EDTF 1992-21)".
    private static void AssertDateExpectation(string expectation, PartialDate date)
    {
        var open = expectation.IndexOf('(', StringComparison.Ordinal);
        var main = (open < 0 ? expectation : expectation[..open]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var note = open < 0 ? "" : expectation[(open + 1)..expectation.IndexOf(')', StringComparison.Ordinal)];
        var text = main[0];
        Assert.Equal(int.Parse(text[..4], CultureInfo.InvariantCulture), date.Year);

        if (note.StartsWith("EDTF ", StringComparison.Ordinal))
        {
            Assert.Equal(note["EDTF ".Length..], date.ToString());
        }
        else
        {
            Assert.Equal(text, date.ToString());
        }

        if (note.StartsWith("precision=", StringComparison.Ordinal))
        {
            Assert.Equal(note["precision=".Length..], date.Precision.ToString(), ignoreCase: true);
        }

        foreach (var pair in main.Skip(1))
        {
            var parts = pair.Split('=');
            Assert.Equal("season", parts[0]);
            Assert.Equal(int.Parse(parts[1], CultureInfo.InvariantCulture), date.Season);
            Assert.Equal(DatePrecision.Season, date.Precision);
        }
    }
}
