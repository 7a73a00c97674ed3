using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.Bibtex;

public sealed class BibtexMappingApiTests
{
    public static TheoryData<EdgeCase> Cases => EdgeCases.For("bibtex");

    [Fact]
    public void WriteOptions_Default_IsBibtexLfTwoSpaces()
    {
        var options = BibtexWriteOptions.Default;
        Assert.Equal(BibtexDialect.Bibtex, options.Dialect);
        Assert.Equal(LineEnding.Lf, options.NewLine);
        Assert.Equal("  ", options.Indent);
    }

    [Fact]
    public void Format_NamesAndExtensions_AreAsDocumented()
    {
        Assert.Equal("bibtex", ScholarlyRecord.Formats.Bibtex.Format.Name);
        Assert.Equal([".bib", ".bibtex"], ScholarlyRecord.Formats.Bibtex.Format.FileExtensions);
        Assert.Equal("biblatex", ScholarlyRecord.Formats.Bibtex.BiblatexFormat.Name);
        Assert.Equal([".biblatex"], ScholarlyRecord.Formats.Bibtex.BiblatexFormat.FileExtensions);
    }

    [Fact]
    public void Write_SameKeyTwice_SuffixesLaterOnes()
    {
        var haslam = ScholarlyJson.Deserialize(Fixtures.HaslamJson);
        var text = ScholarlyRecord.Formats.Bibtex.Write([haslam, haslam, haslam]);
        var keys = ScholarlyRecord.Formats.BibtexDocument.Parse(text).Entries.Select(e => e.Key);
        Assert.Equal(["haslam1992conclusions", "haslam1992conclusionsa", "haslam1992conclusionsb"], keys);
    }

    [Fact]
    public void Write_BookWithEditors_IsIncollection()
    {
        var haslam = ScholarlyJson.Deserialize(Fixtures.HaslamJson);
        var edited = haslam with { Book = haslam.Book! with { Contributors = [new Contributor { Name = PersonName.Parse("Smith, Ann"), Role = ContributorRole.Editor }] } };
        Assert.StartsWith("@incollection{haslam1992conclusions,", ScholarlyRecord.Formats.Bibtex.Write(edited), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EtAl_IsKeptAsExtraAndWrittenBack()
    {
        var result = ScholarlyRecord.Formats.Bibtex.Read("@incollection{k, author = {Doe, Jane and others}, title = {T}, booktitle = {B}}");
        var c = Assert.Single(result.Chapters);
        Assert.Contains(new ExtraField { Name = "bibtex:author+others", Value = "others" }, c.ExtraFields);
        Assert.Contains("author = {Doe, Jane and others},", ScholarlyRecord.Formats.Bibtex.Write(c), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ArticleAndBadPages_ReportsCodesWithLines()
    {
        const string text = "@article{a, title = {A}}\n\n@incollection{b,\n  title = {B},\n  pages = {abc--},\n  isbn = {ISBN 978-0-306-40615-7, 123},\n}\n";
        var result = ScholarlyRecord.Formats.Bibtex.Read(text);
        Assert.Equal(
            [(BibtexCodes.NotAChapter, 1, DiagnosticSeverity.Info), (BibtexCodes.InvalidPages, 5, DiagnosticSeverity.Warning), (BibtexCodes.InvalidIsbn, 6, DiagnosticSeverity.Warning)],
            result.Diagnostics.Select(d => (d.Code, d.Line, d.Severity)));
        var c = Assert.Single(result.Chapters);
        Assert.Equal(Isbn.Parse("9780306406157"), Assert.Single(c.Book!.Isbns).Value);
        Assert.Equal([new ExtraField { Name = "bibtex:pages", Value = "abc--" }, new ExtraField { Name = "bibtex:isbn", Value = "123" }], c.ExtraFields);
    }

    [Fact]
    public async Task ReadAsync_ChildBeforeParent_WaitsForTheParent()
    {
        const string text = "@inbook{c, title = {Ch}, crossref = {p}}\n@article{x, title = {X}}\n@book{p, title = {The Book}, publisher = {P}}\n";
        var diagnostics = new List<Diagnostic>();
        var chapters = new List<Chapter>();
        await foreach (var r in ScholarlyRecord.Formats.Bibtex.ReadRecordsAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), cancellationToken: TestContext.Current.CancellationToken))
        {
            diagnostics.AddRange(r.Diagnostics);
            if (r.Chapter is { } c) chapters.Add(c);
        }
        var chapter = Assert.Single(chapters);
        Assert.Equal("The Book", chapter.Book!.Title);
        Assert.Equal("P", chapter.Book.Publisher!.Name);
        Assert.Equal([BibtexCodes.NotAChapter, BibtexCodes.NotAChapter], diagnostics.Select(d => d.Code));
        Assert.Equal(ScholarlyRecord.Formats.Bibtex.Read(text).Chapters, chapters);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Catalogue_ChapterRows_MapWithoutThrowing(EdgeCase row)
    {
        var text = row.InputBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : row.InputText ?? "";
        var document = ScholarlyRecord.Formats.BibtexDocument.Parse(text);
        var result = ScholarlyRecord.Formats.Bibtex.Read(text);
        var chapterEntries = document.Entries.Count(e => e.EntryType is "incollection" or "inbook" or "bookinbook" or "inreference");
        Assert.Equal(chapterEntries, result.Chapters.Count);
        foreach (var chapter in result.Chapters)
        {
            var again = ScholarlyRecord.Formats.Bibtex.Read(ScholarlyRecord.Formats.Bibtex.Write(chapter, BibtexWriteOptions.Default with { Dialect = BibtexDialect.Biblatex }));
            Assert.Equal(chapter with { ExtraFields = [] }, Assert.Single(again.Chapters) with { ExtraFields = [] });
        }
    }
}
