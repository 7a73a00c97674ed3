using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Citations.Csl;

/// <summary>
/// Rules the real-data oracle corpus (<see cref="Support.RealChapterCorpus"/>) showed, where CSL 1.0.2 is silent or
/// points to the CSL schema. Every expected value below is citeproc-js 2.4.63's output for the same style and item
/// (run black-box through tests/interop/csl-render.mjs while writing the rule).
/// </summary>
public sealed class CslRealDataRuleTests
{
    private const string Head = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">""";

    private static string Style(string layout) =>
        $"{Head}<info><id>test</id><title>Test</title></info><citation><layout>{layout}</layout></citation>" +
        $"<bibliography><layout>{layout}</layout></bibliography></style>";

    private static IReadOnlyList<string> Entries(string style, string itemsJson) =>
        new CslProcessor(CslStyle.Parse(style)).CreateDocument(CslJsonDocument.Parse(itemsJson).Items).BibliographyEntries(CitationOutput.Text);

    private static string TitleCase(string title) =>
        Assert.Single(Entries(Style("""<text variable="title" text-case="title"/>"""), $$"""[{"id":"1","type":"book","title":"{{title}}"}]"""));

    [Theory]
    [InlineData("perceptions of disability and their impact upon involvement", "Perceptions of Disability and Their Impact upon Involvement")]
    [InlineData("the relation between methods and culture", "The Relation between Methods and Culture")]
    [InlineData("the day after tomorrow", "The Day after Tomorrow")]
    [InlineData("an analysis of the von der leyen report", "An Analysis of the von Der Leyen Report")]
    [InlineData("working out of africa", "Working out of Africa")]
    [InlineData("rain due to wind", "Rain Due to Wind")]
    [InlineData("model-like behaviour", "Model-like Behaviour")]
    public void TitleCase_LeavesTheWordsOfTheCslSchemaStopWordList(string title, string expected)
    {
        // The schema's list (stop-words.json) has more prepositions than the 26 words of the spec's text; its phrases
        // ("due to") are not applied as phrases.
        Assert.Equal(expected, TitleCase(title));
    }

    [Theory]
    [InlineData("a study of m and e and o", "A Study of m and e and o")]
    [InlineData("k-means and x-ray and e-mail", "K-Means and x-Ray and e-Mail")]
    [InlineData("go: e and m", "Go: E and m")]
    [InlineData("go to merriam-webster.com now", "Go to Merriam-Webster.Com Now")]
    [InlineData("go x.com and a.b.c and e.g. this", "Go x.Com and a.b.c and e.g. This")]
    [InlineData("life in d'alembert and l'homme", "Life in d’alembert and l’homme")]
    public void TitleCase_KeepsLoneLettersAndElisions_AndCasesThePartsOfDottedWords(string title, string expected)
    {
        Assert.Equal(expected, TitleCase(title));
    }

    [Theory]
    [InlineData("", "J Fam Jr", "J Fam DR", "J Fam III")]
    [InlineData(" ", "J Fam Jr", "J Fam D R", "J Fam III")]
    [InlineData(". ", "J. Fam Jr.", "J. Fam D. R.", "J. Fam III")]
    [InlineData(".", "J. Fam Jr.", "J. Fam D.R.", "J. Fam III")]
    public void NameSuffix_IsWrittenWithInitializeWith_LikeInitialsAlreadyInAGivenName(string initializeWith, string jr, string dr, string third)
    {
        var style = Style($"""<names variable="author"><name initialize-with="{initializeWith}"/></names>""");
        const string items = """
            [{"id":"1","type":"book","author":[{"family":"Fam","given":"John","suffix":"Jr."}]},
             {"id":"2","type":"book","author":[{"family":"Fam","given":"John","suffix":"D.R."}]},
             {"id":"3","type":"book","author":[{"family":"Fam","given":"John","suffix":"III"}]}]
            """;
        Assert.Equal([jr, dr, third], Entries(style, items));
    }

    [Fact]
    public void NameSuffix_WithoutInitializeWith_IsKeptAsWritten()
    {
        var style = Style("""<names variable="author"><name/></names>""");
        Assert.Equal(["John Fam Jr."], Entries(style, """[{"id":"1","type":"book","author":[{"family":"Fam","given":"John","suffix":"Jr."}]}]"""));
    }

    [Fact]
    public void SuffixInitials_KeepsWholeWordsAndSpacesThemFromInitials()
    {
        // A mis-split BibTeX name leaves "Jaime G. Carbonell" in the suffix; citeproc-js prints "Jaime G Carbonell".
        Assert.Equal("Jaime G Carbonell", CslRenderer.SuffixInitials("Jaime G. Carbonell", ""));
        Assert.Equal("Jaime G. Carbonell", CslRenderer.SuffixInitials("Jaime G. Carbonell", ". "));
    }

    [Fact]
    public void BibliographyEntry_StartingWithATerm_StartsWithACapital()
    {
        // An item with no names, title or date in a layout that opens with "n.d.": citeproc-js prints "N.d.", also after
        // a prefix; a value or a variable at the start keeps its case.
        Assert.Equal(["No date"], Entries(Style("""<text term="no date"/>"""), """[{"id":"1","type":"book"}]"""));
        Assert.Equal(["x N.d."], Entries(Style("""<text term="no date" form="short" prefix="x "/>"""), """[{"id":"1","type":"book"}]"""));
        Assert.Equal(["abc"], Entries(Style("""<text value="abc"/>"""), """[{"id":"1","type":"book"}]"""));
        Assert.Equal(["lower title"], Entries(Style("""<text variable="title"/>"""), """[{"id":"1","type":"book","title":"lower title"}]"""));
    }

    [Theory]
    [InlineData("THomas", "Fam Th.")]
    [InlineData("MEmre", "Fam Me.")]
    [InlineData("McDonald", "Fam M.")]
    [InlineData("J. /Rüpke", "Fam J. /Rüpke")]
    [InlineData("Jim 2Bob", "Fam J. 2Bob")]
    public void Initials_OfTwoCapitalsAndOfWordsNotStartingWithALetter(string given, string expected)
    {
        var style = Style("""<names variable="author"><name initialize-with=". " name-as-sort-order="all" sort-separator=" "/></names>""");
        Assert.Equal([expected], Entries(style, $$"""[{"id":"1","type":"book","author":[{"family":"Fam","given":"{{given}}"}]}]"""));
    }
}
