using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>Every <c>ris</c> row of the edge-case catalogue, read at the document layer.</summary>
public class RisEdgeCaseTests
{
    public static TheoryData<EdgeCase> Cases => EdgeCases.For("ris");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_CatalogueCase_MeetsExpectation(EdgeCase edgeCase)
    {
        // Decode the bytes as they are, so a BOM reaches the parser as U+FEFF.
        var text = Encoding.UTF8.GetString(edgeCase.InputBytes);
        var document = RisDocument.Parse(text);

        switch (edgeCase.ExpectKind)
        {
            case "normalizes-to":
                foreach (var (key, value) in edgeCase.ExpectFields())
                {
                    AssertField(document, key, value);
                }
                break;
            case "error-with-position":
                var line = int.Parse(edgeCase.ExpectFields()["line"], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Contains(document.Diagnostics, d => d.Line == line);
                break;
            default:
                Assert.Fail($"No document-layer reading for expectation '{edgeCase.Expect}'.");
                break;
        }
        RisAssert.SameRecords(document, RisDocument.Parse(document.ToString()));
    }

    [Fact]
    public void Cases_Ris_AreAllPresent() => Assert.Equal(9, Cases.Count);

    private static void AssertField(RisDocument document, string key, string expected)
    {
        var record = document.Records[0];
        switch (key)
        {
            case "records":
                Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), document.Records.Count);
                break;
            case "type":
                Assert.Equal(expected, record.Type);
                break;
            case "first-page":
                Assert.Equal(expected, record["SP"]);
                break;
            case "last-page":
                Assert.Equal(expected, record["EP"]);
                break;
            case "authors":
                Assert.Equal(List(expected), record.GetAll("AU"));
                break;
            case "editors":
                Assert.Equal(List(expected), record.GetAll("A2").Concat(record.GetAll("ED")));
                break;
            case "unknown":
                foreach (var tag in List(expected)) Assert.NotNull(record[tag]);
                break;
            case "year":
                // The document layer keeps PY as written (YYYY/MM/DD/other); the year is its first part.
                Assert.Equal(expected, record["PY"]!.Split('/')[0]);
                break;
            case "season":
                // ... and the season is the 'other' part; turning it into a season is the mapping's job.
                Assert.Equal(expected, record["PY"]!.Split('/')[3], ignoreCase: true);
                break;
            default:
                Assert.True(key.Length == 2, $"Unknown expectation key '{key}'.");
                Assert.Equal(expected, record[key]);
                break;
        }
    }

    private static string[] List(string value) => value.Trim('[', ']').Split('|');
}
