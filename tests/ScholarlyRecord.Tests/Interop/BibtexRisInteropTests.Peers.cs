using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScholarlyRecord.Formats;
using Xunit;
using Csl = ScholarlyRecord.Formats.CslJson;

namespace ScholarlyRecord.Tests.Interop;

// The 200 generated chapters through our BibTeX and BibLaTeX, read by citation-js and pandoc, and citation-js's BibTeX and
// RIS of our CSL-JSON read by us. The expected side is always our CSL-JSON of what our own reader reads back from the same
// file (what the format cannot carry is ours, tested in the round trips); each peer change is a named method below.
public sealed partial class BibtexRisInteropTests
{
    // Every CSL variable of either side is compared, except these bookkeeping ones.
    private static readonly HashSet<string> NotCompared = new(StringComparer.Ordinal) { "id", "citation-key", "type", "custom", "_graph" };

    private static readonly string[] NameFields = ["author", "translator", "container-author", "editor", "collection-editor", "contributor"];

    private static IEnumerable<string> AllFields(JsonObject a, JsonObject b) => a.Select(p => p.Key).Union(b.Select(p => p.Key)).Where(k => !NotCompared.Contains(k));

    private delegate void Expected(JsonObject expected);

    /// <summary>Compares the items in order on every variable either side has; returns "index id field: ours/theirs" lines.</summary>
    private static List<string> CompareAll(string oursJson, string theirsJson, params Expected[] differences)
    {
        var ours = JsonNode.Parse(oursJson)!.AsArray();
        var theirs = JsonNode.Parse(theirsJson)!.AsArray();
        Assert.Equal(ours.Count, theirs.Count);
        var failures = new List<string>();
        for (var i = 0; i < ours.Count; i++)
        {
            var a = ours[i]!.AsObject().DeepClone().AsObject();
            var b = theirs[i]!.AsObject();
            foreach (var d in differences) d(a);
            foreach (var d in CslComparison.Compare(a, b, AllFields(a, b))) failures.Add(i.ToString(CultureInfo.InvariantCulture) + " " + a["id"] + " " + d);
        }

        return failures;
    }

    // ---- input side ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Named difference on the input side (see <see cref="CitationJs_RawExtraWithUnpairedDollar_RejectsWholeFile"/>):
    /// citation-js rejects the whole file when any field, even an unmapped raw <c>bibtex:</c> extra, has an unpaired
    /// <c>$</c>, so those extras are left out of the chapters given to citation-js. Every other extra stays.
    /// </summary>
    private static Chapter CitationJsRejectsUnpairedDollar(Chapter chapter) =>
        chapter with { ExtraFields = [.. chapter.ExtraFields.Where(e => !(e.Name.StartsWith("bibtex:", StringComparison.Ordinal) && UnescapedDollars(e.Value) % 2 == 1))] };

    private static int UnescapedDollars(string raw)
    {
        var count = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\') i++;
            else if (raw[i] == '$') count++;
        }

        return count;
    }

    // ---- named citation-js differences (BibTeX and BibLaTeX input) ------------------------------------------------

    /// <summary>
    /// citation-js leaves LaTeX's control space <c>\ </c> (which we write for a leading, trailing or repeated space) and
    /// <c>\char</c>n<c>{}</c> (which we write for a control character, and in names for a brace or white space other than
    /// the space) undecoded: it keeps <c>\ </c> and <c>\char</c>n and drops the <c>{}</c>. White space that reaches it as
    /// itself (the space, U+2028, the line break between abstract paragraphs, and in BibLaTeX the no-break space, which
    /// BibTeX writes <c>~</c>) is collapsed: each run becomes one space.
    /// </summary>
    private static string CitationJsLeavesControlSpaceAndCharUndecoded(string text, bool inName, BibtexDialect dialect) =>
        CitationJsCollapsesWhiteSpace(CitationJsView(text, inName, dialect));

    private const char ControlSpace = '\uE000'; // stands for the space of "\ " until white space is collapsed
    private const char KeptNoBreakSpace = '\uE001'; // a no-break space written "~", which citation-js does not collapse

    private static string CitationJsView(string text, bool inName, BibtexDialect dialect)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var tilde = dialect == BibtexDialect.Bibtex && c == '\u00A0';
            if (c == ' ')
            {
                var normal = i > 0 && i < text.Length - 1 && text[i - 1] != ' ' && text[i + 1] != ' ';
                if (normal) sb.Append(' ');
                else sb.Append('\\').Append(ControlSpace);
            }
            else if (c < ' ' || c == '\u007F' || (inName && (c is '{' or '}' || (char.IsWhiteSpace(c) && !tilde))))
            {
                sb.Append("\\char").Append(((int)c).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(tilde ? KeptNoBreakSpace : c);
            }
        }

        return sb.ToString();
    }

    private static string CitationJsCollapsesWhiteSpace(string view)
    {
        var sb = new StringBuilder(view.Length);
        var inSpace = false;
        foreach (var c in view)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace) sb.Append(' ');
                inSpace = true;
                continue;
            }

            inSpace = false;
            sb.Append(c switch { ControlSpace => ' ', KeptNoBreakSpace => '\u00A0', _ => c });
        }

        return sb.ToString();
    }

    /// <summary>citation-js does not know <c>\aa</c> and <c>\AA</c> (å, Å, which our BibTeX dialect writes <c>{\aa}</c>): it keeps the command text.</summary>
    private static string CitationJsLeavesAaUndecoded(string text) => text.Replace("å", "\\aa", StringComparison.Ordinal).Replace("Å", "\\AA", StringComparison.Ordinal);

    /// <summary>
    /// citation-js reads LaTeX's bar-under accent <c>\b</c> (which our BibTeX dialect writes for a letter with U+0331, such as
    /// Ḏ) as the letter followed by U+0332 COMBINING LOW LINE, not composed.
    /// </summary>
    private static string CitationJsReadsBarUnderAsLowLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var d = char.IsSurrogate(c) ? "" : c.ToString().Normalize(NormalizationForm.FormD);
            if (d.Length > 1 && d.Contains('\u0331', StringComparison.Ordinal)) sb.Append(d.Replace('\u0331', '\u0332'));
            else sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Applies <paramref name="change"/> to every text of a chapter that our BibTeX writer LaTeX-encodes (flag: in a name).</summary>
    private static Chapter MapText(Chapter c, Func<string, bool, string> change, Func<IReadOnlyList<string>, IReadOnlyList<string>>? abstractChange = null, Func<string, string>? keywordChange = null)
    {
        string? T(string? s) => s is null ? null : change(s, false);
        PersonName N(PersonName n) => n with
        {
            Given = n.Given is null ? null : change(n.Given, true), Family = n.Family is null ? null : change(n.Family, true),
            Particle = n.Particle is null ? null : change(n.Particle, true), Suffix = n.Suffix is null ? null : change(n.Suffix, true),
            Literal = n.Literal is null ? null : change(n.Literal, true),
        };
        var book = c.Book;
        return c with
        {
            Title = T(c.Title)!, Subtitle = T(c.Subtitle), Number = T(c.Number),
            Abstract = abstractChange is null ? [.. c.Abstract.Select(a => T(a)!)] : abstractChange(c.Abstract),
            Keywords = [.. c.Keywords.Select(k => keywordChange is null ? T(k)! : keywordChange(k))],
            Contributors = [.. c.Contributors.Select(x => x with { Name = N(x.Name) })],
            Book = book is null ? null : book with
            {
                Title = T(book.Title), Subtitle = T(book.Subtitle), Edition = T(book.Edition),
                Contributors = [.. book.Contributors.Select(x => x with { Name = N(x.Name) })],
                Series = book.Series is null ? null : book.Series with { Title = T(book.Series.Title), Volume = T(book.Series.Volume), Abbreviation = T(book.Series.Abbreviation) },
                Publisher = book.Publisher is null ? null : book.Publisher with { Name = T(book.Publisher.Name)!, Location = T(book.Publisher.Location) },
            },
        };
    }

    /// <summary>citation-js writes the en dash of a page range as a hyphen-minus.</summary>
    private static void CitationJsHyphenatesPages(JsonObject expected)
    {
        if (expected["page"]?.GetValue<string>() is { } page) expected["page"] = page.Replace('\u2013', '-');
    }

    /// <summary>citation-js percent-encodes the non-ASCII characters of a URL (as UTF-8).</summary>
    private static void CitationJsPercentEncodesUrl(JsonObject expected)
    {
        if (expected["URL"]?.GetValue<string>() is not { } url) return;
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(url))
        {
            if (b < 0x80) sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        expected["URL"] = sb.ToString();
    }

    /// <summary>citation-js reads a braced name (<c>{{World Health Organization}}</c>, our literal) as a family name.</summary>
    private static void CitationJsReadsLiteralNameAsFamily(JsonObject expected)
    {
        foreach (var field in NameFields)
        {
            foreach (var name in (expected[field] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                if (name["literal"] is { } literal)
                {
                    name.Remove("literal");
                    name["family"] = literal.DeepClone();
                }
            }
        }
    }

    /// <summary>
    /// citation-js 0.8.2 in BibTeX mode maps only the classic fields: <c>subtitle</c> and <c>booksubtitle</c> (so title
    /// and container-title are the main titles only), <c>language</c>, <c>keywords</c>, <c>translator</c>,
    /// <c>bookauthor</c> and <c>abstract</c> are not read.
    /// </summary>
    private static Chapter CitationJsBibtexReadsClassicFieldsOnly(Chapter chapter) => chapter with
    {
        Subtitle = null,
        Language = null,
        Keywords = [],
        Abstract = [],
        Contributors = [.. chapter.Contributors.Where(c => c.Role != ContributorRole.Translator)],
        Book = chapter.Book is null ? null : chapter.Book with
        {
            Subtitle = null,
            Contributors = [.. chapter.Book.Contributors.Where(c => c.Role != ContributorRole.Author)],
        },
    };

    /// <summary>
    /// citation-js in BibLaTeX mode joins <c>booktitle</c> and <c>booksubtitle</c> with ": " without checking that there is a
    /// booktitle: a book with a subtitle and no title gets the container-title "undefined: " + subtitle.
    /// </summary>
    private static void CitationJsBiblatexJoinsMissingBooktitle(Chapter chapter, JsonObject expected)
    {
        if (chapter.Book is { Title: null, Subtitle: { } subtitle }) expected["container-title"] = "undefined: " + subtitle;
    }

    /// <summary>citation-js in BibLaTeX mode joins the keywords with "," (no space).</summary>
    private static void CitationJsBiblatexJoinsKeywordsWithComma(Chapter chapter, JsonObject expected)
    {
        if (chapter.Keywords.Count > 0) expected["keyword"] = string.Join(",", chapter.Keywords);
    }

    /// <summary>
    /// citation-js in BibLaTeX mode reads the blank line between abstract paragraphs as white space, so the paragraphs become
    /// one, joined by a space (collapsed with the white space around it).
    /// </summary>
    private static IReadOnlyList<string> CitationJsBiblatexJoinsAbstractParagraphs(IReadOnlyList<string> paragraphs) =>
        paragraphs.Count == 0 ? [] : [CitationJsCollapsesWhiteSpace(string.Join("\n", paragraphs.Select(p => CitationJsView(p, false, BibtexDialect.Biblatex))))];

    /// <summary>citation-js in BibLaTeX mode removes white space at both ends of each keyword, even the space of a final control space (<c>\ </c> becomes <c>\</c>).</summary>
    private static string CitationJsBiblatexTrimsKeywordEnds(string keyword) =>
        CitationJsLeavesControlSpaceAndCharUndecoded(keyword, false, BibtexDialect.Biblatex).Trim();

    private static List<Chapter> GeneratedForCitationJs() => [.. Generated().Select(CitationJsRejectsUnpairedDollar)];

    [Fact]
    public void CitationJs_GeneratedBibtex_ReadsSameCslFields()
    {
        var bib = Bibtex.Write(GeneratedForCitationJs());
        var theirs = CitationJs.Convert(bib, "bibtex", "csl");
        var expected = Bibtex.Read(bib).Records
            .Select(CitationJsBibtexReadsClassicFieldsOnly)
            .Select(c => MapText(c, (t, inName) => CitationJsReadsBarUnderAsLowLine(CitationJsLeavesAaUndecoded(CitationJsLeavesControlSpaceAndCharUndecoded(t, inName, BibtexDialect.Bibtex)))));
        AssertNone(CompareAll(Csl.Write(expected), theirs,
            CitationJsHyphenatesPages,
            CitationJsPercentEncodesUrl,
            CitationJsReadsLiteralNameAsFamily));
    }

    [Fact]
    public void CitationJs_GeneratedBiblatex_ReadsSameCslFields()
    {
        var bib = Bibtex.Write(GeneratedForCitationJs(), Biblatex);
        var theirs = CitationJs.Convert(bib, "biblatex", "csl");
        var expected = Bibtex.Read(bib).Records.Select(c => MapText(c,
            (t, inName) => CitationJsLeavesControlSpaceAndCharUndecoded(t, inName, BibtexDialect.Biblatex),
            CitationJsBiblatexJoinsAbstractParagraphs,
            CitationJsBiblatexTrimsKeywordEnds)).ToList();
        var items = JsonNode.Parse(Csl.Write(expected))!.AsArray();
        for (var i = 0; i < expected.Count; i++)
        {
            CitationJsBiblatexJoinsMissingBooktitle(expected[i], items[i]!.AsObject());
            CitationJsBiblatexJoinsKeywordsWithComma(expected[i], items[i]!.AsObject());
        }

        AssertNone(CompareAll(items.ToJsonString(), theirs,
            CitationJsHyphenatesPages,
            CitationJsPercentEncodesUrl,
            CitationJsReadsLiteralNameAsFamily));
    }
}
