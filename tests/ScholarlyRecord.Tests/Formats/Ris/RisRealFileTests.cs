using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>
/// The real RIS exports in TestData/real/ris (copied from shared/fixtures/real/ris; the GPL files in
/// gpl-reference-only are not copied, by their README). Record and type counts are SOURCES.md
/// "contents (computed)"; the diagnostics are asserted one by one (line and code).
/// </summary>
public class RisRealFileTests
{
    private const string Baseline61 =
        "(empty):1,GEN:2,ABST:1,AGGR:1,ANCIENT:1,ART:1,ADVS:1,BILL:1,BLOG:1,BOOK:1,CHAP:1,CASE:1,CTLG:1,CHART:1,CLSWK:1,COMP:1,CPAPER:1,CONF:1,DATA:1,DICT:1,EDBOOK:1,EBOOK:1,ECHAP:1,EJOUR:1,ENCYC:1,EQUA:1,FIGURE:1,MPCT:1,JFULL:1,GOVDOC:1,GRNT:1,HEAR:1,INPR:1,ICOMM:1,INTV:1,JOUR:1,LEGAL:1,MGZN:1,MANSCPT:1,MAP:1,MUSIC:1,NEWS:1,DBASE:1,MULTI:1,PAMP:1,PAT:1,PCOMM:1,POD:1,PRESS:1,RPRT:1,SER:1,SLIDE:1,SOUND:1,STAND:1,STAT:1,THES:1,UNBILL:1,UNPD:1,VIDEO:1,WEB:1";

    /// <summary>file, records, type counts, diagnostics as line:code (space-separated, in order).</summary>
    public static TheoryData<string, int, string, string> Files => new()
    {
        { "asreview-baseline_reference_types.ris", 61, Baseline61, "1:RIS203" },
        { "asreview-embase.ris", 6, "JOUR:6", "" },
        { "asreview-ovid_psycinfo.ris", 6, "JOUR:6", "1:RIS301 26:RIS205 104:RIS205 191:RIS205 218:RIS205 293:RIS205 327:RIS205" },
        { "asreview-pubmed_endnote.txt", 6, "JOUR:6", "" },
        { "asreview-ris_issue_1099.txt", 7, "JOUR:4,GEN:2,BOOK:1", "" },
        { "commonmeta-ruby-pure.ris", 1, "THES:1", "" },
        { "commonmeta-ruby-ris_bug.ris", 1, "BOOK:1", "1:RIS202" },
        // SOURCES counts TY lines (0); the fields are kept in one record with an empty type.
        { "jabref-RisImporterCorrupted.ris", 1, "(empty):1", "2:RIS101" },
        { "jabref-RisImporterTest3.ris", 1, "CHAP:1", "" },
        { "jabref-RisImporterTest4b.ris", 1, "BOOK:1", "" },
        { "jabref-RisImporterTest5a.ris", 1, "JOUR:1", "" },
        { "jabref-RisImporterTest6.ris", 1, "JOUR:1", "" },
        { "jabref-RisImporterTest8_date.ris", 1, "JOUR:1", "" },
        { "jabref-RisImporterTestDOI.ris", 1, "JOUR:1", "" },
        { "jabref-RisImporterTestScience.ris", 1, "JOUR:1", "" },
        { "jabref-RisImporterTestScopus.ris", 1, "JOUR:1", "" },
        { "klab-ris.test.txt", 136, "JOUR:128,CHAP:6,CONF:2", "1:RIS301 16:RIS204" },
        { "palgrave-connect-ris-echap-10.1057_9781137016768.0007.ris", 1, "ECHAP:1", "" },
        { "rispy-example_bom.ris", 1, "JOUR:1", "" },
        { "rispy-example_empty_tag.ris", 1, "JOUR:1", "" },
        { "rispy-example_endnote.ris", 1, "JOUR:1", "" },
        { "rispy-example_utf_chars.ris", 1, "Journal Article:1", "" },
        { "rispy-example_wos.ris", 0, "", "1:RIS301 1:RIS102" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_RealFile_CountsTypesAndDiagnostics(string file, int records, string types, string diagnostics)
    {
        var document = RisDocument.Parse(RisAssert.ReadReal(file));

        Assert.Equal(records, document.Records.Count);
        var actualTypes = string.Join(",", document.Records.GroupBy(r => r.Type).Select(g => $"{(g.Key.Length == 0 ? "(empty)" : g.Key)}:{g.Count()}"));
        Assert.Equal(Sorted(types), Sorted(actualTypes));
        var expected = diagnostics.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var actual = document.Diagnostics.Select(d => $"{d.Line}:{d.Code}").ToArray();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_RealFile_LosesNoRecord(string file, int records, string types, string diagnostics)
    {
        _ = (records, types, diagnostics);
        var text = RisAssert.ReadReal(file);
        var document = RisDocument.Parse(text);

        // Every line that starts with TY (well formed or damaged) opens a record; every RIS101 is a record without TY.
        var typeLines = text.TrimStart('\uFEFF').Split(["\r\n", "\r", "\n"], StringSplitOptions.None)
            .Count(l => l.StartsWith("TY ", StringComparison.Ordinal));
        var withoutType = document.Diagnostics.Count(d => d.Code == RisCodes.RecordWithoutType);
        Assert.Equal(typeLines + withoutType, document.Records.Count);
        Assert.All(document.Records.Where(r => r.Line > 0), r => Assert.True(r.HasEndTag));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Write_RealFile_RoundTripsAndIsAFixedPoint(string file, int records, string types, string diagnostics)
    {
        _ = (records, types, diagnostics);
        var document = RisDocument.Parse(RisAssert.ReadReal(file));
        var written = document.ToString();
        var again = RisDocument.Parse(written);

        RisAssert.SameRecords(document, again);
        Assert.DoesNotContain(again.Diagnostics, d => d.Code != RisCodes.EmptyType);
        Assert.Equal(written, again.ToString());
    }

    [Fact]
    public void Parse_Palgrave_KeepsEveryFieldInOrder()
    {
        var record = RisDocument.Parse(RisAssert.ReadReal("palgrave-connect-ris-echap-10.1057_9781137016768.0007.ris")).Records[0];

        Assert.Equal("ECHAP", record.Type);
        Assert.Equal(1, record.Line);
        Assert.True(record.HasEndTag);
        Assert.Equal(["AU", "AU", "CY", "DA", "DO", "PB", "PY", "SP", "TI", "UR", "T2", "M1"], record.Fields.Select(f => f.Tag));
        Assert.Equal(["Goldsmith, Hilary A.", "Goldsmith, Hilary A."], record.GetAll("AU"));
        Assert.Equal("2014/07/23", record["DA"]);
        Assert.Equal("Cross-Cultural Connections in Crime Fictions", record["T2"]);
        Assert.Equal("2", record["M1"]);
        Assert.Null(record["EP"]);
        var title = record.Fields[8];
        Assert.Equal((10, 7), (title.Line, title.Column));
    }

    [Fact]
    public void Parse_JabrefChapter_ReadsChapterFields()
    {
        var record = RisDocument.Parse(RisAssert.ReadReal("jabref-RisImporterTest3.ris")).Records[0];

        Assert.Equal("CHAP", record.Type);
        Assert.Equal(["Catarina Barata", "MEmre Celebi", "JorgeS Marques"], record.GetAll("AU"));
        Assert.Equal("Toward a Robust Analysis of Dermoscopy Images Acquired under Different        Conditions", record["TI"]);
        Assert.Equal("Dermoscopy Image Analysis", record["T2"]);
        Assert.Equal("Digital Imaging and Computer Vision", record["T3"]);
        Assert.Equal("978-1-4822-5326-9", record["SN"]);
        Assert.Equal("doi:10.1201/b19107-2", record["DO"]);
        Assert.Equal("1-22", record["SP"]);
        Assert.Equal("CRC Press", record["PB"]);
    }

    [Fact]
    public void Parse_EndnoteContinuations_JoinsUntaggedLinesWithSpaces()
    {
        var record = RisDocument.Parse(RisAssert.ReadReal("rispy-example_endnote.ris")).Records[0];

        Assert.Equal("citation reference library wizardry coffee procrastination EndNote RIS", record["KW"]);
        Assert.Equal("0000-0000 9999-9999", record["SN"]);
        Assert.Equal("EndNote RIS", record["DB"]);
        Assert.Equal(["https://www.endnote.com/", "https://www.reference-jokes.org/"], record.GetAll("UR"));
    }

    [Fact]
    public void Parse_PubmedEndnote_KeepsMultiLineKeywords()
    {
        var document = RisDocument.Parse(RisAssert.ReadReal("asreview-pubmed_endnote.txt"));
        var keywords = document.Records[0]["KW"]!;

        // EndNote writes one KW line and the other keywords on untagged lines below it.
        Assert.Contains(" ", keywords, StringComparison.Ordinal);
        Assert.True(document.Records.All(r => r.Fields.All(f => !f.Value.Contains('\r', StringComparison.Ordinal))));
    }

    [Fact]
    public void Parse_ScopusU3_KeepsBlankLineParagraphs()
    {
        var document = RisDocument.Parse(RisAssert.ReadReal("asreview-ris_issue_1099.txt"));

        Assert.Contains(document.Records, r => (r["U3"] ?? "").Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EmptyTagFile_KeepsEmptyValueAndContinuation()
    {
        var record = RisDocument.Parse(RisAssert.ReadReal("rispy-example_empty_tag.ris")).Records[0];

        Assert.Equal("", record["SP"]);
        Assert.EndsWith(" Outcome measures are valuable when determining an athlete's safe return to sport...", record["N2"], StringComparison.Ordinal);
        Assert.Equal(["*athlete", "biomechanics", "bone remodeling"], record.GetAll("KW"));
    }

    [Theory]
    [InlineData("rispy-example_bom.ris", "JOUR", "DO", "10.1186/s40981-020-0316-0")]
    [InlineData("rispy-example_utf_chars.ris", "Journal Article", null, null)]
    [InlineData("asreview-embase.ris", "JOUR", null, null)]
    public void Parse_BomFile_ReadsFirstTypeLine(string file, string type, string? tag, string? value)
    {
        var document = RisDocument.Parse(RisAssert.ReadReal(file));

        Assert.Equal(type, document.Records[0].Type);
        Assert.Equal(1, document.Records[0].Line);
        if (tag is not null) Assert.Equal(value, document.Records[0][tag]);
    }

    [Fact]
    public void Parse_DamagedTypeLine_AcceptsBookAndReadsTheRest()
    {
        var document = RisDocument.Parse(RisAssert.ReadReal("commonmeta-ruby-ris_bug.ris"));
        var record = Assert.Single(document.Records);

        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal((1, 1, RisCodes.DamagedTagLine, DiagnosticSeverity.Warning), (diagnostic.Line, diagnostic.Column, diagnostic.Code, diagnostic.Severity));
        Assert.Equal("BOOK", record.Type);
        Assert.Equal("10.17918/ERNK-6431", record["DO"]);
        Assert.Equal("Drexel University", record["PB"]);
        Assert.True(record.HasEndTag);
    }

    [Fact]
    public void Parse_CorruptedJabref_KeepsFieldsWithoutType()
    {
        var document = RisDocument.Parse(RisAssert.ReadReal("jabref-RisImporterCorrupted.ris"));
        var record = Assert.Single(document.Records);

        Assert.Equal("", record.Type);
        Assert.Equal(2, record.Line);
        Assert.Equal("Empirical Software Engineering", record["JF"]);
        Assert.Equal("Harrison, Warren", record["AU"]);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(document.Diagnostics).Severity);
    }

    [Fact]
    public void Parse_OvidNumbering_ReadsRecordsBetweenNoise()
    {
        var document = RisDocument.Parse(RisAssert.ReadReal("asreview-ovid_psycinfo.ris"));

        Assert.Equal([2, 31, 109, 196, 223, 298], document.Records.Select(r => r.Line));
        Assert.Equal(["No"], document.Records[0].GetAll("SP"));
        Assert.Equal(2, document.Records[0].GetAll("PB").Count);
    }

    [Fact]
    public void Parse_KlabHeaderAndStrayEnd_ReadsFirstRecordAfterThem()
    {
        var document = RisDocument.Parse(RisAssert.ReadReal("klab-ris.test.txt"));

        Assert.Equal(17, document.Records[0].Line);
        Assert.Equal("2013 Publications", document.Records[0]["C8"]);
        Assert.Equal(6, document.Records.Count(r => r.Type == "CHAP"));
    }

    [Fact]
    public void Parse_EmptyType_KeepsRecordAndReportsIt()
    {
        var document = RisDocument.Parse(RisAssert.ReadReal("asreview-baseline_reference_types.ris"));

        Assert.Equal("", document.Records[0].Type);
        Assert.Empty(document.Records[0].Fields);
        Assert.True(document.Records[0].HasEndTag);
        Assert.Equal("GEN", document.Records[1].Type);
        Assert.Equal(4, document.Records[1].Line);
    }

    private static string Sorted(string counts) => string.Join(",", counts.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
}
