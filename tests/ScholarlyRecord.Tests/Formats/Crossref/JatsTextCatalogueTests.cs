using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>
/// The catalogue's text rows run through the converter that turns Crossref's JATS abstracts (and titles with HTML
/// entities) into plain text: markup removed, entities decoded once, no-break spaces kept, text in form C.
/// </summary>
public class JatsTextCatalogueTests
{
    public static TheoryData<EdgeCase> Cases => EdgeCases.For("text");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Catalogue_TextRow_ConvertsAsExpected(EdgeCase c)
    {
        var paragraphs = JatsText.ToParagraphs(c.InputText, out _, out _);
        var text = string.Join("\n", paragraphs);

        switch (c.ExpectKind)
        {
            case "normalizes-to":
                Assert.Equal(c.ExpectValue, text);
                break;
            case "roundtrip":
                Assert.Equal(c.InputText, text);
                break;
            default:
                Assert.Fail($"unhandled expectation {c.Expect}");
                break;
        }
    }
}
