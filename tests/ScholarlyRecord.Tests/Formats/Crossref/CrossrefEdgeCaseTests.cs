using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>
/// Every <c>crossref</c> and <c>xml</c> row of the edge-case catalogue. The catalogue's <c>invalid:</c> reasons map to
/// reader codes: expected-message-type-work is CR103 (a work list with no work in it), missing-title CR104, and
/// dtd-prohibited the refused DTD (the JATS converter's outcome, and CR208 when it comes in an abstract).
/// </summary>
public class CrossrefEdgeCaseTests
{
    private static readonly Dictionary<string, string> ReasonCodes = new(StringComparer.Ordinal)
    {
        ["expected-message-type-work"] = CrossrefCodes.EmptyWorkList,
        ["missing-title"] = CrossrefCodes.MissingTitle,
    };

    public static TheoryData<EdgeCase> CrossrefCases => EdgeCases.For("crossref");

    public static TheoryData<EdgeCase> XmlCases => EdgeCases.For("xml");

    [Theory]
    [MemberData(nameof(CrossrefCases))]
    public void Read_CatalogueCase_MeetsExpectation(EdgeCase edgeCase)
    {
        var result = Crossref.Read(Encoding.UTF8.GetString(edgeCase.InputBytes));
        switch (edgeCase.ExpectKind)
        {
            case "normalizes-to":
                Assert.True(result.IsSuccess);
                var chapter = Assert.Single(result.Chapters);
                foreach (var (key, value) in edgeCase.ExpectFields()) AssertField(chapter, key, value);
                break;
            case "invalid":
                Assert.Empty(result.Chapters);
                Assert.False(result.IsSuccess);
                var diagnostic = Assert.Single(result.Diagnostics);
                Assert.Equal(ReasonCodes[edgeCase.ExpectValue], diagnostic.Code);
                Assert.True(diagnostic.Line >= 1 && diagnostic.Column >= 1);
                break;
            default:
                Assert.Fail($"No reading for expectation '{edgeCase.Expect}'.");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(XmlCases))]
    public void JatsText_CatalogueCase_IsRefused(EdgeCase edgeCase)
    {
        Assert.Equal("invalid:dtd-prohibited", edgeCase.Expect);
        var paragraphs = JatsText.ToParagraphs(edgeCase.InputText, out var outcome, out _);
        Assert.Equal(JatsOutcome.DtdProhibited, outcome);
        Assert.Empty(paragraphs);

        // ... and the safe reader refuses the document itself, before any entity is expanded or resolved.
        var ex = Assert.Throws<System.Xml.XmlException>(() =>
        {
            using var reader = ScholarlyRecord.Internal.SafeXml.CreateReader(edgeCase.InputText);
            while (reader.Read()) { }
        });
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);

        // ... and as an abstract it is a warning, with the raw text kept.
        var json = "{\"DOI\":\"10.5555/1\",\"type\":\"book-chapter\",\"title\":[\"T\"],\"abstract\":\"" + System.Text.Json.JsonEncodedText.Encode(edgeCase.InputText) + "\"}";
        var result = Crossref.Read(json);
        Assert.Equal(CrossrefCodes.AbstractDtdProhibited, Assert.Single(result.Diagnostics).Code);
        Assert.Empty(Assert.Single(result.Chapters).Abstract);
    }

    [Fact]
    public void Cases_CrossrefAndXml_AreAllPresent()
    {
        Assert.Equal(4, CrossrefCases.Count);
        Assert.Equal(2, XmlCases.Count);
    }

    private static void AssertField(Chapter chapter, string key, string expected)
    {
        switch (key)
        {
            case "type":
                Assert.Equal("chapter", expected); // a record at all means a chapter
                break;
            case "doi":
                Assert.Equal(Doi.Parse(expected), chapter.Doi);
                break;
            case "title":
                Assert.Equal(expected, chapter.Title);
                break;
            case "booktitle":
                Assert.Equal(expected, chapter.Book!.Title);
                break;
            case "isbn":
                Assert.Equal(Isbn.Parse(expected), Assert.Single(chapter.Book!.Isbns).Value);
                break;
            case "author[0].orcid":
                Assert.Equal(Orcid.Parse(expected), chapter.Contributors[0].Orcid);
                break;
            default:
                Assert.Fail($"Unknown expectation key '{key}'.");
                break;
        }
    }
}
