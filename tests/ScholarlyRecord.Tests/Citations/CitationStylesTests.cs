using CsCheck;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Citations;

/// <summary><see cref="CitationStyles"/> and <see cref="CitationStyle.FromCsl(CslStyle, string?, string?)"/>: CSL styles behind <see cref="Citation.Format"/>.</summary>
public sealed class CitationStylesTests
{
    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    // citeproc-js 2.4.63 (tests/interop/csl-render.mjs) on the fixture's CSL-JSON item, checked by hand against APA 7.
    private const string ApaText = "Haslam, J. (1992). Conclusions. In The Soviet Union and the Threat from the East, 1933\u201341. Palgrave Macmillan. https://doi.org/10.1007/978-1-349-05679-8_7";
    private const string ApaHtml = "Haslam, J. (1992). Conclusions. In <i>The Soviet Union and the Threat from the East, 1933\u201341</i>. Palgrave Macmillan. https://doi.org/10.1007/978-1-349-05679-8_7";

    // Chicago author-date in de-DE: German quotation marks, the full stop outside them (citeproc-js, as above).
    private const string ChicagoGerman = "Haslam, Jonathan. 1992. \u201eConclusions\u201c. In The Soviet Union and the Threat from the East, 1933\u201341. Studies in Soviet History and Society. London: Palgrave Macmillan. https://doi.org/10.1007/978-1-349-05679-8_7.";

    [Fact]
    public void Names_AreSpringerLinkThenTheEmbeddedCslStyles()
    {
        Assert.Equal(["springer-link", .. CslStyle.EmbeddedIds], CitationStyles.Names);
        Assert.Equal(CitationStyles.Names, CitationStyles.All.Select(s => s.Name));
        Assert.Same(CitationStyle.SpringerLink, CitationStyles.All[0]);
        Assert.All(CitationStyles.All.Skip(1), s => Assert.NotNull(s.Processor));
        Assert.Null(CitationStyle.SpringerLink.Processor);
    }

    [Theory]
    [InlineData("springer-link", "springer-link")]
    [InlineData("springerlink", "springer-link")]
    [InlineData("SpringerLink", "springer-link")]
    [InlineData("apa", "apa")]
    [InlineData("APA", "apa")]
    [InlineData("http://www.zotero.org/styles/apa", "apa")]
    [InlineData("mla", "modern-language-association")]
    [InlineData("ieee", "ieee")]
    public void FindByName_NameOrAlias_FindsTheStyle(string name, string expected)
    {
        var style = CitationStyles.FindByName(name);
        Assert.NotNull(style);
        Assert.Equal(expected, style.Name);
        Assert.Same(style, CitationStyles.FindByName(expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData("apa.csl")]
    [InlineData("nature")]
    [InlineData("springer")]
    public void FindByName_Unknown_IsNull(string name) => Assert.Null(CitationStyles.FindByName(name));

    [Fact]
    public void FindByName_Null_Throws() => Assert.Throws<ArgumentNullException>(() => CitationStyles.FindByName(null!));

    [Fact]
    public void Format_Apa_IsWhatCiteprocJsPrints()
    {
        var apa = CitationStyles.FindByName("apa")!;
        Assert.Equal(ApaText, Citation.Format(Haslam, apa));
        Assert.Equal(ApaHtml, Citation.Format(Haslam, apa, CitationOutput.Html));
        Assert.Equal("American Psychological Association 7th edition", apa.Title);
    }

    [Fact]
    public void FromCsl_WithALocale_RendersInThatLocale()
    {
        var german = CitationStyle.FromCsl(CslStyle.Embedded("chicago-author-date"), "de-DE");
        Assert.Equal("chicago-author-date", german.Name);
        Assert.Equal("de-DE", german.Processor!.LocaleTag);
        Assert.Equal(ChicagoGerman, Citation.Format(Haslam, german));
        Assert.Equal(ChicagoGerman, Citation.Format(Haslam, CitationStyle.FromCsl(new CslProcessor(CslStyle.Embedded("chicago-author-date"), CslLocale.Embedded("de-DE")))));
    }

    [Fact]
    public void FromCsl_BadArguments_ThrowAtTheCall()
    {
        Assert.Throws<ArgumentNullException>(() => CitationStyle.FromCsl((CslStyle)null!));
        Assert.Throws<ArgumentNullException>(() => CitationStyle.FromCsl((CslProcessor)null!));
        var error = Assert.Throws<CslStyleException>(() => CitationStyle.FromCsl(CslStyle.Embedded("apa"), "xx-XX"));
        Assert.Equal(CitationCodes.UnknownLocale, error.Code);
    }

    [Fact]
    public void Format_GeneratedChapters_NeverThrowInTextOrHtml()
    {
        var apa = CitationStyles.FindByName("apa")!;
        var ieee = CitationStyles.FindByName("ieee")!;
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            foreach (var style in new[] { apa, ieee })
            {
                var text = Citation.Format(chapter, style);
                var html = Citation.Format(chapter, style, CitationOutput.Html);
                Assert.Equal(text.TrimEnd(), text);
                if (text.Length > 0) Assert.NotEmpty(html);
            }
        }, iter: 50);
    }

    [Fact]
    public void Format_EveryEmbeddedStyle_GivesOneLineNamingTheChapter()
    {
        foreach (var style in CitationStyles.All)
        {
            var text = Citation.Format(Haslam, style);
            Assert.Contains("Haslam", text, StringComparison.Ordinal);
            Assert.Contains("Conclusions", text, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', text);
            Assert.Equal(text.Trim(), text);
        }
    }
}
