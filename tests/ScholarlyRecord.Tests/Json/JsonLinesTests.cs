using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Json;

/// <summary>JSON Lines through the public front door: <see cref="ScholarlyJson"/> with <see cref="ScholarlyJsonLayout.Lines"/>.</summary>
public class JsonLinesTests
{
    private static readonly ScholarlyJsonReadOptions Lines = new() { Layout = ScholarlyJsonLayout.Lines };
    private static readonly ScholarlyJsonWriteOptions LinesOut = new() { Layout = ScholarlyJsonLayout.Lines };

    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task WriteAsyncThenReadRecordsAsync_GivesTheSameChapters()
    {
        var chapters = new[] { Haslam, new Chapter { Title = "Second" }, Haslam with { Title = "Third\nline" } };
        using var stream = new MemoryStream();

        var written = await ScholarlyJson.WriteAsync(chapters.ToAsyncEnumerable(), stream, LinesOut, TestContext.Current.CancellationToken);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        stream.Position = 0;
        var read = await ReadResult.CollectAsync(ScholarlyJson.ReadRecordsAsync(stream, Lines, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        Assert.Equal(3, written.Written);
        Assert.Equal(chapters, read.Chapters);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(3, text.Count(c => c == '\n'));
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteThenRead_GivesTheSameChapters()
    {
        var chapters = Enumerable.Range(1, 2_000).Select(i => new Chapter { Title = "Chapter " + i, Number = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        using var stream = new MemoryStream();

        ScholarlyJson.Write(chapters, stream, LinesOut);
        stream.Position = 0;

        Assert.Equal(chapters, ScholarlyJson.Read(stream, Lines).Chapters);
    }

    [Fact]
    public void Write_ChapterJsonCannotCarry_IsLeftOutAndReportedAndTheOthersWrittenWhole()
    {
        var good = new[] { Haslam, new Chapter { Title = "Second" } };
        using var stream = new MemoryStream();

        var result = ScholarlyJson.Write([.. good, new Chapter { Title = "" }, Haslam], stream, LinesOut);

        Assert.Equal(3, result.Written);
        var left = Assert.Single(result.Diagnostics);
        Assert.Equal((ScholarlyJsonCodes.ChapterNotWritten, 3L), (left.Code, left.Record));
        Assert.EndsWith("}\n", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
        stream.Position = 0;
        Assert.Equal([.. good, Haslam], ScholarlyJson.Read(stream, Lines).Chapters);
    }

    [Fact]
    public async Task WriteAsync_ChapterJsonCannotCarry_IsLeftOutAndReportedAndTheOthersWrittenWhole()
    {
        var good = new[] { Haslam, new Chapter { Title = "Second" } };
        using var stream = new MemoryStream();

        var result = await ScholarlyJson.WriteAsync(new[] { good[0], good[1], new Chapter { Title = "" }, Haslam }.ToAsyncEnumerable(), stream, LinesOut, TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Written);
        Assert.Equal(3L, Assert.Single(result.Diagnostics).Record);
        stream.Position = 0;
        Assert.Equal([.. good, Haslam], ScholarlyJson.Read(stream, Lines).Chapters);
    }

    [Fact]
    public async Task Read_BadLineInTheMiddle_IsReportedAndTheOthersKept()
    {
        var good = "{\"title\":\"one\"}";
        var input = good + "\n{\"title\":\"two\",}\n\n" + "{\"title\":\"three\"}\r\n{\"title\":\"four\",\"doi\":\"11.1/x\"}\n" + good;

        var read = await ReadResult.CollectAsync(ScholarlyJson.ReadRecordsAsync(Utf8(input), Lines, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        Assert.Equal(["one", "three", "one"], read.Chapters.Select(c => c.Title));
        Assert.Collection(
            read.Diagnostics,
            // Not JSON: the deserializer's place, where the trailing comma is refused.
            d => Assert.Equal((ScholarlyJsonCodes.InvalidLine, 2, 16), (d.Code, d.Line, d.Column)),
            // JSON but not a chapter: the schema names the member, on its line.
            d => Assert.Equal((5, "/doi"), (d.Line, d.Path)));
    }

    [Fact]
    public void Read_WrongTypeOnTheThirdLine_IsReportedWithItsLineAndPointer()
    {
        var input = "{\"title\":\"one\"}\n{\"title\":\"two\"}\n{\"title\":2}\n";

        var read = ScholarlyJson.Read(Utf8(input), Lines);

        Assert.Equal(["one", "two"], read.Chapters.Select(c => c.Title));
        var bad = Assert.Single(read.Diagnostics);
        Assert.Equal((3, "/title", DiagnosticSeverity.Error), (bad.Line, bad.Path, bad.Severity));
    }

    [Fact]
    public void Read_BomAndCrLfAndMissingFinalNewline_AreAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"title\":\"a\"}\r\n{\"title\":\"b\"}")).ToArray();

        Assert.Equal(["a", "b"], ScholarlyJson.Read(new MemoryStream(bytes), Lines).Chapters.Select(c => c.Title));
    }

    [Fact]
    public void Read_LinesLongerThanTheReadBlock_AreReassembled()
    {
        var longTitle = new string('x', 300_000);
        var input = "{\"title\":\"" + longTitle + "\"}\n{\"title\":\"short\"}\n";

        var read = ScholarlyJson.Read(Utf8(input), Lines);

        Assert.Equal([longTitle, "short"], read.Chapters.Select(c => c.Title));
    }

    // {"title":"…"} is 12 bytes plus the title: 52 x's make a 64-byte line, 53 one byte too many.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Read_FinalLineWithoutNewline_IsHeldToTheLineLimit(bool async)
    {
        var options = Lines with { MaxLineBytes = 64 };
        var atLimit = "{\"title\":\"" + new string('x', 52) + "\"}";
        var over = "{\"title\":\"" + new string('y', 53) + "\"}";

        var kept = async
            ? await ReadResult.CollectAsync(ScholarlyJson.ReadRecordsAsync(Utf8(over + "\n" + atLimit), options, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)
            : ScholarlyJson.Read(Utf8(over + "\n" + atLimit), options);
        var cut = async
            ? await ReadResult.CollectAsync(ScholarlyJson.ReadRecordsAsync(Utf8(atLimit + "\n" + over), options, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)
            : ScholarlyJson.Read(Utf8(atLimit + "\n" + over), options);

        Assert.Equal([new string('x', 52)], kept.Chapters.Select(c => c.Title));
        Assert.Equal((ScholarlyJsonCodes.LineTooLong, 1), (Assert.Single(kept.Diagnostics).Code, kept.Diagnostics[0].Line));
        Assert.Equal([new string('x', 52)], cut.Chapters.Select(c => c.Title));
        Assert.Equal((ScholarlyJsonCodes.LineTooLong, 2), (Assert.Single(cut.Diagnostics).Code, cut.Diagnostics[0].Line));
    }

    [Fact]
    public void ReadRecords_SlowStreamReturningOneByteAtATime_GivesTheSameRecords()
    {
        var input = "{\"title\":\"é\"}\n{\"title\":\"経\"}\n";

        var read = ScholarlyJson.ReadRecords(new OneByteStream(Encoding.UTF8.GetBytes(input)), Lines).ToList();

        Assert.Equal([(1L, "é"), (2L, "経")], read.Select(r => (r.Record, r.Chapter!.Title)));
    }

    [Fact]
    public async Task ReadRecordsAsync_Cancelled_StopsWithOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        var input = string.Concat(Enumerable.Repeat("{\"title\":\"x\"}\n", 100));
        var count = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in ScholarlyJson.ReadRecordsAsync(Utf8(input), Lines, cts.Token))
            {
                if (++count == 3) await cts.CancelAsync();
            }
        });
        Assert.Equal(3, count);
    }

    private sealed class OneByteStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(1, buffer.Length)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));
    }
}
