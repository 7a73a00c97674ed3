using System.Text;
using CsCheck;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.Highwire;

using HighwireFormat = ScholarlyRecord.Formats.Highwire;

public sealed class HighwireMetaTests
{
    private const string HaslamAbstract = "The story of Soviet foreign policy in the Far East from 1933 to 1941 is, in a sense, the story of the war that never happened but that long threatened to happen. The Japanese could not safely expand to the north and to the south simultaneously. Going north entailed invasion of the Soviet Union to expand into Siberia. Going south meant colliding directly with the British empire and, more importantly, the United States. The signature of the Nazi-Soviet pact and the devastating blow to Japanese forces at Khalkhin-Gol in August and September 1939 made the northern option too expensive a choice. And the growth of US hostility to Japan resulting from the war of conquest in China impelled Japan southwards in a desperate bid to secure self-sufficiency in strategic raw materials from the threat of an all-encompassing US blockade. The war that had been anticipated since 1931 — against the Soviet Union — therefore never materialised. In its place the Japanese gambled all on the destruction of the US Pacific Fleet at Pearl Harbor on 7 December 1941.";

    [Fact]
    public void Write_HaslamFixture_GivesTheWholeBlock()
    {
        var expected =
            "<meta name=\"citation_title\" content=\"Conclusions\">\n" +
            "<meta name=\"citation_author\" content=\"Haslam, Jonathan\">\n" +
            "<meta name=\"citation_inbook_title\" content=\"The Soviet Union and the Threat from the East, 1933\u201341\">\n" +
            "<meta name=\"citation_series_title\" content=\"Studies in Soviet History and Society\">\n" +
            "<meta name=\"citation_publication_date\" content=\"1992\">\n" +
            "<meta name=\"citation_publisher\" content=\"Palgrave Macmillan\">\n" +
            "<meta name=\"citation_doi\" content=\"10.1007/978-1-349-05679-8_7\">\n" +
            "<meta name=\"citation_isbn\" content=\"9781349056798\">\n" +
            "<meta name=\"citation_abstract\" content=\"" + HaslamAbstract + "\">\n";
        Assert.Equal(expected, HighwireFormat.Write(ScholarlyJson.Deserialize(Fixtures.HaslamJson)));
    }

    [Fact]
    public void Write_TextWriter_MatchesTheString()
    {
        var chapter = ScholarlyJson.Deserialize(Fixtures.HaslamJson);
        using var writer = new StringWriter();
        HighwireFormat.Write([chapter], writer);
        Assert.Equal(HighwireFormat.Write(chapter), writer.ToString());
    }

    [Fact]
    public void Write_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => HighwireFormat.Write((Chapter)null!));
        Assert.Throws<ArgumentNullException>(() => HighwireFormat.Write([new Chapter { Title = "T" }], (TextWriter)null!));
    }

    [Fact]
    public void Write_SpecialCharacters_EscapedInAttributes()
    {
        var chapter = new Chapter { Title = "Rock & <Roll> \"x\" 'y'", Abstract = ["One\r\nline", "Two"] };
        Assert.Equal(
            "<meta name=\"citation_title\" content=\"Rock &amp; &lt;Roll&gt; &quot;x&quot; &#39;y&#39;\">\n" +
            "<meta name=\"citation_abstract\" content=\"One&#13;&#10;line&#10;&#10;Two\">\n",
            HighwireFormat.Write(chapter));
    }

    [Fact]
    public void Write_AuthorsAffiliationsOrcidsAndDetails_InDocumentedOrder()
    {
        var chapter = new Chapter
        {
            Title = "Deep Learning",
            Subtitle = "A Review",
            Contributors =
            [
                new Contributor { Name = new PersonName { Given = "Vincent", Particle = "van", Family = "Gogh" }, Affiliations = ["Uni A", "Uni B"], Orcid = Orcid.Parse("0000-0002-1825-0097") },
                new Contributor { Name = new PersonName { Given = "Ed", Family = "Editor" }, Role = ContributorRole.Editor },
                new Contributor { Name = PersonName.FromLiteral("WHO") },
            ],
            PublicationDate = new PartialDate(2012, 9, 5),
            Pages = new PageRange { First = "xi", Last = "xv" },
            Language = "en",
            Keywords = ["a", "b"],
            Book = new Book
            {
                Title = "Book",
                Subtitle = "Sub",
                Isbns = [new BookIsbn { Value = Isbn.Parse("978-0-306-40615-7") }, new BookIsbn { Value = Isbn.Parse("9781349056798") }],
                Publisher = new Publisher { Name = "Springer", Location = "Cham" },
                Series = new Series { Title = "LNCS", Volume = "7510" },
            },
        };
        Assert.Equal(
            "<meta name=\"citation_title\" content=\"Deep Learning: A Review\">\n" +
            "<meta name=\"citation_author\" content=\"van Gogh, Vincent\">\n" +
            "<meta name=\"citation_author_institution\" content=\"Uni A\">\n" +
            "<meta name=\"citation_author_institution\" content=\"Uni B\">\n" +
            "<meta name=\"citation_author_orcid\" content=\"https://orcid.org/0000-0002-1825-0097\">\n" +
            "<meta name=\"citation_author\" content=\"WHO\">\n" +
            "<meta name=\"citation_inbook_title\" content=\"Book: Sub\">\n" +
            "<meta name=\"citation_series_title\" content=\"LNCS\">\n" +
            "<meta name=\"citation_publication_date\" content=\"2012/09/05\">\n" +
            "<meta name=\"citation_publisher\" content=\"Springer\">\n" +
            "<meta name=\"citation_isbn\" content=\"9780306406157\">\n" +
            "<meta name=\"citation_isbn\" content=\"9781349056798\">\n" +
            "<meta name=\"citation_firstpage\" content=\"xi\">\n" +
            "<meta name=\"citation_lastpage\" content=\"xv\">\n" +
            "<meta name=\"citation_language\" content=\"en\">\n" +
            "<meta name=\"citation_keywords\" content=\"a; b\">\n",
            HighwireFormat.Write(chapter));
    }

    [Theory]
    [InlineData("1992-03", "1992")]
    [InlineData("1992-21", "1992")]
    [InlineData("0800", "0800")]
    public void Write_DateWithoutDay_WritesTheYearOnly(string date, string expected)
    {
        var tags = Read(HighwireFormat.Write(new Chapter { Title = "T", PublicationDate = PartialDate.Parse(date) }));
        Assert.Equal(("citation_publication_date", expected), tags[1]);
    }

    [Fact]
    public void Write_GeneratedChapters_ParseBackWithATrivialReader()
    {
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var text = HighwireFormat.Write(chapter);
            var tags = Read(text);
            Assert.Equal(text.Count(c => c == '\n'), tags.Count);
            Assert.Equal(("citation_title", chapter.Subtitle is null ? chapter.Title : chapter.Title + ": " + chapter.Subtitle), tags[0]);
            Assert.Equal(chapter.Contributors.Count(c => c.Role == ContributorRole.Author), tags.Count(t => t.Name == "citation_author"));
            Assert.Equal(chapter.Doi?.ToString(), tags.SingleOrDefault(t => t.Name == "citation_doi").Content);
            Assert.Equal(chapter.Book?.Isbns.Select(i => i.Value.ToString()) ?? [], tags.Where(t => t.Name == "citation_isbn").Select(t => t.Content));
            Assert.Equal(chapter.Abstract.Count == 0 ? null : string.Join("\n\n", chapter.Abstract), tags.SingleOrDefault(t => t.Name == "citation_abstract").Content);
        }, iter: 300);
    }

    // A deliberately simple reader for the writer's own output: one tag per line, attribute values unescaped.
    private static List<(string Name, string Content)> Read(string text)
    {
        var tags = new List<(string, string)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            const string Open = "<meta name=\"";
            const string Middle = "\" content=\"";
            Assert.StartsWith(Open, line, StringComparison.Ordinal);
            Assert.EndsWith("\">", line, StringComparison.Ordinal);
            var middle = line.IndexOf(Middle, StringComparison.Ordinal);
            var name = line[Open.Length..middle];
            var raw = line[(middle + Middle.Length)..^2];
            Assert.DoesNotContain('"', raw);
            Assert.DoesNotContain('<', raw);
            tags.Add((name, Unescape(raw)));
        }

        return tags;
    }

    private static string Unescape(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '&')
            {
                builder.Append(raw[i]);
                continue;
            }

            var end = raw.IndexOf(';', i);
            builder.Append(raw[(i + 1)..end] switch
            {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "#39" => "'",
                "#10" => "\n",
                "#13" => "\r",
                var other => throw new InvalidOperationException("Unexpected entity " + other),
            });
            i = end;
        }

        return builder.ToString();
    }
}
