using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary><see cref="RecordFormats.FindByContent"/>: the JSON formats that share <c>.json</c>, told apart by their first bytes.</summary>
public sealed class RecordFormatsContentTests
{
    private static RecordFormat? Find(string text) => RecordFormats.FindByContent(Encoding.UTF8.GetBytes(text));

    public static TheoryData<string, string> RealFiles() => new()
    {
        { "crossref/crossref-work-book-chapter-10.1007_978-3-319-75889-3_1.json", "crossref" },
        { "crossref/crossref-work-journal-article-10.7554_elife.01567.json", "crossref" },
        { "crossref/crossref-work-monograph-10.1029_ar035.json", "crossref" },
        { "csl/bbt-CSL_exporters_ignore_Fields_to_omit_from_export_setting_1179.csl.json", "csl-json" },
        { "csl/manubot-crossref-deep-review-csl-raw.json", "csl-json" },
        { "csl/bbt-Normalizing_English_language_tag_3100.csl.json", "csl-json" },
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void RealFile_IsItsFormat(string file, string expected)
    {
        var bytes = File.ReadAllBytes(Fixtures.TestData(["real", .. file.Split('/')]));
        Assert.Equal(expected, RecordFormats.FindByContent(bytes)?.Name);
    }

    [Fact]
    public void TheFixture_IsTheLibrarysJson() =>
        Assert.Same(ScholarlyJson.Format, RecordFormats.FindByContent(Encoding.UTF8.GetBytes(Fixtures.HaslamJson)));

    [Fact]
    public void CutOffDocument_IsJudgedOnWhatIsThere()
    {
        // The first 300 bytes of a Crossref response end inside its message; "message-type" has been seen by then.
        var bytes = File.ReadAllBytes(Fixtures.TestData("real", "crossref", "crossref-work-book-chapter-10.1007_978-3-319-75889-3_1.json"));
        Assert.Same(Crossref.Format, RecordFormats.FindByContent(bytes.AsSpan(0, 300)));
        Assert.Same(ScholarlyJson.Format, RecordFormats.FindByContent(Encoding.UTF8.GetBytes(Fixtures.HaslamJson).AsSpan(0, 200)));
    }

    [Theory]
    [InlineData("\uFEFF[{\"id\":\"a\",\"type\":\"book\"}]", "csl-json")]
    [InlineData("[]", "csl-json")]
    [InlineData("{\"id\":\"a\",\"type\":\"chapter\",\"title\":\"T\"}", "csl-json")]
    [InlineData("{\"DOI\":\"10.1/x\",\"type\":\"book-chapter\",\"indexed\":{}}", "crossref")]
    [InlineData("{\"@context\":\"https://schema.org\",\"@type\":\"Chapter\"}", "schemaorg")]
    [InlineData("[{\"@context\":\"https://schema.org\",\"@type\":\"Chapter\"}]", "schemaorg")]
    [InlineData("{\"title\":\"T\",\"contributors\":[]}", "json")]
    [InlineData("{\"title\":\"T\"}", "json")]
    [InlineData("{}", "json")]
    public void Json_IsTheFormatItsMembersShow(string json, string expected) => Assert.Equal(expected, Find(json)?.Name);

    [Theory]
    [InlineData("")]
    [InlineData("@article{a, title={T}}")]
    [InlineData("TY  - CHAP")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"a\" 1}")]
    [InlineData("]")]
    public void NotAJsonObjectOrArray_IsNull(string text) => Assert.Null(Find(text));
}
