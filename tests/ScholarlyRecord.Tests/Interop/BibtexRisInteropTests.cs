using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Formats;
using ScholarlyRecord.Tests.Formats.Bibtex;
using ScholarlyRecord.Tests.Formats.CslJson;
using ScholarlyRecord.Tests.Support;
using Xunit;
using Csl = ScholarlyRecord.Formats.CslJson;

namespace ScholarlyRecord.Tests.Interop;

/// <summary>
/// Our BibTeX, BibLaTeX and RIS read by citation-js and pandoc, and citation-js's BibTeX and RIS read by us, compared with
/// what our own CSL-JSON says. Every record is compared; where the peer changes something, the change is named below
/// (one method per named difference) and applied to the expected side, and everything else must match.
/// </summary>
public sealed partial class BibtexRisInteropTests
{
    private const string Seed = "0000bibrisinterop";

    private static readonly BibtexWriteOptions Biblatex = new() { Dialect = BibtexDialect.Biblatex };

    // 200 generated chapters, the same on every run.
    private static List<Chapter> Generated() => ChapterGenerator.Fixed(200, Seed);

    private static readonly string[] BibtexFields =
        ["title", "author", "editor", "translator", "container-title", "collection-title", "publisher", "publisher-place", "issued", "page", "DOI", "ISBN", "URL", "abstract", "language", "edition", "chapter-number"];

    private static readonly string[] RisFields =
        ["title", "author", "editor", "translator", "collection-editor", "container-title", "collection-title", "collection-number", "publisher", "publisher-place", "issued", "page", "DOI", "ISBN", "URL", "abstract", "language", "edition"];

    private static readonly string[] PandocFields = ["title", "author", "editor", "container-title", "publisher", "publisher-place", "issued", "page", "DOI"];

    // ---- named peer differences -------------------------------------------------------------------------------

    /// <summary>citation-js 0.8.2 plugin-bibtex maps <c>abstract</c> to CSL only in its BibLaTeX mode: reading BibTeX drops it, and its BibTeX writer does not write it.</summary>
    private static void CitationJsBibtexDropsAbstract(JsonObject expected) => expected.Remove("abstract");

    /// <summary>citation-js keeps the RIS qualifier of an SN value ("9781349056798 (Electronic)") as part of the ISBN.</summary>
    private static void CitationJsRisKeepsIsbnQualifier(JsonObject expected, JsonObject actual)
    {
        if (actual["ISBN"]?.GetValue<string>() is { } isbn && isbn.EndsWith(" (Electronic)", StringComparison.Ordinal)) actual["ISBN"] = isbn[..^" (Electronic)".Length];
    }

    /// <summary>pandoc's BibTeX reader sentence-cases English titles of the container and collection (words not protected by braces).</summary>
    private static void PandocSentenceCasesBookTitles(JsonObject expected, JsonObject actual)
    {
        foreach (var field in new[] { "container-title", "collection-title" })
        {
            if (expected[field]?.GetValue<string>() is { } ours && actual[field]?.GetValue<string>() is { } theirs
                && string.Equals(ours, theirs, StringComparison.OrdinalIgnoreCase) && !string.Equals(ours, theirs, StringComparison.Ordinal))
            {
                actual[field] = ours;
            }
        }
    }

    /// <summary>
    /// citation-js's RIS writer hard-wraps every value at 70 characters per line, cutting words ("... 1941 i" / "s, in a
    /// sense"); our reader joins a continuation line to the previous one with a space (docs/formats-ris.md, Text rules),
    /// so a space appears at each cut.
    /// </summary>
    private static string CitationJsRisHardWraps(string value)
    {
        const int First = 70; // the tag prefix does not count
        if (value.Length <= First) return value;
        var pieces = new List<string> { value[..First] };
        for (var i = First; i < value.Length; i += 70) pieces.Add(value[i..Math.Min(value.Length, i + 70)]);
        return string.Join(' ', pieces);
    }

    // ---- checks ------------------------------------------------------------------------------------------------

    private delegate void Named(JsonObject expected, JsonObject actual);

    /// <summary>Compares items in order (RIS has no id citation-js keeps); returns "index id field: ours/theirs" lines.</summary>
    private static List<string> CompareInOrder(string oursJson, string theirsJson, IEnumerable<string> fields, params Named[] differences) =>
        CompareInOrder(oursJson, theirsJson, (_, _) => fields, differences);

    /// <summary>As above, with the fields to compare chosen for each pair of items (expected, actual).</summary>
    private static List<string> CompareInOrder(string oursJson, string theirsJson, Func<JsonObject, JsonObject, IEnumerable<string>> fields, params Named[] differences)
    {
        var ours = JsonNode.Parse(oursJson)!.AsArray();
        var theirs = JsonNode.Parse(theirsJson)!.AsArray();
        Assert.Equal(ours.Count, theirs.Count);
        var failures = new List<string>();
        for (var i = 0; i < ours.Count; i++)
        {
            var a = ours[i]!.AsObject().DeepClone().AsObject();
            var b = theirs[i]!.AsObject().DeepClone().AsObject();
            foreach (var d in differences) d(a, b);
            foreach (var d in CslComparison.Compare(a, b, fields(a, b))) failures.Add(i.ToString(CultureInfo.InvariantCulture) + " " + a["id"] + " " + d);
        }

        return failures;
    }

    private static void AssertNone(List<string> failures) =>
        Assert.True(failures.Count == 0, failures.Count + " differences:\n" + string.Join("\n", failures.Take(400)));

    // 1. citation-js reads our BibTeX / BibLaTeX / RIS to the CSL our CSL-JSON writer gives.

    [Fact]
    public void CitationJs_FixtureBibtex_ReadsSameCslFields() => AssertNone(CompareInOrder(
        Csl.Write(CslJsonTests.Haslam), CitationJs.Convert(Bibtex.Write(CslJsonTests.Haslam), "bibtex", "csl"), BibtexFields,
        (e, _) => CitationJsBibtexDropsAbstract(e)));

    [Fact]
    public void CitationJs_FixtureBiblatex_ReadsSameCslFields() => AssertNone(CompareInOrder(
        Csl.Write(CslJsonTests.Haslam), CitationJs.Convert(Bibtex.Write(CslJsonTests.Haslam, Biblatex), "biblatex", "csl"), BibtexFields));

    [Fact]
    public void CitationJs_FixtureRis_ReadsSameCslFields() => AssertNone(CompareInOrder(
        Csl.Write(CslJsonTests.Haslam), CitationJs.Convert(Ris.Write(CslJsonTests.Haslam), "ris", "csl"), RisFields,
        CitationJsRisKeepsIsbnQualifier));

    /// <summary>
    /// 200 generated chapters in one RIS file. The expected side is our CSL-JSON of what our own RIS reader reads back from
    /// the same file (RIS cannot carry line breaks, particles as such, ...; that is ours, tested in the RIS round trip), so
    /// only citation-js's changes remain; each is named below and applied to the expected side.
    /// </summary>
    [Fact]
    public void CitationJs_GeneratedRis_ReadsSameCslFields()
    {
        var ris = Ris.Write(Generated());
        var ours = Csl.Write(Ris.Read(ris).Chapters);
        AssertNone(CompareInOrder(ours, CitationJs.Convert(ris, "ris", "csl"), RisFields,
            CitationJsRisKeepsIsbnQualifier,
            (e, _) => CitationJsRisKeepsOnlyYear(e),
            (e, _) => CitationJsRisHyphenatesPages(e),
            (e, _) => CitationJsRisIgnoresVL(e),
            (e, _) => CitationJsRisFlattensNames(e),
            (e, _) => CitationJsRisJoinsAbstractLines(e),
            CitationJsRisTrimsTrailingSpace,
            (e, _) => CitationJsRisReadsSnIssnAsIsbn(e),
            (e, _) => CitationJsRisDropsFinalDotOfDoi(e),
            CitationJsRisKeepsFirstSnOnly));
    }

    /// <summary>citation-js RIS: <c>issued</c> is reduced to its year (it reads PY and ignores DA when PY is present).</summary>
    private static void CitationJsRisKeepsOnlyYear(JsonObject expected)
    {
        if (expected["issued"]?["date-parts"]?[0]?[0] is { } year) expected["issued"] = new JsonObject { ["date-parts"] = new JsonArray(new JsonArray(year.DeepClone())) };
    }

    /// <summary>citation-js RIS: the en dash of a page range becomes a hyphen-minus.</summary>
    private static void CitationJsRisHyphenatesPages(JsonObject expected)
    {
        if (expected["page"]?.GetValue<string>() is { } page) expected["page"] = page.Replace('\u2013', '-');
    }

    /// <summary>citation-js RIS: VL (the series number of a chapter) is not mapped to collection-number.</summary>
    private static void CitationJsRisIgnoresVL(JsonObject expected) => expected.Remove("collection-number");

    /// <summary>citation-js RIS: a DOI's final full stop is removed ("10.1/a." becomes "10.1/a").</summary>
    private static void CitationJsRisDropsFinalDotOfDoi(JsonObject expected)
    {
        if (expected["DOI"]?.GetValue<string>() is { } doi && doi.EndsWith('.')) expected["DOI"] = doi.TrimEnd('.');
    }

    /// <summary>citation-js RIS: of several SN lines only the first is kept as ISBN, with its "(Print)"/"(Electronic)" qualifier.</summary>
    private static void CitationJsRisKeepsFirstSnOnly(JsonObject expected, JsonObject actual)
    {
        if (expected["ISBN"]?.GetValue<string>() is { } isbns) expected["ISBN"] = isbns.Split(", ")[0];
        if (actual["ISBN"]?.GetValue<string>() is { } isbn)
        {
            foreach (var q in new[] { " (Print)", " (Electronic)" })
            {
                if (isbn.EndsWith(q, StringComparison.Ordinal)) actual["ISBN"] = isbn[..^q.Length];
            }
        }
    }

    /// <summary>
    /// citation-js RIS: a name "Family, Given" is split at the comma only: a particle joins the family ("de" + "X" becomes
    /// family "de X"), a name with no given part gets an empty given, and a literal (no comma) becomes a family name.
    /// </summary>
    private static void CitationJsRisFlattensNames(JsonObject expected)
    {
        foreach (var role in new[] { "author", "editor", "collection-editor", "translator" })
        {
            if (expected[role] is not JsonArray names) continue;
            foreach (var n in names.OfType<JsonObject>())
            {
                if (n["literal"]?.GetValue<string>() is { } literal)
                {
                    n.Remove("literal");
                    n["family"] = literal;
                }
                foreach (var particle in new[] { "non-dropping-particle", "dropping-particle" })
                {
                    if (n[particle]?.GetValue<string>() is { } p)
                    {
                        n["family"] = p + " " + n["family"]?.GetValue<string>();
                        n.Remove(particle);
                    }
                }
                n["given"] ??= "";
            }
        }
    }

    /// <summary>
    /// citation-js RIS: white space at the end of a string field is removed (leading white space is kept), and a field
    /// left empty is dropped. Name parts: citation-js trims the end of some family or given parts and not others, so the
    /// family and given parts are compared with white space at their end removed on both sides.
    /// </summary>
    private static void CitationJsRisTrimsTrailingSpace(JsonObject expected, JsonObject actual)
    {
        foreach (var key in expected.Select(p => p.Key).ToList())
        {
            if (expected[key] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                var trimmed = v.GetValue<string>().TrimEnd();
                if (trimmed.Length == 0) expected.Remove(key);
                else expected[key] = trimmed;
            }
        }

        foreach (var names in actual.Select(p => p.Value).Concat(expected.Select(p => p.Value)).OfType<JsonArray>())
        {
            foreach (var n in names.OfType<JsonObject>())
            {
                foreach (var part in new[] { "family", "given" })
                {
                    if (n[part]?.GetValue<string>() is { } text) n[part] = text.TrimEnd();
                }
            }
        }
    }

    /// <summary>
    /// citation-js RIS: the line break between abstract paragraphs (our AB continuation line) is read as two spaces, and
    /// the white space around each line break is removed.
    /// </summary>
    private static void CitationJsRisJoinsAbstractLines(JsonObject expected)
    {
        if (expected["abstract"]?.GetValue<string>() is { } text)
        {
            var lines = text.Split('\n');
            var trimmed = lines.Select((l, i) => i == 0 ? l : l.TrimStart()).Select((l, i) => i == lines.Length - 1 ? l : l.TrimEnd());
            expected["abstract"] = string.Join("  ", trimmed);
        }
    }

    /// <summary>citation-js RIS: an SN that holds a series ISSN (written when the book has no ISBN) is read as the ISBN.</summary>
    private static void CitationJsRisReadsSnIssnAsIsbn(JsonObject expected)
    {
        if (expected["ISBN"] is null && expected["ISSN"]?.GetValue<string>() is { } issn) expected["ISBN"] = issn.Split(", ")[0];
    }

    /// <summary>
    /// Named peer difference that blocks the generated BibTeX runs: an unmapped <c>bibtex:</c> extra is written raw
    /// (brace-balanced, valid BibTeX), and citation-js parses every field as LaTeX, so one unpaired <c>$</c> in any
    /// field makes it reject the whole file (no entry is read).
    /// </summary>
    [Fact]
    public void CitationJs_RawExtraWithUnpairedDollar_RejectsWholeFile()
    {
        InteropTools.RequireCitationJs();
        var chapter = CslJsonTests.Haslam with { ExtraFields = [new ExtraField { Name = "bibtex:timestamp", Value = "a$b" }] };
        // timestamp is not in biblatex's data model: written only with IncludeNonstandardFields.
        var bib = Bibtex.Write(chapter, Biblatex with { IncludeNonstandardFields = true });
        Assert.Contains("timestamp = {a$b}", bib, StringComparison.Ordinal);
        Assert.Single(Bibtex.Read(bib).Chapters);
        var error = Assert.ThrowsAny<Exception>(() => CitationJs.Convert(bib, "biblatex", "csl"));
        Assert.Contains("exited with 1", error.Message, StringComparison.Ordinal);
    }

    // 3. pandoc on our BibTeX and BibLaTeX.

    [Fact]
    public void Pandoc_FixtureBibtex_ReadsSameCoreFields() => AssertNone(CompareInOrder(
        Csl.Write(CslJsonTests.Haslam), Pandoc.ToCslJson(Bibtex.Write(CslJsonTests.Haslam), "bibtex"), PandocFields, PandocSentenceCasesBookTitles));

    [Fact]
    public void Pandoc_FixtureBiblatex_ReadsSameCoreFields() => AssertNone(CompareInOrder(
        Csl.Write(CslJsonTests.Haslam), Pandoc.ToCslJson(Bibtex.Write(CslJsonTests.Haslam, Biblatex), "biblatex"), PandocFields, PandocSentenceCasesBookTitles));

    // 2. our readers on citation-js's output of our CSL-JSON.

    [Fact]
    public void Bibtex_ReadsCitationJsBibtexOfFixture_EqualsProjection() => AssertReadsPeerBibtex([CslJsonTests.Haslam]);

    [Fact]
    public void Ris_ReadsCitationJsRisOfFixture_EqualsProjection() => AssertReadsPeerRis([CslJsonTests.Haslam]);

    /// <summary>The top-level and book-level properties of the two chapters' JSON that differ.</summary>
    private static string ChapterDiff(Chapter expected, Chapter actual)
    {
        var a = JsonNode.Parse(ScholarlyJson.Serialize(WithoutLoneSurrogates(expected)))!.AsObject();
        var b = JsonNode.Parse(ScholarlyJson.Serialize(WithoutLoneSurrogates(actual)))!.AsObject();
        var lines = new List<string>();
        foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
        {
            if (key == "book" && a[key] is JsonObject ab && b[key] is JsonObject bb)
            {
                foreach (var k in ab.Select(p => p.Key).Union(bb.Select(p => p.Key)))
                {
                    if (!JsonNode.DeepEquals(ab[k], bb[k])) lines.Add("book." + k + ": ours " + ab[k]?.ToJsonString() + ", read " + bb[k]?.ToJsonString());
                }
            }
            else if (!JsonNode.DeepEquals(a[key], b[key])) lines.Add(key + ": ours " + a[key]?.ToJsonString() + ", read " + b[key]?.ToJsonString());
        }

        return string.Join("; ", lines);
    }

    private static void AssertReadsPeerBibtex(List<Chapter> chapters, params Func<Chapter, Chapter>[] differences)
    {
        var peer = CitationJs.Convert(Csl.Write(chapters), "csl", "bibtex");
        var read = Bibtex.Read(peer);
        Assert.Equal(chapters.Count, read.Chapters.Count);
        var failures = new List<string>();
        for (var i = 0; i < chapters.Count; i++)
        {
            // Compare through the CSL view of the original: what CSL-JSON carries, projected to what BibTeX carries.
            var viaCsl = Csl.Read(Csl.Write(chapters[i])).Chapters.Single();
            // citation-js makes its own BibTeX label from the item (Haslam1992Conclusions) instead of writing the id: keys are not compared.
            var expected = BibtexProjection.Project(viaCsl, BibtexDialect.Bibtex) with { ExtraFields = [], Abstract = [], CitationKey = null }; // CitationJsBibtexDropsAbstract
            foreach (var d in differences) expected = d(expected);
            var actual = BibtexProjection.Project(read.Chapters[i], BibtexDialect.Bibtex) with { ExtraFields = [], CitationKey = null };
            if (expected != actual) failures.Add(i + ": " + ChapterDiff(expected, actual));
        }

        AssertNone(failures);
    }

    private static void AssertReadsPeerRis(List<Chapter> chapters) => AssertReadsPeerRis(chapters, null, []);

    // citation-js writes the CSL id as the RIS ID cut to its first 20 characters (the length the RIS specification allows
    // an ID): haslam1992conclusions -> haslam1992conclusion. Our writer keeps the key whole.
    private static string? CitationJsRisCutsId(string? key) => key is { Length: > 20 } ? key[..20] : key;

    /// <summary>
    /// <paramref name="written"/>, when given, turns the CSL item and the CSL view of a chapter into what citation-js writes
    /// (before the RIS projection; it then replaces the abstract-only hard-wrap rule); <paramref name="differences"/> apply
    /// after the projection.
    /// </summary>
    private static void AssertReadsPeerRis(List<Chapter> chapters, Func<JsonObject, Chapter, Chapter>? written, params Func<Chapter, Chapter>[] differences)
    {
        var peer = CitationJs.Convert(Csl.Write(chapters), "csl", "ris");
        var read = Ris.Read(peer);
        Assert.Equal(chapters.Count, read.Chapters.Count);
        var failures = new List<string>();
        for (var i = 0; i < chapters.Count; i++)
        {
            var item = Csl.Write(chapters[i]);
            var viaCsl = Csl.Read(item).Chapters.Single();
            var expected = RisProjection.Project(written is null ? viaCsl : written(JsonNode.Parse(item) is JsonArray one ? one[0]!.AsObject() : JsonNode.Parse(item)!.AsObject(), viaCsl)) with { ExtraFields = [] };
            foreach (var d in differences) expected = d(expected);
            if (written is null) expected = expected with { Abstract = [.. expected.Abstract.Select(CitationJsRisHardWraps)] };
            expected = expected with { CitationKey = CitationJsRisCutsId(expected.CitationKey) };
            var actual = RisProjection.Project(read.Chapters[i]) with { ExtraFields = [] };
            if (expected != actual) failures.Add(i + ": " + ChapterDiff(expected, actual));
        }

        AssertNone(failures);
    }
}
