using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.Bibtex;

/// <summary><c>doi</c> and <c>url</c> are verbatim fields: written without LaTeX escaping and read without LaTeX decoding.</summary>
public sealed class BibtexVerbatimFieldTests
{
    private static Chapter With(string? doi, string? url) => new()
    {
        Title = "T",
        Doi = doi is null ? null : Doi.Parse(doi),
        Url = url,
    };

    private static string FieldLine(string text, string name) =>
        text.Split('\n').Single(l => l.StartsWith("  " + name + " = ", StringComparison.Ordinal));

    [Theory]
    [InlineData(BibtexDialect.Bibtex)]
    [InlineData(BibtexDialect.Biblatex)]
    public void Write_DoiWithLatexSpecials_IsWrittenAsIs(BibtexDialect dialect)
    {
        var text = ScholarlyRecord.Formats.Bibtex.Write(With("10.1234/a#b_c%d&e~f^g$h", null), BibtexWriteOptions.Default with { Dialect = dialect });
        Assert.Equal("  doi = {10.1234/a#b_c%d&e~f^g$h},", FieldLine(text, "doi"));
    }

    [Theory]
    [InlineData(BibtexDialect.Bibtex)]
    [InlineData(BibtexDialect.Biblatex)]
    public void Write_NonAsciiDoiAndUrl_AreWrittenAsIs(BibtexDialect dialect)
    {
        var text = ScholarlyRecord.Formats.Bibtex.Write(With("10.1234/aéд", "http://example.org/ä?q=1#frag"), BibtexWriteOptions.Default with { Dialect = dialect });
        Assert.Equal("  doi = {10.1234/aéд},", FieldLine(text, "doi"));
        Assert.Equal("  url = {http://example.org/ä?q=1#frag},", FieldLine(text, "url"));
    }

    [Fact]
    public void Write_UrlWithUnbalancedBraces_PercentEncodesThem()
    {
        var text = ScholarlyRecord.Formats.Bibtex.Write(With(null, "http://x.org/a}b{c"));
        Assert.Equal("  url = {http://x.org/a%7Db%7Bc},", FieldLine(text, "url"));
    }

    [Fact]
    public void Write_UrlWithBalancedBraces_KeepsThem()
    {
        var text = ScholarlyRecord.Formats.Bibtex.Write(With(null, "http://x.org/{a}"));
        Assert.Equal("  url = {http://x.org/{a}},", FieldLine(text, "url"));
    }

    [Fact]
    public void Read_DoiAndUrlWithLatex_AreNotDecoded()
    {
        var result = ScholarlyRecord.Formats.Bibtex.Read("@incollection{k, title = {T}, doi = { 10.1234/a\\_b{\\\"a} }, url = {http://x.org/a\\#b~c}}");
        Assert.Empty(result.Diagnostics);
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal("10.1234/a\\_b{\\\"a}", chapter.Doi?.ToString());
        Assert.Equal("http://x.org/a\\#b~c", chapter.Url);
    }

    [Theory]
    [InlineData("doi", true)]
    [InlineData("url", true)]
    [InlineData("eprint", true)]
    [InlineData("file", true)]
    [InlineData("title", false)]
    [InlineData("note", false)]
    public void Field_Value_IsRawOnlyForVerbatimFields(string name, bool verbatim)
    {
        var document = ScholarlyRecord.Formats.BibtexDocument.Parse("@misc{k, " + name + " = { a\\_{b}  c }}");
        var field = Assert.Single(document.Entries).GetField(name);
        Assert.NotNull(field);
        Assert.Equal(verbatim ? "a\\_{b}  c" : "a_b c", field.Value);
    }

    [Theory]
    [InlineData(BibtexDialect.Bibtex)]
    [InlineData(BibtexDialect.Biblatex)]
    public void RoundTrip_VerbatimDoiAndUrl_AreKept(BibtexDialect dialect)
    {
        var chapter = With("10.1234/a#b_c%dé<>;()[]", "http://example.org/a b?x=1&y=%20#f");
        var read = Assert.Single(ScholarlyRecord.Formats.Bibtex.Read(ScholarlyRecord.Formats.Bibtex.Write(chapter, BibtexWriteOptions.Default with { Dialect = dialect })).Chapters);
        Assert.Equal(chapter.Doi, read.Doi);
        Assert.Equal(chapter.Url, read.Url);
    }
}
