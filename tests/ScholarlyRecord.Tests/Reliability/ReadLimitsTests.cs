using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Reliability;

/// <summary>
/// The resource limits of the read options (issue 16): nesting (<c>MaxDepth</c>) for the JSON readers, line length and
/// record size for RIS and EndNote, names per record for every reader. Each test passes one limit and checks the
/// diagnostic (code, place), that the offending record alone is affected, and that the records around it are read.
/// </summary>
public class ReadLimitsTests
{
    private static readonly Chapter Sample = ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    // ---- JSON nesting -------------------------------------------------------------------------------------------

    // An object holding a value nested `levels` deep: {"k":[[[...]]]}; the object itself is one more level.
    private static string Nested(int levels) => "{\"k\":" + new string('[', levels) + new string(']', levels) + "}";

    private static string CslItem(string id, string extra = "") =>
        $"{{\"id\":\"{id}\",\"type\":\"chapter\",\"title\":\"Title {id}\"{extra}}}";

    [Fact]
    public void CslJson_item_nested_past_MaxDepth_is_reported_where_it_passes_the_limit_and_the_items_around_it_are_read()
    {
        // Line 3 holds the deep item; the root array is level 1, the item level 2, "deep" 3, then 70 arrays.
        var json = "[\n" + CslItem("a") + ",\n" + CslItem("b", ",\"note\":" + Nested(70)) + ",\n" + CslItem("c") + "\n]";

        var result = CslJson.Read(json);

        Assert.Equal(["Title a", "Title c"], result.Chapters.Select(c => c.Title));
        var d = Assert.Single(result.Diagnostics, d => d.Code == CslJsonCodes.NestingTooDeep);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(3, d.Line);
        // The first array past level 64: the item opens at column 1, "note": at 48, {"k": at 55, then the arrays from 60;
        // level 65 is the 62nd array, so column 60 + 61 = 121.
        var line3 = json.Split('\n')[2];
        Assert.Equal(line3.IndexOf('[', StringComparison.Ordinal) + 62, d.Column);
        Assert.Contains("line 3, column 1", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CslJson_MaxDepth_holds_through_a_stream_read_in_small_chunks_and_can_be_raised()
    {
        var json = "[" + CslItem("a") + "," + CslItem("b", ",\"note\":" + Nested(70)) + "," + CslItem("c") + "]";
        var bytes = Encoding.UTF8.GetBytes(json);

        var chunked = new List<RecordResult>();
        await foreach (var r in CslJson.ReadRecordsAsync(new ChunkedStream(bytes, readSize: 7), cancellationToken: TestContext.Current.CancellationToken)) chunked.Add(r);
        Assert.Equal(["Title a", "Title c"], chunked.Where(r => r.Chapter is not null).Select(r => r.Chapter!.Title));
        Assert.Contains(chunked.SelectMany(r => r.Diagnostics), d => d.Code == CslJsonCodes.NestingTooDeep);

        var raised = CslJson.Read(json, new CslJsonReadOptions { MaxDepth = 100 });
        Assert.Equal(["Title a", "Title b", "Title c"], raised.Chapters.Select(c => c.Title));
        Assert.DoesNotContain(raised.Diagnostics, d => d.Code == CslJsonCodes.NestingTooDeep);

        var lowered = CslJson.Read(json, new CslJsonReadOptions { MaxDepth = 2 });
        Assert.Equal(["Title a", "Title c"], lowered.Chapters.Select(c => c.Title));
    }

    [Fact]
    public void CslJson_a_single_item_nested_too_deep_is_reported_and_nothing_is_thrown()
    {
        var result = CslJson.Read(CslItem("only", ",\"note\":" + Nested(100_000)));

        Assert.Empty(result.Chapters);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((CslJsonCodes.NestingTooDeep, 1), (d.Code, d.Line));
    }

    private static string CrossrefWork(string doi, string extra = "") =>
        $"{{\"DOI\":\"{doi}\",\"type\":\"book-chapter\",\"title\":[\"Work {doi}\"],\"container-title\":[\"Book\"]{extra}}}";

    [Fact]
    public void Crossref_work_nested_past_MaxDepth_in_a_work_list_is_skipped_and_the_other_works_are_read()
    {
        var json = "{\"message-type\":\"work-list\",\"message\":{\"items\":[\n"
            + CrossrefWork("10.1000/a") + ",\n" + CrossrefWork("10.1000/b", ",\"x\":" + Nested(64)) + ",\n" + CrossrefWork("10.1000/c") + "\n]}}";

        var result = Crossref.Read(json);

        Assert.Equal(["Work 10.1000/a", "Work 10.1000/c"], result.Chapters.Select(c => c.Title));
        var d = Assert.Single(result.Diagnostics, d => d.Code == CrossrefCodes.NestingTooDeep);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(3, d.Line);
        Assert.Contains("line 3, column 1", d.Message, StringComparison.Ordinal);

        // Counted from the root: the work is at level 4, "x" at 5, so 64 arrays reach 69; 69 levels are allowed here.
        var raised = Crossref.Read(json, new CrossrefReadOptions { MaxDepth = 69 });
        Assert.Equal(3, raised.Chapters.Count);
        Assert.DoesNotContain(raised.Diagnostics, d => d.Code == CrossrefCodes.NestingTooDeep);
        Assert.Contains(Crossref.Read(json, new CrossrefReadOptions { MaxDepth = 68 }).Diagnostics, d => d.Code == CrossrefCodes.NestingTooDeep);
    }

    [Fact]
    public void SchemaOrg_document_nested_past_MaxDepth_is_reported_with_its_place()
    {
        var page = "{\"@context\":\"https://schema.org\",\"@type\":\"Chapter\",\"name\":\"A chapter\",\n\"x\":" + Nested(200) + "}";

        var result = SchemaOrg.Read(page);

        Assert.Empty(result.Chapters);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((SchemaOrgCodes.NestingTooDeep, DiagnosticSeverity.Error, 2), (d.Code, d.Severity, d.Line));
        Assert.Equal("A chapter", SchemaOrg.Read(page, new SchemaOrgReadOptions { MaxDepth = 300 }).Chapters.Single().Title);
    }

    [Fact]
    public void ScholarlyJson_lines_nested_past_MaxDepth_are_skipped_and_the_other_lines_are_read()
    {
        var compact = System.Text.Json.Nodes.JsonNode.Parse(ScholarlyJson.Serialize(Sample))!.ToJsonString();
        var text = compact + "\n" + Nested(80) + "\n" + compact + "\n";
        var lines = new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines };

        var result = ScholarlyJson.Read(text, lines);
        Assert.Equal(2, result.Chapters.Count);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((ScholarlyJsonCodes.NestingTooDeep, 2), (d.Code, d.Line));

        // A lower limit applies to chapters too: the sample nests deeper than 2 (chapter, contributors, a contributor).
        var low = ScholarlyJson.Read(text, lines with { MaxDepth = 2 });
        Assert.Empty(low.Chapters);
        Assert.Equal(3, low.Diagnostics.Count(d => d.Code == ScholarlyJsonCodes.NestingTooDeep));

        var document = ScholarlyJson.Read(Nested(80));
        Assert.Equal((ScholarlyJsonCodes.NestingTooDeep, 1), (document.Diagnostics.Single().Code, document.Diagnostics.Single().Line));
    }

    // ---- RIS and EndNote: line length and record size -------------------------------------------------------------

    private static string RisRecord(string title, string extraLine = "") =>
        "TY  - CHAP\r\nT1  - " + title + "\r\n" + extraLine + "BT  - Book\r\nER  - \r\n";

    private static string EndnoteRecord(string title, string extraLine = "") =>
        "%0 Book Section\n%T " + title + "\n" + extraLine + "%B Book\n\n";

    [Fact]
    public void Ris_line_longer_than_MaxLineLength_skips_its_record_and_reads_the_records_after_it()
    {
        var text = RisRecord("First") + RisRecord("Second", "N1  - " + new string('x', 200) + "\r\n") + RisRecord("Third");

        var result = Ris.Read(text, new RisReadOptions { MaxLineLength = 100 });

        Assert.Equal(["First", "Third"], result.Chapters.Select(c => c.Title));
        var d = Assert.Single(result.Diagnostics, d => d.Code == RisCodes.LineTooLong);
        Assert.Equal((DiagnosticSeverity.Error, 7, 101), (d.Severity, d.Line, d.Column));
        Assert.Contains("starts on line 5", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is RisCodes.StrayEndTag or RisCodes.FieldsOutsideRecord or RisCodes.TextOutsideRecord);

        // The default (1 Mi) reads the same text whole.
        Assert.Equal(3, Ris.Read(text).Chapters.Count);
    }

    // The long line is dropped piece by piece as small reads arrive, a CR LF split across two reads included; the
    // async path gives what the whole-text read gives.
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Ris_line_limit_gives_the_same_result_through_small_async_reads(int readSize)
    {
        var text = RisRecord("First") + RisRecord("Second", "N1  - " + new string('x', 200) + "\r\n") + RisRecord("Third");
        var options = new RisReadOptions { MaxLineLength = 100 };
        var whole = Ris.Read(text, options);

        var records = new List<RecordResult>();
        await foreach (var r in Ris.ReadRecordsAsync(new ChunkedStream(Encoding.UTF8.GetBytes(text), readSize), options, TestContext.Current.CancellationToken)) records.Add(r);

        Assert.Equal(whole.Chapters.Select(c => c.Title), records.Where(r => r.Chapter is not null).Select(r => r.Chapter!.Title));
        Assert.Equal(whole.Diagnostics.Select(d => (d.Line, d.Column, d.Code)).Order(), records.SelectMany(r => r.Diagnostics).Select(d => (d.Line, d.Column, d.Code)).Order());
        Assert.Contains(records.SelectMany(r => r.Diagnostics), d => d.Code == RisCodes.LineTooLong);
    }

    [Fact]
    public void Ris_record_larger_than_MaxRecordLength_is_skipped_whole_and_the_records_after_it_are_read()
    {
        var notes = string.Concat(Enumerable.Range(0, 20).Select(i => "N1  - note " + i + " " + new string('y', 40) + "\r\n"));
        var text = RisRecord("First") + RisRecord("Second", notes) + RisRecord("Third");

        var result = Ris.Read(text, new RisReadOptions { MaxRecordLength = 500 });

        Assert.Equal(["First", "Third"], result.Chapters.Select(c => c.Title));
        var d = Assert.Single(result.Diagnostics, d => d.Code == RisCodes.RecordTooLarge);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        // Lines of the second record: TY (10), T1 (12), then notes of 53 characters each (i < 10); 22 + 9 × 53 = 499, so
        // the 10th note, on line 5 + 2 + 9 = 16, passes 500.
        Assert.Equal((16, 1), (d.Line, d.Column));
        Assert.Contains("starts on line 5", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endnote_line_and_record_limits_skip_the_record_and_read_the_next()
    {
        var longLine = EndnoteRecord("First") + EndnoteRecord("Second", "%Z " + new string('x', 300) + "\n") + EndnoteRecord("Third");
        var lineResult = Endnote.Read(longLine, new EndnoteReadOptions { MaxLineLength = 100 });
        Assert.Equal(["First", "Third"], lineResult.Chapters.Select(c => c.Title));
        var d = Assert.Single(lineResult.Diagnostics, d => d.Code == EndnoteCodes.LineTooLong);
        Assert.Equal((7, 101), (d.Line, d.Column));

        var notes = string.Concat(Enumerable.Range(0, 30).Select(i => "%Z note " + i + "\n"));
        var large = EndnoteRecord("First") + EndnoteRecord("Second", notes) + EndnoteRecord("Third");
        var recordResult = Endnote.Read(large, new EndnoteReadOptions { MaxRecordLength = 200 });
        Assert.Equal(["First", "Third"], recordResult.Chapters.Select(c => c.Title));
        Assert.Single(recordResult.Diagnostics, d => d.Code == EndnoteCodes.RecordTooLarge);
        Assert.Equal(3, Endnote.Read(large).Chapters.Count);
    }

    // A 100 MB line read through a stream: the reader drops it as it arrives, so what it allocates stays far below the
    // line's size, and the record after it is read.
    [Theory]
    [InlineData("ris")]
    [InlineData("endnote")]
    public void A_100_MB_line_through_a_stream_is_reported_in_bounded_memory_and_the_next_record_is_read(string format)
    {
        const long lineLength = 100L * 1024 * 1024;
        var (head, tail) = format == "ris"
            ? ("TY  - CHAP\r\nT1  - Huge\r\nN1  - ", "\r\nER  - \r\n" + RisRecord("After"))
            : ("%0 Book Section\n%T Huge\n%Z ", "\n\n" + EndnoteRecord("After"));
        using var stream = new GeneratedStream(Encoding.UTF8.GetBytes(head), (byte)'x', lineLength, Encoding.UTF8.GetBytes(tail));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = RecordFormats.FindByName(format)!.Read(stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("After", Assert.Single(result.Chapters).Title);
        Assert.Single(result.Diagnostics, d => d.Code is RisCodes.LineTooLong or EndnoteCodes.LineTooLong && d.Line == 3);
        Assert.InRange(allocated, 0, 16L * 1024 * 1024);
    }

    // ---- Names per record -----------------------------------------------------------------------------------------

    private static Chapter WithNames(int count) => Sample with
    {
        Contributors = [.. Enumerable.Range(1, count).Select(i => new Contributor { Name = new PersonName { Given = "Ann", Family = "Author" + i } })],
    };

    public static TheoryData<string> WritableFormats => ["bibtex", "ris", "endnote", "csl-json", "schemaorg", "jsonl"];

    [Theory]
    [MemberData(nameof(WritableFormats))]
    public void Names_past_MaxNames_are_dropped_with_a_warning_naming_the_record_and_the_other_records_are_untouched(string name)
    {
        var format = RecordFormats.FindByName(name)!;
        var text = format.Write([WithNames(3), WithNames(12), WithNames(3)]);
        var (options, code) = LimitedToFiveNames(name);

        var result = ReadWith(name, text, options);

        Assert.Equal([3, 5, 3], result.Chapters.Select(c => c.Contributors.Count));
        Assert.Equal(["Author1", "Author2", "Author3", "Author4", "Author5"], result.Chapters[1].Contributors.Select(c => c.Name.Family));
        var d = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("has 12 names, more than 5", d.Message, StringComparison.Ordinal);
        Assert.Contains(Sample.Title[..Math.Min(Sample.Title.Length, 60)], d.Message, StringComparison.Ordinal);
        Assert.Equal(2, d.Record);

        // By default (10,000) the same text keeps every name.
        Assert.Equal([3, 12, 3], format.Read(text).Chapters.Select(c => c.Contributors.Count));
    }

    [Fact]
    public void Crossref_names_past_MaxNames_are_dropped_with_a_warning()
    {
        var authors = string.Join(",", Enumerable.Range(1, 8).Select(i => $"{{\"given\":\"Ann\",\"family\":\"A{i}\"}}"));
        var json = CrossrefWork("10.1000/x", ",\"author\":[" + authors + "]");

        var result = Crossref.Read(json, new CrossrefReadOptions { MaxNames = 5 });

        Assert.Equal(5, Assert.Single(result.Chapters).Contributors.Count);
        Assert.Single(result.Diagnostics, d => d.Code == CrossrefCodes.TooManyNames);
        Assert.Equal(8, Crossref.Read(json).Chapters.Single().Contributors.Count);
    }

    private static (object Options, string Code) LimitedToFiveNames(string name) => name switch
    {
        "bibtex" => (new BibtexReadOptions { MaxNames = 5 }, BibtexCodes.TooManyNames),
        "ris" => (new RisReadOptions { MaxNames = 5 }, RisCodes.TooManyNames),
        "endnote" => (new EndnoteReadOptions { MaxNames = 5 }, EndnoteCodes.TooManyNames),
        "csl-json" => (new CslJsonReadOptions { MaxNames = 5 }, CslJsonCodes.TooManyNames),
        "schemaorg" => (new SchemaOrgReadOptions { MaxNames = 5 }, SchemaOrgCodes.TooManyNames),
        _ => (new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines, MaxNames = 5 }, ScholarlyJsonCodes.TooManyNames),
    };

    private static ReadResult ReadWith(string name, string text, object options) => options switch
    {
        BibtexReadOptions o => Bibtex.Read(text, o),
        RisReadOptions o => Ris.Read(text, o),
        EndnoteReadOptions o => Endnote.Read(text, o),
        CslJsonReadOptions o => CslJson.Read(text, o),
        SchemaOrgReadOptions o => SchemaOrg.Read(text, o),
        ScholarlyJsonReadOptions o => ScholarlyJson.Read(text, o),
        _ => throw new ArgumentException(name),
    };

    // ---- Defaults and argument checks -----------------------------------------------------------------------------

    // The defaults are asserted with the other options defaults, in FormatShapeTests.Options_DefaultsAreTheDocumentedOnes.
    public static TheoryData<int> BadLimits => [0, -1, int.MinValue];

    [Theory]
    [MemberData(nameof(BadLimits))]
    public void A_limit_below_1_throws_at_init(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CslJsonReadOptions { MaxDepth = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrossrefReadOptions { MaxDepth = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SchemaOrgReadOptions { MaxDepth = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScholarlyJsonReadOptions { MaxDepth = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RisReadOptions { MaxLineLength = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RisReadOptions { MaxRecordLength = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EndnoteReadOptions { MaxLineLength = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EndnoteReadOptions { MaxRecordLength = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BibtexReadOptions { MaxNames = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RisReadOptions { MaxNames = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EndnoteReadOptions { MaxNames = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CslJsonReadOptions { MaxNames = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrossrefReadOptions { MaxNames = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SchemaOrgReadOptions { MaxNames = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScholarlyJsonReadOptions { MaxNames = value });
    }

    [Fact]
    public void ScholarlyJson_MaxDepth_cannot_pass_the_serializer_limit()
    {
        Assert.Equal(64, new ScholarlyJsonReadOptions { MaxDepth = 64 }.MaxDepth);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScholarlyJsonReadOptions { MaxDepth = 65 });
    }

    // The defaults are not hit by any real export in TestData/real.
    [Fact]
    public void The_real_corpora_hit_no_limit_by_default()
    {
        string[] limitCodes =
        [
            CslJsonCodes.NestingTooDeep, CslJsonCodes.TooManyNames, CrossrefCodes.NestingTooDeep, CrossrefCodes.TooManyNames,
            RisCodes.LineTooLong, RisCodes.RecordTooLarge, RisCodes.TooManyNames, EndnoteCodes.LineTooLong, EndnoteCodes.RecordTooLarge,
            EndnoteCodes.TooManyNames, BibtexCodes.TooManyNames, BibtexCodes.NestingTooDeep,
        ];
        var read = 0;
        foreach (var (folder, format) in new[] { ("bibtex", "bibtex"), ("ris", "ris"), ("endnote", "endnote"), ("csl", "csl-json"), ("crossref", "crossref") })
        {
            foreach (var path in Directory.GetFiles(Fixtures.TestData("real", folder)).Where(p => !p.EndsWith(".md", StringComparison.Ordinal)))
            {
                using var stream = File.OpenRead(path);
                var result = RecordFormats.FindByName(format)!.Read(stream);
                Assert.DoesNotContain(result.Diagnostics, d => limitCodes.Contains(d.Code));
                read++;
            }
        }
        Assert.True(read >= 50, $"only {read} real files read");
    }

    /// <summary>A read-only stream of a head, <c>count</c> copies of one byte, and a tail, made as it is read (never held).</summary>
    private sealed class GeneratedStream(byte[] head, byte fill, long count, byte[] tail) : ReadOnlyTestStream
    {
        private long _position;

        private long Total => head.Length + count + tail.Length;

        protected override long BytesRead => _position;

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, Total - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[i] = at < head.Length ? head[at] : at < head.Length + count ? fill : tail[at - head.Length - count];
            }
            _position += n;
            return n;
        }
    }
}
