using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

public class EndnoteDocumentTests
{
    private static (string Code, int Line, int Column)[] Codes(EndnoteDocument document) =>
        document.Diagnostics.Select(d => (d.Code, d.Line, d.Column)).ToArray();

    private static string[] Fields(EndnoteRecord record) => record.Fields.Select(f => f.Tag + "=" + f.Value).ToArray();

    [Fact]
    public void Parse_TwoRecords_KeepsTypesFieldsInOrderAndPositions()
    {
        var document = EndnoteDocument.Parse("%0 Book Section\n%A Doe, Jane\n%T A\n%A Roe, Ann\n\n%0 Journal Article\n%T B\n");
        Assert.Empty(document.Diagnostics);
        Assert.Equal(["Book Section", "Journal Article"], document.Records.Select(r => r.Type));
        Assert.Equal(["%A=Doe, Jane", "%T=A", "%A=Roe, Ann"], Fields(document.Records[0]));
        Assert.Equal((1, 6), (document.Records[0].Line, document.Records[1].Line));
        Assert.Equal((4, 1), (document.Records[0].Fields[2].Line, document.Records[0].Fields[2].Column));
        Assert.Equal(["Doe, Jane", "Roe, Ann"], document.Records[0].GetAll("%A"));
        Assert.Equal("A", document.Records[0]["%T"]);
        Assert.Null(document.Records[0]["%B"]);
    }

    [Theory]
    [InlineData("\uFEFF%0 Book\r\n%T A\r\n\r\n%0 Book\r\n%T B\r\n")]
    [InlineData("%0 Book\r%T A\r\r%0 Book\r%T B")]
    [InlineData("%0 Book\n%T A\n \t \n%0 Book\n%T B\n\n\n")]
    public void Parse_BomCrLfCrAndBlankLines_GiveTheSameRecords(string text)
    {
        var document = EndnoteDocument.Parse(text);
        Assert.Empty(document.Diagnostics);
        Assert.Equal(["%T=A", "%T=B"], document.Records.Select(r => Fields(r).Single()));
        Assert.All(document.Records, r => Assert.Equal("Book", r.Type));
    }

    [Fact]
    public void Parse_ContinuationLines_JoinWithLineFeedsAsWritten()
    {
        var document = EndnoteDocument.Parse("%0 Book Section\n%X First line\n  second line\nthird\n%T T\n");
        Assert.Equal(["%X=First line\n  second line\nthird", "%T=T"], Fields(Assert.Single(document.Records)));
    }

    [Fact]
    public void Parse_ValueAfterOneSpaceOrTab_IsKeptAsWritten()
    {
        var document = EndnoteDocument.Parse("%0  Book\n%D  1957\n%I\tHoughton \n%Z\n");
        var record = Assert.Single(document.Records);
        Assert.Equal("Book", record.Type);
        Assert.Equal(["%D= 1957", "%I=Houghton ", "%Z="], Fields(record));
    }

    [Fact]
    public void Parse_UnknownAndSignTags_AreKept()
    {
        var record = Assert.Single(EndnoteDocument.Parse("%0 Book Section\n%# custom five\n%~ CNKI\n%q lower-case tag\n%! Short\n").Records);
        Assert.Equal(["%#=custom five", "%~=CNKI", "%q=lower-case tag", "%!=Short"], Fields(record));
    }

    [Fact]
    public void Parse_TypeInTheMiddle_IsTheRecordsType()
    {
        // CiNii writes %T and %J before %0 (see TestData/real/endnote/wini-reffile_cirnii_jpn.enw).
        var record = Assert.Single(EndnoteDocument.Parse("%T Title\n%J Journal\n%0 Journal Article\n%D 2021\n").Records);
        Assert.Equal("Journal Article", record.Type);
        Assert.Equal(["%T=Title", "%J=Journal", "%D=2021"], Fields(record));
        Assert.Equal(1, record.Line);
    }

    [Fact]
    public void Parse_SecondTypeLineWithoutBlankLine_StartsTheNextRecord()
    {
        var document = EndnoteDocument.Parse("%0 Book\n%T A\n%0 Book Section\n%T B\n");
        Assert.Empty(document.Diagnostics);
        Assert.Equal([("Book", 1), ("Book Section", 3)], document.Records.Select(r => (r.Type, r.Line)));
    }

    [Fact]
    public void Parse_RecordWithoutType_IsKeptWithWarningAtItsFirstLine()
    {
        var document = EndnoteDocument.Parse("%0 Book\n%T A\n\n%T B\n%A C\n");
        Assert.Equal(["Book", ""], document.Records.Select(r => r.Type));
        Assert.Equal([(EndnoteCodes.MissingType, 4, 1)], Codes(document));
        Assert.Equal(DiagnosticSeverity.Warning, document.Diagnostics[0].Severity);
    }

    [Fact]
    public void Parse_MalformedTagLine_IsKeptAsContinuationWithWarning()
    {
        var document = EndnoteDocument.Parse("%0 Book\n%T A\n%ER\n%D 2001\n");
        Assert.Equal(["%T=A\n%ER", "%D=2001"], Fields(Assert.Single(document.Records)));
        Assert.Equal([(EndnoteCodes.MalformedTagLine, 3, 1)], Codes(document));
        Assert.Contains("%ER", document.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextOutsideRecords_IsSkippedOncePerRunWithInfo()
    {
        var document = EndnoteDocument.Parse("Exported by X\nsecond header line\n\n%0 Book\n%T A\n\ntrailing note\n");
        Assert.Equal("A", Assert.Single(document.Records)["%T"]);
        Assert.Equal([(EndnoteCodes.TextOutsideRecord, 1, 1), (EndnoteCodes.TextOutsideRecord, 7, 1)], Codes(document));
        Assert.All(document.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \r\n")]
    [InlineData("\uFEFF")]
    public void Parse_EmptyInput_GivesNothing(string text)
    {
        var document = EndnoteDocument.Parse(text);
        Assert.Empty(document.Records);
        Assert.Empty(document.Diagnostics);
    }

    [Theory]
    [InlineData("TY  - CHAP\nTI  - A RIS file\nER  - \n")]
    [InlineData("@book{key, title = {BibTeX}}")]
    [InlineData("\u0000\u0001 binary \uFFFD garbage")]
    public void Parse_TextWithoutTagLines_IsAnErrorWithNoRecords(string text)
    {
        var document = EndnoteDocument.Parse(text);
        Assert.Empty(document.Records);
        Assert.Equal([(EndnoteCodes.TextOutsideRecord, 1, 1), (EndnoteCodes.NoRecords, 1, 1)], Codes(document));
        Assert.Equal(DiagnosticSeverity.Error, document.Diagnostics[1].Severity);
        Assert.False(Endnote.Read(text).IsSuccess);
    }

    [Fact]
    public void Write_PutsTypeFirstAndProtectsLinesThatWouldEndOrSplitTheRecord()
    {
        var record = new EndnoteRecord("Book Section", [
            new EndnoteField("%T", "Title"),
            new EndnoteField("%X", "One\r\n\r\n   \n%A not a tag\rTwo"),
            new EndnoteField("%Z", ""),
        ]);
        var text = new EndnoteDocument([record]).ToString(new EndnoteWriteOptions { NewLine = LineEnding.Lf });
        Assert.Equal("%0 Book Section\n%T Title\n%X One\n %A not a tag\nTwo\n%Z\n\n", text);
        Assert.Equal(["%T=Title", "%X=One\n %A not a tag\nTwo", "%Z="], Fields(Assert.Single(EndnoteDocument.Parse(text).Records)));
        var single = new EndnoteRecord("Book Section", [new EndnoteField("%T", "Title")]);
        Assert.Equal("%0 Book Section\r\n%T Title\r\n\r\n", new EndnoteDocument([single]).ToString());
        Assert.Equal("%0 Book Section\r\n%T Title\r\n", single.ToString());
    }

    [Fact]
    public void Field_BadTag_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new EndnoteField("%0", "x"));
        Assert.Throws<ArgumentException>(() => new EndnoteField("A", "x"));
        Assert.Throws<ArgumentException>(() => new EndnoteField("% ", "x"));
        Assert.Throws<ArgumentException>(() => new EndnoteField("%AB", "x"));
        Assert.Equal("%A Doe, J", new EndnoteField("%A", "Doe, J").ToString());
    }

    [Fact]
    public void WriteOptions_OnlyKnownLineEndings()
    {
        Assert.Equal(LineEnding.CrLf, EndnoteWriteOptions.Default.NewLine);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EndnoteWriteOptions { NewLine = (LineEnding)7 });
    }

    [Fact]
    public async Task ParseAsync_SameAsParse_AndReaderReadsOnce()
    {
        const string text = "%0 Book\n%T A\n\nstray\n%0 Book\n%T B\n";
        var document = await EndnoteDocument.ParseAsync(new StringReader(text), cancellationToken: TestContext.Current.CancellationToken);
        var expected = EndnoteDocument.Parse(text);
        Assert.Equal(expected.Records.Select(Fields), document.Records.Select(Fields));
        Assert.Equal(Codes(expected), Codes(document));

        var reader = new EndnoteReader(new StringReader(text));
        _ = reader.ReadRecords().ToList();
        Assert.Throws<InvalidOperationException>(() => reader.ReadRecords());
    }
}

public class EndnoteCodesDocumentationTests
{
    [Fact]
    public void EveryCode_IsListedInTheDocsWithItsSeverity()
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "formats-endnote.md"));
        var codes = typeof(EndnoteCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(14, codes.Count);
        foreach (var code in codes)
        {
            var severity = code[3] switch { '1' => "error", '2' => "warning", _ => "info" };
            Assert.Contains($"| {code} | {severity} |", doc, StringComparison.Ordinal);
        }
    }
}
