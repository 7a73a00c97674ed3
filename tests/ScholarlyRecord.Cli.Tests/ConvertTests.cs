using System.Text;
using ScholarlyRecord.Cli.Tests.Support;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Cli.Tests;

/// <summary><c>scholarly convert</c>, run in-process.</summary>
public sealed class ConvertTests
{
    public static TheoryData<string, string> FormatPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in Library.ReadableAndWritable)
        {
            foreach (var to in Library.Writable) data.Add(from, to);
        }
        return data;
    }

    public static TheoryData<string, string> RealFilesToEveryFormat()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in TestFiles.RealFiles())
        {
            foreach (var to in Library.Writable) data.Add(file, to);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FormatPairs))]
    public async Task Convert_FixtureBetweenEveryPairOfFormats_KeepsTheChapterAndWritesWhatTheLibraryWrites(string from, string to)
    {
        var input = Library.Write(from, [Library.Haslam]);
        var read = Library.Read(from, input);
        var chapter = Assert.Single(read.Chapters);

        var result = await Scholarly.RunAsync(["convert", "-", "--from", from, "--to", to], Encoding.UTF8.GetBytes(input), Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(result.StderrLines, line => line.Contains(": error ", StringComparison.Ordinal));
        Assert.Equal(Library.Write(to, [chapter]), result.Stdout);
        if (!Library.Format(to).CanRead) return;   // highwire is written, not read
        var back = Assert.Single(Library.Read(to, result.Stdout).Chapters);
        var haslam = Library.Haslam;
        Assert.Equal(haslam.Title, back.Title);
        Assert.Equal(haslam.Doi, back.Doi);
        Assert.Equal("Haslam", back.Contributors[0].Name.Family);
        Assert.Equal(haslam.Book!.Title, back.Book?.Title);
        Assert.Equal(1992, back.PublicationDate?.Year);
    }

    [Theory]
    [MemberData(nameof(RealFilesToEveryFormat))]
    public async Task Convert_RealFileToEveryFormat_KeepsEveryRecordTheFormatCanCarry(string file, string to)
    {
        var path = TestFiles.Real(file);
        var from = TestFiles.FormatOfFolder(Path.GetDirectoryName(file)!);
        var read = await Library.ReadStreamingAsync(from, path);
        var whole = Library.Read(from, File.ReadAllText(path, Encoding.UTF8));
        Assert.Equal(whole.Chapters.Order(ByDoiAndTitle.Instance), read.Chapters.Order(ByDoiAndTitle.Instance));
        var carried = to is "json" or "jsonl" ? read.Chapters.Where(Library.JsonCanCarry).ToList() : [.. read.Chapters];
        var readErrors = read.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

        var result = await Scholarly.RunAsync(["convert", path, "--from", from, "--to", to], cancellationToken: Scholarly.Token);

        if (to == "json")
        {
            // A JSON document holds one chapter: the first the format can carry; every other one is left out with JSON301.
            var kept = carried.Count == 0 ? 0 : 1;
            var expectedJsonExit = readErrors || kept < read.Chapters.Count ? 1 : 0;
            Assert.True(expectedJsonExit == result.ExitCode, result.ToString());
            Assert.Equal(kept == 0 ? "" : Library.Write("json", [carried[0]]), result.Stdout);
            Assert.Equal(read.Chapters.Count - kept, result.StderrLines.Count(line => line.Contains(" error JSON301: ", StringComparison.Ordinal)));
            return;
        }

        var expectedExit = readErrors || carried.Count < read.Chapters.Count ? 1 : 0;
        Assert.True(expectedExit == result.ExitCode, result.ToString());
        if (to == "json" && carried.Count == 0) return;
        Assert.Equal(Library.Write(to, carried), result.Stdout);
        Assert.Equal(read.Chapters.Count - carried.Count, result.StderrLines.Count(line => line.Contains(" error JSON301: ", StringComparison.Ordinal)));

        // Every record comes back, in order, with its identity.
        if (!Library.Format(to).CanRead) return;   // highwire is written, not read
        var back = Library.Read(to, result.Stdout).Chapters;
        Assert.Equal(carried.Count, back.Count);
        Assert.Equal(carried.Select(c => c.Doi), back.Select(c => c.Doi));
        Assert.Equal(carried.Select(c => c.Contributors.Count > 0), back.Select(c => c.Contributors.Count > 0));
    }

    [Fact]
    public async Task Convert_RealFile_DiagnosticsGoToStderrAsFileLineColumnSeverityCode()
    {
        var path = TestFiles.Real("bibtex", "xampl.bib");
        var expected = Library.Read("bibtex", File.ReadAllText(path, Encoding.UTF8)).Diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Info)
            .Select(d => $"{path}:{d}")
            .ToList();
        Assert.NotEmpty(expected);

        var result = await Scholarly.RunAsync(["convert", path, "--to", "ris", "--quiet"], cancellationToken: Scholarly.Token);

        Assert.Equal(expected, result.DiagnosticLines);
        Assert.StartsWith("TY  - CHAP", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_BrokenEntry_IsReportedWithItsPlaceAndTheOthersAreWritten()
    {
        const string Bib = """
            @incollection{a, title = {First}, booktitle = {Book}, author = {Doe, Jane}, year = 2001}

            @incollection{b, title = {Broken, booktitle = {Book}, year = 2002}

            @incollection{c, title = {Third}, booktitle = {Book}, author = {Roe, Rick}, year = 2003}
            """;
        var expected = Library.Read("bibtex", Bib);
        var error = Assert.Single(expected.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        var result = await Scholarly.RunAsync(["convert", "-", "--from", "bibtex", "--to", "jsonl"], Encoding.UTF8.GetBytes(Bib), Scholarly.Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"<stdin>:{error.Line}:{error.Column}: error {error.Code}: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(Library.Write("jsonl", expected.Chapters), result.Stdout);
        Assert.Contains(expected.Chapters, c => c.Title == "Third");
    }

    [Fact]
    public async Task Convert_RecordJsonCannotCarry_IsLeftOutReportedAndTheRestWritten()
    {
        const string Ris = "TY  - CHAP\nTI  - One\nBT  - Book\nER  - \n\nTY  - CHAP\nBT  - Book\nER  - \n\nTY  - CHAP\nTI  - Three\nBT  - Book\nER  - \n";

        var result = await Scholarly.RunAsync(["convert", "-", "--from", "ris", "--to", "jsonl"], Encoding.UTF8.GetBytes(Ris), Scholarly.Token);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["One", "Three"], lines.Select(line => ScholarlyJson.Deserialize(line).Title));
        Assert.Contains(result.StderrLines, line => line.StartsWith("<stdin>: error JSON301: record 2 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Convert_OutputFile_FormatFromItsExtensionAndNothingOnStdout()
    {
        using var temp = new TestFiles.TempFolder();
        var output = Path.Combine(temp.Path, "haslam.ris");

        var result = await Scholarly.RunAsync(["convert", TestFiles.Haslam, "-o", output], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.StdoutBytes);
        Assert.Equal(Ris.Write([Library.Haslam]), File.ReadAllText(output, Encoding.UTF8));
    }

    [Fact]
    public async Task Convert_EndnoteByAliasAndByExtension_ReadsAndWritesThroughTheRegistry()
    {
        using var temp = new TestFiles.TempFolder();
        var output = Path.Combine(temp.Path, "haslam.enw");

        var written = await Scholarly.RunAsync(["convert", TestFiles.Haslam, "-o", output], cancellationToken: Scholarly.Token);
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Equal(Endnote.Write([Library.Haslam]), File.ReadAllText(output, Encoding.UTF8));

        var read = await Scholarly.RunAsync(["convert", "-", "--from", "enw", "--to", "endnote"], File.ReadAllBytes(output), Scholarly.Token);
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Equal(File.ReadAllText(output, Encoding.UTF8), read.Stdout);
    }

    [Fact]
    public async Task Convert_OutputIsTheInput_ExitsTwoAndLeavesTheFileAlone()
    {
        using var temp = new TestFiles.TempFolder();
        var ris = Library.Write("ris", [Library.Haslam]);
        var file = temp.File("refs.ris", ris);

        var result = await Scholarly.RunAsync(["convert", file, "--to", "ris", "-o", Path.Combine(temp.Path, ".", "refs.ris")], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(ris, File.ReadAllText(file, Encoding.UTF8));
    }

    [Fact]
    public async Task Convert_OutputInAMissingFolder_ExitsTwoNamingTheOutput()
    {
        using var temp = new TestFiles.TempFolder();
        var output = Path.Combine(temp.Path, "no-such-folder", "out.ris");

        var result = await Scholarly.RunAsync(["convert", TestFiles.Haslam, "-o", output], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(output + ": error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_OutputHasNoByteOrderMark()
    {
        var result = await Scholarly.RunAsync(["convert", TestFiles.Haslam, "--to", "bibtex"], cancellationToken: Scholarly.Token);
        Assert.Equal((byte)'@', result.StdoutBytes[0]);
    }

    [Theory]
    [InlineData("convert - --to ris")]                          // standard input has no extension
    [InlineData("convert refs.unknown --to ris")]               // no format has the extension
    [InlineData("convert {fixture}")]                           // no --to and no output file
    [InlineData("convert {fixture} --to crossref")]             // not writable
    [InlineData("convert {fixture} --to docx")]                 // no such format
    [InlineData("convert does-not-exist.bib --to ris")]         // I/O
    [InlineData("convert {fixture} --to ris --bogus")]          // unknown option
    [InlineData("frobnicate")]                                  // unknown command
    [InlineData("")]                                            // no command
    public async Task Convert_UsageOrIoProblem_ExitsTwoWithAMessageAndNoData(string commandLine)
    {
        string[] args = [.. commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a == "{fixture}" ? TestFiles.Haslam : a)];
        var result = await Scholarly.RunAsync(args, cancellationToken: Scholarly.Token);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.StdoutBytes);
        Assert.Contains("error", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_CtrlC_StopsBetweenRecordsAndClosesTheDocument()
    {
        var chapters = Enumerable.Range(0, 3000).Select(i => Library.Haslam with { Title = $"Part {i}", Doi = Doi.Parse($"10.5555/part.{i}") }).ToList();
        var jsonl = Encoding.UTF8.GetBytes(Library.Write("jsonl", chapters));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Scholarly.Token);
        using var input = new CancelAfterStream(jsonl, jsonl.Length / 3, cancellation);

        var result = await Scholarly.RunAsync(["convert", "-", "--from", "jsonl", "--to", "csljson"], input, cancellation.Token);

        Assert.Equal(130, result.ExitCode);
        var written = CslJson.Read(result.Stdout);
        Assert.Empty(written.Diagnostics);
        Assert.InRange(written.Chapters.Count, 1, chapters.Count - 1);
        Assert.Equal(CslJson.Write(chapters.Take(written.Chapters.Count)), result.Stdout);
        Assert.Contains("cancelled", result.Stderr, StringComparison.Ordinal);
    }

    private sealed class ByDoiAndTitle : IComparer<Chapter>
    {
        public static readonly ByDoiAndTitle Instance = new();

        public int Compare(Chapter? x, Chapter? y)
        {
            var byDoi = string.CompareOrdinal(x?.Doi?.ToString(), y?.Doi?.ToString());
            return byDoi != 0 ? byDoi : string.CompareOrdinal(x?.Title, y?.Title);
        }
    }

    /// <summary>Serves bytes and cancels a token once a given number of them has been read, as Ctrl+C would mid-run.</summary>
    private sealed class CancelAfterStream(byte[] data, int cancelAt, CancellationTokenSource cancellation) : Stream
    {
        private readonly MemoryStream _inner = new(data, writable: false);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = _inner.Read(buffer);
            if (_inner.Position >= cancelAt) cancellation.Cancel();
            return read;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task Convert_JsonLinesWithA17MiBSecondLine_ReportsJson103ForLine2AndConvertsTheRest()
    {
        var first = Library.Haslam;
        var third = Library.Haslam with { Title = "Third" };
        var builder = new StringBuilder();
        builder.Append(Library.Write("jsonl", [first]));
        builder.Append("{\"title\":\"").Append('x', 17 * 1024 * 1024).Append("\"}\n");
        builder.Append(Library.Write("jsonl", [third]));

        var result = await Scholarly.RunAsync(["convert", "-", "--from", "jsonl", "--to", "jsonl"], Encoding.UTF8.GetBytes(builder.ToString()), Scholarly.Token);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(Library.Write("jsonl", [first, third]), result.Stdout);
        var error = Assert.Single(result.StderrLines, line => line.Contains(" error ", StringComparison.Ordinal));
        Assert.StartsWith("<stdin>:2:1: error JSON103: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_HoldNoFormatSpecificReadingOrWriting()
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "ScholarlyRecord.Cli"));
        var sources = Directory.GetFiles(folder, "*.cs");
        Assert.NotEmpty(sources);
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (var banned in new[] { "ReferenceEquals(", "GetAwaiter().GetResult()", "Utf8JsonWriter", "ReadLineAsync(" })
            {
                Assert.False(text.Contains(banned, StringComparison.Ordinal), $"{Path.GetFileName(file)} contains {banned}");
            }
        }
    }
}
