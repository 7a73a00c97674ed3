using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

public class RisDocumentTests
{
    [Fact]
    public void Parse_BareCarriageReturns_SplitRepeatedLines()
    {
        // Web of Science exports (seen in a GPL file that is not copied here) separate repeated AD lines with a bare CR.
        var document = RisDocument.Parse("TY  - JOUR\nAD  - First Univ, City\rAD  - Second Univ, Town\rC3  - Second Univ\nER  - \n");
        var record = Assert.Single(document.Records);

        Assert.Equal(["First Univ, City", "Second Univ, Town"], record.GetAll("AD"));
        Assert.Equal("Second Univ", record["C3"]);
        Assert.Equal([2, 3, 4], record.Fields.Select(f => f.Line));
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Parse_MixedLineEndings_CountsEachBreakOnce()
    {
        // Lens exports mix CRLF and LF (seen in a GPL file that is not copied here).
        var document = RisDocument.Parse("TY  - JOUR\r\nTI  - A\nAU  - B\r\nER  - \r\nTY  - GEN\nER  -");

        Assert.Equal(2, document.Records.Count);
        Assert.Equal((3, "B"), (document.Records[0].Fields[1].Line, document.Records[0]["AU"]));
        Assert.Equal(5, document.Records[1].Line);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Parse_CrLfSplitAcrossBufferFill_IsOneBreak()
    {
        var filler = new string('x', (16 * 1024) - "TY  - JOUR\r\nTI  - ".Length - 1);
        var text = "TY  - JOUR\r\nTI  - " + filler + "\r\nAU  - B\r\nER  - \r\n";
        var document = RisDocument.Parse(text);

        Assert.Equal(filler, document.Records[0]["TI"]);
        Assert.Equal(3, document.Records[0].Fields[1].Line);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Parse_LineLongerThanBuffer_IsReadWhole()
    {
        var longValue = new string('y', 100_000);
        var document = RisDocument.Parse("TY  - JOUR\nAB  - " + longValue + "\nER  - \n");

        Assert.Equal(longValue, document.Records[0]["AB"]);
    }

    [Fact]
    public void Parse_BlankLineInsideValue_KeepsParagraphBreak()
    {
        var document = RisDocument.Parse("TY  - JOUR\nN1  - Export Date: 1 May\n\nArticle\nwrapped\n\n\nTI  - T\nER  - \n");

        Assert.Equal("Export Date: 1 May\nArticle wrapped", document.Records[0]["N1"]);
        Assert.Equal("T", document.Records[0]["TI"]);
    }

    [Fact]
    public void Parse_ContinuationOfEmptyValue_HasNoLeadingSpace()
    {
        var document = RisDocument.Parse("TY  - JOUR\nKW  -\nfirst\nsecond\nER  -\n");

        Assert.Equal("first second", document.Records[0]["KW"]);
    }

    [Fact]
    public void Parse_TypeNotClosed_WarnsAtNextTypeAndKeepsBoth()
    {
        var document = RisDocument.Parse("TY  - BOOK\nTI  - A\nTY  - CHAP\nTI  - B\nER  - \n");

        Assert.Equal(["BOOK", "CHAP"], document.Records.Select(r => r.Type));
        Assert.False(document.Records[0].HasEndTag);
        Assert.True(document.Records[1].HasEndTag);
        Assert.Equal([(3, RisCodes.MissingEndTag)], RisAssert.Codes(document));
    }

    [Fact]
    public void Parse_FieldsBeforeType_AreSkippedWithWarning()
    {
        var document = RisDocument.Parse("DB  - McK\nTI  - Orphan\nTY  - JOUR\nTI  - Kept\nER  - \n");

        var record = Assert.Single(document.Records);
        Assert.Equal("Kept", record["TI"]);
        Assert.Equal([(1, RisCodes.FieldsOutsideRecord)], RisAssert.Codes(document));
    }

    [Fact]
    public void Parse_FieldsAfterEndAtEndOfInput_AreSkippedWithWarning()
    {
        var document = RisDocument.Parse("TY  - JOUR\nER  - \nNL  - J Abbrev\n");

        Assert.Single(document.Records);
        Assert.Equal([(3, RisCodes.FieldsOutsideRecord)], RisAssert.Codes(document));
    }

    [Theory]
    [InlineData("TY - JOUR\nER  - \n", "JOUR")]
    [InlineData("TY -  BOOK\nER -\n", "BOOK")]
    [InlineData("TY -\nER  - \n", "")]
    public void Parse_DamagedTypeOrEndLine_AcceptedWithWarning(string text, string type)
    {
        var document = RisDocument.Parse(text);

        var record = Assert.Single(document.Records);
        Assert.Equal(type, record.Type);
        Assert.True(record.HasEndTag);
        Assert.Contains(document.Diagnostics, d => d.Code == RisCodes.DamagedTagLine && d.Line == 1 && d.Severity == DiagnosticSeverity.Warning);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\n  \n")]
    [InlineData("\uFEFF")]
    public void Parse_NothingButBlanks_NoRecordsNoDiagnostics(string text)
    {
        var document = RisDocument.Parse(text);

        Assert.Empty(document.Records);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Parse_LowerCaseTag_IsContinuationText()
    {
        var document = RisDocument.Parse("TY  - JOUR\nTI  - A\nau  - b\nER  - \n");

        Assert.Equal("A au  - b", document.Records[0]["TI"]);
    }

    [Fact]
    public void Indexer_AbsentTag_IsNull()
    {
        var record = new RisRecord("CHAP", [new RisField("AU", "A"), new RisField("AU", "B")]);

        Assert.Null(record["TI"]);
        Assert.Equal("A", record["AU"]);
        Assert.Empty(record.GetAll("TI"));
        Assert.Equal(0, record.Line);
        Assert.True(record.HasEndTag);
    }

    [Theory]
    [InlineData("TY")]
    [InlineData("ER")]
    [InlineData("au")]
    [InlineData("A")]
    [InlineData("1A")]
    [InlineData("ABC")]
    public void RisField_InvalidTag_Throws(string tag) =>
        Assert.Throws<ArgumentException>(() => new RisField(tag, "v"));

    [Fact]
    public void Write_Default_UsesCrLfTypeFirstEndLast()
    {
        var document = new RisDocument([new RisRecord(" CHAP ", [new RisField("TI", "T"), new RisField("AB", "One\r\ntwo\n\nthree\n")])]);

        Assert.Equal("TY  - CHAP\r\nTI  - T\r\nAB  - One\r\n\r\ntwo\r\n\r\n\r\nthree\r\nER  - \r\n\r\n", document.ToString());
        Assert.Equal("One\ntwo\n\nthree", RisDocument.Parse(document.ToString()).Records[0]["AB"]);
    }

    [Fact]
    public void Write_LfOption_UsesLf()
    {
        var document = new RisDocument([new RisRecord("BOOK", [new RisField("TI", "T")])]);
        using var writer = new StringWriter();
        document.Write(writer, RisWriteOptions.Default with { NewLine = LineEnding.Lf });

        Assert.Equal("TY  - BOOK\nTI  - T\nER  - \n\n", writer.ToString());
    }

    [Fact]
    public void RisWriteOptions_Default_IsCrLf() => Assert.Equal(LineEnding.CrLf, new RisWriteOptions().NewLine);

    [Fact]
    public void ReadRecords_Streaming_YieldsBeforeTheEnd()
    {
        using var reader = new StringReader("TY  - JOUR\nER  - \nTY  - BOOK\nTI  - x\n");
        var risReader = new RisReader(reader);
        using var records = risReader.ReadRecords().GetEnumerator();

        Assert.True(records.MoveNext());
        Assert.Equal("JOUR", records.Current.Type);
        Assert.Empty(risReader.Diagnostics);
        Assert.True(records.MoveNext());
        Assert.Equal("BOOK", records.Current.Type);
        Assert.False(records.MoveNext());
        Assert.Equal([(5, RisCodes.MissingEndTag)], risReader.Diagnostics.Select(d => (d.Line, d.Code)));
    }

    [Fact]
    public async Task ReadRecordsAsync_RealFile_MatchesSynchronousParse()
    {
        var text = RisAssert.ReadReal("klab-ris.test.txt");
        using var reader = new StringReader(text);

        var document = await RisDocument.ParseAsync(reader, cancellationToken: TestContext.Current.CancellationToken);

        var expected = RisDocument.Parse(text);
        RisAssert.SameRecords(expected, document);
        Assert.Equal(RisAssert.Codes(expected), RisAssert.Codes(document));
    }

    [Fact]
    public void ReadRecords_SecondCall_Throws()
    {
        using var reader = new StringReader("");
        var risReader = new RisReader(reader);
        _ = risReader.ReadRecords();

        Assert.Throws<InvalidOperationException>(() => risReader.ReadRecords());
    }

    [Fact]
    public void Parse_TenThousandRecords_ReadsEveryRecord()
    {
        var one = RisAssert.ReadReal("palgrave-connect-ris-echap-10.1057_9781137016768.0007.ris") + "\n";
        var text = string.Concat(Enumerable.Repeat(one, 10_000));

        var document = RisDocument.Parse(text);

        Assert.Equal(10_000, document.Records.Count);
        Assert.All(document.Records, r => Assert.Equal("ECHAP", r.Type));
        Assert.Empty(document.Diagnostics);
    }
}
