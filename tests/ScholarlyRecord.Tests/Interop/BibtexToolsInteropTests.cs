using System.Text;
using System.Text.RegularExpressions;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Interop;

/// <summary>
/// Our BibTeX run through bibtex itself with the seven standard styles, and our BibLaTeX through
/// <c>biber --tool --validate-datamodel</c>: the real programs the files are for, as oracles. Tools missing: skipped
/// (failed under CI=true); .ci/install-test-tools installs them.
/// </summary>
public sealed partial class BibtexToolsInteropTests
{
    private const string Seed = "0000bibtextools";

    private static readonly string[] Styles = ["plain", "unsrt", "alpha", "abbrv", "ieeetr", "acm", "apalike"];

    private static readonly BibtexWriteOptions Biblatex = BibtexWriteOptions.Default with { Dialect = BibtexDialect.Biblatex };

    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    // ---- bibtex ------------------------------------------------------------------------------------------------

    /// <summary>The entry plain.bst makes of the fixture, checked by hand against the fixture: chapter title, book title, series, publisher.</summary>
    [Fact]
    public void Bibtex_Plain_Haslam_BblIsTheChapterInTheBook()
    {
        var (bbl, blg) = RunBibtex(Bibtex.Write(Haslam), "plain");
        Assert.Equal(0, Warnings(blg));
        const string expected = """
            \begin{thebibliography}{1}

            \bibitem{haslam1992conclusions}
            Jonathan Haslam.
            \newblock Conclusions.
            \newblock In {\em The Soviet Union and the Threat from the East, 1933--41},
              Studies in Soviet History and Society, chapter~7. Palgrave Macmillan, London,
              1992.

            \end{thebibliography}

            """;
        Assert.Equal(expected, bbl);
    }

    [Fact]
    public void Bibtex_SevenStyles_HaslamAndGeneratedChapters_NoWarningAndTheTitlesInTheBbl()
    {
        List<Chapter> chapters = [Haslam, .. ChapterGenerator.Fixed(200, Seed).Select(CompleteForBibtex)];
        var bib = Bibtex.Write(chapters);
        var keys = Keys(bib);
        Assert.Equal(chapters.Count, keys.Count);
        Assert.All(keys, k => Assert.Equal("incollection", k.Type));

        var failures = new List<string>();
        foreach (var style in Styles)
        {
            var (bbl, blg) = RunBibtex(bib, style);
            if (Warnings(blg) != 0 || blg.Contains("error message", StringComparison.Ordinal)) failures.Add(style + ": " + blg);
            var items = BibItems(bbl);
            for (var i = 0; i < chapters.Count; i++)
            {
                var key = keys[i].Key;
                if (!items.TryGetValue(key, out var item))
                {
                    failures.Add(style + " " + key + ": no \\bibitem");
                    continue;
                }
                // Every style passes the title through change.case$ "t" and writes the book title emphasized as it is.
                var title = TitleLowers(Collapse(LatexEncoder.Encode(chapters[i].Title, LatexTarget.Mixed)));
                var bookTitle = "{\\em " + Collapse(LatexEncoder.Encode(chapters[i].Book!.Title!, LatexTarget.Mixed)) + "}";
                if (!item.Contains(title, StringComparison.Ordinal)) failures.Add(style + " " + key + ": title " + title + " not in " + item);
                if (!item.Contains(bookTitle, StringComparison.Ordinal)) failures.Add(style + " " + key + ": book title " + bookTitle + " not in " + item);
            }
        }
        Assert.True(failures.Count == 0, failures.Count + " failures:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void Bibtex_ChapterWithoutPublisher_BibtexNamesWhatIsMissing()
    {
        // The oracle is not blind: a chapter that lacks what @incollection requires gets bibtex's own warning.
        var chapter = Haslam with { Book = Haslam.Book! with { Publisher = null } };
        var (_, blg) = RunBibtex(Bibtex.Write(chapter), "plain");
        Assert.Contains("Warning--empty publisher in haslam1992conclusions", blg, StringComparison.Ordinal);
        Assert.Equal(1, Warnings(blg));
    }

    // ---- biber -------------------------------------------------------------------------------------------------

    [Fact]
    public void Biber_ValidateDataModel_HaslamAndGeneratedChapters_NoWarning()
    {
        List<Chapter> chapters = [Haslam, .. ChapterGenerator.Fixed(200, Seed).Select(CompleteForBiblatex)];
        var bib = Bibtex.Write(chapters, Biblatex);
        var types = Keys(bib).Select(k => k.Type).ToList();
        Assert.Contains("inbook", types);
        Assert.Contains("incollection", types);
        var messages = RunBiber(bib);
        Assert.True(messages.Count == 0, string.Join("\n", messages));
    }

    [Fact]
    public void Biber_ValidateDataModel_WithNonstandardFields_WarnsAboutThemOnly()
    {
        // The option says what it does: copyright and the series' ISSN are outside biblatex's data model.
        var chapter = Haslam with
        {
            Book = Haslam.Book! with { Series = Haslam.Book.Series! with { Issns = [new SeriesIssn { Value = Issn.Parse("0028-0836") }] } },
        };
        var messages = RunBiber(Bibtex.Write(chapter, Biblatex with { IncludeNonstandardFields = true }));
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("Field 'copyright' invalid in data model", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Invalid field 'issn' for entrytype 'inbook'", StringComparison.Ordinal));
        Assert.Empty(RunBiber(Bibtex.Write(chapter, Biblatex)));
    }

    // ---- generated chapters made complete -----------------------------------------------------------------------

    /// <summary>
    /// A generated chapter given, where it lacks them, the parts bibtex's @incollection requires (an author whose name
    /// has text, a book title, a publisher, a year) and a series title when there is a series number (plain.bst warns
    /// "there's a number but no series"). Everything else stays as generated.
    /// </summary>
    private static Chapter CompleteForBibtex(Chapter chapter, int index)
    {
        var c = CompleteForBiblatex(chapter, index);
        var book = c.Book!;
        if (book.Publisher is null) book = book with { Publisher = new Publisher { Name = "Placeholder Press" } };
        if (book.Series is { Volume: not null, Title: null } series) book = book with { Series = series with { Title = "Placeholder Series" } };
        return c with { Book = book };
    }

    /// <summary>
    /// A generated chapter given, where it lacks them, what biblatex's data model requires of @incollection and @inbook:
    /// author, book title, date. The year added differs from chapter to chapter: alpha.bst labels ("Pla00") run out of
    /// suffix letters after 26 entries with the same label.
    /// </summary>
    private static Chapter CompleteForBiblatex(Chapter c, int index)
    {
        if (!c.Contributors.Any(x => x.Role == ContributorRole.Author && HasText(x.Name)))
        {
            c = c with { Contributors = [new Contributor { Name = new PersonName { Family = "Placeholder", Given = "Ann" }, Role = ContributorRole.Author }, .. c.Contributors] };
        }
        var book = c.Book ?? new Book();
        if (book.Title is null) book = book with { Title = "Placeholder Book" };
        // Generated ISBNs have valid check digits but mostly registration groups not assigned (979-2 ...), which biber
        // rejects: a fact about the numbers, not about how they are written. The fixture's real ISBN stands in.
        if (book.Isbns.Count > 0) book = book with { Isbns = [.. book.Isbns.Select(i => i with { Value = Isbn.Parse("9781349056798") })] };
        c = c with { Book = book };
        if (c.PublicationDate is null && book.PublicationDate is null) c = c with { PublicationDate = PartialDate.Parse((1900 + index).ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        return c;
    }

    private static bool HasText(PersonName n) =>
        new[] { n.Literal, n.Given, n.Family, n.Particle, n.Suffix }.Any(p => !string.IsNullOrWhiteSpace(p));

    // ---- running the tools --------------------------------------------------------------------------------------

    /// <summary>Writes refs.bib and an .aux citing every entry with <paramref name="style"/>, runs bibtex; the .bbl and .blg.</summary>
    private static (string Bbl, string Blg) RunBibtex(string bib, string style)
    {
        InteropTools.RequireOnPath("bibtex");
        var dir = Directory.CreateTempSubdirectory("scholarly-bibtex-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "refs.bib"), bib, new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(dir.FullName, "cite.aux"), "\\citation{*}\n\\bibdata{refs}\n\\bibstyle{" + style + "}\n");
            var (exit, output, errors) = InteropTools.RunForResult("bibtex", ["cite"], dir.FullName);
            var blgPath = Path.Combine(dir.FullName, "cite.blg");
            var blg = File.Exists(blgPath) ? File.ReadAllText(blgPath, Encoding.UTF8) : "";
            // bibtex exits with 0, 1 (warnings) or 2 (errors); the warnings are counted by the callers.
            Assert.True(exit is 0 or 1, "bibtex exited with " + exit + ":\n" + output + errors + blg);
            return (File.ReadAllText(Path.Combine(dir.FullName, "cite.bbl"), Encoding.UTF8), blg);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The warnings bibtex counted in its .blg ("(There were N warnings)"), or 0.</summary>
    private static int Warnings(string blg)
    {
        var m = Regex.Match(blg, @"\(There (?:were (\d+) warnings|was 1 warning)\)");
        var counted = !m.Success ? 0 : m.Groups[1].Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        // Each warning is also a "Warning--" line: both must agree.
        Assert.Equal(counted, Regex.Count(blg, "^Warning--", RegexOptions.Multiline));
        return counted;
    }

    /// <summary>Runs <c>biber --tool --validate-datamodel</c> on <paramref name="bib"/>; its WARN and ERROR lines.</summary>
    private static List<string> RunBiber(string bib)
    {
        InteropTools.RequireOnPath("biber");
        var dir = Directory.CreateTempSubdirectory("scholarly-biber-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "refs.bib"), bib, new UTF8Encoding(false));
            var (exit, output, errors) = InteropTools.RunForResult(
                "biber", ["--tool", "--validate-datamodel", "--output-directory", dir.FullName, "refs.bib"], dir.FullName);
            var messages = (output + "\n" + errors).Split('\n')
                .Where(l => l.StartsWith("WARN - ", StringComparison.Ordinal) || l.StartsWith("ERROR - ", StringComparison.Ordinal))
                .ToList();
            Assert.True(exit == 0 || messages.Count > 0, "biber exited with " + exit + ":\n" + output + errors);
            Assert.Contains("Datamodel validation complete", output, StringComparison.Ordinal);
            return messages;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // ---- reading what bibtex wrote ------------------------------------------------------------------------------

    /// <summary>The entry type and key of each entry of our output, in order.</summary>
    private static List<(string Type, string Key)> Keys(string bib) =>
        [.. Regex.Matches(bib, @"^@([a-z]+)\{([^,\n]+),", RegexOptions.Multiline).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];

    /// <summary>Each <c>\bibitem</c> of a .bbl by key, its text with white space collapsed (bibtex breaks long lines at spaces).</summary>
    private static Dictionary<string, string> BibItems(string bbl)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        var end = bbl.IndexOf("\\end{thebibliography}", StringComparison.Ordinal);
        var parts = bbl[..end].Split("\\bibitem");
        foreach (var part in parts.Skip(1))
        {
            var at = 0;
            if (part[0] == '[')
            {
                // The label: up to the ']' outside braces.
                var depth = 0;
                for (at = 0; at < part.Length; at++)
                {
                    if (part[at] == '{') depth++;
                    else if (part[at] == '}') depth--;
                    else if (part[at] == ']' && depth == 0) break;
                }
                at++;
            }
            Assert.Equal('{', part[at]);
            var close = part.IndexOf('}', at);
            items[part[(at + 1)..close]] = Collapse(part[(close + 1)..]);
        }
        return items;
    }

    /// <summary>Runs of ASCII white space as one space, as bibtex reads a field and as its line breaks undo.</summary>
    private static string Collapse(string text) => Regex.Replace(text, "[ \t\r\n]+", " ");
}
