using CsCheck;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>Seeded random tests of both EndNote layers; CsCheck prints the seed to replay a failure.</summary>
public class EndnotePropertyTests
{
    private static readonly Gen<string> EndnoteLikeText =
        Gen.OneOf("%0 ", "%0 Book Section", "%A ", "%T ", "%", "%%", "%AB", "\r\n", "\n", "\r", " ", "\t", "x", "Doe, J", "\uFEFF", "%@ 0-306-40615-2")
            .Array[0, 60]
            .Select(parts => string.Concat(parts));

    private static readonly Gen<string> Tag = Gen.Char['\u0021', '\u007E'].Where(c => c != '0').Select(c => "%" + c);

    // The first line of a value: anything without a line break.
    private static readonly Gen<string> FirstLine = Gen.String["abc xyz,.-%éΩ0123456789\t"];

    // A further line: not blank and not starting with '%' (the two cases the writer changes, see EndnoteWriter).
    private static readonly Gen<string> FurtherLine = Gen.String["abc xyz,.-%éΩ0123456789"].Where(s => !string.IsNullOrWhiteSpace(s) && s[0] != '%');

    private static readonly Gen<string> Value = Gen.Frequency(
        (5, FirstLine),
        (1, Gen.Select(FirstLine, FurtherLine.Array[1, 3], (first, rest) => string.Join('\n', [first, .. rest]))));

    private static readonly Gen<EndnoteRecord> Record =
        Gen.Select(Gen.OneOf("", "Book Section", "Journal Article", "Generic"), Gen.Select(Tag, Value, (t, v) => new EndnoteField(t, v)).Array[0, 10], (type, fields) => new EndnoteRecord(type, fields));

    [Fact]
    public void Parse_ArbitraryText_NeverThrows() =>
        Gen.String.Sample(NeverThrows, iter: 2000, writeLine: TestContext.Current.SendDiagnosticMessage);

    [Fact]
    public void Parse_EndnoteLikeText_NeverThrowsAndWritesAFixedPoint() =>
        EndnoteLikeText.Sample(text =>
        {
            NeverThrows(text);
            var written = EndnoteDocument.Parse(text).ToString();
            Assert.Equal(written, EndnoteDocument.Parse(written).ToString());
        }, iter: 5000, writeLine: TestContext.Current.SendDiagnosticMessage);

    [Fact]
    public void Write_GeneratedDocument_ParsesBackToSameRecords() =>
        Record.Array[0, 6].Sample(records =>
        {
            var document = new EndnoteDocument(records);
            foreach (var options in new[] { EndnoteWriteOptions.Default, EndnoteWriteOptions.Default with { NewLine = LineEnding.Lf } })
            {
                var parsed = EndnoteDocument.Parse(document.ToString(options));
                Assert.Equal(Describe(document), Describe(parsed));
                Assert.Empty(parsed.Diagnostics);
            }
        }, iter: 2000, writeLine: TestContext.Current.SendDiagnosticMessage);

    [Fact]
    public void ReadWrite_GeneratedChapter_EqualsItsProjection() =>
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var result = Endnote.Read(Endnote.Write(chapter));
            Assert.True(result.IsSuccess);
            var read = Assert.Single(result.Chapters);
            var expected = EndnoteProjection.Project(chapter);
            Assert.Equal(ScholarlyJson.Serialize(expected), ScholarlyJson.Serialize(read));
            Assert.Equal(expected, read);
            Assert.Equal(read, Assert.Single(Endnote.Read(Endnote.Write(read)).Chapters));
        }, iter: 500, writeLine: TestContext.Current.SendDiagnosticMessage);

    // Endnote.Write writes each field straight to the output; the document layer writes the record ToRecord builds.
    [Fact]
    public void Write_GeneratedChapter_SameTextAsDocumentOfToRecord() =>
        ChapterGenerator.Chapter.Sample(chapter =>
            Assert.Equal(new EndnoteDocument([EndnoteMapping.ToRecord(chapter)]).ToString(), Endnote.Write(chapter)),
            iter: 300, writeLine: TestContext.Current.SendDiagnosticMessage);

    private static string[] Describe(EndnoteDocument document) =>
        document.Records.Select(r => r.Type + "|" + string.Join("|", r.Fields.Select(f => f.Tag + "=" + f.Value))).ToArray();

    private static void NeverThrows(string text)
    {
        var document = EndnoteDocument.Parse(text);
        Assert.NotNull(document.Records);
        Assert.All(document.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1));
        Assert.NotNull(Endnote.Read(text));
    }
}
