using System.Globalization;
using System.Text;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Formats.CslJson;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Interop;

/// <summary>
/// Our CSL processor against citeproc-js 2.4.63, the reference processor, run as a black box: the same items (made
/// through the library's CSL-JSON mapping) and the same style and locale files go to both. Entries and citations are
/// compared after <see cref="CiteprocJs.Normalise"/> (white space collapsed, citeproc-js's HTML entry wrapper removed).
/// Bibliography entries are compared item by item, in citeproc-js's order, and the order itself on its own line (so one
/// item sorted elsewhere is one difference, not a shifted list); citations as "register every item, then cite each
/// alone, in input order". Every difference must be listed in csl-oracle-differences.txt with a reason, and so must
/// every style whose text output is less than 95% identical ("(below 95%)" lines): the list only shrinks, as a listed
/// line that no longer occurs fails too. Set CSL_ORACLE_RECORD=1 to rewrite the list from a run, keeping the reasons
/// already written and classifying new lines (<see cref="Classify"/>); a line it cannot classify reads "TODO" and
/// fails until explained.
/// </summary>
public sealed partial class CslOracleTests(ITestOutputHelper output)
{
    private const string ChapterSeed = "0000csloracle";
    private const int ChapterCount = 300;
    private const int ItemSeed = 12;
    private const int ItemCount = 140;
    private const int HtmlChapterCount = 60;
    private const int RealChapterSeed = 2026;
    private const int RealChapterCount = 400;
    private const double MinimumShare = 0.95;
    private const string ListName = "csl-oracle-differences.txt";

    public static TheoryData<string> Styles => new(CslStyle.EmbeddedIds);

    [Theory]
    [MemberData(nameof(Styles))]
    public void FixtureChapter_RendersAsCiteprocJs_TextAndHtml_BibliographyAndCitation(string style)
    {
        CiteprocJs.Require();
        var items = CslChapterItems.From([CslJsonTests.Haslam]);
        var jobs = new List<CiteprocJs.Job>();
        foreach (var format in new[] { CitationOutput.Text, CitationOutput.Html })
        {
            jobs.Add(new(style, format, Bibliography: true, items));
            jobs.Add(new(style, format, Bibliography: false, items));
        }

        var theirs = CiteprocJs.Render(jobs);
        var document = new CslProcessor(CslStyle.Embedded(style)).CreateDocument(items);
        var listed = ReadList();
        var failures = new List<string>();
        for (var j = 0; j < jobs.Count; j++)
        {
            Assert.Null(theirs[j].Error);
            var expected = CiteprocJs.Normalise(jobs[j].Bibliography ? Assert.Single(theirs[j].Entries) : Assert.Single(theirs[j].Citations));
            var actual = CiteprocJs.Normalise(jobs[j].Bibliography
                ? Assert.Single(document.BibliographyEntries(jobs[j].Output))
                : document.CiteAlone(items[0].Id!, jobs[j].Output));
            output.WriteLine($"{style} {Kind(jobs[j])}: {actual}");
            var key = $"{style} fixture/{Kind(jobs[j])} {items[0].Id}";
            if (expected == actual)
            {
                Assert.False(listed.ContainsKey(key), $"{key} is listed in {ListName} but no longer differs: remove the line.");
            }
            else if (!listed.TryGetValue(key, out var reason) || IsUnexplained(reason))
            {
                failures.Add($"{key}\n    ours   {actual}\n    theirs {expected}");
            }
        }

        Assert.True(failures.Count == 0, "The fixture chapter renders differently from citeproc-js:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public void GeneratedCorpus_AtLeast95PercentIdentical_AndEveryDifferenceListed(string style)
    {
        CiteprocJs.Require();
        var chapters = CslChapterItems.From(ChapterGenerator.Fixed(ChapterCount, ChapterSeed));
        var others = CslItemGenerator.ToCslItems(CslItemGenerator.Fixed(ItemCount, ItemSeed));
        Assert.Equal(ChapterCount, chapters.Count);
        var htmlChapters = chapters.Take(HtmlChapterCount).ToArray();
        CompareCorpora(style, "generated",
        [
            new("chapters", chapters, Html: false, Cite: true), new("items", others, Html: false, Cite: true),
            new("chapters", htmlChapters, Html: true, Cite: false), new("items", others, Html: true, Cite: false),
        ]);
    }

    /// <summary>
    /// The real-data corpora (<see cref="RealChapterCorpus"/>): "real" is every record of the real exports under
    /// TestData/real read by the library's readers (and the real CSL-JSON items as they are); "realchapters" is
    /// <see cref="RealChapterCount"/> chapters drawn with a fixed seed from pools of those records' parts. Both in
    /// text and HTML, bibliography and citations; the 95% goal applies to their text output.
    /// </summary>
    [Theory]
    [MemberData(nameof(Styles))]
    public void RealCorpus_AtLeast95PercentIdentical_AndEveryDifferenceListed(string style)
    {
        CiteprocJs.Require();
        var records = RealChapterCorpus.Records;
        var refused = records.Where(RealChapterCorpus.RejectedByCiteprocJs).ToArray();
        var real = records.Except(refused).ToArray();

        // Two Better BibTeX items have a date range ending in [0]: citeproc-js throws on them (failing the whole job), so
        // they are compared with nothing, only rendered by us, which must not fail.
        Assert.Equal(["csl/bbt-Date_export_to_Better_CSL-JSON_360_811.csl.json#10", "csl/bbt-Date_export_to_Better_CSL-JSON_360_811.csl.json#12"], refused.Select(i => i.Id));
        var refusedDocument = new CslProcessor(CslStyle.Embedded(style)).CreateDocument(refused);
        Assert.Equal(refused.Length, refusedDocument.BibliographyEntries(CitationOutput.Text).Count);
        var generated = RealChapterCorpus.Generated(RealChapterCount, RealChapterSeed);
        // The readers keep chapters only (a BibTeX @article is reported as skipped), so the ~2,400 records of the files give
        // about 250 items: their chapters and the CSL-JSON items.
        Assert.True(real.Length > 200, $"the real corpus has {real.Length} items; the TestData/real files should give more than 200");
        Assert.Equal(RealChapterCount, generated.Count);
        var corpora = new List<Corpus>();
        foreach (var html in new[] { false, true })
        {
            corpora.Add(new("real", real, html, Cite: true));
            corpora.Add(new("realchapters", generated, html, Cite: true));
        }

        CompareCorpora(style, "real", corpora);
    }

    private sealed record Corpus(string Name, IReadOnlyList<CslItem> Items, bool Html, bool Cite);

    private void CompareCorpora(string style, string group, IReadOnlyList<Corpus> corpora)
    {
        var jobs = new List<(string Corpus, CiteprocJs.Job Job)>();
        foreach (var (name, items, html, cite) in corpora)
        {
            var format = html ? CitationOutput.Html : CitationOutput.Text;
            jobs.Add((name, new(style, format, Bibliography: true, items)));
            if (cite) jobs.Add((name, new(style, format, Bibliography: false, items)));
        }

        var names = corpora.Select(c => c.Name).Distinct().ToArray();
        var theirs = CiteprocJs.Render(jobs.Select(j => j.Job).ToArray());
        var processor = new CslProcessor(CslStyle.Embedded(style));
        var differences = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var summary = new StringBuilder();
        for (var j = 0; j < jobs.Count; j++)
        {
            var (corpus, job) = jobs[j];
            var result = theirs[j];
            Assert.True(result.Error is null, $"citeproc-js failed on {style} {corpus} {Kind(job)}: {result.Error}");
            var document = processor.CreateDocument(job.Items);
            var pairs = new List<(string Id, string Ours, string Theirs)>();
            if (job.Bibliography)
            {
                var ours = document.BibliographyEntriesWithIds(job.Output);
                var ourIds = ours.Select(e => e.Id).ToArray();
                var byId = ours.ToDictionary(e => e.Id, e => e.Entry, StringComparer.Ordinal);
                for (var i = 0; i < result.Entries.Count; i++)
                {
                    var id = result.Ids[i];
                    pairs.Add((id, byId.TryGetValue(id, out var entry) ? CiteprocJs.Normalise(entry) : "(no entry)", CiteprocJs.Normalise(result.Entries[i])));
                }

                foreach (var id in ourIds.Except(result.Ids, StringComparer.Ordinal)) pairs.Add((id, CiteprocJs.Normalise(byId[id]), "(no entry)"));

                // The order is compared on its own, so that one item sorted differently does not count as many differences.
                var samePlace = Enumerable.Range(0, Math.Min(ourIds.Length, result.Ids.Count)).Count(i => ourIds[i] == result.Ids[i]);
                var orderLine = string.Create(CultureInfo.InvariantCulture, $"{style} {corpus}/{Kind(job)} order: {samePlace}/{result.Ids.Count} items at the same position");
                summary.AppendLine(orderLine);
                output.WriteLine(orderLine);
                if (samePlace != result.Ids.Count || ourIds.Length != result.Ids.Count)
                {
                    var first = Enumerable.Range(0, Math.Min(ourIds.Length, result.Ids.Count)).FirstOrDefault(i => ourIds[i] != result.Ids[i]);
                    differences[$"{style} {corpus}/{Kind(job)} (order)"] = $"first different position {first}: ours {ourIds.ElementAtOrDefault(first)}, theirs {result.Ids.ElementAtOrDefault(first)}";
                }
            }
            else
            {
                for (var i = 0; i < job.Items.Count; i++)
                {
                    var id = job.Items[i].Id!;
                    pairs.Add((id, CiteprocJs.Normalise(document.CiteAlone(id, job.Output)), CiteprocJs.Normalise(result.Citations[i])));
                }
            }

            var same = pairs.Count(p => p.Ours == p.Theirs);
            var share = pairs.Count == 0 ? 1 : (double)same / pairs.Count;
            var line = string.Create(CultureInfo.InvariantCulture, $"{style} {corpus}/{Kind(job)}: {same}/{pairs.Count} identical ({share:P1})");
            summary.AppendLine(line);
            output.WriteLine(line);
            if (job.Output != CitationOutput.Html && share < MinimumShare)
            {
                // Listed like a difference (shrink-only), so the figure below the goal is visible in the list and in review.
                differences[$"{style} {corpus}/{Kind(job)} (below 95%)"] = line;
            }

            foreach (var (id, ours, theirsText) in pairs.Where(p => p.Ours != p.Theirs))
            {
                differences[$"{style} {corpus}/{Kind(job)} {id}"] = $"ours   {ours}\n    theirs {theirsText}";
            }
        }

        var listed = ReadList();
        var unlisted = differences.Keys.Where(k => !listed.ContainsKey(k)).ToList();
        var unexplained = listed.Where(p => IsCorpusLine(p.Key, style, names) && differences.ContainsKey(p.Key) && IsUnexplained(p.Value)).Select(p => p.Key).ToList();
        var stale = listed.Keys.Where(k => IsCorpusLine(k, style, names) && !differences.ContainsKey(k)).ToList();
        WriteArtifacts(style + (group == "generated" ? "" : "." + group), summary.ToString(), differences);
        if (Environment.GetEnvironmentVariable("CSL_ORACLE_RECORD") == "1") Record(style, names, differences, listed);

        foreach (var key in unlisted.Take(40)) output.WriteLine($"UNLISTED {key}\n    {differences[key]}");
        Assert.True(unlisted.Count == 0, $"{unlisted.Count} differences from citeproc-js not in {ListName}, e.g.:\n" + string.Join("\n", unlisted.Take(10).Select(k => k + "\n    " + differences[k])));
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} differences listed without a reason in {ListName}: " + string.Join(", ", unexplained.Take(10)));
        Assert.True(stale.Count == 0, $"{stale.Count} listed differences no longer occur (remove them from {ListName}, or run with CSL_ORACLE_RECORD=1): " + string.Join(", ", stale.Take(10)));
    }

    private static string Kind(CiteprocJs.Job job) => (job.Bibliography ? "bib-" : "cite-") + (job.Output == CitationOutput.Html ? "html" : "text");

    // A line of one of the named corpora for this style (the fixture's lines are checked by the fixture test).
    private static bool IsCorpusLine(string key, string style, IEnumerable<string> corpora) =>
        corpora.Any(c => key.StartsWith(style + " " + c + "/", StringComparison.Ordinal));

    private static bool IsUnexplained(string reason) => reason.Length == 0 || reason.StartsWith("TODO", StringComparison.Ordinal);

    private static string ListPath => Path.Combine(AppContext.BaseDirectory, "Interop", ListName);

    private static string? SourceListPath => InteropTools.RepositoryRoot is { } root ? Path.Combine(root, "tests", "ScholarlyRecord.Tests", "Interop", ListName) : null;

    // Lines: "<style> <corpus>/<kind> <item id> | <reason>"; blank lines and lines starting with # are ignored.
    private static Dictionary<string, string> ReadList()
    {
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = SourceListPath is { } source && File.Exists(source) ? source : ListPath;
        if (!File.Exists(path)) return listed;
        foreach (var raw in File.ReadAllLines(path, Encoding.UTF8))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var bar = line.IndexOf(" | ", StringComparison.Ordinal);
            listed[bar < 0 ? line : line[..bar].Trim()] = bar < 0 ? string.Empty : line[(bar + 3)..].Trim();
        }

        return listed;
    }

    private static readonly Lock RecordLock = new();

    // Rewrites this style's lines in the source list, keeping the header, other styles' lines and known reasons.
    private static void Record(string style, IReadOnlyList<string> corpora, IEnumerable<KeyValuePair<string, string>> keys, Dictionary<string, string> listed)
    {
        if (SourceListPath is not { } path) return;
        lock (RecordLock)
        {
            var header = File.Exists(path) ? File.ReadAllLines(path, Encoding.UTF8).TakeWhile(l => l.StartsWith('#') || l.Length == 0).ToList() : [];
            var current = ReadList();
            foreach (var key in current.Keys.Where(k => IsCorpusLine(k, style, corpora)).ToList()) current.Remove(key);
            foreach (var (key, detail) in keys) current[key] = listed.TryGetValue(key, out var reason) && !IsUnexplained(reason) && key[^1] != ')' ? reason : Classify(key, detail);
            var lines = header.Concat(current.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + " | " + p.Value));
            File.WriteAllLines(path, lines, new UTF8Encoding(false));
        }
    }

    /// <summary>
    /// A first reason for a new difference (and, for the "(order)" and "(below 95%)" lines, always the current figures), from what changes between the two outputs; reviewed by hand before the list
    /// is committed. Returns "TODO ..." when no rule applies.
    /// </summary>
    internal static string Classify(string key, string detail)
    {
        if (key.EndsWith("(below 95%)", StringComparison.Ordinal)) return "share below the 95% goal: " + detail + "; the item lines below give the causes";
        if (key.EndsWith("(order)", StringComparison.Ordinal)) return "sort order: " + detail + " (collation of names and titles differs from citeproc-js's, see the item lines)";
        var parts = detail.Split("\n    theirs ", 2);
        var ours = parts[0].StartsWith("ours   ", StringComparison.Ordinal) ? parts[0][7..] : parts[0];
        var theirs = parts.Length > 1 ? parts[1] : string.Empty;
        if (string.Equals(ours, theirs, StringComparison.OrdinalIgnoreCase)) return "text-case: " + Causes(ours, theirs);
        static string Quotes(string t) => QuoteChars().Replace(t, "'");
        if (Quotes(ours) == Quotes(theirs)) return "quotes: straight quotes and apostrophes in the data are converted differently (citeproc-js makes ' into ’ and alternates nested quotes)";
        if (string.Equals(Quotes(ours), Quotes(theirs), StringComparison.OrdinalIgnoreCase)) return "text-case and quotes: both of the reasons above";
        static string NoSpace(string t) => Space().Replace(t, "");
        if (NoSpace(ours) == NoSpace(theirs)) return "spacing: white space around punctuation, a label or a stripped character differs";
        static string NoSuffix(string t) => YearSuffix().Replace(t, "$1");
        if (NoSuffix(ours) == NoSuffix(theirs)) return "year-suffix: a different letter or none (follows from the sort order or the disambiguation)";
        if (InTerm().Replace(theirs, " ").Trim() == ours.Trim() || InTerm().Replace(theirs, " ").Replace(" .", ".", StringComparison.Ordinal).Trim() == ours.Trim())
        {
            return "group suppression: citeproc-js keeps the \"In\" term of a group whose other members (editors, container title) are all empty; we suppress the group, as CSL 1.0.2 says for a group whose called variables are all empty at any depth";
        }

        if (theirs.Contains("(n.d.)", StringComparison.Ordinal) && !ours.Contains("(n.d.)", StringComparison.Ordinal)) return "no date: citeproc-js prints (n.d.) for an item with no issued date where we print nothing (the style's no-date branch)";
        if (PageLabel().Replace(theirs, "") == PageLabel().Replace(ours, "")) return "page label: p. / pp. (or none) chosen differently for roman or prefixed page ranges (xi-xv, S12-S15) and single prefixed pages (e123)";
        if (key.Contains("/cite-", StringComparison.Ordinal) && theirs.Length != ours.Length) return "disambiguation: the names or given names added to tell cites apart differ (add-names / add-givenname)";
        return Causes(ours, theirs);
    }

    // The causes of a difference with more than one changed place: the entries are compared word by word (longest
    // common subsequence) and each changed run of words is named; a run no rule names makes the line "unreviewed".
    private static string Causes(string ours, string theirs)
    {
        var a = ours.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = theirs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        // A changed run counts as in the names when it starts before the first date or role label of the entry.
        var namesEnd = NamesEnd().Match(theirs) is { Success: true } m ? theirs[..m.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length : 0;
        var causes = new SortedSet<string>(StringComparer.Ordinal);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
                continue;
            }

            int startX = x, startY = y;
            while ((x < a.Length || y < b.Length) && !(x < a.Length && y < b.Length && a[x] == b[y]))
            {
                if (y >= b.Length || (x < a.Length && common[x + 1, y] >= common[x, y + 1])) x++;
                else y++;
            }

            causes.Add(Cause(string.Join(' ', a[startX..x]), string.Join(' ', b[startY..y]), startY < namesEnd));
        }

        if (causes.Count == 0) return "white space only (collapsed by the comparison)";
        var unexplained = causes.Remove("other");
        var text = string.Join("; ", causes);
        return unexplained
            ? "unreviewed: differences no rule names, besides: " + (causes.Count == 0 ? "none" : text) + " (see artifacts/csl-oracle/<style>.txt after a run)"
            : "stress text, several causes: " + text;
    }

    private static string Cause(string ours, string theirs, bool inNames)
    {
        if (string.Equals(ours, theirs, StringComparison.OrdinalIgnoreCase))
        {
            return ours.Split(' ').Zip(theirs.Split(' ')).All(p => p.First == p.Second || (OneLetter().IsMatch(p.First) && string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)))
                ? "title case of one-letter words (the spec capitalizes every lowercase word; citeproc-js leaves one-letter words lower case, kept)"
                : "title case (citeproc-js's word boundaries inside words with dashes, controls and non-Latin letters, and its own stop words, differ from the spec's)";
        }

        if (Unquoted(ours) == Unquoted(theirs)) return "quotes (citeproc-js converts straight quotes and apostrophes differently)";
        if (SuffixPeriod().Replace(ours, "$1") == SuffixPeriod().Replace(theirs, "$1")) return "suffix period (Jr. / Sr.: one processor keeps the full stop of the suffix, the other drops it)";
        if (Space().Replace(Suffix().Replace(ours, ""), "") == Space().Replace(Suffix().Replace(theirs, ""), "")) return "names: a suffix (Jr., Sr., III) one processor leaves out";
        if (Space().Replace(ours, "") == Space().Replace(theirs, "")) return "spacing around punctuation";
        if (inNames) return "names (initials, particles, suffixes or the order of the parts of stress names differ)";
        if (theirs.Contains("n.d.", StringComparison.Ordinal) != ours.Contains("n.d.", StringComparison.Ordinal)) return "no date term";
        return "other";
    }

    private static string Unquoted(string text) => QuoteChars().Replace(text, "'");

    [System.Text.RegularExpressions.GeneratedRegex("\\((n\\.d\\.|\\d{3,4})|, (ed|eds|trans)\\.|\\((Ed|Eds|Trans)\\.|\\. (n\\.d\\.|\\d{3,4})\\.|, \\d{3,4}\\b")]
    private static partial System.Text.RegularExpressions.Regex NamesEnd();

    [System.Text.RegularExpressions.GeneratedRegex("\\b(Jr|Sr)\\.")]
    private static partial System.Text.RegularExpressions.Regex SuffixPeriod();

    [System.Text.RegularExpressions.GeneratedRegex(",? ?\\b(Jr|Sr|III|II|IV)\\b\\.?")]
    private static partial System.Text.RegularExpressions.Regex Suffix();

    [System.Text.RegularExpressions.GeneratedRegex("^\\W*\\p{L}\\W*$")]
    private static partial System.Text.RegularExpressions.Regex OneLetter();

    [System.Text.RegularExpressions.GeneratedRegex("[\"'\u2018\u2019\u201C\u201D]")]
    private static partial System.Text.RegularExpressions.Regex QuoteChars();

    [System.Text.RegularExpressions.GeneratedRegex("(?<=^|[ .,])[Ii]n[.:,]?(?= |$)")]
    private static partial System.Text.RegularExpressions.Regex InTerm();

    [System.Text.RegularExpressions.GeneratedRegex("\\bpp?\\. ?")]
    private static partial System.Text.RegularExpressions.Regex PageLabel();

    [System.Text.RegularExpressions.GeneratedRegex("\\s+")]
    private static partial System.Text.RegularExpressions.Regex Space();

    [System.Text.RegularExpressions.GeneratedRegex("(\\d{4}|n\\.d\\.)-?[a-z]{1,2}\\b")]
    private static partial System.Text.RegularExpressions.Regex YearSuffix();

    // The figures and every difference of the last run, for reading: artifacts/csl-oracle/<style>.txt (git-ignored).
    private static void WriteArtifacts(string style, string summary, SortedDictionary<string, string> differences)
    {
        if (InteropTools.RepositoryRoot is not { } root) return;
        var folder = Path.Combine(root, "artifacts", "csl-oracle");
        Directory.CreateDirectory(folder);
        var text = new StringBuilder(summary).AppendLine();
        foreach (var (key, value) in differences) text.AppendLine(key).Append("    ").AppendLine(value);
        File.WriteAllText(Path.Combine(folder, style + ".txt"), text.ToString(), new UTF8Encoding(false));
    }
}
