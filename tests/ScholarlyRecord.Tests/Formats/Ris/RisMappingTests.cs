using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

public class RisMappingTests
{
    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    // Checked by hand against samples/fixtures/haslam-1992-conclusions.json: the subtitle-less title, the one
    // author, the book title with its en dash, the series title (its abbreviation has no RIS tag), the year, the
    // chapter number, the publisher and place, the electronic ISBN, the DOI and the one abstract paragraph.
    // Notes, copyright, metrics, offers, the book DOI and the springer: extras have no RIS slot.
    private const string HaslamRis =
        "TY  - CHAP\r\n" +
        "AU  - Haslam, Jonathan\r\n" +
        "TI  - Conclusions\r\n" +
        "T2  - The Soviet Union and the Threat from the East, 1933–41\r\n" +
        "T3  - Studies in Soviet History and Society\r\n" +
        "PY  - 1992\r\n" +
        "SE  - 7\r\n" +
        "PB  - Palgrave Macmillan\r\n" +
        "CY  - London\r\n" +
        "SN  - 9781349056798 (Electronic)\r\n" +
        "DO  - 10.1007/978-1-349-05679-8_7\r\n" +
        "AB  - The story of Soviet foreign policy in the Far East from 1933 to 1941 is, in a sense, the story of the war that never happened but that long threatened to happen. The Japanese could not safely expand to the north and to the south simultaneously. Going north entailed invasion of the Soviet Union to expand into Siberia. Going south meant colliding directly with the British empire and, more importantly, the United States. The signature of the Nazi-Soviet pact and the devastating blow to Japanese forces at Khalkhin-Gol in August and September 1939 made the northern option too expensive a choice. And the growth of US hostility to Japan resulting from the war of conquest in China impelled Japan southwards in a desperate bid to secure self-sufficiency in strategic raw materials from the threat of an all-encompassing US blockade. The war that had been anticipated since 1931 — against the Soviet Union — therefore never materialised. In its place the Japanese gambled all on the destruction of the US Pacific Fleet at Pearl Harbor on 7 December 1941.\r\n" +
        "ER  - \r\n" +
        "\r\n";

    [Fact]
    public void Write_Fixture_GivesTheExpectedText() => Assert.Equal(HaslamRis, Ris.Write(Haslam));

    [Fact]
    public void Write_LfOption_UsesLf() =>
        Assert.Equal(HaslamRis.Replace("\r\n", "\n", StringComparison.Ordinal), Ris.Write([Haslam], new RisWriteOptions { NewLine = LineEnding.Lf }));

    [Fact]
    public void ReadWrite_Fixture_RoundTripsEveryCarriedField()
    {
        var result = Ris.Read(Ris.Write(Haslam));
        Assert.Empty(result.Diagnostics);
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal(RisProjection.Project(Haslam), chapter);
        Assert.Equal("Studies in Soviet History and Society", chapter.Book!.Series!.Title);
        Assert.Null(chapter.Book.Series.Abbreviation);
        Assert.Equal(PublicationMedium.Electronic, Assert.Single(chapter.Book.Isbns).Medium);
    }

    [Fact]
    public void Format_Properties_DescribeRis()
    {
        Assert.Equal("ris", Ris.Format.Name);
        Assert.Equal([".ris"], Ris.Format.FileExtensions);
        Assert.True(Ris.Format.CanRead);
        Assert.True(Ris.Format.CanWrite);
        using var writer = new StringWriter();
        Ris.Format.Write([Haslam], writer);
        Assert.Equal(HaslamRis, writer.ToString());
        Assert.Equal(RisProjection.Project(Haslam), Assert.Single(Ris.Format.Read(new StringReader(HaslamRis)).Chapters));
    }

    [Fact]
    public void Parse_Text_GivesTheDocumentLayer()
    {
        var document = RisDocument.Parse("TY  - JOUR\r\nTI  - A\r\nER  - \r\nTY  - CHAP\r\nER  - \r\n");
        Assert.Equal(["JOUR", "CHAP"], document.Records.Select(r => r.Type));
        Assert.Equal(2, RisDocument.Parse(new StringReader("TY  - JOUR\nER  - \nTY  - BOOK\nER  - \n")).Records.Count);
    }

    [Fact]
    public void Read_OtherTypes_AreSkippedWithInfoAtTheirLine()
    {
        var result = Ris.Read("TY  - JOUR\r\nTI  - A\r\nER  - \r\nTY  - CHAP\r\nTI  - B\r\nER  - \r\nTY  - BOOK\r\nT2  - X\r\nSP  - 1-2\r\nER  - \r\n");
        Assert.Equal("B", Assert.Single(result.Chapters).Title);
        Assert.True(result.IsSuccess);
        Assert.Equal([("RIS401", 1, DiagnosticSeverity.Info), ("RIS401", 7, DiagnosticSeverity.Info)],
            result.Diagnostics.Select(d => (d.Code, d.Line, d.Severity)));
    }

    [Theory]
    [InlineData("chap")]
    [InlineData("ECHAP")]
    [InlineData("CHAP")]
    public void Read_ChapterTypes_AreChapters(string type) =>
        Assert.Single(Ris.Read($"TY  - {type}\nTI  - T\nER  - \n").Chapters);

    [Fact]
    public void Read_DocumentDiagnostics_ComeInInputOrderWithMappingOnes()
    {
        var result = Ris.Read("TY  - CHAP\nDO  - nope\nTI  - T\nTY  - JOUR\nER  - \n");
        Assert.Equal([("RIS404", 2), ("RIS201", 4), ("RIS401", 4)], result.Diagnostics.Select(d => (d.Code, d.Line)));
        Assert.Equal(7, result.Diagnostics[0].Column);
    }

    [Theory]
    [InlineData("Doe, Jane", null, "Doe", "Jane", null, null)]
    [InlineData("Doe, Jane, Jr.", null, "Doe", "Jane", null, "Jr.")]
    [InlineData("van Gogh, Vincent", null, "Gogh", "Vincent", "van", null)]
    [InlineData("van der Waals, J. D.", null, "Waals", "J. D.", "van der", null)]
    [InlineData("Amy E. Keating", null, "Keating", "Amy E.", null, null)]
    [InlineData("Ludwig van Beethoven", null, "Beethoven", "Ludwig", "van", null)]
    [InlineData("Plato", null, "Plato", null, null, null)]
    [InlineData("World Health Organization,", "World Health Organization", null, null, null, null)]
    [InlineData("Smith, Jones and Co,", "Smith, Jones and Co", null, null, null, null)]
    [InlineData("Doe, ", null, "Doe", null, null, null)]
    [InlineData("Doe, , III", null, "Doe", null, null, "III")]
    [InlineData("de, Jean", null, "de", "Jean", null, null)]
    public void Read_Names_FollowTheNameRule(string value, string? literal, string? family, string? given, string? particle, string? suffix)
    {
        var chapter = Assert.Single(Ris.Read($"TY  - CHAP\nTI  - T\nAU  - {value}\nER  - \n").Chapters);
        Assert.Equal(new PersonName { Literal = literal, Family = family, Given = given, Particle = particle, Suffix = suffix }, Assert.Single(chapter.Contributors).Name);
    }

    [Theory]
    [InlineData(",")]
    [InlineData("  ")]
    [InlineData(" ,")]
    public void Read_EmptyName_WarnsAndKeepsExtra(string value)
    {
        var result = Ris.Read($"TY  - CHAP\nTI  - T\nA2  - {value}\nER  - \n");
        var chapter = Assert.Single(result.Chapters);
        Assert.Null(chapter.Book);
        Assert.Equal(new ExtraField { Name = "ris:A2", Value = value }, Assert.Single(chapter.ExtraFields));
        Assert.Equal(("RIS406", 3, 7), result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)).Single());
    }

    [Fact]
    public void Write_Names_FollowTheNameRule()
    {
        var chapter = new Chapter
        {
            Title = "T",
            Contributors =
            [
                new Contributor { Name = new PersonName { Given = "Vincent", Particle = "van", Family = "Gogh" } },
                new Contributor { Name = new PersonName { Family = "King", Given = "Martin Luther", Suffix = "Jr." }, Role = ContributorRole.Translator },
                new Contributor { Name = PersonName.FromLiteral("World Health Organization") },
                new Contributor { Name = new PersonName { Family = "Doe, Smith" } },
                new Contributor { Name = new PersonName { Family = "Nobody" }, Role = ContributorRole.Editor },
            ],
            Book = new Book
            {
                Contributors =
                [
                    new Contributor { Name = new PersonName { Family = "Ed", Given = "A" }, Role = ContributorRole.Editor },
                    new Contributor { Name = new PersonName { Family = "Series", Given = "B" }, Role = ContributorRole.SeriesEditor },
                    new Contributor { Name = new PersonName { Family = "Author", Given = "C" }, Role = ContributorRole.Author },
                ],
            },
        };
        Assert.Equal(
            "TY  - CHAP\nAU  - van Gogh, Vincent\nAU  - World Health Organization,\nAU  - Doe  Smith, \nA2  - Ed, A\nA3  - Series, B\nA4  - King, Martin Luther, Jr.\nTI  - T\nER  - \n\n",
            Ris.Write([chapter], new RisWriteOptions { NewLine = LineEnding.Lf }));
    }

    [Theory]
    [InlineData("1992", "1992")]
    [InlineData("2012///", "2012")]
    [InlineData("1998///Spring", "1998-21")]
    [InlineData("1998///fall", "1998-23")]
    [InlineData("1992/03//", "1992-03")]
    [InlineData("1992/03", "1992-03")]
    [InlineData("1992/03/15", "1992-03-15")]
    [InlineData("1992/03/15/", "1992-03-15")]
    [InlineData("1992-03-15", "1992-03-15")]
    public void Read_Dates_FollowTheDateRule(string value, string expected)
    {
        var result = Ris.Read($"TY  - CHAP\nTI  - T\nPY  - {value}\nER  - \n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(PartialDate.Parse(expected), Assert.Single(result.Chapters).PublicationDate);
    }

    [Fact]
    public void Read_DateWithOtherText_WarnsAndKeepsTheNumbers()
    {
        var result = Ris.Read("TY  - CHAP\nTI  - T\nY1  - 2001/05/02/Conference day\nER  - \n");
        Assert.Equal(new PartialDate(2001, 5, 2), Assert.Single(result.Chapters).PublicationDate);
        Assert.Equal(("RIS408", 3), result.Diagnostics.Select(d => (d.Code, d.Line)).Single());
    }

    [Fact]
    public void Read_InvalidDate_WarnsAndKeepsExtra()
    {
        var result = Ris.Read("TY  - CHAP\nTI  - T\nPY  - circa 1990\nER  - \n");
        var chapter = Assert.Single(result.Chapters);
        Assert.Null(chapter.PublicationDate);
        Assert.Equal(new ExtraField { Name = "ris:PY", Value = "circa 1990" }, Assert.Single(chapter.ExtraFields));
        Assert.Equal(("RIS402", 3, 7), result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)).Single());
    }

    [Fact]
    public void Read_DaRefiningPy_IsUsedAndOtherDaKept()
    {
        var chapter = Assert.Single(Ris.Read("TY  - CHAP\nTI  - T\nPY  - 2012\nDA  - 2012/05/17\nDA  - 2014/07/23\nER  - \n").Chapters);
        Assert.Equal(new PartialDate(2012, 5, 17), chapter.PublicationDate);
        Assert.Equal(new ExtraField { Name = "ris:DA", Value = "2014/07/23" }, Assert.Single(chapter.ExtraFields));
    }

    [Theory]
    [InlineData(1992, 0, 0, 0, "PY  - 1992\n")]
    [InlineData(1992, 3, 0, 0, "PY  - 1992\nDA  - 1992/03\n")]
    [InlineData(1992, 3, 15, 0, "PY  - 1992\nDA  - 1992/03/15\n")]
    [InlineData(1998, 0, 0, 1, "PY  - 1998\nDA  - 1998///Spring\n")]
    [InlineData(1998, 0, 0, 3, "PY  - 1998\nDA  - 1998///Autumn\n")]
    public void Write_Dates_FollowTheDateRule(int year, int month, int day, int season, string expected)
    {
        var date = season > 0 ? PartialDate.FromSeason(year, season) : PartialDate.FromDateParts(year, month == 0 ? null : month, day == 0 ? null : day);
        var chapter = new Chapter { Title = "T", PublicationDate = date };
        var text = Ris.Write([chapter], new RisWriteOptions { NewLine = LineEnding.Lf });
        Assert.Equal("TY  - CHAP\nTI  - T\n" + expected + "ER  - \n\n", text);
        Assert.Equal(date, Assert.Single(Ris.Read(text).Chapters).PublicationDate);
    }

    [Fact]
    public void Read_StandardNumbers_SplitIntoIsbnsIssnsAndExtras()
    {
        var result = Ris.Read("TY  - CHAP\nTI  - T\nSN  - 978-1-349-05679-8 (Print) 0-306-40615-2 (Online); 0378-5955\nSN  - 12345\nSN  - ISBN 9780306406157\nER  - \n");
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal(
            [
                new BookIsbn { Value = Isbn.Parse("9781349056798"), Medium = PublicationMedium.Print },
                new BookIsbn { Value = Isbn.Parse("9780306406157"), Medium = PublicationMedium.Electronic },
                new BookIsbn { Value = Isbn.Parse("9780306406157") },
            ],
            chapter.Book!.Isbns);
        Assert.Equal([new SeriesIssn { Value = Issn.Parse("0378-5955") }], chapter.Book.Series!.Issns);
        Assert.Equal(new ExtraField { Name = "ris:SN", Value = "12345" }, Assert.Single(chapter.ExtraFields));
        Assert.Equal(("RIS403", 4), result.Diagnostics.Select(d => (d.Code, d.Line)).Single());
    }

    [Theory]
    [InlineData("10.1000/xyz")]
    [InlineData("doi:10.1000/xyz")]
    [InlineData("https://doi.org/10.1000/xyz")]
    [InlineData("http://dx.doi.org/10.1000/xyz")]
    public void Read_DoiForms_AreDois(string value) =>
        Assert.Equal(Doi.Parse("10.1000/xyz"), Assert.Single(Ris.Read($"TY  - CHAP\nTI  - T\nDO  - {value}\nER  - \n").Chapters).Doi);

    [Theory]
    [InlineData("SP  - 1-20\n", "1", "20")]
    [InlineData("SP  - 155–158\n", "155", "158")]
    [InlineData("SP  - 16\n", "16", null)]
    [InlineData("SP  - xi\nEP  - xv\n", "xi", "xv")]
    public void Read_Pages_FollowThePageRule(string lines, string first, string? last) =>
        Assert.Equal(new PageRange { First = first, Last = last }, Assert.Single(Ris.Read("TY  - CHAP\nTI  - T\n" + lines + "ER  - \n").Chapters).Pages);

    [Fact]
    public void Read_EndPageAlone_WarnsAndKeepsExtra()
    {
        var result = Ris.Read("TY  - CHAP\nTI  - T\nEP  - 20\nER  - \n");
        Assert.Null(Assert.Single(result.Chapters).Pages);
        Assert.Equal(("RIS405", 3), result.Diagnostics.Select(d => (d.Code, d.Line)).Single());
    }

    [Fact]
    public void Read_NoTitle_WarnsAtRecordLine()
    {
        var result = Ris.Read("\nTY  - CHAP\nAU  - Doe, J\nER  - \n");
        Assert.Equal("", Assert.Single(result.Chapters).Title);
        Assert.Equal(("RIS407", 2, DiagnosticSeverity.Warning), result.Diagnostics.Select(d => (d.Code, d.Line, d.Severity)).Single());
    }

    [Fact]
    public void Read_AbstractParagraphsAndRepeats_MapAndKeepExtrasInFieldOrder()
    {
        var text = "TY  - CHAP\nN1  - first note\nTI  - Main\nT1  - Other title\nAB  - One\nwrapped\n\nTwo\nN2  - Alt\nUR  - http://a\nUR  - http://b\nBT  - Book\nZZ  - odd\nKW  - k1\nKW  - k2\nER  - \n";
        var chapter = Assert.Single(Ris.Read(text).Chapters);
        Assert.Equal("Main", chapter.Title);
        Assert.Equal(["One wrapped", "Two"], chapter.Abstract);
        Assert.Equal("http://a", chapter.Url);
        Assert.Equal("Book", chapter.Book!.Title);
        Assert.Equal(["k1", "k2"], chapter.Keywords);
        Assert.Equal(
            ["ris:N1=first note", "ris:T1=Other title", "ris:N2=Alt", "ris:UR=http://b", "ris:ZZ=odd"],
            chapter.ExtraFields.Select(e => e.Name + "=" + e.Value));
    }

    [Fact]
    public void Write_ExtrasOfOtherFormats_AreNotWritten()
    {
        var chapter = new Chapter
        {
            Title = "T",
            ExtraFields =
            [
                new ExtraField { Name = "bibtex:timestamp", Value = "x" },
                new ExtraField { Name = "ris:M3", Value = "a\r\n\r\nb" },
                new ExtraField { Name = "ris:TY", Value = "no" },
                new ExtraField { Name = "ris:m3", Value = "no" },
                new ExtraField { Name = "ris:C8", Value = "" },
            ],
        };
        Assert.Equal("TY  - CHAP\nTI  - T\nM3  - a\n\nb\nC8  - \nER  - \n\n", Ris.Write([chapter], new RisWriteOptions { NewLine = LineEnding.Lf }));
    }

    [Fact]
    public void Write_LineBreaksInSingleLineValues_BecomeSpaces()
    {
        var chapter = new Chapter { Title = "A\r\nB\nC\rD", Subtitle = "E", Keywords = ["k\nl"], Abstract = ["p\r\nq", " \n", "KW  - r"] };
        Assert.Equal("TY  - CHAP\nTI  - A B C D: E\nAB  - p q\n\nKW  - r\nKW  - k l\nER  - \n\n".Replace("\n\nKW  - r", " KW  - r", StringComparison.Ordinal),
            Ris.Write([chapter], new RisWriteOptions { NewLine = LineEnding.Lf }));
    }

    [Fact]
    public async Task ReadAsync_Stream_StreamsChaptersAndReportsDiagnosticsInOrder()
    {
        var text = "\uFEFFTY  - JOUR\r\nER  - \r\n" + Ris.Write([Haslam, Haslam with { Title = "Second" }]);
        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        var diagnostics = new List<Diagnostic>();
        var titles = new List<string>();
        await foreach (var record in Ris.ReadRecordsAsync(stream, cancellationToken: TestContext.Current.CancellationToken))
        {
            diagnostics.AddRange(record.Diagnostics);
            if (record.Chapter is { } chapter) titles.Add(chapter.Title);
        }
        Assert.Equal(["Conclusions", "Second"], titles);
        Assert.Equal(("RIS401", 1), diagnostics.Select(d => (d.Code, d.Line)).Single());
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(HaslamRis));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Ris.ReadRecordsAsync(stream, null, cts.Token))
            {
            }
        });
    }

    [Fact]
    public void ToRecordAndToChapter_AreTheMappingLayer()
    {
        var record = RisMapping.ToRecord(Haslam);
        Assert.Equal("CHAP", record.Type);
        Assert.Equal(["AU", "TI", "T2", "T3", "PY", "SE", "PB", "CY", "SN", "DO", "AB"], record.Fields.Select(f => f.Tag));
        Assert.Equal(RisProjection.Project(Haslam), RisMapping.ToChapter(record).Chapter);
        var journal = RisMapping.ToChapter(new RisRecord("JOUR", []));
        Assert.Null(journal.Chapter);
        Assert.Equal("RIS401", Assert.Single(journal.Diagnostics).Code);
    }
}
