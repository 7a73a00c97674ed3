using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.Bibtex;

public sealed class BibtexMappingRealFileTests
{
    private static ReadResult ReadFile(string name) =>
        ScholarlyRecord.Formats.Bibtex.Read(File.ReadAllText(Fixtures.TestData("real", "bibtex", name)));

    public static TheoryData<string> Files => [.. Directory.GetFiles(Fixtures.TestData("real", "bibtex")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Select(f => Path.GetFileName(f)!)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_RealFile_EveryEntryIsAChapterOrReportedSkipped(string file)
    {
        var document = BibtexDocument.Parse(File.ReadAllText(Fixtures.TestData("real", "bibtex", file)));
        var result = ReadFile(file);
        var skipped = result.Diagnostics.Count(d => d.Code == BibtexCodes.NotAChapter);
        Assert.Equal(document.Entries.Count, result.Chapters.Count + skipped);
        var chapterTypes = document.Entries.Count(e => e.EntryType is "incollection" or "inbook" or "bookinbook" or "inreference");
        Assert.Equal(chapterTypes, result.Chapters.Count);
        foreach (var d in result.Diagnostics.Where(d => d.Code == BibtexCodes.NotAChapter)) Assert.Equal(DiagnosticSeverity.Info, d.Severity);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Write_RealFileChapters_ReadBackTheSame(string file)
    {
        var chapters = ReadFile(file).Chapters;
        foreach (var dialect in new[] { BibtexDialect.Bibtex, BibtexDialect.Biblatex })
        {
            var text = ScholarlyRecord.Formats.Bibtex.Write(chapters, BibtexWriteOptions.Default with { Dialect = dialect });
            var again = ScholarlyRecord.Formats.Bibtex.Read(text);
            Assert.Equal(chapters.Count, again.Chapters.Count);
        }
    }

    [Fact]
    public void Read_SpringerChapter_MapsEveryField()
    {
        var result = ReadFile("springerlink-citation-bibtex-chapter-10.1007_978-3-540-46332-0_1.bib");
        Assert.Empty(result.Diagnostics);
        var c = Assert.Single(result.Chapters);
        Assert.Equal("Web Archiving: Issues and Methods", c.Title);
        var author = Assert.Single(c.Contributors);
        Assert.Equal(new PersonName { Family = "Masanés", Given = "Julien" }, author.Name);
        Assert.Equal("Web Archiving", c.Book!.Title);
        Assert.Equal(new PartialDate(2006), c.PublicationDate);
        Assert.Equal(new Publisher { Name = "Springer Berlin Heidelberg", Location = "Berlin, Heidelberg" }, c.Book.Publisher);
        Assert.Equal(new PageRange { First = "1", Last = "53" }, c.Pages);
        Assert.Equal(Isbn.Parse("9783540463320"), Assert.Single(c.Book.Isbns).Value);
        Assert.Equal(Doi.Parse("10.1007/978-3-540-46332-0_1"), c.Doi);
        Assert.Equal("https://doi.org/10.1007/978-3-540-46332-0_1", c.Url);
        Assert.Empty(c.ExtraFields);
    }

    [Fact]
    public void Read_BbtInbook_MapsFieldsAndKeepsTheRestRaw()
    {
        var result = ReadFile("bbt-Exporting_Book_Sections_as_Inbook_1474.bibtex");
        var c = Assert.Single(result.Chapters);
        Assert.Equal("Sparse Matrix-Vector Multiplication: Parallelization and Vectorization", c.Title);
        Assert.Equal(["Yzelman", "Roose", "Meerbergen"], c.Contributors.Select(x => x.Name.Family));
        Assert.Equal(new PartialDate(2015, 1), c.PublicationDate);
        Assert.Equal("© 2015 Elsevier Inc.", c.Copyright!.Statement);
        Assert.Equal("en-US", c.Language);
        Assert.Equal(new PageRange { First = "457", Last = "476" }, c.Pages);
        Assert.Equal(
            [new ExtraField { Name = "bibtex:shorttitle", Value = "Sparse Matrix-Vector Multiplication" },
             new ExtraField { Name = "bibtex:collaborator", Value = "Reinders, James and Jeffers, Jim" }],
            c.ExtraFields);
    }

    [Fact]
    public void Read_XamplInbookCrossref_InheritsFromTheSetAndKeepsTheOddYear()
    {
        var result = ReadFile("xampl.bib");
        var c = Assert.Single(result.Chapters, r => r.ExtraFields.Contains(new ExtraField { Name = "bibtex:crossref", Value = "whole-set" }));
        Assert.Equal("Fundamental Algorithms", c.Title);
        Assert.Equal("The Art of Computer Programming", c.Book!.Title);
        Assert.Equal(new PersonName { Given = "Donald E.", Family = "Knuth" }, Assert.Single(c.Contributors).Name);
        Assert.Equal("Addison-Wesley", c.Book.Publisher!.Name);
        Assert.Equal("1.2", c.Number);
        Assert.Null(c.PublicationDate);
        Assert.Contains(new ExtraField { Name = "bibtex:year", Value = "{\\noopsort{1973b}}1973" }, c.ExtraFields);
        Assert.Contains(result.Diagnostics, d => d is { Code: BibtexCodes.InvalidDate, Line: 84 });
    }
}
