using CsCheck;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Validation;
using ScholarlyRecord.Tests.Support;
using Xunit;
using BibtexFormat = ScholarlyRecord.Formats.Bibtex;
using CslFormat = ScholarlyRecord.Formats.CslJson;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>Chapter.CitationKey through every format with a key field (docs/formats.md, "Citation keys").</summary>
public class CitationKeyTests
{
    private static string RealBibtex(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "real", "bibtex", name));

    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    [Fact]
    public void RealBibtexKey_SurvivesBibtexCslJsonRisEndnoteBibtex()
    {
        // SpringerLink's "Download citation" .bib for a chapter: the key is "Masanés2006", with its accent.
        var fromBibtex = Assert.Single(BibtexFormat.Read(RealBibtex("springerlink-citation-bibtex-chapter-10.1007_978-3-540-46332-0_1.bib")).Chapters);
        Assert.Equal("Masanés2006", fromBibtex.CitationKey);

        var csl = CslFormat.Write(fromBibtex);
        Assert.Contains("\"id\": \"Masanés2006\"", csl, StringComparison.Ordinal);
        var fromCsl = Assert.Single(CslFormat.Read(csl).Chapters);
        var ris = Ris.Write(fromCsl);
        Assert.Contains("ID  - Masanés2006\r\n", ris, StringComparison.Ordinal);
        var fromRis = Assert.Single(Ris.Read(ris).Chapters);
        var enw = Endnote.Write(fromRis);
        Assert.Contains("%F Masanés2006\r\n", enw, StringComparison.Ordinal);
        var fromEnw = Assert.Single(Endnote.Read(enw).Chapters);
        var bibtex = BibtexFormat.Write(fromEnw);

        Assert.StartsWith("@incollection{Masanés2006,", bibtex, StringComparison.Ordinal);
        Assert.Equal("Masanés2006", Assert.Single(BibtexFormat.Read(bibtex).Chapters).CitationKey);
        Assert.Equal("Masanés2006", ScholarlyJson.Deserialize(ScholarlyJson.Serialize(fromEnw)).CitationKey);
    }

    [Fact]
    public void Write_ChapterWithoutKey_BibtexAndCslJsonMakeOneRisAndEndnoteWriteNone()
    {
        var chapter = Haslam;
        Assert.Null(chapter.CitationKey);

        Assert.StartsWith("@incollection{haslam1992conclusions,", BibtexFormat.Write(chapter), StringComparison.Ordinal);
        Assert.Contains("\"id\": \"haslam1992conclusions\"", CslFormat.Write(chapter), StringComparison.Ordinal);
        Assert.DoesNotContain("\r\nID  - ", Ris.Write(chapter), StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n%F ", Endnote.Write(chapter), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_KeysThatClashInOneFile_GetLetterSuffixes()
    {
        var keyed = Haslam with { CitationKey = "Haslam1992" };
        // The fourth chapter has no key: the one made up for it is new, so it keeps no suffix.
        Chapter[] chapters = [keyed, keyed, keyed, Haslam, Haslam];

        Assert.Equal(["Haslam1992", "Haslam1992a", "Haslam1992b", "haslam1992conclusions", "haslam1992conclusionsa"], BibtexFormat.Read(BibtexFormat.Write(chapters)).Chapters.Select(c => c.CitationKey));
        Assert.Equal(["Haslam1992", "Haslam1992a", "Haslam1992b", "haslam1992conclusions", "haslam1992conclusionsa"], CslFormat.Read(CslFormat.Write(chapters)).Chapters.Select(c => c.CitationKey));
        Assert.Equal(["Haslam1992", "Haslam1992a", "Haslam1992b", null, null], Ris.Read(Ris.Write(chapters)).Chapters.Select(c => c.CitationKey));
        Assert.Equal(["Haslam1992", "Haslam1992a", "Haslam1992b", null, null], Endnote.Read(Endnote.Write(chapters)).Chapters.Select(c => c.CitationKey));
    }

    [Fact]
    public void Write_KeyBibtexCannotHold_BibtexMakesOneTheOthersKeepIt()
    {
        var chapter = Haslam with { CitationKey = "Haslam, 1992" };

        Assert.StartsWith("@incollection{haslam1992conclusions,", BibtexFormat.Write(chapter), StringComparison.Ordinal);
        Assert.Equal("Haslam, 1992", Assert.Single(CslFormat.Read(CslFormat.Write(chapter)).Chapters).CitationKey);
        Assert.Equal("Haslam, 1992", Assert.Single(Ris.Read(Ris.Write(chapter)).Chapters).CitationKey);
        Assert.Equal("Haslam, 1992", Assert.Single(Endnote.Read(Endnote.Write(chapter)).Chapters).CitationKey);
    }

    [Fact]
    public void Read_KeyFields_OfEachFormat()
    {
        Assert.Equal("12", Assert.Single(CslFormat.Read("""[{"id":12,"type":"chapter","title":"T"}]""").Chapters).CitationKey);
        Assert.Equal("k1", Assert.Single(Ris.Read("TY  - CHAP\r\nID  - k1\r\nID  - k2\r\nTI  - T\r\nER  - \r\n").Chapters).CitationKey);
        var enw = Assert.Single(Endnote.Read("%0 Book Section\n%T T\n%F first\n%F second\n").Chapters);
        Assert.Equal("first", enw.CitationKey);
        Assert.Equal([new ExtraField { Name = "endnote:%F", Value = "second" }], enw.ExtraFields);
    }

    [Fact]
    public void ScholarlyJson_CitationKey_IsWrittenFirstAndTheSchemaAcceptsIt()
    {
        var json = ScholarlyJson.Serialize(Haslam with { CitationKey = "Haslam1992" });
        Assert.Contains("\"citationKey\": \"Haslam1992\",\n  \"doi\"", json, StringComparison.Ordinal);
        Assert.True(ScholarlySchema.Validate(json).IsValid);
        Assert.False(ScholarlySchema.Validate(json.Replace("\"Haslam1992\"", "12", StringComparison.Ordinal)).IsValid);
    }

    private static readonly Gen<string> Key =
        Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:_-.éü"].Array[1, 12].Select(c => new string(c));

    // The suffix rule, applied to a list of keys as the writers apply it.
    private static List<string> Suffixed(IEnumerable<string> keys)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var key in keys)
        {
            var candidate = key;
            for (var n = 1; !written.Add(candidate); n++)
            {
                var suffix = "";
                for (var k = n; k > 0; k = (k - 1) / 26) suffix = (char)('a' + ((k - 1) % 26)) + suffix;
                candidate = key + suffix;
            }
            result.Add(candidate);
        }
        return result;
    }

    [Fact]
    public void GeneratedChapters_KeepTheirKeysInEveryFormat() =>
        Gen.Select(ChapterGenerator.Chapter, Key, (c, k) => c with { CitationKey = k }).Array[1, 6].Sample(chapters =>
        {
            var expected = Suffixed(chapters.Select(c => c.CitationKey!));
            Assert.Equal(expected, BibtexFormat.Read(BibtexFormat.Write(chapters)).Chapters.Select(c => c.CitationKey));
            Assert.Equal(expected, CslFormat.Read(CslFormat.Write(chapters)).Chapters.Select(c => c.CitationKey));
            Assert.Equal(expected, Ris.Read(Ris.Write(chapters)).Chapters.Select(c => c.CitationKey));
            Assert.Equal(expected, Endnote.Read(Endnote.Write(chapters)).Chapters.Select(c => c.CitationKey));
            Assert.Equal(chapters.Select(c => c.CitationKey), chapters.Select(c => ScholarlyJson.Deserialize(ScholarlyJson.Serialize(c)).CitationKey));
        }, iter: 300, writeLine: TestContext.Current.SendDiagnosticMessage);
}
