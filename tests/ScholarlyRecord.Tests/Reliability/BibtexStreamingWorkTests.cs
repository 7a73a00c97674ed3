using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Reliability;

/// <summary>
/// Reading a long entry from a stream that hands out small reads (pipes and sockets give 4 KiB) must cost work linear in
/// the entry's length. The reader used to parse the unfinished entry again after every read: for a 2 MiB entry in 4 KiB
/// reads that is about 512 parses of 1 MiB on average. The work is counted (characters handed to the scanner), not timed.
/// </summary>
public class BibtexStreamingWorkTests
{
    [Theory]
    [InlineData(4 * 1024)]
    [InlineData(1)]
    [InlineData(60 * 1024)]
    public async Task A_long_entry_read_in_small_pieces_is_scanned_a_bounded_number_of_times(int readSize)
    {
        var entryLength = readSize == 1 ? 64 * 1024 : 2 * 1024 * 1024;
        var text = LongEntry(entryLength) + "\n@misc{after, title={After}}\n";
        // The reader's buffer is larger than a read, as in Bibtex.ReadAsync (64 KiB): StreamReader then hands over each short read.
        using var input = new StreamReader(new ChunkedStream(Encoding.UTF8.GetBytes(text), readSize), Encoding.UTF8, false, bufferSize: 64 * 1024);
        var reader = new BibtexReader(input);

        var keys = new List<string>();
        await foreach (var entry in reader.ReadEntriesAsync(TestContext.Current.CancellationToken)) keys.Add(entry.Key);

        Assert.Equal(["long", "after"], keys);
        // Doubling the window before each new attempt scans at most about 2 × 2 = 4 times the text (plus the small tail).
        Assert.InRange(reader.ScannedCharacters, text.Length, 5L * text.Length);
    }

    [Fact]
    public void Sync_reading_in_small_pieces_is_also_linear()
    {
        var text = LongEntry(1024 * 1024);
        using var input = new StreamReader(new ChunkedStream(Encoding.UTF8.GetBytes(text), 4096), Encoding.UTF8, false, bufferSize: 64 * 1024);
        var reader = new BibtexReader(input);

        var entry = Assert.Single(reader.ReadEntries());

        Assert.Equal("long", entry.Key);
        Assert.InRange(reader.ScannedCharacters, text.Length, 5L * text.Length);
    }

    [Fact]
    public async Task Bibtex_ReadAsync_over_small_reads_reads_the_long_entry()
    {
        var text = "@incollection{long, title={T}, booktitle={B}, abstract={" + new string('x', 1024 * 1024) + "}}";

        var chapters = new List<Chapter>();
        await foreach (var r in Bibtex.ReadRecordsAsync(new ChunkedStream(Encoding.UTF8.GetBytes(text), 4096), cancellationToken: TestContext.Current.CancellationToken))
        {
            if (r.Chapter is not null) chapters.Add(r.Chapter);
        }

        Assert.Equal(1024 * 1024, Assert.Single(Assert.Single(chapters).Abstract).Length);
    }

    private static string LongEntry(int length)
    {
        var sb = new StringBuilder("@misc{long, abstract={");
        var word = 0;
        while (sb.Length < length) sb.Append("word").Append(word++ % 10).Append(word % 50 == 0 ? "\n" : " ");
        return sb.Append("}}").ToString();
    }
}
