using CsCheck;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Json;

public class JsonPropertyTests
{
    [Fact]
    public void AnyChapter_RoundTripsThroughJson()
    {
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var json = ScholarlyJson.Serialize(chapter);
            var back = ScholarlyJson.Deserialize(json);
            Assert.Equal(chapter, back);
            Assert.Equal(json, ScholarlyJson.Serialize(back));
        }, iter: 500);
    }

    [Fact]
    public void AnyChapterList_RoundTripsThroughJsonLines()
    {
        ChapterGenerator.Chapter.Array[0, 8].Sample(chapters =>
        {
            using var stream = new MemoryStream();
            ScholarlyJson.Write(chapters, stream, new ScholarlyJsonWriteOptions { Layout = ScholarlyJsonLayout.Lines });
            stream.Position = 0;
            Assert.Equal(chapters, ScholarlyJson.Read(stream, new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines }).Chapters);
        }, iter: 100);
    }
}
