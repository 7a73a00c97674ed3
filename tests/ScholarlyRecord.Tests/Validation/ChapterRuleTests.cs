using System.Text.RegularExpressions;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using ScholarlyRecord.Validation;
using Xunit;

namespace ScholarlyRecord.Tests.Validation;

public sealed class ChapterRuleTests
{
    private sealed class FixedClock(int year) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(year, 6, 1, 0, 0, 0, TimeSpan.Zero);
    }

    private static readonly TimeProvider Clock = new FixedClock(2026);

    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    private static Contributor Person(string family, string? orcid = null) =>
        new() { Name = new PersonName { Given = "A", Family = family }, Orcid = orcid is null ? null : Orcid.Parse(orcid) };

    private static Chapter WithMoney(decimal amount, string currency) =>
        Haslam with { Offers = [Haslam.Offers[0] with { Price = new Money { Amount = amount, Currency = currency } }] };

    /// <summary>For each model rule: a chapter that triggers it (with the expected path) and one that does not.</summary>
    /// <summary>
    /// One row of <see cref="Rules"/>. Its display name is the code and path only: the chapters hold the very text the
    /// rules flag (control characters, lone surrogates), which has no place in a test name or a TRX report.
    /// </summary>
    public sealed record RuleCase(string Code, string Path, Chapter Broken, Chapter Fine)
    {
        public override string ToString() => Code + " at " + Path;
    }

    public static TheoryData<RuleCase> RuleRows
    {
        get
        {
            var rows = new TheoryData<RuleCase>();
            foreach (var row in Rules) rows.Add(new RuleCase(row.Data.Item1, row.Data.Item2, row.Data.Item3, row.Data.Item4));
            return rows;
        }
    }

    public static TheoryData<string, string, Chapter, Chapter> Rules => new()
    {
        { "SR1001", "/title", Haslam with { Title = " " }, Haslam },
        { "SR1002", "/book/title", Haslam with { Book = Haslam.Book! with { Title = null } }, Haslam },
        { "SR1003", "/title", Haslam with { Title = "Con\u0001clusions" }, Haslam with { Abstract = ["line\nbreak\tand tab"] } },
        { "SR1004", "/subtitle", Haslam with { Subtitle = "a\u202Eb" }, Haslam with { Subtitle = "a b" } },
        { "SR1005", "/keywords/0", Haslam with { Keywords = ["a\uD800"] }, Haslam with { Keywords = ["a\uD83D\uDE00"] } },
        { "SR1006", "/abstract/0", Haslam with { Abstract = ["<jats:p>Hi</jats:p>"] }, Haslam with { Abstract = ["a < b & c > d"] } },
        { "SR1007", "/title", Haslam with { Title = "Conclusions " }, Haslam },
        { "SR1008", "/contributors", Haslam with { Contributors = [] }, Haslam },
        { "SR1009", "/doi", Haslam with { Doi = null }, Haslam },
        { "SR1010", "/publicationDate", Haslam with { PublicationDate = PartialDate.Parse("2028") }, Haslam with { PublicationDate = PartialDate.Parse("2027") } },
        { "SR1011", "/metrics/asOf", Haslam with { Metrics = new AccessMetrics { AsOf = default(PartialDate) } }, Haslam with { Metrics = new AccessMetrics { AsOf = PartialDate.Parse("2024-05") } } },
        { "SR1012", "/copyright/year", Haslam with { Copyright = Haslam.Copyright! with { Year = 1993 } }, Haslam },
        { "SR1013", "/doi", Haslam with { Doi = Doi.Parse("10.1007/978-1-349-05679-7_7") }, Haslam },
        { "SR1014", "/book/isbns", Haslam with { Book = Haslam.Book! with { Isbns = [] } }, Haslam },
        { "SR1015", "/number", Haslam with { Number = "8" }, Haslam with { Number = null } },
        { "SR1016", "/book/doi", Haslam with { Book = Haslam.Book! with { Doi = Doi.Parse("10.1007/978-1-349-05680-4") } }, Haslam },
        { "SR1017", "/pages", Haslam with { Pages = new PageRange { First = "xv", Last = "xi" } }, Haslam with { Pages = new PageRange { First = "123", Last = "9" } } },
        { "SR1018", "/offers/0/price/amount", WithMoney(-1m, "USD"), WithMoney(1m, "USD") },
        { "SR1019", "/offers/0/price/amount", WithMoney(0m, "USD"), WithMoney(0.01m, "USD") },
        { "SR1020", "/offers/0/price/currency", WithMoney(1m, "XYZ"), WithMoney(1m, "EUR") },
        { "SR1021", "/metrics/accesses", Haslam with { Metrics = new AccessMetrics { Accesses = -1 } }, Haslam with { Metrics = new AccessMetrics { Accesses = 0 } } },
        { "SR1022", "/notes/1/number", Haslam with { Notes = [Haslam.Notes[0], Haslam.Notes[0] with { Number = 3 }] }, Haslam with { Notes = [Haslam.Notes[0], Haslam.Notes[0] with { Number = 2 }] } },
        { "SR1023", "/notes/0/links/0/url", Haslam with { Notes = [Haslam.Notes[0] with { Links = [new Link { Url = "relative/path" }] }] }, Haslam with { Notes = [Haslam.Notes[0] with { Links = [new Link { Url = "https://scholar.google.com/x" }] }] } },
        { "SR1024", "/contributors/1", Haslam with { Contributors = [Person("B"), Person("B")] }, Haslam with { Contributors = [Person("B"), Person("C")] } },
        { "SR1025", "/contributors/1/orcid", Haslam with { Contributors = [Person("B", "0000-0002-1825-0097"), Person("C", "0000-0002-1825-0097")] }, Haslam with { Contributors = [Person("B", "0000-0002-1825-0097"), Person("C")] } },
        { "SR1026", "/book/isbns/0/value", Haslam with { Book = Haslam.Book! with { Isbns = [new BookIsbn { Value = default }] } }, Haslam },
        { "SR1027", "/contributors/0/name", Haslam with { Contributors = [new Contributor { Name = new PersonName() }] }, Haslam },
        { "SR1028", "/title", Haslam with { Title = "Cafe\u0301" }, Haslam with { Title = "Caf\u00E9" } },
    };

    [Theory]
    [MemberData(nameof(RuleRows))]
    public void Validate_RuleCase_TriggersOnlyWhenBroken(RuleCase rule)
    {
        var (code, path, broken, fine) = rule;
        var report = ChapterValidator.Validate(broken, Clock);
        Assert.Contains(report.Diagnostics, i => i.Code == code && i.Path == path);
        Assert.DoesNotContain(ChapterValidator.Validate(fine, Clock).Diagnostics, i => i.Code == code);
    }

    [Fact]
    public void Catalogue_EveryDocumentedCode_HasTestsAndNoUndocumentedCodes()
    {
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "validation-rules.md"));
        var documented = Regex.Matches(docs, @"^\| (SR1\d{3}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var tested = Rules.Select(row => (string)row.Data.Item1).ToHashSet();
        Assert.Equal(documented.Order(), tested.Order());
        var schemaDocumented = Regex.Matches(docs, @"^\| (SR0\d{3}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var schemaTested = ValidationTests.Mutations.Select(row => (string)row.Data.Item4).Concat(["SR0001", "SR0002", "SR0011"]).ToHashSet();
        // SR0003, SR0009 and SR0019 are safety nets the published schema cannot trigger.
        Assert.Empty(schemaDocumented.Except(schemaTested).Except(["SR0003", "SR0009", "SR0019"]));
    }

    [Fact]
    public void Validate_YearRule_UsesTimeProvider()
    {
        var chapter = Haslam with { PublicationDate = PartialDate.Parse("2027") };
        Assert.DoesNotContain(ChapterValidator.Validate(chapter, new FixedClock(2026)).Diagnostics, i => i.Code == "SR1010");
        Assert.Contains(ChapterValidator.Validate(chapter, new FixedClock(2025)).Diagnostics, i => i.Code == "SR1010");
    }

    private static readonly string[] BadTexts = ["a\u0001b", "a\u0085b", "a\u202Eb", "a\u2066b", "a\u200Fb", "a\uD800b", "<i>x</i>", "x</sup>", "<jats:p>x", "a&nbsp;b", "a&#160;b", " a", "a "];

    private static readonly string[] BadTextCodes = ["SR1003", "SR1003", "SR1004", "SR1004", "SR1004", "SR1005", "SR1006", "SR1006", "SR1006", "SR1006", "SR1006", "SR1007", "SR1007"];

    /// <summary>Every string slot of the model, as a function that puts text there, with its pointer.</summary>
    private static IEnumerable<(string Path, Func<string, Chapter> Put)> Slots()
    {
        var h = Haslam;
        var b = h.Book!;
        var c = h.Contributors[0];
        var n = h.Notes[0];
        var o = h.Offers[0];
        yield return ("/title", t => h with { Title = t });
        yield return ("/subtitle", t => h with { Subtitle = t });
        yield return ("/number", t => h with { Number = t });
        yield return ("/language", t => h with { Language = t });
        yield return ("/abstract/0", t => h with { Abstract = [t] });
        yield return ("/keywords/0", t => h with { Keywords = [t] });
        yield return ("/contributors/0/name/given", t => h with { Contributors = [c with { Name = c.Name with { Given = t } }] });
        yield return ("/contributors/0/name/family", t => h with { Contributors = [c with { Name = c.Name with { Family = t } }] });
        yield return ("/contributors/0/name/particle", t => h with { Contributors = [c with { Name = c.Name with { Particle = t } }] });
        yield return ("/contributors/0/name/suffix", t => h with { Contributors = [c with { Name = c.Name with { Suffix = t } }] });
        yield return ("/contributors/0/name/literal", t => h with { Contributors = [c with { Name = new PersonName { Literal = t } }] });
        yield return ("/contributors/0/affiliations/0", t => h with { Contributors = [c with { Affiliations = [t] }] });
        yield return ("/book/title", t => h with { Book = b with { Title = t } });
        yield return ("/book/subtitle", t => h with { Book = b with { Subtitle = t } });
        yield return ("/book/edition", t => h with { Book = b with { Edition = t } });
        yield return ("/book/contributors/0/name/family", t => h with { Book = b with { Contributors = [c with { Name = c.Name with { Family = t } }] } });
        yield return ("/book/series/title", t => h with { Book = b with { Series = b.Series! with { Title = t } } });
        yield return ("/book/series/abbreviation", t => h with { Book = b with { Series = b.Series! with { Abbreviation = t } } });
        yield return ("/book/series/volume", t => h with { Book = b with { Series = b.Series! with { Volume = t } } });
        yield return ("/book/publisher/name", t => h with { Book = b with { Publisher = b.Publisher! with { Name = t } } });
        yield return ("/book/publisher/location", t => h with { Book = b with { Publisher = b.Publisher! with { Location = t } } });
        yield return ("/pages/first", t => h with { Pages = new PageRange { First = t } });
        yield return ("/pages/last", t => h with { Pages = new PageRange { First = "1", Last = t } });
        yield return ("/notes/0/label", t => h with { Notes = [n with { Label = t }] });
        yield return ("/notes/0/text", t => h with { Notes = [n with { Text = t }] });
        yield return ("/notes/0/links/0/label", t => h with { Notes = [n with { Links = [new Link { Label = t }] }] });
        yield return ("/references/0/key", t => h with { References = [new Reference { Key = t }] });
        yield return ("/references/0/text", t => h with { References = [new Reference { Text = t }] });
        yield return ("/copyright/holder", t => h with { Copyright = h.Copyright! with { Holder = t } });
        yield return ("/copyright/statement", t => h with { Copyright = h.Copyright! with { Statement = t } });
        yield return ("/offers/0/label", t => h with { Offers = [o with { Label = t }] });
        yield return ("/offers/0/features/0", t => h with { Offers = [o with { Features = [t] }] });
        yield return ("/offers/0/taxNote", t => h with { Offers = [o with { TaxNote = t }] });
        yield return ("/extraFields/0/name", t => h with { ExtraFields = [new ExtraField { Name = t, Value = "v" }] });
        yield return ("/extraFields/0/value", t => h with { ExtraFields = [new ExtraField { Name = "x:y", Value = t }] });
    }

    [Fact]
    public void Validate_BadTextInAnyStringSlot_ReportedWithOwnCode()
    {
        foreach (var (path, put) in Slots())
        {
            for (var i = 0; i < BadTexts.Length; i++)
            {
                var report = ChapterValidator.Validate(put(BadTexts[i]), Clock);
                Assert.True(report.Diagnostics.Any(x => x.Code == BadTextCodes[i] && x.Path == path), $"{path} <- {BadTexts[i]}: {report}");
            }
            Assert.DoesNotContain(ChapterValidator.Validate(put("Clean text, 1990\u20131995"), Clock).Diagnostics, x => x.Path == path);
        }
    }

    [Theory]
    [MemberData(nameof(TextCases))]
    public void Validate_CatalogueTextCase_MarkupFlaggedEverywhere(EdgeCase c)
    {
        // The catalogue has no "invalid:" text case; its normalizes-to inputs that hold tags or entities are exactly what
        // the markup rule is for, and the roundtrip case must stay clean.
        var expectMarkup = c.ExpectKind == "normalizes-to" && (c.InputText.Contains('<', StringComparison.Ordinal) || c.InputText.Contains('&', StringComparison.Ordinal));
        foreach (var (path, put) in Slots())
        {
            var report = ChapterValidator.Validate(put(c.InputText), Clock);
            Assert.Equal(expectMarkup, report.Diagnostics.Any(x => x.Code == "SR1006" && x.Path == path));
        }
    }

    public static TheoryData<EdgeCase> TextCases => EdgeCases.For("text");
}
