using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Fuzz;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Reliability;

/// <summary>
/// Faults injected into the streaming readers and the writers: a stream that fails part-way, cancellation at each read,
/// a full disk, and files cut short at every line. In each case the records already read are whole (equal to the
/// same records read from the intact input), the fault reaches the caller as what it is, and nothing else is thrown.
/// </summary>
public class FaultInjectionTests
{
    private const int ChapterCount = 12;

    public static TheoryData<string> StreamingFormats => ["ris", "bibtex", "csljson", "jsonl", "endnote"];

    [Theory]
    [MemberData(nameof(StreamingFormats))]
    public async Task IOException_part_way_delivers_the_records_before_it_whole_and_then_reaches_the_caller_naming_the_byte_offset(string format)
    {
        var bytes = Written(format);
        var intact = await ReadAll(format, new MemoryStream(bytes), CancellationToken.None);
        Assert.Equal(ChapterCount, intact.Count);

        foreach (var cut in new[] { bytes.Length / 4, bytes.Length / 2, bytes.Length * 3 / 4 })
        {
            var stream = new ChunkedStream(bytes, readSize: 512, failAt: cut);
            var delivered = new List<Chapter>();

            var e = await Assert.ThrowsAsync<IOException>(() => ReadInto(format, stream, delivered, CancellationToken.None));

            // The error says where the input broke off; the stream's own exception is kept as the inner one.
            Assert.Equal(ChunkedStream.FailureMessage, Assert.IsType<IOException>(e.InnerException).Message);
            Assert.Equal($"Reading the input failed after {stream.Position.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes: {ChunkedStream.FailureMessage}", e.Message);
            Assert.InRange(stream.Position, cut - 512, cut);
            Assert.NotEmpty(delivered);
            Assert.Equal(intact.Take(delivered.Count), delivered);
        }
    }

    [Theory]
    [MemberData(nameof(StreamingFormats))]
    public void IOException_part_way_through_the_synchronous_read_and_the_document_parse_names_the_byte_offset(string format)
    {
        var bytes = Written(format);
        var cut = bytes.Length / 2;
        var reads = new (string Path, Action<Stream> Read)[]
        {
            ("RecordFormats.Read", s => RecordFormats.FindByName(format)!.Read(s)),
            ("document Parse", s => _ = format switch
            {
                "ris" => (object)RisDocument.Parse(s),
                "bibtex" => BibtexDocument.Parse(s),
                "endnote" => EndnoteDocument.Parse(s),
                "csljson" => CslJsonDocument.Parse(s),
                _ => ScholarlyJson.LinesFormat.Read(s),
            }),
        };
        foreach (var (path, read) in reads)
        {
            var stream = new ChunkedStream(bytes, readSize: 512, failAt: cut);

            var e = Assert.Throws<IOException>(() => read(stream));

            Assert.True(e.Message.StartsWith($"Reading the input failed after {stream.Position.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes", StringComparison.Ordinal), $"{format}, {path}: {e.Message}");
            Assert.IsType<IOException>(e.InnerException);
        }
    }

    [Theory]
    [MemberData(nameof(StreamingFormats))]
    public async Task Cancellation_at_every_read_stops_with_whole_records_only(string format)
    {
        var bytes = Written(format);
        var intact = await ReadAll(format, new MemoryStream(bytes), CancellationToken.None);
        var reads = (bytes.Length + 511) / 512 + 1;

        for (var k = 1; k <= reads; k++)
        {
            using var cancel = new CancellationTokenSource();
            var stream = new ChunkedStream(bytes, readSize: 512, failAt: int.MaxValue) { CancelAtRead = k, Cancel = cancel };
            var delivered = new List<Chapter>();
            var cancelled = false;

            try
            {
                await ReadInto(format, stream, delivered, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
            }

            // Whole records only, in order; and a read that was not stopped by the cancellation read everything.
            Assert.Equal(intact.Take(delivered.Count), delivered);
            Assert.True(cancelled || delivered.Count == ChapterCount, $"{format}, cancelled at read {k}: ended early without OperationCanceledException");
        }
    }

    [Fact]
    public async Task WriteAsync_lines_cancelled_at_every_write_leaves_only_whole_lines_before_the_cut()
    {
        // JSON Lines through the front door, which writes record by record: one await to cancel at per record.
        var chapters = Chapters(120);
        var lines = new ScholarlyJsonWriteOptions { Layout = ScholarlyJsonLayout.Lines };
        var readLines = new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines };
        var complete = new MemoryStream();
        await ScholarlyJson.WriteAsync(chapters.ToAsyncEnumerable(), complete, lines, TestContext.Current.CancellationToken);
        var writes = 0;
        for (var k = 1; ; k++)
        {
            using var cancel = new CancellationTokenSource();
            var sink = new CancellingSink(cancelAtWrite: k, cancel);
            var cancelled = false;
            try
            {
                await ScholarlyJson.WriteAsync(chapters.ToAsyncEnumerable(), sink, lines, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
            }
            writes = sink.Writes;
            var written = sink.ToArray();
            // What reached the stream is a prefix of the complete output, and every full line in it reads as a chapter.
            Assert.True(complete.ToArray().AsSpan().StartsWith(written), $"write {k}: not a prefix of the complete output");
            var whole = written.AsSpan(0, written.AsSpan().LastIndexOf((byte)'\n') + 1).ToArray();
            var read = ScholarlyJson.Read(new MemoryStream(whole), readLines);
            Assert.Empty(read.Diagnostics);
            Assert.Equal(chapters.Take(read.Chapters.Count), read.Chapters);
            if (!cancelled)
            {
                Assert.Equal(complete.ToArray(), written);
                break;
            }
        }
        Assert.True(writes >= 3, $"only {writes} writes");
    }

    public static TheoryData<string> Writers => ["ris", "bibtex", "csljson", "schemaorg", "jsonl"];

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_full_disk_reaches_the_caller_as_an_IOException(string format)
    {
        var chapters = Chapters();
        var disk = new FullDiskStream(capacity: 2000);

        var e = Assert.ThrowsAny<IOException>(() =>
        {
            if (format == "jsonl")
            {
                ScholarlyJson.Write(chapters, disk, new ScholarlyJsonWriteOptions { Layout = ScholarlyJsonLayout.Lines });
                return;
            }
            using var writer = new StreamWriter(disk, new UTF8Encoding(false), bufferSize: 256);
            switch (format)
            {
                case "ris": Ris.Write(chapters, writer); break;
                case "bibtex": Bibtex.Write(chapters, writer); break;
                case "csljson": CslJson.Write(chapters, writer); break;
                default: SchemaOrg.Write(chapters, writer); break;
            }
            writer.Flush();
        });

        Assert.Contains("No space left", e.Message, StringComparison.Ordinal);
        Assert.Equal(2000, disk.Written);
    }

    public static TheoryData<string, string> RealFiles()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(AppContext.BaseDirectory, "TestData", "real");
        foreach (var (folder, target) in new[] { ("ris", "ris"), ("bibtex", "bibtex"), ("csl", "csljson"), ("crossref", "crossref") })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder)).Order(StringComparer.Ordinal))
            {
                if (new FileInfo(file).Length <= 64 * 1024) data.Add(target, Path.Combine(folder, Path.GetFileName(file)));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Real_file_cut_short_at_structural_boundaries_meets_the_reader_contract(string target, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "real", file));
        var run = Targets.All[target];
        // The boundaries: line breaks (RIS lines, BibTeX fields), '@' (BibTeX blocks) and JSON's structural characters.
        var boundaries = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] is (byte)'\n' or (byte)'@' or (byte)',' or (byte)'{' or (byte)'}' or (byte)'[' or (byte)']').ToList();
        // About 16 of them, evenly spread, so a large file stays fast; each cut just before and just after the character.
        var step = Math.Max(1, boundaries.Count / 16);
        var cuts = 0;
        for (var k = 0; k < boundaries.Count; k += step)
        {
            run(bytes[..boundaries[k]]);
            run(bytes[..(boundaries[k] + 1)]);
            cuts++;
        }
        Assert.True(cuts >= Math.Min(12, boundaries.Count), $"only {cuts} cuts");
    }

    private static List<Chapter> Chapters(int count = ChapterCount)
    {
        var fixture = ScholarlyJson.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "haslam-1992-conclusions.json")));
        return [.. Enumerable.Range(1, count).Select(i => fixture with { Title = "Conclusions, part " + i, Doi = null })];
    }

    private static byte[] Written(string format)
    {
        var chapters = Chapters();
        if (format == "jsonl")
        {
            var stream = new MemoryStream();
            ScholarlyJson.Write(chapters, stream, new ScholarlyJsonWriteOptions { Layout = ScholarlyJsonLayout.Lines });
            return stream.ToArray();
        }
        var text = format switch
        {
            "ris" => Ris.Write(chapters),
            "bibtex" => Bibtex.Write(chapters),
            "endnote" => Endnote.Write(chapters),
            _ => CslJson.Write(chapters),
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private static async Task<List<Chapter>> ReadAll(string format, Stream stream, CancellationToken token)
    {
        var list = new List<Chapter>();
        await ReadInto(format, stream, list, token);
        return list;
    }

    private static async Task ReadInto(string format, Stream stream, List<Chapter> into, CancellationToken token)
    {
        var chapters = format switch
        {
            "ris" => Ris.ReadRecordsAsync(stream, cancellationToken: token),
            "bibtex" => Bibtex.ReadRecordsAsync(stream, cancellationToken: token),
            "csljson" => CslJson.ReadRecordsAsync(stream, cancellationToken: token),
            "endnote" => Endnote.ReadRecordsAsync(stream, cancellationToken: token),
            _ => ScholarlyJson.LinesFormat.ReadRecordsAsync(stream, token),
        };
        await foreach (var record in chapters)
        {
            if (record.Chapter is not null) into.Add(record.Chapter);
        }
    }

    /// <summary>A write-only stream kept in memory that cancels <c>cancel</c> when write number <c>cancelAtWrite</c> arrives (before taking it).</summary>
    private sealed class CancellingSink(int cancelAtWrite, CancellationTokenSource cancel) : Stream
    {
        private readonly MemoryStream _taken = new();

        public int Writes { get; private set; }

        public byte[] ToArray() => _taken.ToArray();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _taken.Length;
        public override long Position { get => _taken.Length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (++Writes == cancelAtWrite) cancel.Cancel();
            cancel.Token.ThrowIfCancellationRequested();
            _taken.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }
    }

    /// <summary>A write-only stream that takes <c>capacity</c> bytes and then fails as a full disk does.</summary>
    private sealed class FullDiskStream(int capacity) : Stream
    {
        public int Written { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var room = capacity - Written;
            Written += Math.Min(room, buffer.Length);
            if (buffer.Length > room) throw new IOException("No space left on device (injected).");
        }
    }
}
