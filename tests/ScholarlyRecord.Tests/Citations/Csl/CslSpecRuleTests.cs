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
    public void Macro_WhoseVariablesAreAllEmpty_RendersNothingBesideANonEmptyVariable()
    {
        // A macro behaves as a group for suppression: "in" beside an empty container title goes with it, also when
        // the enclosing group stays because the title is there (as citeproc-js renders group_SuppressTermInMacro).
        const string macros = """<macro name="in"><text term="in" suffix=" "/><text variable="container-title" font-style="italic"/></macro>""";
        var style = BibliographyStyle("""<group delimiter=", "><text variable="title"/><text macro="in"/></group>""", macros: macros);
        Assert.Equal(["Title"], Entries(style, """[{"id":"1","type":"chapter","title":"Title"}]"""));
        Assert.Equal(["Title, in <i>Book</i>"], Entries(style, """[{"id":"1","type":"chapter","title":"Title","container-title":"Book"}]""", CitationOutput.Html));
    }

    [Fact]
    public void NamePart_GivenSuffixEndingInASpace_ReplacesTheSpaceBeforeTheFamilyName()
    {
        // A given-name suffix of a no-break space joins the parts by that space alone (name_WithNonBreakingSpace).
        var style = BibliographyStyle("""<names variable="author"><name><name-part name="given" suffix="&#160;"/><name-part name="family"/></name></names>""");
        Assert.Equal(["John\u00a0Doe"], Entries(style, """[{"id":"1","type":"book","author":[{"family":"Doe","given":"John"}]}]"""));
    }

    [Fact]
    public void Ibid_InANoteStyle_TextCitationsAndNoteCitationsAreSeparateSequences()
    {
        // A citation in the running text (note index 0) of a note style is "ibid" after the text's previous
        // citation of the same item, whatever a footnote cited in between (position_IbidInText, citeproc-js).
        var style = $"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><info><id>t</id><title>T</title></info><citation><layout><choose><if position="ibid"><text term="ibid"/></if><else><text variable="title"/></else></choose></layout></citation></style>""";
        const string items = """[{"id":"a","type":"book","title":"A"},{"id":"b","type":"book","title":"B"}]""";
        var document = new CslProcessor(CslStyle.Parse(style)).CreateDocument(CslJsonDocument.Parse(items).Items);
        Assert.Equal("A", document.Cite(new CslCitation([new CslCite("a")]), CitationOutput.Text));
        Assert.Equal("B", document.Cite(new CslCitation([new CslCite("b")], noteIndex: 1), CitationOutput.Text));
        Assert.Equal("Ibid.", document.Cite(new CslCitation([new CslCite("a")]), CitationOutput.Text));
        Assert.Equal("A", document.Cite(new CslCitation([new CslCite("a")], noteIndex: 2), CitationOutput.Text));
    }

    [Theory]
    [InlineData("1-2", "1–2")]
    [InlineData("i-ix", "i–ix")]
    [InlineData("XII-XIV", "XII–XIV")]
    [InlineData("Michaelson-Morely", "Michaelson-Morely")]
    [InlineData("Mid-Li", "Mid-Li")]
    [InlineData("3\\-B", "3-B")]
    public void PageRange_HyphenBetweenNumbersOrRomanNumeralsBecomesTheRangeDelimiter(string page, string expected) =>
        // A page range of arabic or roman numbers takes the en dash; a hyphenated word, or an escaped hyphen, does not
        // (number_PlainHyphenOrEnDashAlwaysPlural).
        Assert.Equal(expected, CslNumbers.DashRanges(page, "–"));

    [Theory]
    [InlineData(null, "ia and ıb", "IA AND IB")]
    [InlineData("en", "ia and ıb", "IA AND IB")]
    [InlineData("tr", "ic and ıd", "İC AND ID")]
    [InlineData("tr-TR", "ic and ıd", "İC AND ID")]
    [InlineData("original-one hello", "ia and ıb", "IA AND IB")]
    public void Uppercase_FollowsTheItemLanguagesCaseRules(string? language, string title, string expected)
    {
        // text-case="uppercase": the dotless ı is upper-cased to I in every language; Turkish maps i to İ
        // (textcase_LocaleUnicode); a language tag no culture knows falls back to the general rules.
        var style = BibliographyStyle("""<text variable="title" text-case="uppercase"/>""");
        var languageMember = language is null ? string.Empty : $",\"language\":\"{language}\"";
        Assert.Equal([expected], Entries(style, $$"""[{"id":"1","type":"book","title":"{{title}}"{{languageMember}}}]"""));
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
    [InlineData("?", "“Title”?")]
    [InlineData("!", "“Title”!")]
    [InlineData(",", "“Title,”")]
    public void PunctuationInQuote_MovesOnlyCommasAndPeriods(string suffix, string expected)
    {
        // Spec, punctuation-in-quote: the option places an adjoining comma or period inside the closing quote; a
        // question or exclamation mark is not moved (it would change the sense of the quoted words).
        const string locale = """<locale><style-options punctuation-in-quote="true"/></locale>""";
        var style = BibliographyStyle($"""<text variable="title" quotes="true" suffix="{suffix}"/>""", locale: locale);
        Assert.Equal([expected], Entries(style, """[{"id":"1","type":"book","title":"Title"}]"""));
    }

    [Fact]
    public void PunctuationInQuote_LeavesTheDataQuestionMarkAfterItsInnerQuote()
    {
        // Real data (a Better BibTeX export): a title ending in an inner quote and a question mark; the question
        // mark stays after the inner quote, inside the quotes the style adds, and absorbs the style's period.
        const string locale = """<locale><style-options punctuation-in-quote="true"/></locale>""";
        var style = BibliographyStyle("""<text variable="title" quotes="true" suffix="."/>""", locale: locale);
        Assert.Equal(["“Whose ‘baby’?”"], Entries(style, """[{"id":"1","type":"book","title":"Whose \"baby\"?"}]"""));
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

    [Theory]
    [InlineData("James T", "James T.")]
    [InlineData("Hans-Georg T", "Hans-Georg T.")]
    [InlineData("Jean-Paul", "Jean-Paul")]
    public void Initialize_False_KeepsFullGivenNamesAndPunctuatesInitials(string given, string expected) =>
        // Spec, initialize: with "false", "James T Kirk" becomes "James T. Kirk"; a hyphenated name is a full name too.
        Assert.Equal(expected, CslRenderer.Initialize(given, ". ", initialize: false, hyphen: true));

    private static string CitationStyle(string attributes) =>
        $"{Head}<info><id>test</id><title>Test</title></info><citation {attributes}><layout delimiter=\"; \">" +
        "<group delimiter=\" \"><names variable=\"author\"><name form=\"short\" initialize-with=\". \" and=\"text\"/></names><date variable=\"issued\"><date-part name=\"year\"/></date></group>" +
        "</layout></citation></style>";

    private static string[] CiteEach(string style, string itemsJson)
    {
        var document = new CslProcessor(CslStyle.Parse(style)).CreateDocument(CslJsonDocument.Parse(itemsJson).Items);
        return document.Items.Select(i => document.CiteAlone(i.Id!, CitationOutput.Text)).ToArray();
    }

    [Fact]
    public void AddGivenName_FollowsTheSpecificationExample()
    {
        // Spec, disambiguate-add-givenname: "(Simpson 2005; Simpson 2005)" becomes "(H. Simpson 2005; B. Simpson 2005)"
        // and "(Doe 1950; Doe 1950)" becomes "(John Doe 1950; Jane Doe 1950)".
        var style = CitationStyle("disambiguate-add-givenname=\"true\"");
        const string items = """
            [{"id":"h","type":"book","author":[{"family":"Simpson","given":"Homer"}],"issued":{"date-parts":[[2005]]}},
             {"id":"b","type":"book","author":[{"family":"Simpson","given":"Bart"}],"issued":{"date-parts":[[2005]]}},
             {"id":"john","type":"book","author":[{"family":"Doe","given":"John"}],"issued":{"date-parts":[[1950]]}},
             {"id":"jane","type":"book","author":[{"family":"Doe","given":"Jane"}],"issued":{"date-parts":[[1950]]}}]
            """;
        Assert.Equal(["H. Simpson 2005", "B. Simpson 2005", "John Doe 1950", "Jane Doe 1950"], CiteEach(style, items));
    }

    [Fact]
    public void AllNamesRule_ExpandsAmbiguousNamesInUnambiguousCites()
    {
        // Spec, givenname-disambiguation-rule: only the name-disambiguating rules turn "(Doe 1950; Doe 2000)" into
        // "(Jane Doe 1950; John Doe 2000)"; "by-cite" leaves cites that differ alone.
        const string items = """
            [{"id":"jane","type":"book","author":[{"family":"Doe","given":"Jane"}],"issued":{"date-parts":[[1950]]}},
             {"id":"john","type":"book","author":[{"family":"Doe","given":"John"}],"issued":{"date-parts":[[2000]]}}]
            """;
        Assert.Equal(["Jane Doe 1950", "John Doe 2000"], CiteEach(CitationStyle("disambiguate-add-givenname=\"true\" givenname-disambiguation-rule=\"all-names\""), items));
        Assert.Equal(["Doe 1950", "Doe 2000"], CiteEach(CitationStyle("disambiguate-add-givenname=\"true\""), items));
    }

    [Fact]
    public void AddGivenNameAndAddNames_ExpandRenderedNamesBeforeAddingHiddenOnes()
    {
        // Spec: with both methods on, given name expansion is applied to the rendered names first; hidden names are
        // added only when that fails, and then expanded too where that tells the cites apart.
        var style = CitationStyle("et-al-min=\"3\" et-al-use-first=\"1\" disambiguate-add-givenname=\"true\" disambiguate-add-names=\"true\"");
        const string items = """
            [{"id":"a","type":"book","author":[{"family":"Doe","given":"Jane"},{"family":"Roe","given":"Max"},{"family":"Moe","given":"Ann"}],"issued":{"date-parts":[[2000]]}},
             {"id":"b","type":"book","author":[{"family":"Doe","given":"Kim"},{"family":"Poe","given":"Max"},{"family":"Moe","given":"Ann"}],"issued":{"date-parts":[[2000]]}},
             {"id":"c","type":"book","author":[{"family":"Zed","given":"Ann"},{"family":"Poe","given":"Max"},{"family":"Moe","given":"Ann"}],"issued":{"date-parts":[[2000]]}},
             {"id":"d","type":"book","author":[{"family":"Zed","given":"Ann"},{"family":"Poe","given":"Liv"},{"family":"Moe","given":"Ann"}],"issued":{"date-parts":[[2000]]}}]
            """;
        Assert.Equal(["J. Doe et al. 2000", "K. Doe et al. 2000", "Zed, M. Poe, et al. 2000", "Zed, L. Poe, et al. 2000"], CiteEach(style, items));
    }

    [Theory]
    [InlineData("xi-xv", "pp.")]
    [InlineData("S12-S15", "pp.")]
    [InlineData("e123", "p.")]
    [InlineData("xi", "p.")]
    public void PageLabel_IsPluralForRomanAndPrefixedRanges(string page, string label)
    {
        // Spec, cs:label: the plural form is used when the variable holds a range (roman page numbers included).
        var style = BibliographyStyle("""<group delimiter=" "><label variable="page" form="short"/><text variable="page"/></group>""");
        var entry = Assert.Single(Entries(style, $$"""[{"id":"1","type":"chapter","page":"{{page}}"}]"""));
        Assert.StartsWith(label + " ", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void TitleCase_OfATerm_FollowsTheLocaleNotTheItemLanguage()
    {
        // Spec, text-case: title case is for English text. A label is a term of the (English) locale, so "ed." becomes
        // "Ed." also for a German item, whose own title keeps its case.
        var style = BibliographyStyle("""<text variable="title" text-case="title" suffix=" "/><names variable="editor"><name/><label form="short" prefix=" (" suffix=")" text-case="title"/></names>""");
        var entry = Assert.Single(Entries(style, """[{"id":"1","type":"book","language":"de","title":"die welt","editor":[{"family":"Berg","given":"Anna"}]}]"""));
        Assert.Equal("die welt Anna Berg (Ed.)", entry);
    }

    [Fact]
    public void Choose_InsideAGroup_SeparatesItsBranchWithTheGroupDelimiter()
    {
        // APA's number macro puts the "No." term and the number in one branch of a choose inside a group with a
        // space delimiter; the branch's children are separated like the group's own ("No. 9843", not "No.9843").
        var style = BibliographyStyle("""<group delimiter=" "><choose><if is-numeric="number"><text term="issue" form="short" text-case="capitalize-first"/><text variable="number"/></if></choose></group>""");
        Assert.Equal(["No. 9843"], Entries(style, """[{"id":"1","type":"report","number":"9843"}]"""));
    }

    [Fact]
    public void NodecorSpan_KeepsItsTextOutOfTextCase()
    {
        // Rich text in the data: a nodecor span ("v." in a case name) resets formatting and keeps its case.
        var style = BibliographyStyle("""<text variable="title" text-case="capitalize-all"/>""");
        Assert.Equal(["Lessard v. Schmidt"], Entries(style, """[{"id":"1","type":"legal_case","title":"lessard <span class=\"nodecor\">v.</span> schmidt"}]"""));
    }

    [Fact]
    public void PrimaryNameRules_ExpandTheFirstNameOfEachCite_WithInitialsOnlyUpToInitials()
    {
        // Spec, givenname-disambiguation-rule: "primary-name" expands the first name of each cite (to the full given
        // name when initials do not tell Jane and John Doe apart); "primary-name-with-initials" stops at initials
        // (which still set both apart from Kim Doe). A Doe in second place is not expanded.
        const string items = """
            [{"id":"jane","type":"book","author":[{"family":"Doe","given":"Jane"}],"issued":{"date-parts":[[1950]]}},
             {"id":"john","type":"book","author":[{"family":"Doe","given":"John"}],"issued":{"date-parts":[[2000]]}},
             {"id":"kim","type":"book","author":[{"family":"Doe","given":"Kim"}],"issued":{"date-parts":[[2002]]}},
             {"id":"roe","type":"book","author":[{"family":"Roe","given":"Max"},{"family":"Doe","given":"Ann"}],"issued":{"date-parts":[[2001]]}}]
            """;
        Assert.Equal(["Jane Doe 1950", "John Doe 2000", "K. Doe 2002", "Roe and Doe 2001"], CiteEach(CitationStyle("disambiguate-add-givenname=\"true\" givenname-disambiguation-rule=\"primary-name\""), items));
        Assert.Equal(["J. Doe 1950", "J. Doe 2000", "K. Doe 2002", "Roe and Doe 2001"], CiteEach(CitationStyle("disambiguate-add-givenname=\"true\" givenname-disambiguation-rule=\"primary-name-with-initials\""), items));
    }

    [Fact]
    public void SubsequentAuthorSubstitute_CompleteAll_ComparesTheNamesShown()
    {
        // Spec, subsequent-author-substitute (complete-all): when the rendered names match those of the preceding
        // entry, the substitute replaces the whole name list, et-al term included.
        var style = $"{Head}<info><id>test</id><title>Test</title></info><citation><layout><text value=\"x\"/></layout></citation>" +
            "<bibliography et-al-min=\"3\" et-al-use-first=\"1\" subsequent-author-substitute=\"---\"><layout>" +
            "<group delimiter=\". \"><names variable=\"author\"><name name-as-sort-order=\"first\" and=\"text\"/></names><text variable=\"title\"/></group></layout></bibliography></style>";
        const string items = """
            [{"id":"1","type":"book","title":"One","author":[{"family":"Doe","given":"Jane"}]},
             {"id":"2","type":"book","title":"Two","author":[{"family":"Doe","given":"Jane"},{"family":"Roe","given":"Max"},{"family":"Moe","given":"Ann"}]},
             {"id":"3","type":"book","title":"Three","author":[{"family":"Roe","given":"Max"}]}]
            """;
        Assert.Equal(["Doe, Jane. One", "---. Two", "Roe, Max. Three"], Entries(style, items));
    }

    [Fact]
    public void DisambiguateCondition_AppliesToTheSetAsRegisteredUpToTheFirstUnresolvedCite()
    {
        // Spec, disambiguate condition (method 3): cites still ambiguous after names render with disambiguate="true".
        // Like citeproc-js, which registers items one by one, the cites registered before the clash get it too.
        var style = $"{Head}<info><id>test</id><title>Test</title></info><citation disambiguate-add-givenname=\"true\"><layout>" +
            "<group delimiter=\", \"><names variable=\"author\"><name form=\"short\" initialize-with=\". \"/></names>" +
            "<choose><if disambiguate=\"true\"><text variable=\"title\"/></if></choose></group></layout></citation></style>";
        const string late = """
            [{"id":"1","type":"book","title":"A","author":[{"family":"Brown","given":"Mo"}]},
             {"id":"2","type":"book","title":"B","author":[{"family":"Brown","given":"Mo"}]},
             {"id":"3","type":"book","title":"C","author":[{"family":"Brown","given":"Chidi"}]}]
            """;
        Assert.Equal(["M. Brown, A", "M. Brown, B", "C. Brown"], CiteEach(style, late));
        const string early = """
            [{"id":"1","type":"book","title":"A","author":[{"family":"Schmidt","given":"Olga"}]},
             {"id":"2","type":"book","title":"B","author":[{"family":"Schmidt","given":"Kwame"}]},
             {"id":"3","type":"book","title":"C","author":[{"family":"Schmidt","given":"Kwame"}]}]
            """;
        Assert.Equal(["O. Schmidt, A", "K. Schmidt, B", "K. Schmidt, C"], CiteEach(style, early));
    }
}
