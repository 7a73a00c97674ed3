using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Reliability;

/// <summary>
/// Findings of the csl-items fuzz target (afl++, 7 December 2026) as behaviour: the CSL processor renders any item the
/// CSL-JSON reader accepts. The raw inputs are replayed from TestData/fuzz-regressions/csl-items.
/// </summary>
public class CslFuzzFindingsTests
{
    private static string Entry(string json, string style = "apa") =>
        Assert.Single(new CslProcessor(CslStyle.Embedded(style), "en-US").CreateDocument(CslJsonDocument.Parse(json).Items).BibliographyEntries(CitationOutput.Text));

    [Theory]
    [InlineData("apa")]
    [InlineData("chicago-note-bibliography")]
    [InlineData("modern-language-association")]
    public void A_blank_string_name_variable_renders_as_absent_instead_of_throwing(string style)
    {
        // Before the fix the empty collection-editor became a name list that rendered to nothing, and a null inside the
        // names group threw NullReferenceException.
        var entry = Entry("""[{"id":"a","type":"chapter","title":"Conclusions","collection-editor":"","author":[{"family":"Haslam","given":"Jonathan"}],"issued":{"date-parts":[[1992]]}}]""", style);

        Assert.StartsWith("Haslam, J", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_author_string_lets_the_style_substitute_the_title()
    {
        // APA's author macro substitutes the title when there are no names; a blank string is no names.
        var entry = Entry("""[{"id":"a","type":"book","title":"Conclusions","author":"   ","issued":{"date-parts":[[1992]]}}]""");

        Assert.StartsWith("Conclusions", entry, StringComparison.Ordinal);
    }
}
