using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

public class EndnoteMappingTests
{
    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    // Checked by hand against samples/fixtures/haslam-1992-conclusions.json: the author, the title, the book title
    // with its en dash, the series title, the year, the chapter number (%&, EndNote's Section), the publisher and
    // place, the electronic ISBN, the DOI and the one abstract paragraph. The series abbreviation, the book DOI, the
    // notes, copyright, metrics, offers and the springer: extras have no EndNote tag: they are the "scholarly." lines
    // of the last %Z, in the order of docs/formats-endnote.md, each part's JSON as in the fixture file.
    private const string HaslamEnw =
        "%0 Book Section\r\n" +
        "%A Haslam, Jonathan\r\n" +
        "%T Conclusions\r\n" +
        "%B The Soviet Union and the Threat from the East, 1933–41\r\n" +
        "%S Studies in Soviet History and Society\r\n" +
        "%D 1992\r\n" +
        "%& 7\r\n" +
        "%I Palgrave Macmillan\r\n" +
        "%C London\r\n" +
        "%@ 9781349056798 (Electronic)\r\n" +
        "%R 10.1007/978-1-349-05679-8_7\r\n" +
        "%X The story of Soviet foreign policy in the Far East from 1933 to 1941 is, in a sense, the story of the war that never happened but that long threatened to happen. The Japanese could not safely expand to the north and to the south simultaneously. Going north entailed invasion of the Soviet Union to expand into Siberia. Going south meant colliding directly with the British empire and, more importantly, the United States. The signature of the Nazi-Soviet pact and the devastating blow to Japanese forces at Khalkhin-Gol in August and September 1939 made the northern option too expensive a choice. And the growth of US hostility to Japan resulting from the war of conquest in China impelled Japan southwards in a desperate bid to secure self-sufficiency in strategic raw materials from the threat of an all-encompassing US blockade. The war that had been anticipated since 1931 — against the Soviet Union — therefore never materialised. In its place the Japanese gambled all on the destruction of the US Pacific Fleet at Pearl Harbor on 7 December 1941.\r\n" +
        "%Z scholarly.book-doi: 10.1007/978-1-349-05679-8\r\n" +
        "scholarly.series-abbreviation: SSHS\r\n" +
        "scholarly.copyright: {\"year\":1992,\"holder\":\"Jonathan Haslam\",\"statement\":\"© 1992 Jonathan Haslam\"}\r\n" +
        "scholarly.metrics: {\"accesses\":46}\r\n" +
        "scholarly.note: {\"number\":1,\"text\":\"Witnessed by Gustav Hilger, the German diplomat: G. Hilger and A. Meyer, The Incompatible Allies: A Memoir-History of GermanSoviet Relations 1918–1941 (New York, 1953), p. 305.\",\"links\":[{\"label\":\"Google Scholar\"}]}\r\n" +
        "scholarly.offer: {\"kind\":\"chapter\",\"label\":\"Chapter\",\"price\":{\"amount\":29.95,\"currency\":\"USD\"},\"features\":[\"Available as PDF\",\"Read on any device\",\"Instant download\",\"Own it forever\"],\"taxNote\":\"Price excludes VAT (USA)\"}\r\n" +
        "scholarly.offer: {\"kind\":\"eBook\",\"label\":\"eBook\",\"price\":{\"amount\":129.00,\"currency\":\"USD\"},\"features\":[\"Available as PDF\",\"Read on any device\",\"Instant download\",\"Own it forever\"],\"taxNote\":\"Price excludes VAT (USA)\"}\r\n" +
        "scholarly.offer: {\"kind\":\"hardcover\",\"label\":\"Hardcover Book\",\"price\":{\"amount\":169.99,\"currency\":\"USD\"},\"features\":[\"Durable hardcover edition\",\"Dispatched in 3 to 5 business days\",\"Free shipping worldwide - see info\"],\"taxNote\":\"Price excludes VAT (USA)\"}\r\n" +
        "scholarly.extra.springer:checkoutNote: Tax calculation will be finalised at checkout\r\n" +
        "scholarly.extra.springer:purchaseTerms: Purchases are for personal use only\r\n" +
        "\r\n";

    private static Chapter ReadOne(string text, params string[] codes)
    {
        var result = Endnote.Read(text);
        Assert.Equal(codes, result.Diagnostics.Select(d => d.Code));
        return Assert.Single(result.Chapters);
    }

    [Fact]
    public void Write_Fixture_GivesTheExpectedText() => Assert.Equal(HaslamEnw, Endnote.Write(Haslam));

    [Fact]
    public void Write_LfOption_UsesLf() =>
        Assert.Equal(HaslamEnw.Replace("\r\n", "\n", StringComparison.Ordinal), Endnote.Write([Haslam], new EndnoteWriteOptions { NewLine = LineEnding.Lf }));

    [Fact]
    public void ReadWrite_Fixture_RoundTripsExactly()
    {
        // json -> enw -> json: every part of the fixture comes back, the ones without a tag through the %Z lines.
        var chapter = ReadOne(Endnote.Write(Haslam));
        Assert.Equal(Haslam, chapter);
        Assert.Equal(ScholarlyJson.Serialize(Haslam), ScholarlyJson.Serialize(chapter));
        Assert.Equal(EndnoteProjection.Project(Haslam), chapter);
    }

    [Fact]
    public void Read_NoteThatIsNotAllScholarlyLines_IsKeptWholeAsAnExtra()
    {
        const string note = "scholarly.book-doi: 10.1000/182\nA line of the user's own";
        var chapter = ReadOne("%0 Book Section\n%T T\n%Z " + note + "\n%Z scholarly.metrics: {\"accesses\":\"many\"}\n");
        Assert.Null(chapter.Book);
        Assert.Null(chapter.Metrics);
        Assert.Equal([new ExtraField { Name = "endnote:%Z", Value = note }, new ExtraField { Name = "endnote:%Z", Value = "scholarly.metrics: {\"accesses\":\"many\"}" }],
            chapter.ExtraFields);
    }

    [Fact]
    public void ReadWrite_OrcidsAndAffiliations_GoToTheNamesTheyWereWrittenFor()
    {
        var orcid = Orcid.Parse("0000-0002-1825-0097");
        var chapter = new Chapter
        {
            Title = "T",
            Contributors =
            [
                new Contributor { Name = new PersonName { Family = "One" }, Role = ContributorRole.Author },
                new Contributor { Name = new PersonName { Family = "Two" }, Role = ContributorRole.Author, Orcid = orcid, Affiliations = ["Uni A", " padded "] },
                new Contributor { Name = new PersonName { Family = "Three" }, Role = ContributorRole.Translator, Affiliations = ["Uni B"] },
            ],
            Book = new Book { Contributors = [new Contributor { Name = new PersonName { Family = "Ed" }, Role = ContributorRole.Editor, Orcid = orcid }] },
        };
        var text = Endnote.Write(chapter);

        Assert.Contains("scholarly.author.2.orcid: 0000-0002-1825-0097\r\nscholarly.author.2.affiliation: Uni A\r\nscholarly.author.2.affiliation: \" padded \"\r\n", text, StringComparison.Ordinal);
        Assert.Contains("scholarly.editor.1.orcid: 0000-0002-1825-0097\r\nscholarly.translator.1.affiliation: Uni B\r\n", text, StringComparison.Ordinal);
        Assert.Equal(chapter, ReadOne(text));
    }

    [Fact]
    public void Format_IsRegisteredAndWritesTheSameText()
    {
        Assert.Equal("endnote", Endnote.Format.Name);
        Assert.Equal([".enw"], Endnote.Format.FileExtensions);
        Assert.True(Endnote.Format.CanRead && Endnote.Format.CanWrite);
        Assert.Same(Endnote.Format, RecordFormats.FindByName("enw"));
        Assert.Same(Endnote.Format, RecordFormats.FindByPath("Haslam.ENW"));
        using var writer = new StringWriter();
        Endnote.Format.Write([Haslam], writer);
        Assert.Equal(HaslamEnw, writer.ToString());
        Assert.Equal(EndnoteProjection.Project(Haslam), Assert.Single(Endnote.Format.Read(new StringReader(HaslamEnw)).Chapters));
    }

    [Fact]
    public void Read_OtherTypes_AreSkippedWithInfoAtTheirLine()
    {
        var result = Endnote.Read("%0 Journal Article\n%T A\n\n%0 Electronic Book Section\n%T B\n\n%0 Book\n%T C\n\n%0 book section\n%T D\n");
        Assert.Equal(["B", "D"], result.Chapters.Select(c => c.Title));
        Assert.True(result.IsSuccess);
        Assert.Equal([(EndnoteCodes.NotAChapter, 1, DiagnosticSeverity.Info), (EndnoteCodes.NotAChapter, 7, DiagnosticSeverity.Info)],
            result.Diagnostics.Select(d => (d.Code, d.Line, d.Severity)));
        Assert.Contains("'Journal Article'", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryMappedTag_GoesToItsField()
    {
        var chapter = ReadOne(
            "%0 Book Section\n%A Lun, Aaron T. L.\n%A Chen, Yunshun\n%E Mathé, Ewy\n%Y Walker, John M.\n%? Tr, Anne\n" +
            "%T It's DE-licious\n%B Statistical Genomics\n%S Methods in Molecular Biology\n%V 1418\n%7 2nd\n%D 2016\n%8 2016-03-24\n" +
            "%P 391-416\n%& 19\n%I Humana Press\n%C New York, NY\n%@ 978-1-4939-3577-2 (Print)\n%@ 1064-3745\n" +
            "%R 10.1007/978-1-4939-3578-9_19\n%U https://doi.org/10.1007/978-1-4939-3578-9_19\n%X First paragraph.\nSecond paragraph.\n" +
            "%K RNA-seq\n%K edgeR\nquasi-likelihood\n%G en\n%F Lun2016\n%Z A note\non two lines\n");
        Assert.Equal(["Lun|Aaron T. L.|Author", "Chen|Yunshun|Author", "Tr|Anne|Translator"],
            chapter.Contributors.Select(c => $"{c.Name.Family}|{c.Name.Given}|{c.Role}"));
        var book = chapter.Book!;
        Assert.Equal(["Mathé|Editor", "Walker|SeriesEditor"], book.Contributors.Select(c => $"{c.Name.Family}|{c.Role}"));
        Assert.Equal(("It's DE-licious", "Statistical Genomics", "Methods in Molecular Biology", "1418", "2nd"),
            (chapter.Title, book.Title, book.Series!.Title, book.Series.Volume, book.Edition));
        Assert.Equal(PartialDate.Parse("2016-03-24"), chapter.PublicationDate);
        Assert.Equal(new PageRange { First = "391", Last = "416" }, chapter.Pages);
        Assert.Equal("19", chapter.Number);
        Assert.Equal(new Publisher { Name = "Humana Press", Location = "New York, NY" }, book.Publisher);
        Assert.Equal(new BookIsbn { Value = Isbn.Parse("9781493935772"), Medium = PublicationMedium.Print }, Assert.Single(book.Isbns));
        Assert.Equal(Issn.Parse("1064-3745"), Assert.Single(book.Series.Issns).Value);
        Assert.Equal(Doi.Parse("10.1007/978-1-4939-3578-9_19"), chapter.Doi);
        Assert.Equal("https://doi.org/10.1007/978-1-4939-3578-9_19", chapter.Url);
        Assert.Equal(["First paragraph.", "Second paragraph."], chapter.Abstract);
        Assert.Equal(["RNA-seq", "edgeR", "quasi-likelihood"], chapter.Keywords);
        Assert.Equal("en", chapter.Language);
        Assert.Equal("Lun2016", chapter.CitationKey);
        Assert.Equal([new ExtraField { Name = "endnote:%Z", Value = "A note\non two lines" }], chapter.ExtraFields);
    }

    [Fact]
    public void ReadWrite_ExtraTags_AreWrittenBackUnderTheirTag()
    {
        var chapter = ReadOne("%0 Book Section\n%T T\n%F Lun2016\n%# Custom 5\n%Z A note\non two lines\n%9 Chapter\n");
        var text = Endnote.Write(chapter, new EndnoteWriteOptions { NewLine = LineEnding.Lf });
        Assert.Equal("%0 Book Section\n%T T\n%F Lun2016\n%# Custom 5\n%Z A note\non two lines\n%9 Chapter\n\n", text);
        Assert.Equal(chapter, ReadOne(text));
    }

    [Fact]
    public void Write_ExtrasWithoutATag_GoIntoTheNoteLinesAndReadBack()
    {
        var chapter = new Chapter
        {
            Title = "T",
            ExtraFields =
            [
                new ExtraField { Name = "ris:M3", Value = "x" },
                new ExtraField { Name = "endnote:%0", Value = "Journal Article" },
                new ExtraField { Name = "endnote:%AB", Value = "x" },
                new ExtraField { Name = "endnote:%!", Value = "Short" },
            ],
        };
        // Only endnote:%X with a valid tag other than %0 is written under its tag; the rest become scholarly.extra lines.
        var text = Endnote.Write(chapter, new EndnoteWriteOptions { NewLine = LineEnding.Lf });
        Assert.Equal("%0 Book Section\n%T T\n%! Short\n%Z scholarly.extra.ris:M3: x\nscholarly.extra.endnote:%0: Journal Article\nscholarly.extra.endnote:%AB: x\n\n", text);
        Assert.Equal(chapter with { ExtraFields = [chapter.ExtraFields[3], chapter.ExtraFields[0], chapter.ExtraFields[1], chapter.ExtraFields[2]] }, ReadOne(text));
    }

    [Theory]
    [InlineData("%R not a doi\n", EndnoteCodes.InvalidDoi, "endnote:%R", "not a doi")]
    [InlineData("%@ 978-0-306-40615-8\n", EndnoteCodes.InvalidIsbn, "endnote:%@", "978-0-306-40615-8")]
    [InlineData("%D in press\n", EndnoteCodes.InvalidDate, "endnote:%D", "in press")]
    [InlineData("%P pp. a–b–c\n", EndnoteCodes.InvalidPages, "endnote:%P", "pp. a–b–c")]
    [InlineData("%E  ,\n", EndnoteCodes.InvalidName, "endnote:%E", " ,")]
    public void Read_BadValue_WarnsAtItsLineAndKeepsExtra(string line, string code, string name, string value)
    {
        var result = Endnote.Read("%0 Book Section\n%T T\n" + line);
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal(new ExtraField { Name = name, Value = value }, Assert.Single(chapter.ExtraFields));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((code, DiagnosticSeverity.Warning, 3, 1), (diagnostic.Code, diagnostic.Severity, diagnostic.Line, diagnostic.Column));
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Read_NoTitle_WarnsAtRecordLine()
    {
        var result = Endnote.Read("%0 Journal Article\n%T skipped\n\n%0 Book Section\n%A Doe, J\n");
        Assert.Equal("", Assert.Single(result.Chapters).Title);
        Assert.Equal([(EndnoteCodes.NotAChapter, 1), (EndnoteCodes.MissingTitle, 4)], result.Diagnostics.Select(d => (d.Code, d.Line)));
    }

    [Theory]
    [InlineData("%D 1992\n%8 1992-03-15\n", "1992-03-15", null)]
    [InlineData("%D 1992\n%8 1993-03-15\n", "1992", "1993-03-15")]
    [InlineData("%D 2013\n%8 August 1\n", "2013", "August 1")]
    [InlineData("%8 2021/12/25/\n", "2021-12-25", null)]
    [InlineData("%D  1957\n", "1957", null)]
    public void Read_YearAndDate_FollowTheDateRule(string lines, string expected, string? extra)
    {
        var chapter = ReadOne("%0 Book Section\n%T T\n" + lines);
        Assert.Equal(PartialDate.Parse(expected), chapter.PublicationDate);
        Assert.Equal(extra, chapter.ExtraFields.SingleOrDefault()?.Value);
    }

    [Theory]
    [InlineData("391-416", "391", "416")]
    [InlineData("12 – 9", "12", "9")]
    [InlineData("118-120+123", "118", "120+123")]
    [InlineData("e123", "e123", null)]
    public void Read_Pages_FirstAndLastAroundTheDash(string value, string first, string? last) =>
        Assert.Equal(new PageRange { First = first, Last = last }, ReadOne($"%0 Book Section\n%T T\n%P {value}\n").Pages);

    [Fact]
    public void Read_IsbnWithLibraryQualifier_IsPrintIsbn()
    {
        // The qualifier form of issue 14 ("(pbk.)"); 0-306-40615-2 is the ISBN Users' Manual example.
        var chapter = ReadOne("%0 Book Section\n%T T\n%@ ISBN 0-306-40615-2 (pbk.)\n");
        Assert.Equal(new BookIsbn { Value = Isbn.Parse("9780306406157"), Medium = PublicationMedium.Print }, Assert.Single(chapter.Book!.Isbns));
    }

    [Fact]
    public void Mapping_ToRecordAndToChapter_AreTheDocumentLayerOfWriteAndRead()
    {
        var record = EndnoteMapping.ToRecord(Haslam);
        Assert.Equal("Book Section", record.Type);
        Assert.Equal(HaslamEnw, new EndnoteDocument([record]).ToString());
        var mapped = EndnoteMapping.ToChapter(record);
        Assert.Equal(EndnoteProjection.Project(Haslam), mapped.Chapter);
        Assert.Empty(mapped.Diagnostics);
        Assert.Equal(0, mapped.Record);
        var book = EndnoteMapping.ToChapter(new EndnoteRecord("Book", []));
        Assert.Null(book.Chapter);
        Assert.Equal(EndnoteCodes.NotAChapter, Assert.Single(book.Diagnostics).Code);
    }

    [Fact]
    public async Task ReadRecordsAsync_Stream_StreamsChaptersAndReportsDiagnosticsInOrder()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("%0 Book\n%T A\n\n%0 Book Section\n%T B\n%R bad\n\n%0 Book Section\n%T C\n")).ToArray();
        var diagnostics = new List<string>();
        var titles = new List<string>();
        var numbers = new List<long>();
        await foreach (var record in Endnote.ReadRecordsAsync(new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken))
        {
            numbers.Add(record.Record);
            diagnostics.AddRange(record.Diagnostics.Select(d => d.Code + "@" + d.Line));
            if (record.Chapter is not { } chapter) continue;
            titles.Add(chapter.Title);
            diagnostics.Add("chapter " + chapter.Title);
        }
        Assert.Equal([1L, 2L, 3L], numbers);
        Assert.Equal(["B", "C"], titles);
        Assert.Equal([EndnoteCodes.NotAChapter + "@1", EndnoteCodes.InvalidDoi + "@6", "chapter B", "chapter C"], diagnostics);
        Assert.Equal(["B", "C"], Endnote.Read(new MemoryStream(bytes)).Chapters.Select(c => c.Title));
    }

    [Fact]
    public async Task ReadRecordsAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Endnote.ReadRecordsAsync(new MemoryStream(Encoding.UTF8.GetBytes(HaslamEnw)), cancellationToken: cancelled.Token))
            {
            }
        });
    }

    [Fact]
    public async Task Write_StreamAndAsync_GiveTheSameUtf8TextWithoutBom()
    {
        using var stream = new MemoryStream();
        Endnote.Write([Haslam, Haslam], stream);
        Assert.Equal(HaslamEnw + HaslamEnw, Encoding.UTF8.GetString(stream.ToArray()));
        Assert.NotEqual(0xEF, stream.ToArray()[0]);

        using var asyncStream = new MemoryStream();
        await Endnote.WriteAsync(Chapters(), asyncStream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(stream.ToArray(), asyncStream.ToArray());

        using var writer = new StringWriter();
        await Endnote.WriteAsync(Chapters(), writer, new EndnoteWriteOptions { NewLine = LineEnding.Lf }, TestContext.Current.CancellationToken);
        Assert.Equal((HaslamEnw + HaslamEnw).Replace("\r\n", "\n", StringComparison.Ordinal), writer.ToString());

        static async IAsyncEnumerable<Chapter> Chapters()
        {
            await Task.Yield();
            yield return Haslam;
            yield return Haslam;
        }
    }

    [Fact]
    public void Arguments_AreCheckedAtTheCall()
    {
        Assert.Throws<ArgumentNullException>(() => Endnote.Read((string)null!));
        Assert.Throws<ArgumentNullException>(() => Endnote.ReadRecordsAsync((Stream)null!, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentNullException>(() => Endnote.ReadRecords((TextReader)null!));
        Assert.Throws<ArgumentNullException>(() => Endnote.Write((Chapter)null!));
        Assert.Throws<ArgumentNullException>(() => { _ = Endnote.WriteAsync(null!, new StringWriter(), cancellationToken: TestContext.Current.CancellationToken); });
        Assert.Throws<ArgumentNullException>(() => EndnoteMapping.ToRecord(null!));
        Assert.Throws<ArgumentNullException>(() => Endnote.Write([null!], new StringWriter()));
    }
}
