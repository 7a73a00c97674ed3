using CsCheck;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.Bibtex;

public sealed class BibtexMappingTests
{
    private static readonly BibtexWriteOptions Biblatex = BibtexWriteOptions.Default with { Dialect = BibtexDialect.Biblatex };

    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    [Fact]
    public void Write_HaslamBibtex_IsExpectedText()
    {
        const string expected = """
            @incollection{haslam1992conclusions,
              author = {Haslam, Jonathan},
              title = {Conclusions},
              booktitle = {The Soviet Union and the Threat from the East, 1933--41},
              series = {Studies in Soviet History and Society},
              shortseries = {SSHS},
              publisher = {Palgrave Macmillan},
              address = {London},
              year = 1992,
              chapter = {7},
              isbn = {9781349056798},
              doi = {10.1007/978-1-349-05679-8_7},
              abstract = {ABSTRACT},
              copyright = {\copyright{} 1992 Jonathan Haslam},
            }

            """;
        var text = ScholarlyRecord.Formats.Bibtex.Write(Haslam);
        Assert.Equal(expected.Replace("ABSTRACT", AbstractAscii, StringComparison.Ordinal), text);
    }

    private static string AbstractAscii => Haslam.Abstract[0].Replace(" — ", " --- ", StringComparison.Ordinal);

    [Fact]
    public void Write_HaslamBiblatex_IsExpectedText()
    {
        const string expected = """
            @inbook{haslam1992conclusions,
              author = {Haslam, Jonathan},
              title = {Conclusions},
              booktitle = {The Soviet Union and the Threat from the East, 1933–41},
              series = {Studies in Soviet History and Society},
              shortseries = {SSHS},
              publisher = {Palgrave Macmillan},
              location = {London},
              date = {1992},
              chapter = {7},
              isbn = {9781349056798},
              doi = {10.1007/978-1-349-05679-8_7},
              abstract = {ABSTRACT},
            }

            """;
        var text = ScholarlyRecord.Formats.Bibtex.Write(Haslam, Biblatex);
        Assert.Equal(expected.Replace("ABSTRACT", Haslam.Abstract[0], StringComparison.Ordinal), text);
    }

    [Theory]
    [InlineData(BibtexDialect.Bibtex)]
    [InlineData(BibtexDialect.Biblatex)]
    public void RoundTrip_Haslam_KeepsWhatTheFormatCarries(BibtexDialect dialect)
    {
        var options = BibtexWriteOptions.Default with { Dialect = dialect };
        var result = ScholarlyRecord.Formats.Bibtex.Read(ScholarlyRecord.Formats.Bibtex.Write(Haslam, options));
        Assert.Empty(result.Diagnostics);
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal(BibtexProjection.Project(Haslam, dialect), chapter);
    }

    [Fact]
    public void Write_HaslamBiblatexWithNonstandardFields_AddsCopyright()
    {
        var options = Biblatex with { IncludeNonstandardFields = true };
        var text = ScholarlyRecord.Formats.Bibtex.Write(Haslam, options);
        var expected = ScholarlyRecord.Formats.Bibtex.Write(Haslam, Biblatex)
            .Replace("\n}\n", "\n  copyright = {© 1992 Jonathan Haslam},\n}\n", StringComparison.Ordinal);
        Assert.Equal(expected, text);
        var read = Assert.Single(ScholarlyRecord.Formats.Bibtex.Read(text).Chapters);
        Assert.Equal(new Copyright { Statement = "© 1992 Jonathan Haslam" }, read.Copyright);
    }

    [Theory]
    [InlineData(false, false, false, "@inbook{")] // no editors: a part of a book
    [InlineData(true, false, false, "@incollection{")] // editors: a contribution to a collection
    [InlineData(true, true, false, "@inbook{")] // editors and book authors: bookauthor is allowed only in @inbook
    [InlineData(false, false, true, "@incollection{")] // BibTeX: a titled chapter is always @incollection
    [InlineData(true, true, true, "@incollection{")]
    public void Write_EntryType_FollowsTheDialectsRule(bool editors, bool bookAuthors, bool bibtex, string start)
    {
        List<Contributor> contributors = [];
        if (editors) contributors.Add(new Contributor { Name = new PersonName { Family = "Ed", Given = "E." }, Role = ContributorRole.Editor });
        if (bookAuthors) contributors.Add(new Contributor { Name = new PersonName { Family = "Au", Given = "A." }, Role = ContributorRole.Author });
        var chapter = Haslam with { Book = Haslam.Book! with { Contributors = contributors } };
        var options = BibtexWriteOptions.Default with { Dialect = bibtex ? BibtexDialect.Bibtex : BibtexDialect.Biblatex };
        var text = ScholarlyRecord.Formats.Bibtex.Write(chapter, options);
        Assert.StartsWith(start, text, StringComparison.Ordinal);
        Assert.Contains("  booktitle = {The Soviet Union", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_BibtexChapterWithoutTitle_IsClassicInbookWithTheBookAsTitle()
    {
        var chapter = Haslam with { Title = "" };
        var text = ScholarlyRecord.Formats.Bibtex.Write(chapter);
        Assert.StartsWith("@inbook{haslam1992,\n  author = {Haslam, Jonathan},\n  title = {The Soviet Union and the Threat from the East, 1933--41},\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("booktitle", text, StringComparison.Ordinal);
        Assert.Contains("  chapter = {7},\n", text, StringComparison.Ordinal);
        // Read back: the same chapter (the reader warns that the chapter has no title of its own).
        var result = ScholarlyRecord.Formats.Bibtex.Read(text);
        Assert.Equal(BibtexCodes.MissingTitle, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(BibtexProjection.Project(chapter, BibtexDialect.Bibtex), Assert.Single(result.Chapters));
    }

    [Theory]
    [InlineData(BibtexDialect.Bibtex, false)]
    [InlineData(BibtexDialect.Biblatex, false)]
    [InlineData(BibtexDialect.Biblatex, true)]
    public void RoundTrip_GeneratedChapters_KeepWhatTheFormatCarries(BibtexDialect dialect, bool includeNonstandardFields)
    {
        var options = BibtexWriteOptions.Default with { Dialect = dialect, IncludeNonstandardFields = includeNonstandardFields };
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var text = ScholarlyRecord.Formats.Bibtex.Write(chapter, options);
            // doi and url are verbatim fields, written as they are: the LaTeX promise covers every other line (only characters
            // that have no LaTeX command are written as themselves).
            var checkedText = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("  doi = ", StringComparison.Ordinal) && !l.StartsWith("  url = ", StringComparison.Ordinal)));
            if (dialect == BibtexDialect.Bibtex) Assert.True(OnlyCharactersWithoutCommand(checkedText) || chapter.ExtraFields.Any(e => !System.Text.Ascii.IsValid(e.Value)), text);
            var result = ScholarlyRecord.Formats.Bibtex.Read(text);
            Assert.All(result.Diagnostics, d => Assert.Equal(BibtexCodes.DuplicateField, d.Code));
            var read = Assert.Single(result.Chapters);
            var expected = BibtexProjection.Project(chapter, dialect, includeNonstandardFields);
            Assert.Equal(ScholarlyJson.Serialize(expected), ScholarlyJson.Serialize(read));
            Assert.Equal(expected, read);
        }, iter: 300);
    }

    // Every character outside ASCII is one the encoder has no LaTeX command for.
    private static bool OnlyCharactersWithoutCommand(string text) =>
        text.EnumerateRunes().All(r => r.IsAscii || LatexEncoder.Encode(r.ToString()) == r.ToString());

    [Fact]
    public void Write_BibtexDialectCharactersWithoutLatexCommand_WrittenAsThemselvesControlsAsChar()
    {
        var chapter = Haslam with { Title = "\u00dcber \u4e2d\u6587 \U0001F600 \u05d0\u0001x" };
        var text = ScholarlyRecord.Formats.Bibtex.Write(chapter);
        Assert.Contains("  title = {{\\\"U}ber \u4e2d\u6587 \U0001F600 \u05d0\\char1{}x},\n", text, StringComparison.Ordinal);
        Assert.Equal(chapter.Title, Assert.Single(ScholarlyRecord.Formats.Bibtex.Read(text).Chapters).Title);
    }

    [Theory]
    [InlineData(BibtexDialect.Bibtex)]
    [InlineData(BibtexDialect.Biblatex)]
    public void Write_LoneBraceInTextAndName_KeepsBibtexBraceCountBalanced(BibtexDialect dialect)
    {
        // BibTeX counts every brace, escaped or not, so "\{" alone would end the value early for bibtex.
        var chapter = Haslam with
        {
            Title = "a { b",
            Contributors = [new Contributor { Name = new PersonName { Family = "Ha}slam", Given = "J{" }, Role = ContributorRole.Author }],
        };
        var text = ScholarlyRecord.Formats.Bibtex.Write(chapter, BibtexWriteOptions.Default with { Dialect = dialect });
        Assert.Contains("title = {a \\textbraceleft{} b}", text, StringComparison.Ordinal);
        Assert.Equal(text.Count(c => c == '{'), text.Count(c => c == '}'));
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            Assert.True(depth >= 0, text);
        }

        var read = Assert.Single(ScholarlyRecord.Formats.Bibtex.Read(text).Chapters);
        Assert.Equal("a { b", read.Title);
        Assert.Equal(new PersonName { Family = "Ha}slam", Given = "J{" }, read.Contributors[0].Name);
    }
}

