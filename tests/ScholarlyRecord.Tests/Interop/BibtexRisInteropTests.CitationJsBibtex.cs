using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Formats.Bibtex;
using Xunit;
using Csl = ScholarlyRecord.Formats.CslJson;

namespace ScholarlyRecord.Tests.Interop;

// citation-js 0.8.2's BibTeX writer (@citation-js/plugin-bibtex, lib/output/value.js and lib/mapping/bibtex.js) on our
// CSL-JSON, read by our BibTeX reader. What it writes is modelled below from its source and its own table file
// (lib/input/unicode.json, read at run time), never from its output; each change is one named method.
public sealed partial class BibtexRisInteropTests
{
    // ---- citation-js's tables ----------------------------------------------------------------------------------------

    private sealed record CitationJsLatexTables(Dictionary<char, string> Escape, Dictionary<char, string> Math, Dictionary<char, string> AccentNames);

    private static readonly Lazy<CitationJsLatexTables> CitationJsTables = new(() =>
    {
        var path = Path.Combine(InteropTools.InteropFolder!, "node_modules", "@citation-js", "plugin-bibtex", "lib", "input", "unicode.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var escape = new Dictionary<char, string>();
        var accents = new Dictionary<char, string>();
        // lib/output/value.js builds one character -> LaTeX map: the commands (\name{}), then the diacritics, then the
        // ligatures of lib/input/constants.js (written as the ligature itself); a later table wins.
        foreach (var (name, value) in json["commands"]!.AsObject())
        {
            if (value?.GetValue<string>() is { Length: 1 } c) escape[c[0]] = "\\" + name + "{}";
        }
        foreach (var (name, value) in json["diacritics"]!.AsObject())
        {
            var c = value!.GetValue<string>()[0];
            escape[c] = "\\" + name + "{}";
            accents[c] = name;
        }
        foreach (var (ligature, c) in new[] { ("--", '\u2013'), ("---", '\u2014'), ("``", '\u201C'), ("''", '\u201D'), ("~", '\u00A0') }) escape[c] = ligature;
        var math = new Dictionary<char, string>();
        foreach (var (name, value) in json["mathCommands"]!.AsObject()) math[value!.GetValue<string>()[0]] = "$\\" + name + "$";
        return new CitationJsLatexTables(escape, math, accents);
    });

    // lib/output/value.js: UNSAFE_UNICODE = /[^a-zA-Z0-9\s!"'()*+,\-./:;=?@[\]<accents>]/g, the accents being
    // U+0300-0308, U+030A-030C, U+0332, U+0323, U+0327, U+0328, U+0361, U+0326 (DIACRITIC_PATTERN uses the same class).
    private static bool CitationJsAccent(char c) => c is (>= '\u0300' and <= '\u0308') or (>= '\u030A' and <= '\u030C') or '\u0332' or '\u0323' or '\u0327' or '\u0328' or '\u0361' or '\u0326';

    // JavaScript's \s.
    private static bool JsWhiteSpace(char c) => c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF';

    private static bool CitationJsSafe(char c) => char.IsAsciiLetterOrDigit(c) || JsWhiteSpace(c) || "!\"'()*+,-./:;=?@[]".Contains(c, StringComparison.Ordinal) || CitationJsAccent(c);

    // ---- named citation-js differences (its BibTeX output of our CSL-JSON) ---------------------------------------------

    /// <summary>
    /// citation-js's BibTeX writer escapes every text value (its <c>escapeValue</c>, asciiOnly on by default): the text is
    /// NFKD-normalised (so 𝜔 becomes ω, ½ becomes 1⁄2, a no-break space a space); every UTF-16 unit outside its safe class
    /// is looked up in its tables: a command as <c>\name{}</c>, a ligature character as the ligature (– as <c>--</c>), a
    /// Greek letter as math (<c>$\omega$</c>, which our reader keeps verbatim), <c>&amp; % $ # _ { }</c> with a backslash,
    /// and every other character (CJK, Hebrew, emoji, control characters, combining marks outside its accent class, each
    /// half of a surrogate pair) is dropped; then a character followed by accents becomes <c>{\accent char}</c> nested
    /// (the "character" being whatever precedes the accent in the escaped text, and U+0305, in its accent class but not in
    /// its table, becoming <c>\undefined</c>), and an accent with nothing before it on its line is dropped.
    /// What it leaves as it is, it leaves to be read as LaTeX (<see cref="ReadLatex"/>): white space is written raw (so runs
    /// of it become one space and it is dropped at both ends of a value, where our writer writes <c>\ </c>), and ASCII
    /// <c>--</c>, <c>---</c> and <c>''</c> are written as they are (so they are read as LaTeX's – — ”).
    /// </summary>
    private static string CitationJsBibtexEscapes(string value)
    {
        var tables = CitationJsTables.Value;
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormKD))
        {
            if (CitationJsSafe(c)) sb.Append(c);
            else if (tables.Escape.TryGetValue(c, out var latex)) sb.Append(latex);
            else if (tables.Math.TryGetValue(c, out var math)) sb.Append(math);
            else if ("&%$#_{}".Contains(c, StringComparison.Ordinal)) sb.Append('\\').Append(c);
        }

        var accented = CitationJsAccentRun().Replace(sb.ToString(), m =>
        {
            var subject = m.Value[0].ToString();
            foreach (var accent in m.Value[1..]) subject = "{\\" + (tables.AccentNames.TryGetValue(accent, out var name) ? name : "undefined") + " " + subject + "}";
            return subject;
        });
        return new string([.. accented.Where(c => !CitationJsAccent(c))]);
    }

    // DIACRITIC_PATTERN: /.[accents]+/g (JavaScript's '.' is any UTF-16 unit but \n, \r, U+2028 and U+2029).
    [GeneratedRegex("[^\\n\\r\\u2028\\u2029][\\u0300-\\u0308\\u030A-\\u030C\\u0332\\u0323\\u0327\\u0328\\u0361\\u0326]+")]
    private static partial Regex CitationJsAccentRun();

    /// <summary>
    /// citation-js writes a title (<c>title</c>, <c>booktitle</c>, <c>series</c>) as rich text: the HTML-like tags of CSL
    /// rich text (<c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;sc&gt;</c>, <c>&lt;sup&gt;</c>, <c>&lt;sub&gt;</c>, <c>&lt;span ...&gt;</c>) become
    /// LaTeX commands or are dropped, the text between them escaped (<see cref="CitationJsBibtexEscapes"/>); then every
    /// word holding a capital letter is braced, which does not change the text.
    /// </summary>
    private static string CitationJsBibtexFormatsTitle(string value)
    {
        var mappings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["i"] = "\\textit{", ["b"] = "\\textbf{", ["sc"] = "\\textsc{", ["sup"] = "\\textsuperscript{", ["sub"] = "\\textsubscript{",
            ["span style=\"font-variant:small-caps;\""] = "\\textsc{", ["span class=\"nocase\""] = "{",
        };
        var closing = new List<string>();
        var tokens = CitationJsRichTextTag().Split(value);
        var sb = new StringBuilder();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (i % 2 == 0) sb.Append(CitationJsBibtexEscapes(token));
            else if (mappings.TryGetValue(token, out var command))
            {
                closing.Add("/" + token.Split(' ')[0]);
                sb.Append(command);
            }
            else if (closing.Count > 0 && token == closing[^1])
            {
                closing.RemoveAt(closing.Count - 1);
                sb.Append('}');
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex("<(\\/?(?:i|b|sc|sup|sub|span)|span .*?)>")]
    private static partial Regex CitationJsRichTextTag();

    /// <summary>
    /// citation-js writes a CSL name (returned here as the text our reader reads from it) as
    /// <c>non-dropping-particle family, suffix, given</c> (empty parts as empty text, the whole trimmed, then escaped), a
    /// name with only a family (or a literal, which it turns into a family) as <c>{family}</c> unescaped, and braces the whole name when it holds " and ". The dropping particle is not written. No
    /// part is braced, so BibTeX's rules split the text anew (a lower-case word of the family becomes a von part, a comma
    /// in a part starts a new part). Names are therefore compared as that text: <see cref="CitationJsBibtexNameText"/>
    /// on both sides.
    /// </summary>
    private static string? CitationJsBibtexWritesName(JsonObject name)
    {
        string? Part(string key) => name[key]?.GetValue<string>() is { Length: > 0 } s ? s : null;
        var family = Part("family") ?? (Part("given") is null ? Part("literal") : null);
        var prefix = Part("non-dropping-particle");
        var given = Part("given");
        var suffix = Part("suffix");
        string written;
        if (family is not null && prefix is null && given is null && suffix is null)
        {
            // A name wholly in braces is read as its content (docs/formats-bibtex.md, Names).
            if (!family.Contains(" and ", StringComparison.Ordinal)) return ReadLatex(family);
            written = family;
        }
        else
        {
            var first = (prefix is not null && family is not null ? prefix + " " : "") + family;
            var parts = suffix is not null ? new[] { first, suffix, given ?? "" } : [first, given ?? ""];
            written = CitationJsBibtexEscapes(string.Join(", ", parts).Trim());
        }

        return ReadLatex(written.Contains(" and ", StringComparison.Ordinal) ? "{" + written + "}" : written);
    }

    /// <summary>
    /// A read name as the text citation-js wrote for it: the parts in BibTeX's order "von Last, Jr, First" (a literal as
    /// itself), normalised by <see cref="CitationJsBibtexNameSyntax"/>.
    /// </summary>
    private static string CitationJsBibtexNameText(PersonName n)
    {
        if (n.Literal is { } literal) return CitationJsBibtexNameSyntax(literal);
        var first = string.Join(' ', new[] { n.Particle, n.Family }.Where(p => p is not null));
        var parts = n.Suffix is not null ? new[] { first, n.Suffix, n.Given ?? "" } : [first, n.Given ?? ""];
        return CitationJsBibtexNameSyntax(string.Join(", ", parts));
    }

    /// <summary>
    /// The name text citation-js writes, as BibTeX's name syntax reads it: the parts are separated by commas with the white
    /// space around them not part of them, an empty last part ("le X," citation-js writes for a name with no given part) is
    /// no part, and white space inside a part separates words (our reader: any Unicode white space, such as the U+2028 or
    /// no-break space citation-js writes raw), each run read as one space.
    /// </summary>
    private static string CitationJsBibtexNameSyntax(string text)
    {
        var words = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var parts = words.Split(',').Select(p => p.Trim()).ToList();
        while (parts.Count > 1 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        return string.Join(", ", parts);
    }

    private static Chapter WithNamesAsText(Chapter c, Func<PersonName, string> text) => c with
    {
        Contributors = [.. c.Contributors.Select(x => x with { Name = new PersonName { Literal = text(x.Name) } })],
        Book = c.Book is null ? null : c.Book with { Contributors = [.. c.Book.Contributors.Select(x => x with { Name = new PersonName { Literal = text(x.Name) } })] },
    };

    /// <summary>
    /// citation-js's BibTeX mapping writes only the classic fields: no <c>subtitle</c>/<c>booksubtitle</c> (the CSL
    /// <c>title</c> and <c>container-title</c> it writes already hold "title: subtitle"), no <c>translator</c>,
    /// <c>bookauthor</c> (CSL container-author), <c>language</c>, <c>keywords</c> or <c>abstract</c>
    /// (<see cref="CitationJsBibtexDropsAbstract"/>), no series abbreviation, no copyright.
    /// </summary>
    private static Chapter CitationJsBibtexWritesClassicFieldsOnly(Chapter c) => c with
    {
        Subtitle = null,
        Language = null,
        Keywords = [],
        Abstract = [],
        Copyright = null,
        Contributors = [.. c.Contributors.Where(x => x.Role == ContributorRole.Author)],
        Book = c.Book is null ? null : c.Book with
        {
            Subtitle = null,
            Contributors = [.. c.Book.Contributors.Where(x => x.Role == ContributorRole.Editor)],
            Series = c.Book.Series is null ? null : c.Book.Series with { Abbreviation = null },
        },
    };

    /// <summary>
    /// citation-js writes every chapter as <c>@inbook</c> with its title in <c>title</c>; with no container title there is
    /// no <c>booktitle</c>, and a classic <c>@inbook</c> without <c>booktitle</c> is a book part whose <c>title</c> is the
    /// book's (docs/formats-bibtex.md): our reader reads the title as the book title and the chapter title as empty (BIB307).
    /// </summary>
    private static Chapter CitationJsBibtexWritesInbookWithoutBooktitle(Chapter c) =>
        c.Book?.Title is not null ? c : c with { Title = "", Book = (c.Book ?? new Book()) with { Title = c.Title.Length == 0 ? null : c.Title } };

    /// <summary>
    /// citation-js's table gives <c>\b</c> as U+0332 COMBINING LOW LINE and writes that character with it; LaTeX's <c>\b</c>
    /// is the bar-under accent, U+0331 COMBINING MACRON BELOW, as our reader reads it. (U+0331 itself is outside citation-js's
    /// accent class and is dropped, <see cref="CitationJsBibtexEscapes"/>.)
    /// </summary>
    private static char CitationJsBibtexWritesLowLineAsBarUnder(char accent) => accent == '\u0332' ? '\u0331' : accent;

    // What our reader makes of a written text value: LaTeX decoded (LatexDecoder: tested in LatexCodecTests, and on every
    // command, accent and math letter of citation-js's tables in Bibtex_DecodesEveryCommandCitationJsWrites), empty -> absent.
    // The expected side is thus "what citation-js writes, as LaTeX means it": a change citation-js makes is a named method
    // above; how LaTeX is read is the reader's documented rule (docs/formats-bibtex.md, Text), tested on its own.
    private static string? ReadLatex(string? written) => written is null ? null : LatexDecoder.Decode(written) is { Length: > 0 } text ? text : null;

    /// <summary>What citation-js writes for a chapter, read back as text: built from the CSL item it was given and the CSL view of the chapter.</summary>
    private static Chapter CitationJsBibtexWrites(JsonObject item, Chapter viaCsl)
    {
        string? Item(string key) => item[key]?.GetValue<string>();
        string? Literal(string key) => Item(key) is { } v ? ReadLatex(CitationJsBibtexEscapes(v)) : null;
        string? Title(string key) => Item(key) is { } v ? ReadLatex(CitationJsBibtexFormatsTitle(v)) : null;
        IEnumerable<Contributor> Names(string key, ContributorRole role) => (item[key] as JsonArray)?.OfType<JsonObject>()
            .Select(n => CitationJsBibtexWritesName(n) is { } text ? new Contributor { Name = new PersonName { Literal = text }, Role = role } : null)
            .OfType<Contributor>() ?? [];
        var book = viaCsl.Book;
        Publisher? publisher = Literal("publisher") is { } name ? new Publisher { Name = name, Location = Literal("publisher-place") } : null;
        var chapter = CitationJsBibtexWritesClassicFieldsOnly(viaCsl) with
        {
            Title = Title("title") ?? "",
            Number = Literal("chapter-number"),
            // issued: year, and month = {oct 23} with a day (our reader reads a month with a day, docs/formats-bibtex.md);
            // a year before 1000 would be written unpadded and not read (the generator makes none).
            PublicationDate = viaCsl.PublicationDate ?? book?.PublicationDate,
            Contributors = [.. Names("author", ContributorRole.Author)],
            Book = new Book
            {
                Title = Title("container-title"),
                Contributors = [.. Names("editor", ContributorRole.Editor)],
                Isbns = book?.Isbns ?? [],
                Edition = Literal("edition"),
                Series = book?.Series is { } s ? new Series { Title = Title("collection-title"), Volume = Literal("collection-number"), Issns = s.Issns } : null,
                Publisher = publisher,
            },
        };
        return CitationJsBibtexWritesInbookWithoutBooktitle(chapter);
    }

    /// <summary>
    /// citation-js's BibTeX of the 200 generated chapters, read by our reader, compared field by field with the BibTeX
    /// projection of what citation-js writes (the named methods above, applied to the CSL item it was given). Entries
    /// citation-js writes with unbalanced braces (the two named differences above: a family-only name holding a brace, an
    /// accent on an escaped character) are the only ones not compared: each costs only itself, with one BIB103, and every
    /// other entry is read and compared.
    /// </summary>
    [Fact]
    public void Bibtex_ReadsCitationJsBibtexOfGeneratedChapters_EqualsProjection()
    {
        var chapters = Generated();
        var peer = CitationJs.Convert(Csl.Write(chapters), "csl", "bibtex");
        var balanced = EntriesBalanced(peer);
        Assert.Equal(chapters.Count, balanced.Count);
        var read = Bibtex.Read(peer);
        Assert.Equal(balanced.Count(b => b), read.Chapters.Count);
        var errors = read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.All(errors, d => Assert.Equal(BibtexCodes.ExpectedCommaOrClose, d.Code));
        Assert.Equal(balanced.Count(b => !b), errors.Count);

        var failures = new List<string>();
        var r = 0;
        for (var i = 0; i < chapters.Count; i++)
        {
            if (!balanced[i]) continue;
            var itemJson = Csl.Write(chapters[i]);
            var item = JsonNode.Parse(itemJson) is JsonArray one ? one[0]!.AsObject() : JsonNode.Parse(itemJson)!.AsObject();
            var viaCsl = Csl.Read(itemJson).Chapters.Single();
            // citation-js makes its own BibTeX label instead of writing the id: keys are not compared.
            var expected = WithNamesAsText(BibtexProjection.Project(CitationJsBibtexWrites(item, viaCsl), BibtexDialect.Bibtex) with { ExtraFields = [], CitationKey = null }, n => CitationJsBibtexNameSyntax(n.Literal!));
            var actual = WithNamesAsText(BibtexProjection.Project(read.Chapters[r++], BibtexDialect.Bibtex) with { ExtraFields = [], CitationKey = null }, CitationJsBibtexNameText);
            if (expected != actual) failures.Add(i.ToString(CultureInfo.InvariantCulture) + ": " + ChapterDiff(expected with { Title = "(" + expected.Title + ")" }, actual with { Title = "(" + actual.Title + ")" }));
        }

        AssertNone(failures);
    }

    /// <summary>
    /// Every command, accent and math letter in citation-js's table file, written as its BibTeX writer writes it, is read
    /// by our decoder as the character the table gives (math letters are kept verbatim, as docs/formats-bibtex.md says of
    /// math; the commands citation-js's table lists with no character are left out).
    /// </summary>
    [Fact]
    public void Bibtex_DecodesEveryCommandCitationJsWrites()
    {
        InteropTools.RequireCitationJs();
        var tables = CitationJsTables.Value;
        var failures = new List<string>();
        foreach (var (c, latex) in tables.Escape)
        {
            if (tables.AccentNames.ContainsKey(c)) continue;
            var expected = c.ToString().Normalize(NormalizationForm.FormC);
            if (LatexDecoder.Decode("x" + latex + "y") != "x" + expected + "y") failures.Add(latex + " -> " + LatexDecoder.Decode(latex));
        }
        foreach (var (accent, name) in tables.AccentNames)
        {
            var expected = ("a" + CitationJsBibtexWritesLowLineAsBarUnder(accent)).Normalize(NormalizationForm.FormC);
            if (LatexDecoder.Decode("{\\" + name + " a}") != expected) failures.Add(name + " -> " + LatexDecoder.Decode("{\\" + name + " a}"));
        }
        foreach (var (_, math) in tables.Math) Assert.Equal(math, LatexDecoder.Decode(math));
        AssertNone(failures);
    }
}
