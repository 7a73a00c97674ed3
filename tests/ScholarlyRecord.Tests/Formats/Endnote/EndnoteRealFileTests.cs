using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>Real EndNote files (TestData/real/endnote, sources and licences in its SOURCES.md).</summary>
public class EndnoteRealFileTests
{
    private static string RealPath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "real", "endnote", name);

    private static readonly (string Name, int Records)[] FileList =
    [
        ("wini-reffile_book.enw", 1),
        ("wini-reffile_bookchapter.enw", 1),
        ("wini-reffile_cirnii_jpn.enw", 2),
        ("wini-reffile_googlescholar.enw", 1),
        ("wini-reffile_various.enw", 3),
        ("rayyan-example.enw", 1),
        ("jabref-Endnote.entries.enw", 13),
    ];

    public static TheoryData<string, int> Files
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var (name, records) in FileList) data.Add(name, records);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_RealFile_ReadsEveryRecordWithoutErrorAndWritesAFixedPoint(string name, int records)
    {
        var text = File.ReadAllText(RealPath(name));
        var document = EndnoteDocument.Parse(text);
        Assert.Equal(records, document.Records.Count);
        Assert.DoesNotContain(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(Endnote.Read(text).IsSuccess);
        var written = document.ToString();
        Assert.Equal(written, EndnoteDocument.Parse(written).ToString());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ReadWriteRead_RealFileChapters_ComeBackTheSame(string name, int records)
    {
        _ = records;
        var chapters = Endnote.Read(File.ReadAllText(RealPath(name))).Chapters;
        var again = Endnote.Read(Endnote.Write(chapters));

        // Compared as records (JSON refuses the untitled chapter of the JabRef file); only that chapter is reported again.
        Assert.Equal(chapters, again.Chapters);
        Assert.All(again.Diagnostics, d => Assert.Equal(EndnoteCodes.MissingTitle, d.Code));
    }

    [Fact]
    public void RealFiles_HoldAtLeastFifteenRecordsFromThreeSources()
    {
        Assert.True(FileList.Sum(f => f.Records) >= 15);
        Assert.Equal(3, FileList.Select(f => f.Name.Split('-')[0]).Distinct().Count());
    }

    [Fact]
    public void Read_GoogleScholarBookSection_MapsItsFields()
    {
        var result = Endnote.Read(File.ReadAllText(RealPath("wini-reffile_bookchapter.enw")));
        Assert.Empty(result.Diagnostics);
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal("It’s DE-licious: a recipe for differential expression analyses of RNA-seq experiments using quasi-likelihood methods in edgeR", chapter.Title);
        Assert.Equal(["Lun|Aaron TL", "Chen|Yunshun", "Smyth|Gordon K"], chapter.Contributors.Select(c => c.Name.Family + "|" + c.Name.Given));
        Assert.Equal("Statistical genomics", chapter.Book!.Title);
        Assert.Equal("Springer", chapter.Book.Publisher!.Name);
        Assert.Equal(new PageRange { First = "391", Last = "416" }, chapter.Pages);
        Assert.Equal(PartialDate.Parse("2016"), chapter.PublicationDate);
        // The three %# (Custom 5) lines are kept, in order, and written back.
        Assert.Equal(3, chapter.ExtraFields.Count(e => e.Name == "endnote:%#"));
        Assert.Equal(ScholarlyJson.Serialize(chapter), ScholarlyJson.Serialize(Assert.Single(Endnote.Read(Endnote.Write(chapter)).Chapters)));
    }

    [Fact]
    public void Parse_CiNii_KeepsTypeFromTheMiddleAndTranslatedAuthors()
    {
        var document = EndnoteDocument.Parse(File.ReadAllText(RealPath("wini-reffile_cirnii_jpn.enw")));
        Assert.Empty(document.Diagnostics);
        Assert.All(document.Records, r => Assert.Equal("Journal Article", r.Type));
        Assert.Equal("10.3825/ece.21-00011", document.Records[1]["%R"]);
        Assert.Equal(6, document.Records[1].GetAll("%H").Count);
        Assert.Equal("2021-12-25", document.Records[0]["%8"]);
        var result = Endnote.Read(File.ReadAllText(RealPath("wini-reffile_cirnii_jpn.enw")));
        Assert.Empty(result.Chapters);
        Assert.Equal([EndnoteCodes.NotAChapter, EndnoteCodes.NotAChapter], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Parse_JabRefResource_SplitsAtEachTypeLine()
    {
        // One %0 line after another with no blank line: each starts a record (the first has an empty type).
        var document = EndnoteDocument.Parse(File.ReadAllText(RealPath("jabref-Endnote.entries.enw")));
        Assert.Empty(document.Diagnostics);
        Assert.Equal("", document.Records[0].Type);
        Assert.Equal(["testA0", "testA1"], document.Records[0].GetAll("%A"));
        Assert.Equal("Test0", document.Records[9].Type);
        Assert.Equal("testF", document.Records[^1]["%F"]);
        var chapters = Endnote.Read(File.ReadAllText(RealPath("jabref-Endnote.entries.enw")));
        Assert.Equal("", Assert.Single(chapters.Chapters).Title);
    }
}
