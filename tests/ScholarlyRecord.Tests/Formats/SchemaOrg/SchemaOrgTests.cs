using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.SchemaOrg;

using SchemaOrg = ScholarlyRecord.Formats.SchemaOrg;

public sealed class SchemaOrgTests
{
    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    /// <summary>
    /// What schema.org JSON-LD carries of a chapter: everything except notes, references and extra fields; contributors
    /// grouped by role (author, editor, translator, then series editors and other contributors in their own order);
    /// a name's particle joined to its family name; abstract paragraphs as joined with a blank line and split again;
    /// an all-empty copyright, and metrics without counts, dropped; ISSN media dropped.
    /// </summary>
    internal static Chapter Carried(Chapter chapter) => chapter with
    {
        Notes = [],
        References = [],
        ExtraFields = [],
        Contributors = ByRole(chapter.Contributors),
        Abstract = chapter.Abstract.Count == 0 ? [] : string.Join("\n\n", chapter.Abstract).Split("\n\n"),
        Copyright = chapter.Copyright is { Year: null, Holder: null or "", Statement: null } ? null
            : chapter.Copyright is { Holder: "" } c ? c with { Holder = null } : chapter.Copyright,
        Metrics = chapter.Metrics is { Accesses: null, Citations: null } ? null : chapter.Metrics,
        Book = chapter.Book is not { } book ? null : book with
        {
            Contributors = ByRole(book.Contributors),
            Series = book.Series is not { } series ? null : series with { Issns = series.Issns.Select(i => i with { Medium = null }).ToArray() },
        },
    };

    private static Contributor[] ByRole(IReadOnlyList<Contributor> contributors) =>
        contributors
            .Select(c => c.Name.Particle is null ? c : c with { Name = c.Name with { Particle = null, Family = c.Name.Family is null ? c.Name.Particle : c.Name.Particle + " " + c.Name.Family } })
            .OrderBy(c => c.Role switch { ContributorRole.Author => 0, ContributorRole.Editor => 1, ContributorRole.Translator => 2, _ => 3 })
            .ToArray();

    [Fact]
    public void Write_HaslamFixture_GivesTheDocumentedJsonLd()
    {
        var json = SchemaOrg.Write(Haslam);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("Chapter", root.GetProperty("@type").GetString());
        Assert.Equal("https://doi.org/10.1007/978-1-349-05679-8_7", root.GetProperty("@id").GetString());
        Assert.Equal("10.1007/978-1-349-05679-8_7", root.GetProperty("identifier").GetProperty("value").GetString());
        Assert.Equal("7", root.GetProperty("position").GetString());
        Assert.Equal("Jonathan Haslam", root.GetProperty("author")[0].GetProperty("name").GetString());
        Assert.Equal("Person", root.GetProperty("copyrightHolder").GetProperty("@type").GetString());
        Assert.Equal(1992, root.GetProperty("copyrightYear").GetInt32());
        var book = root.GetProperty("isPartOf");
        Assert.Equal("Book", book.GetProperty("@type").GetString());
        Assert.Equal("9781349056798", book.GetProperty("isbn")[0].GetString());
        Assert.Equal("https://schema.org/EBook", book.GetProperty("workExample")[0].GetProperty("bookFormat").GetString());
        Assert.Equal("London", book.GetProperty("publisher").GetProperty("location").GetProperty("name").GetString());
        Assert.Equal("SSHS", book.GetProperty("isPartOf").GetProperty("alternateName").GetString());
        Assert.Equal(29.95m, root.GetProperty("offers")[0].GetProperty("price").GetDecimal());
        Assert.Equal(46, root.GetProperty("interactionStatistic")[0].GetProperty("userInteractionCount").GetInt64());
        Assert.Equal("https://schema.org/ReadAction", root.GetProperty("interactionStatistic")[0].GetProperty("interactionType").GetString());
        // Member order is fixed: the same chapter always gives the same text.
        Assert.Equal(json, SchemaOrg.Write(Haslam));
    }

    [Fact]
    public void ReadWrite_HaslamFixture_GivesBackEverythingItCarries()
    {
        var result = SchemaOrg.Read(SchemaOrg.Write(Haslam));
        Assert.True(result.IsSuccess);
        Assert.Empty(result.Diagnostics);
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal(Carried(Haslam), chapter);
        Assert.Equal(Haslam with { Notes = [], ExtraFields = [] }, chapter);
    }

    [Fact]
    public void ReadWrite_GeneratedChapters_GiveBackEverythingTheyCarry()
    {
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var result = SchemaOrg.Read(SchemaOrg.Write(chapter));
            Assert.Empty(result.Diagnostics);
            Assert.Equal(Carried(chapter), Assert.Single(result.Chapters));
        }, iter: 300);
    }

    [Fact]
    public void Write_SeveralChapters_UsesAGraphThatReadsBack()
    {
        var second = Haslam with { Title = "Introduction", Number = "1" };
        var text = SchemaOrg.Write([Haslam, second]);
        var result = SchemaOrg.Read(text);
        Assert.Equal([Carried(Haslam), Carried(second)], result.Chapters);
        using var writer = new StringWriter();
        SchemaOrg.Format.Write([Haslam, second], writer);
        Assert.Equal(text, writer.ToString());
        Assert.Equal("schemaorg", SchemaOrg.Format.Name);
        Assert.Equal([".jsonld"], SchemaOrg.Format.FileExtensions);
    }

    [Fact]
    public void Write_HtmlSensitiveCharacters_AreEscapedForAScriptElement()
    {
        var json = SchemaOrg.Write(new Chapter { Title = "</script><b>&'" });
        Assert.DoesNotContain("</script>", json, StringComparison.Ordinal);
        Assert.DoesNotContain('<', json);
        Assert.Equal("</script><b>&'", SchemaOrg.Read(json).Chapters[0].Title);
    }

    [Fact]
    public void Read_Variations_AreTolerated()
    {
        const string Text = """
            {
              "@context": "http://schema.org/",
              "@graph": [
                { "@type": "WebSite", "name": "Site" },
                { "@type": ["ScholarlyArticle"], "headline": "Conclusions", "sameAs": ["https://doi.org/10.1007/978-1-349-05679-8_7"],
                  "author": { "@type": "Person", "name": "Jonathan Haslam", "givenName": "Jonathan", "familyName": "Haslam", "sameAs": "https://orcid.org/0000-0002-1825-0097" },
                  "datePublished": "1992-05-01T00:00:00Z", "pagination": "1-20", "keywords": "Soviet Union, Japan",
                  "description": "Abstract text.", "copyrightYear": "1992", "copyrightHolder": "Jonathan Haslam",
                  "isPartOf": { "@type": "Book", "name": "The Book", "isbn": "978-0-306-40615-7", "publisher": { "name": "Palgrave", "address": "London" }, "volumeNumber": 12 },
                  "offers": { "@type": "Offer", "price": "29.95", "priceCurrency": "USD" } }
              ]
            }
            """;
        var result = SchemaOrg.Read(Text);
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal(("SDO301", DiagnosticSeverity.Info), (info.Code, info.Severity));
        var chapter = Assert.Single(result.Chapters);
        Assert.Equal("Conclusions", chapter.Title);
        Assert.Equal(Doi.Parse("10.1007/978-1-349-05679-8_7"), chapter.Doi);
        Assert.Equal(Orcid.Parse("0000-0002-1825-0097"), chapter.Contributors[0].Orcid);
        Assert.Equal(new PartialDate(1992, 5, 1), chapter.PublicationDate);
        Assert.Equal(new PageRange { First = "1", Last = "20" }, chapter.Pages);
        Assert.Equal(["Soviet Union", "Japan"], chapter.Keywords);
        Assert.Equal(["Abstract text."], chapter.Abstract);
        Assert.Equal(new Copyright { Year = 1992, Holder = "Jonathan Haslam" }, chapter.Copyright);
        Assert.Equal(new Publisher { Name = "Palgrave", Location = "London" }, chapter.Book!.Publisher);
        Assert.Equal("12", chapter.Book.Series!.Volume);
        Assert.Equal(Isbn.Parse("9780306406157"), chapter.Book.Isbns[0].Value);
        Assert.Equal(new Money { Amount = 29.95m, Currency = "USD" }, chapter.Offers[0].Price);
    }

    [Theory]
    [InlineData("{ \"@type\": \"Chapter\", ", "SDO101", DiagnosticSeverity.Error, 1, 23)]
    [InlineData("[]", "SDO102", DiagnosticSeverity.Error, 1, 1)]
    [InlineData("{ \"@type\": \"Chapter\" }", "SDO103", DiagnosticSeverity.Error, 1, 1)]
    [InlineData("{ \"@type\": \"Book\", \"name\": \"B\" }", "SDO301", DiagnosticSeverity.Info, 1, 1)]
    public void Read_BadDocuments_ReportCodesWithoutThrowing(string text, string code, DiagnosticSeverity severity, int line, int column)
    {
        var result = SchemaOrg.Read(text);
        Assert.Empty(result.Chapters);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((code, severity, line, column), (diagnostic.Code, diagnostic.Severity, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Read_BadIdentifiersAndValues_AreLeftOutWithWarnings()
    {
        var result = SchemaOrg.Read("""
            { "@type": "Chapter", "name": "T", "identifier": { "@type": "PropertyValue", "propertyID": "DOI", "value": "not a doi" },
              "datePublished": "yesterday", "isPartOf": { "@type": "Book", "isbn": "978-0-306-40615-8" } }
            """);
        Assert.Equal(["SDO201", "SDO202", "SDO201"], result.Diagnostics.Select(d => d.Code));
        Assert.True(result.IsSuccess);
        var chapter = Assert.Single(result.Chapters);
        Assert.Null(chapter.Doi);
        Assert.Null(chapter.PublicationDate);
        Assert.Empty(chapter.Book!.Isbns);
    }

    [Fact]
    public void Read_ArbitraryText_NeverThrows()
    {
        Gen.String.Sample(text => _ = SchemaOrg.Read(text), iter: 500);
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var json = SchemaOrg.Write(chapter);
            _ = SchemaOrg.Read(json[..(json.Length / 2)]);
        }, iter: 100);
    }

    [Fact]
    public void Write_HaslamFixture_ExpandsWithJsonLdJs()
    {
        var folder = InteropFolder();
        var missing = folder is null ? "tests/interop was not found"
            : !Directory.Exists(Path.Combine(folder, "node_modules", "jsonld")) ? "tests/interop/node_modules has no jsonld (run npm ci there)"
            : null;
        string? output = null;
        if (missing is null)
        {
            try
            {
                output = RunNode(folder!, SchemaOrg.Write(Haslam));
            }
            catch (System.ComponentModel.Win32Exception)
            {
                missing = "node is not installed";
            }
        }

        if (missing is not null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("JSON-LD interop test cannot run on CI: " + missing);
            Assert.Skip("JSON-LD interop test skipped: " + missing);
        }

        foreach (var iri in (string[])["https://schema.org/Chapter", "https://schema.org/isPartOf", "https://schema.org/Book", "https://schema.org/BookSeries",
                     "https://schema.org/author", "https://schema.org/Person", "https://schema.org/identifier", "https://schema.org/offers",
                     "https://schema.org/interactionStatistic", "https://schema.org/ReadAction", "https://schema.org/EBook"])
        {
            Assert.Contains("\"" + iri + "\"", output, StringComparison.Ordinal);
        }

        Assert.Contains("\"@id\": \"https://doi.org/10.1007/978-1-349-05679-8_7\"", output, StringComparison.Ordinal);
    }

    private static string? InteropFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, "jsonld-expand.mjs"))) return candidate;
        }

        return null;
    }

    private static string RunNode(string folder, string input)
    {
        var start = new ProcessStartInfo("node", "jsonld-expand.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "jsonld.expand failed: " + errors.Result);
        return output;
    }
}
