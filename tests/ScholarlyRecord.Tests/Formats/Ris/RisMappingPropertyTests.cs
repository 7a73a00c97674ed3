using CsCheck;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>Seeded round trips of generated chapters through RIS; CsCheck prints the seed to replay a failure.</summary>
public class RisMappingPropertyTests
{
    [Fact]
    public void ReadWrite_GeneratedChapter_EqualsItsProjection() =>
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var text = Ris.Write(chapter);
            var result = Ris.Read(text);
            Assert.True(result.IsSuccess);
            var read = Assert.Single(result.Chapters);
            var expected = RisProjection.Project(chapter);
            Assert.Equal(ScholarlyJson.Serialize(expected), ScholarlyJson.Serialize(read));
            Assert.Equal(expected, read);
            Assert.Equal(read, Assert.Single(Ris.Read(Ris.Write(read)).Chapters));
        }, iter: 500, writeLine: TestContext.Current.SendDiagnosticMessage);

    [Fact]
    public void ReadWrite_Projection_IsAFixedPoint() =>
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var projected = RisProjection.Project(chapter);
            Assert.Equal(projected, RisProjection.Project(projected));
        }, iter: 300, writeLine: TestContext.Current.SendDiagnosticMessage);

    // Ris.Write writes each field straight to the output; the document layer writes the record ToRecord builds. Both
    // follow one mapping and one paragraph rule (RisText.Paragraphs), so they must give the same text.
    [Fact]
    public void Write_GeneratedChapter_SameTextAsDocumentOfToRecord() =>
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var document = new RisDocument([RisMapping.ToRecord(chapter)]);
            Assert.Equal(document.ToString(), Ris.Write(chapter));
        }, iter: 500, writeLine: TestContext.Current.SendDiagnosticMessage);
}
