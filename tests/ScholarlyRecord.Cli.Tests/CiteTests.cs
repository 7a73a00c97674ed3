using System.Text;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Cli.Tests.Support;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Cli.Tests;

/// <summary>
/// <c>scholarly cite</c>: the fixture's reference is the Springer page's "Cite this chapter" line, and in a CSL style it is
/// what citeproc-js (2.4.63, run as a black box through tests/interop/csl-render.mjs) prints for the same item.
/// </summary>
public sealed class CiteTests
{
    // citeproc-js's output for the fixture's CSL-JSON item, checked by hand against each style's rules.
    private const string ApaText = "Haslam, J. (1992). Conclusions. In The Soviet Union and the Threat from the East, 1933\u201341. Palgrave Macmillan. https://doi.org/10.1007/978-1-349-05679-8_7";
    private const string ApaHtml = "Haslam, J. (1992). Conclusions. In <i>The Soviet Union and the Threat from the East, 1933\u201341</i>. Palgrave Macmillan. https://doi.org/10.1007/978-1-349-05679-8_7";
    private const string ApaCitation = "(Haslam, 1992)";
    private const string ChicagoGerman = "Haslam, Jonathan. 1992. \u201eConclusions\u201c. In The Soviet Union and the Threat from the East, 1933\u201341. Studies in Soviet History and Society. London: Palgrave Macmillan. https://doi.org/10.1007/978-1-349-05679-8_7.";
    private const string ChicagoEnglish = "Haslam, Jonathan. 1992. \u201cConclusions.\u201d In The Soviet Union and the Threat from the East, 1933\u201341. Studies in Soviet History and Society. London: Palgrave Macmillan. https://doi.org/10.1007/978-1-349-05679-8_7.";
    private const string Nature = "1. Haslam, J. Conclusions. in The Soviet Union and the Threat from the East, 1933\u201341 (Palgrave Macmillan, 1992). doi:10.1007/978-1-349-05679-8_7.";

    private const string OneCited = "scholarly: summary: 1 record read, 1 cited, 0 skipped; 0 errors, 0 warnings, 0 infos";

    private static string Style(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", "styles", .. parts]);

    private static string[] Args(string commandLine) =>
        [.. commandLine.Split(' ').Select(a => a switch { "{fixture}" => TestFiles.Haslam, "{nature}" => Style("nature.csl"), "{styles}" => Style(), _ => a })];

    [Theory]
    [InlineData("cite {fixture}")]
    [InlineData("cite {fixture} --style springer-link")]
    [InlineData("cite {fixture} -s springerlink")]
    public async Task Cite_Fixture_PrintsThePageLine(string commandLine)
    {
        var result = await Scholarly.RunAsync(Args(commandLine), cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestFiles.PageCiteLine() + "\n", result.Stdout);
        Assert.Equal(OneCited + "\n", result.Stderr);
    }

    [Fact]
    public async Task Cite_Html_PrintsTheLibrarysHtml()
    {
        var result = await Scholarly.RunAsync(["cite", TestFiles.Haslam, "--html"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Citation.Format(Library.Haslam, CitationStyle.SpringerLink, CitationOutput.Html) + "\n", result.Stdout);
        Assert.Contains("<a href=\"https://doi.org/10.1007/978-1-349-05679-8_7\">", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cite_SeveralChaptersFromStdin_OneLineEachInInputOrder()
    {
        var chapters = new[] { Library.Haslam, Library.Haslam with { Title = "Introduction", Doi = Doi.Parse("10.1007/978-1-349-05679-8_1") } };
        var ris = Library.Write("ris", chapters);
        var read = Library.Read("ris", ris).Chapters;

        var result = await Scholarly.RunAsync(["cite", "-", "--from", "ris"], Encoding.UTF8.GetBytes(ris), Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Concat(read.Select(c => Citation.Format(c, CitationStyle.SpringerLink) + "\n")), result.Stdout);
        Assert.Equal(2, result.Stdout.Count(c => c == '\n'));
    }

    [Theory]
    [InlineData("cite {fixture} --style apa", ApaText)]
    [InlineData("cite {fixture} --style APA --html", ApaHtml)]
    [InlineData("cite {fixture} --style http://www.zotero.org/styles/apa --mode citation", ApaCitation)]
    [InlineData("cite {fixture} --style chicago-author-date", ChicagoEnglish)]
    [InlineData("cite {fixture} --style chicago-author-date --locale de-DE", ChicagoGerman)]
    [InlineData("cite {fixture} --style {nature}", Nature)]
    public async Task Cite_Fixture_InACslStyle_IsWhatCiteprocJsPrints(string commandLine, string expected)
    {
        var result = await Scholarly.RunAsync(Args(commandLine), cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected + "\n", result.Stdout);
        Assert.Equal(OneCited + "\n", result.Stderr);
    }

    [Fact]
    public async Task Cite_DependentStyle_FindsItsParentInTheStylesDirectory()
    {
        var dependent = Style("dependent", "lab-animal.csl");

        var missing = await Scholarly.RunAsync(["cite", TestFiles.Haslam, "--style", dependent], cancellationToken: Scholarly.Token);
        var found = await Scholarly.RunAsync(["cite", TestFiles.Haslam, "--style", dependent, "--styles-dir", Style()], cancellationToken: Scholarly.Token);
        var byName = await Scholarly.RunAsync(["cite", TestFiles.Haslam, "--style", "nature", "--styles-dir", Style()], cancellationToken: Scholarly.Token);

        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Empty(missing.StdoutBytes);
        var error = Assert.Single(missing.StderrLines);
        Assert.StartsWith($"{dependent}: error {CitationCodes.MissingParent}: ", error, StringComparison.Ordinal);
        Assert.Contains("http://www.zotero.org/styles/nature", error, StringComparison.Ordinal);

        // Lab Animal is Nature's layout; its default locale (en-GB) changes nothing in this entry.
        Assert.True(found.ExitCode == 0, found.ToString());
        Assert.Equal(Nature + "\n", found.Stdout);
        Assert.True(byName.ExitCode == 0, byName.ToString());
        Assert.Equal(Nature + "\n", byName.Stdout);
    }

    [Fact]
    public async Task Cite_CslJsonInput_RendersEveryItemWhateverItsType()
    {
        // A real Better BibTeX export: 26 items of several CSL types, few of them chapters.
        var path = TestFiles.Real("csl", "bbt-CSL_exporters_ignore_Fields_to_omit_from_export_setting_1179.csl.json");
        var items = CslJsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8)).Items;
        Assert.True(items.Select(i => i.Type).Distinct().Count() > 1);
        Assert.Contains(items, i => i.Type != "chapter");
        var document = new CslProcessor(CslStyle.Embedded("apa")).CreateDocument(items);

        var bibliography = await Scholarly.RunAsync(["cite", path, "--from", "csl", "--style", "apa"], cancellationToken: Scholarly.Token);
        var citations = await Scholarly.RunAsync(["cite", path, "--from", "csl", "--style", "apa", "--mode", "citation"], cancellationToken: Scholarly.Token);

        Assert.True(bibliography.ExitCode == 0, bibliography.ToString());
        Assert.Equal(string.Concat(document.BibliographyEntries(CitationOutput.Text).Select(e => e.Trim() + "\n")), bibliography.Stdout);
        Assert.Equal(items.Count, bibliography.Stdout.Count(c => c == '\n'));
        Assert.Equal($"scholarly: summary: {items.Count} records read, {items.Count} cited, 0 skipped; 0 errors, 0 warnings, 0 infos", bibliography.Summary);

        Assert.True(citations.ExitCode == 0, citations.ToString());
        Assert.Equal(string.Concat(items.Select(i => document.CiteAlone(i.Id!, CitationOutput.Text).Trim() + "\n")), citations.Stdout);
    }

    [Fact]
    public async Task Cite_CslJsonItemsWithoutIdsOrWithARepeatedId_EachItemWithoutIdIsCitedAndTheRepeatIsCounted()
    {
        const string json = """
            [
              {"type": "book", "title": "First", "author": [{"family": "Alpha", "given": "Ann"}], "issued": {"date-parts": [[2001]]}},
              {"type": "book", "title": "Second", "author": [{"family": "Beta", "given": "Ben"}], "issued": {"date-parts": [[2002]]}},
              {"id": "c", "type": "article-journal", "title": "Third", "author": [{"family": "Gamma", "given": "Cy"}], "issued": {"date-parts": [[2003]]}},
              {"id": "c", "type": "article-journal", "title": "Fourth", "author": [{"family": "Delta", "given": "Di"}], "issued": {"date-parts": [[2004]]}}
            ]
            """;

        var result = await Scholarly.RunAsync(["cite", "-", "--from", "csl-json", "--style", "apa", "--mode", "citation"], Encoding.UTF8.GetBytes(json), Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("(Alpha, 2001)\n(Beta, 2002)\n(Gamma, 2003)\n", result.Stdout);
        Assert.Equal("scholarly: summary: 4 records read, 3 cited, 1 skipped (repeated id: 1 c); 0 errors, 0 warnings, 0 infos", result.Summary);
    }

    [Fact]
    public async Task Cite_BibliographyMode_PrintsEntriesInTheStylesOrder()
    {
        // Two chapters given Z first: APA sorts by author, so A's entry comes first; citation mode keeps input order.
        var z = Library.Haslam with { Contributors = [new Contributor { Name = new PersonName { Given = "Zoe", Family = "Zeller" } }], Doi = null };
        var a = Library.Haslam with { Contributors = [new Contributor { Name = new PersonName { Given = "Ann", Family = "Abbot" } }], Doi = null };
        var ris = Encoding.UTF8.GetBytes(Library.Write("ris", [z, a]));

        var bibliography = await Scholarly.RunAsync(["cite", "-", "--from", "ris", "--style", "apa"], ris, Scholarly.Token);
        var citations = await Scholarly.RunAsync(["cite", "-", "--from", "ris", "--style", "apa", "--mode", "citation"], ris, Scholarly.Token);

        Assert.True(bibliography.ExitCode == 0, bibliography.ToString());
        var lines = bibliography.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Abbot, A. (1992). Conclusions.", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Zeller, Z. (1992). Conclusions.", lines[1], StringComparison.Ordinal);
        Assert.Equal("(Zeller, 1992)\n(Abbot, 1992)\n", citations.Stdout);
    }

    [Fact]
    public async Task ListStyles_NamesEveryEmbeddedStyleWithItsTitle()
    {
        var result = await Scholarly.RunAsync(["cite", "--list-styles"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + CslStyle.EmbeddedIds.Count, lines.Length);
        Assert.StartsWith("springer-link ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("apa ", StringComparison.Ordinal) && l.EndsWith("American Psychological Association 7th edition", StringComparison.Ordinal));
        foreach (var id in CslStyle.EmbeddedIds) Assert.Contains(lines, l => l.StartsWith(id + " ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cite {fixture} --style nonesuch", "scholarly: error: unknown style 'nonesuch': expected one of springer-link, apa, ")]
    [InlineData("cite {fixture} --style apa --locale xx-XX", "scholarly: error CIT106: ")]
    [InlineData("cite {fixture} --locale de-DE", "scholarly: error: the springer-link style is English only")]
    [InlineData("cite {fixture} --style missing.csl", "missing.csl: error: ")]
    [InlineData("cite - --style springer-link", "scholarly: error: standard input has no extension")]
    [InlineData("cite", "scholarly: error: name the input file")]
    [InlineData("cite missing.json", "missing.json: error: ")]
    public async Task Cite_UsageProblem_OneLineAndExitTwo(string commandLine, string expectedStart)
    {
        var result = await Scholarly.RunAsync(Args(commandLine), cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.StdoutBytes);
        Assert.StartsWith(expectedStart, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cite_StyleFileThatIsNotCsl_OneLineWithItsPlace()
    {
        using var temp = new TestFiles.TempFolder();
        var broken = temp.File("broken.csl", "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\">\n  <citation>\n</style>\n");

        var result = await Scholarly.RunAsync(["cite", TestFiles.Haslam, "--style", broken], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.StdoutBytes);
        Assert.StartsWith($"{broken}:3:", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Contains($": error {CitationCodes.MalformedStyle}: ", result.Stderr, StringComparison.Ordinal);
    }
}
