using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Citations.Csl;

/// <summary>
/// General rules of the CSL 1.0.2 specification that the test-suite and citeproc-js showed missing, each with the
/// specification's own wording or example as the expected value.
/// </summary>
public sealed class CslSpecRuleTests
{
    private const string Head = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">""";

    private static string BibliographyStyle(string layout, string sort = "", string macros = "", string locale = "") =>
        $"{Head}<info><id>test</id><title>Test</title></info>{locale}{macros}<citation><layout><text value=\"x\"/></layout></citation>" +
        $"<bibliography>{sort}<layout>{layout}</layout></bibliography></style>";

    private static IReadOnlyList<string> Entries(string style, string itemsJson, CitationOutput output = CitationOutput.Text) =>
        new CslProcessor(CslStyle.Parse(style)).CreateDocument(CslJsonDocument.Parse(itemsJson).Items).BibliographyEntries(output);

    [Fact]
    public void SortMacro_WithShortNames_SortsBySurnameOnlyAndKeepsInputOrderOnTies()
    {
        // Spec, "Sorting": names can be sorted by just the surname through a macro whose cs:name has form="short";
        // the long form is forced only for a key that names the variable. Doe/Doe tie, so their input order stays.
        const string macros = """<macro name="author"><names variable="author"><name form="short"/></names></macro>""";
        const string sort = """<sort><key macro="author"/></sort>""";
        var style = BibliographyStyle("""<text macro="author"/><text variable="title" prefix=", "/>""", sort, macros);
        const string items = """
            [{"id":"1","type":"book","title":"Book A","author":[{"family":"Roe","given":"Jane"}]},
             {"id":"2","type":"book","title":"Book C","author":[{"family":"Doe","given":"John"}]},
             {"id":"3","type":"book","title":"Book B","author":[{"family":"Doe","given":"James"}]}]
            """;
        Assert.Equal(["Doe, Book C", "Doe, Book B", "Roe, Book A"], Entries(style, items));

        var byVariable = BibliographyStyle("""<text macro="author"/><text variable="title" prefix=", "/>""", """<sort><key variable="author"/></sort>""", macros);
        Assert.Equal(["Doe, Book B", "Doe, Book C", "Roe, Book A"], Entries(byVariable, items));
    }

    [Fact]
    public void Group_WithANonEmptyMacroOfTermsOnly_IsNotSuppressed()
    {
        // Spec, cs:group: a non-empty macro counts as a non-empty variable when the group decides on suppression, so
        // the "n.d." chosen by the macro keeps its group although the group's volume is empty.
        const string macros = """<macro name="year"><choose><if variable="issued"><date variable="issued"><date-part name="year"/></date></if><else><text term="no date" form="short"/></else></choose></macro>""";
        var style = BibliographyStyle("""<text variable="title"/><group delimiter=";" prefix=" "><text macro="year"/><text variable="volume"/></group>""", macros: macros);
        Assert.Equal(["Title n.d."], Entries(style, """[{"id":"1","type":"book","title":"Title"}]"""));
    }

    [Fact]
    public void Group_WithAMacroWhoseOnlyVariableIsEmpty_IsStillSuppressed()
    {
        // The spec's own example: "retrieved from" with an empty URL generates nothing, also through a macro.
        const string macros = """<macro name="in"><text term="in" suffix=" "/><text variable="container-title"/></macro>""";
        var style = BibliographyStyle("""<text variable="title"/><group prefix=". "><text macro="in"/><text variable="page"/></group>""", macros: macros);
        Assert.Equal(["Title"], Entries(style, """[{"id":"1","type":"book","title":"Title"}]"""));
    }

    [Fact]
    public void PunctuationInQuote_MovesThePeriodInsideANestedClosingQuote()
    {
        // Spec, punctuation-in-quote: a period after a closing quote moves inside it; with the data's own inner
        // quote closing at the same place, the period goes inside both ("This is ‘The One.’").
        const string locale = """<locale><style-options punctuation-in-quote="true"/></locale>""";
        var style = BibliographyStyle("""<text variable="title" quotes="true" suffix="."/>""", locale: locale);
        Assert.Equal(["“This is ‘The One.’”"], Entries(style, """[{"id":"1","type":"book","title":"This is 'The One'"}]"""));

        var plain = BibliographyStyle("""<text variable="title" quotes="true" suffix="."/>""", locale: locale.Replace("true", "false", StringComparison.Ordinal));
        Assert.Equal(["“This is ‘The One’”."], Entries(plain, """[{"id":"1","type":"book","title":"This is 'The One'"}]"""));
    }

    [Theory]
    [InlineData("<b>John</b> Quiggly", "<b>J.</b> Q.")]
    [InlineData("<b>John</b>-Quiggly", "<b>J.</b>-Q.")]
    [InlineData("John <i>Quiggly</i>", "J. <i>Q.</i>")]
    [InlineData("John Quiggly", "J. Q.")]
    public void Initialize_KeepsInTextMarkupOnTheInitial(string given, string expected) =>
        Assert.Equal(expected, CslRenderer.InitializeMarked(given, ". ", true, hyphen: true));

    [Fact]
    public void Initialize_MarkedGivenNameRendersWithItsMarkupInHtml()
    {
        var style = BibliographyStyle("""<names variable="author"><name name-as-sort-order="all" initialize-with=". "/></names>""");
        var entries = Entries(style, """[{"id":"1","type":"book","author":[{"family":"<b>Doe</b>","given":"<b>John</b> Quiggly"}]}]""", CitationOutput.Html);
        Assert.Equal(["<b>Doe</b>, <b>J.</b> Q."], entries);
    }
}
