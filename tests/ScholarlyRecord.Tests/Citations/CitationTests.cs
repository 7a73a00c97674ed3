using CsCheck;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Citations;

public sealed class CitationTests
{
    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    private static Contributor Person(string given, string family, ContributorRole role = ContributorRole.Author) =>
        new() { Name = new PersonName { Given = given, Family = family }, Role = role };

    private static Chapter Minimal(params Contributor[] authors) => new() { Title = "T", Contributors = authors, PublicationDate = new PartialDate(2020) };

    private static string PageCiteLine()
    {
        var lines = Fixtures.SpringerPage.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r') != "Cite this chapter") continue;
            for (var j = i + 1; j < lines.Length; j++)
            {
                if (lines[j].Trim().Length > 0) return lines[j].TrimEnd('\r');
            }
        }

        throw new InvalidOperationException("The fixture page has no 'Cite this chapter' line.");
    }

    [Fact]
    public void Format_HaslamFixture_EqualsThePageLineCharacterForCharacter()
    {
        var expected = PageCiteLine();
        Assert.Equal("Haslam, J. (1992). Conclusions. In: The Soviet Union and the Threat from the East, 1933\u201341. Studies in Soviet History and Society. Palgrave Macmillan, London. https://doi.org/10.1007/978-1-349-05679-8_7", expected);
        Assert.Equal(expected, Citation.Format(Haslam, CitationStyle.SpringerLink));
    }

    [Fact]
    public void FormatHtml_HaslamFixture_EscapesNothingAndLinksTheDoi()
    {
        Assert.Equal(
            "Haslam, J. (1992). Conclusions. In: The Soviet Union and the Threat from the East, 1933\u201341. Studies in Soviet History and Society. Palgrave Macmillan, London. " +
            "<a href=\"https://doi.org/10.1007/978-1-349-05679-8_7\">https://doi.org/10.1007/978-1-349-05679-8_7</a>",
            Citation.Format(Haslam, CitationStyle.SpringerLink, CitationOutput.Html));
    }

    [Fact]
    public void Format_WithoutOutput_IsTheTextOutput()
    {
        Assert.Equal(Citation.Format(Haslam, CitationStyle.SpringerLink, CitationOutput.Text), Citation.Format(Haslam, CitationStyle.SpringerLink));
        Assert.NotEqual(Citation.Format(Haslam, CitationStyle.SpringerLink, CitationOutput.Html), Citation.Format(Haslam, CitationStyle.SpringerLink));
    }

    [Fact]
    public void Format_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Citation.Format(null!, CitationStyle.SpringerLink));
        Assert.Throws<ArgumentNullException>(() => Citation.Format(Haslam, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Citation.Format(Haslam, CitationStyle.SpringerLink, (CitationOutput)7));
    }

    [Fact]
    public void SpringerLink_Name_IsTheCliName() => Assert.Equal("springer-link", CitationStyle.SpringerLink.ToString());

    [Theory]
    [InlineData("Jonathan", "J.")]
    [InlineData("Mary Ann", "M.A.")]
    [InlineData("M. A.", "M.A.")]
    [InlineData("J.R.R.", "J.R.R.")]
    [InlineData("Jean-Paul", "JP.")]
    [InlineData("Tsung-Yi", "TY.")]
    [InlineData("Jean-Paul Charles", "JP.C.")]
    [InlineData("Émile", "É.")]
    [InlineData("  ", "")]
    [InlineData("\U0001D400bc", "\U0001D400.")]
    public void Initials_GivenNames_FollowSpringerLink(string given, string expected) =>
        Assert.Equal(expected, SpringerLinkStyle.Initials(given));

    [Fact]
    public void Format_TwoAuthors_CommaSeparatedWithoutAmpersand() =>
        Assert.Equal("Smith, J., Jones, K. (2020). T.", Citation.Format(Minimal(Person("John", "Smith"), Person("Kate", "Jones")), CitationStyle.SpringerLink));

    [Fact]
    public void Format_SixAuthors_AllListed()
    {
        var authors = new Contributor[6];
        for (var i = 0; i < 6; i++) authors[i] = Person("A", "N" + i);
        Assert.Equal("N0, A., N1, A., N2, A., N3, A., N4, A., N5, A. (2020). T.", Citation.Format(Minimal(authors), CitationStyle.SpringerLink));
    }

    [Fact]
    public void Format_SevenAuthors_FirstThenEtAl()
    {
        var authors = new Contributor[7];
        for (var i = 0; i < 7; i++) authors[i] = Person("Tsung-Yi", "Lin" + i);
        Assert.Equal("Lin0, TY. et al. (2020). T.", Citation.Format(Minimal(authors), CitationStyle.SpringerLink));
    }

    [Fact]
    public void Format_ParticleSuffixLiteralAndMononym_WrittenAsDocumented()
    {
        var chapter = Minimal(
            new Contributor { Name = new PersonName { Given = "Vincent", Particle = "van", Family = "Gogh" } },
            new Contributor { Name = new PersonName { Given = "Martin Luther", Family = "King", Suffix = "Jr." } },
            new Contributor { Name = PersonName.FromLiteral("World Health Organization") },
            new Contributor { Name = new PersonName { Given = "Plato" } });
        Assert.Equal("van Gogh, V., King Jr., M.L., World Health Organization, Plato (2020). T.", Citation.Format(chapter, CitationStyle.SpringerLink));
    }

    [Fact]
    public void Format_OnlyAuthorsCount_EditorsOfTheChapterAreNotAuthors() =>
        Assert.Equal("T. (2020).", Citation.Format(Minimal(Person("E", "Editor", ContributorRole.Editor)), CitationStyle.SpringerLink));

    [Fact]
    public void Format_BookEditorsSeriesVolumeAndPlace_InSpringerOrder()
    {
        var chapter = new Chapter
        {
            Title = "Deep Learning",
            Subtitle = "A Review",
            Contributors = [Person("Ann", "Author")],
            PublicationDate = PartialDate.Parse("2012-09"),
            Doi = Doi.Parse("10.1007/978-3-642-33415-3_1"),
            Pages = new PageRange { First = "1", Last = "20" },
            Book = new Book
            {
                Title = "Medical Image Computing",
                Contributors = [Person("Nicholas", "Ayache", ContributorRole.Editor), Person("Hervé", "Delingette", ContributorRole.Editor), Person("Sam", "Author")],
                Series = new Series { Title = "Lecture Notes in Computer Science", Volume = "7510" },
                Publisher = new Publisher { Name = "Springer", Location = "Berlin, Heidelberg" },
            },
        };
        Assert.Equal(
            "Author, A. (2012). Deep Learning: A Review. In: Ayache, N., Delingette, H. (eds) Medical Image Computing. Lecture Notes in Computer Science, vol 7510. Springer, Berlin, Heidelberg. https://doi.org/10.1007/978-3-642-33415-3_1",
            Citation.Format(chapter, CitationStyle.SpringerLink));
    }

    [Fact]
    public void Format_OneEditor_UsesEd() =>
        Assert.Equal("T. (2020). In: Ayache, N. (ed) Book.", Citation.Format(
            Minimal() with { Book = new Book { Title = "Book", Contributors = [Person("Nicholas", "Ayache", ContributorRole.Editor)] } }, CitationStyle.SpringerLink));

    [Fact]
    public void Format_MissingParts_DroppedWithoutStrayPunctuation()
    {
        Assert.Equal("Why? (n.d.).", Citation.Format(new Chapter { Title = "Why?" }, CitationStyle.SpringerLink));
        Assert.Equal("Smith, J. (n.d.). Why? In: Book. London.", Citation.Format(
            new Chapter { Title = "Why?", Contributors = [Person("John", "Smith")], Book = new Book { Title = "Book", Series = new Series { Volume = "3" }, Publisher = new Publisher { Name = "", Location = "London" } } },
            CitationStyle.SpringerLink));
    }

    [Fact]
    public void Format_YearFromTheBook_WhenTheChapterHasNone() =>
        Assert.Equal("T. (1999). In: B.", Citation.Format(new Chapter { Title = "T", Book = new Book { Title = "B", PublicationDate = new PartialDate(1999, 5) } }, CitationStyle.SpringerLink));

    [Fact]
    public void FormatHtml_SpecialCharacters_AreEscapedAndTheDoiUrlIsPercentEncoded()
    {
        var chapter = new Chapter
        {
            Title = "Rock & <Roll> \"quoted\" 'single'",
            Contributors = [new Contributor { Name = PersonName.FromLiteral("A&B") }],
            Doi = Doi.Parse("10.1000/a<b>\"c"),
        };
        Assert.Equal(
            "A&amp;B (n.d.). Rock &amp; &lt;Roll&gt; &quot;quoted&quot; &#39;single&#39;. <a href=\"https://doi.org/10.1000/a%3Cb%3E%22c\">https://doi.org/10.1000/a%3Cb%3E%22c</a>",
            Citation.Format(chapter, CitationStyle.SpringerLink, CitationOutput.Html));
        Assert.Equal("A&B (n.d.). Rock & <Roll> \"quoted\" 'single'. https://doi.org/10.1000/a%3Cb%3E%22c", Citation.Format(chapter, CitationStyle.SpringerLink));
    }

    [Fact]
    public void Format_GeneratedChapters_NeverThrowAndHtmlUnescapesToThePlainText()
    {
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var plain = Citation.Format(chapter, CitationStyle.SpringerLink);
            var html = Citation.Format(chapter, CitationStyle.SpringerLink, CitationOutput.Html);
            Assert.Equal(plain, StripTags(html));
            // The DOI link ends the line; a DOI may itself hold "..", so the doubled-punctuation check stops before it.
            var text = plain;
            if (chapter.Doi is { } doi)
            {
                Assert.EndsWith(doi.ToUri().AbsoluteUri, plain, StringComparison.Ordinal);
                text = plain[..^doi.ToUri().AbsoluteUri.Length];
            }

            Assert.DoesNotContain("..", text.Replace("...", "", StringComparison.Ordinal).Replace("et al.", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }, iter: 500);
    }

    // Removes <...> tags and decodes the five escapes: enough to read back what CitationWriter writes.
    private static string StripTags(string html)
    {
        var builder = new System.Text.StringBuilder();
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag) builder.Append(c);
        }

        return builder.ToString().Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&#39;", "'", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
    }
}
