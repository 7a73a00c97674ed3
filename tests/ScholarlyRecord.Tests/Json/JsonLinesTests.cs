using System.Text;
using System.Text.Json;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Json;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Json;

public class JsonLinesTests
{
    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    [Fact]
    public async Task WriteThenRead_GivesTheSameChapters()
    {
        var chapters = new[] { Haslam, new Chapter { Title = "Second" }, Haslam with { Title = "Third\nline" } };
        using var stream = new MemoryStream();

        await ScholarlyJson.WriteLinesAsync(stream, chapters, TestContext.Current.CancellationToken);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        stream.Position = 0;
        var read = await ToListAsync(ScholarlyJson.ReadLinesAsync(stream, TestContext.Current.CancellationToken));

        Assert.Equal(chapters, read);
        Assert.Equal(3, text.Count(c => c == '\n'));
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SyncWriteThenRead_GivesTheSameChapters()
    {
        var chapters = Enumerable.Range(1, 2_000).Select(i => new Chapter { Title = "Chapter " + i, Number = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        using var stream = new MemoryStream();

        ScholarlyJson.WriteLines(stream, chapters);
        stream.Position = 0;

        Assert.Equal(chapters, ScholarlyJson.ReadLines(stream).ToList());
    }

    [Fact]
    public void WriteLines_ChapterJsonCannotCarry_ThrowsAfterWritingEveryWholeLineBeforeIt()
    {
        var good = new[] { Haslam, new Chapter { Title = "Second" } };
        using var stream = new MemoryStream();

        Assert.Throws<JsonException>(() => ScholarlyJson.WriteLines(stream, [.. good, new Chapter { Title = "" }, Haslam]));

        Assert.EndsWith("}\n", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
        stream.Position = 0;
        Assert.Equal(good, ScholarlyJson.ReadLines(stream).ToList());
    }

    [Fact]
    public async Task WriteLinesAsync_ChapterJsonCannotCarry_ThrowsAfterWritingEveryWholeLineBeforeIt()
    {
        var good = new[] { Haslam, new Chapter { Title = "Second" } };
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<JsonException>(() => ScholarlyJson.WriteLinesAsync(stream, [.. good, new Chapter { Title = "" }, Haslam], TestContext.Current.CancellationToken));

        Assert.EndsWith("}\n", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
        stream.Position = 0;
        Assert.Equal(good, ScholarlyJson.ReadLines(stream).ToList());
    }

    [Fact]
    public async Task Read_BadLineInTheMiddle_IsReportedAndTheOthersKept()
    {
        var good = "{\"title\":\"one\"}";
        var input = good + "\n{\"title\":\"two\",}\n\n" + "{\"title\":\"three\"}\r\n{\"title\":\"four\",\"doi\":\"11.1/x\"}\n" + good;
        var diagnostics = new List<Diagnostic>();

        var read = await ToListAsync(ScholarlyJson.ReadLinesAsync(new MemoryStream(Encoding.UTF8.GetBytes(input)), diagnostics.Add, TestContext.Current.CancellationToken));

        Assert.Equal(["one", "three", "one"], read.Select(c => c.Title));
        Assert.Collection(
            diagnostics,
            d => Assert.Equal((ScholarlyJsonCodes.InvalidLine, 2, 16), (d.Code, d.Line, d.Column)),
            d => Assert.Equal((ScholarlyJsonCodes.InvalidLine, 5, 31), (d.Code, d.Line, d.Column)));
        Assert.StartsWith("$.doi: ", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithoutCallback_ThrowsAtTheBadLineWithItsLineNumber()
    {
        var input = "{\"title\":\"one\"}\n{\"title\":\"two\"}\n{\"title\":2}\n";

        var read = new List<Chapter>();
        var ex = Assert.Throws<JsonException>(() =>
        {
            foreach (var c in ScholarlyJson.ReadLines(new MemoryStream(Encoding.UTF8.GetBytes(input)))) read.Add(c);
        });

        Assert.Equal(2, read.Count);
        Assert.Equal(2, ex.LineNumber); // 0-based, like every JsonException: the third line
        Assert.Equal("$.title", ex.Path);
    }

    [Fact]
    public void Read_BomAndCrLfAndMissingFinalNewline_AreAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"title\":\"a\"}\r\n{\"title\":\"b\"}")).ToArray();

        Assert.Equal(["a", "b"], ScholarlyJson.ReadLines(new MemoryStream(bytes)).Select(c => c.Title));
    }

    [Fact]
    public void Read_LinesLongerThanTheReadBlock_AreReassembled()
    {
        var longTitle = new string('x', 300_000);
        var input = "{\"title\":\"" + longTitle + "\"}\n{\"title\":\"short\"}\n";

        var read = ScholarlyJson.ReadLines(new MemoryStream(Encoding.UTF8.GetBytes(input))).ToList();

        Assert.Equal([longTitle, "short"], read.Select(c => c.Title));
    }

    [Fact]
    public void Read_SlowStreamReturningOneByteAtATime_GivesTheSameRecords()
    {
        var input = "{\"title\":\"é\"}\n{\"title\":\"経\"}\n";

        var read = ScholarlyJson.ReadLines(new OneByteStream(Encoding.UTF8.GetBytes(input))).ToList();

        Assert.Equal(["é", "経"], read.Select(c => c.Title));
    }

    [Fact]
    public async Task Read_Cancelled_StopsWithOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        var input = string.Concat(Enumerable.Repeat("{\"title\":\"x\"}\n", 100));
        var count = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in ScholarlyJson.ReadLinesAsync(new MemoryStream(Encoding.UTF8.GetBytes(input)), cts.Token))
            {
                if (++count == 3) await cts.CancelAsync();
            }
        });
        Assert.Equal(3, count);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    private sealed class OneByteStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(1, buffer.Length)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));
    }
}
