using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Tests.Support;

/// <summary>
/// Realistic CSL-JSON items of the types other than chapters (journal articles, books, reports, theses, web pages,
/// conference papers, newspaper and encyclopedia entries, datasets): names with particles, suffixes and
/// organisations; dates with day, month or year only, and ranges; pages, volumes, issues, DOIs. Deterministic: the
/// same seed gives the same items on every run and platform (a seeded <see cref="Random"/> draws from fixed lists).
/// </summary>
public static class CslItemGenerator
{
    private static readonly string[] Types =
    [
        "article-journal", "article-journal", "article-journal", "book", "book", "report", "thesis", "webpage",
        "paper-conference", "article-newspaper", "article-magazine", "entry-encyclopedia", "dataset", "chapter",
    ];

    private static readonly string[] Given =
    [
        "Jonathan", "Maria", "Jean-Paul", "Émile", "Søren", "Ana María", "Li", "Wei", "Kwame", "Olga", "J. R. R.",
        "Hans-Georg", "Siobhán", "Takeshi", "Priya", "Zoë", "Mohammed", "Ewa", "Björn", "Chidi", "Ines", "Pedro",
    ];

    private static readonly string[] Family =
    [
        "Haslam", "Smith", "Müller", "García Márquez", "O'Brien", "Nguyen", "Kowalski", "Dupont", "Andersson",
        "Okafor", "Tanaka", "Ivanova", "Fischer", "Rossi", "Ødegård", "Lefèvre", "Novák", "Chen", "Patel", "Brown",
        "Schmidt", "Jones", "Adeyemi", "Kim", "Zhang", "MacDonald", "Smith-Jones", "Çelik",
    ];

    // (non-dropping particle, dropping particle): e.g. "van" Gogh (non-dropping), Ludwig "van" Beethoven (dropping).
    private static readonly (string? NonDropping, string? Dropping)[] Particles =
    [
        ("van", null), ("de", null), ("van der", null), ("von", null), ("da", null), ("de la", null), ("ten", null),
        (null, "van"), (null, "von"), (null, "de"), ("van", "de"),
    ];

    private static readonly string[] Suffixes = ["Jr.", "Sr.", "III", "II"];

    private static readonly string[] Organisations =
    [
        "World Health Organization", "European Commission", "National Research Council", "Deutsche Forschungsgemeinschaft",
        "United Nations Development Programme", "Institute of Physics", "The Royal Society",
    ];

    private static readonly string[] Words =
    [
        "climate", "policy", "evidence", "network", "history", "learning", "models", "soil", "memory", "urban",
        "migration", "protein", "language", "power", "health", "markets", "ethics", "ocean", "labour", "trust",
        "growth", "identity", "risk", "water", "reform", "children", "energy", "war", "design", "data",
    ];

    private static readonly string[] Openers =
    [
        "The", "A", "On", "Towards", "Rethinking", "Understanding", "Beyond", "Why", "How", "Measuring", "New",
    ];

    private static readonly string[] Journals =
    [
        "Nature", "Journal of Modern History", "The Lancet", "Physical Review Letters", "American Economic Review",
        "Soil Biology and Biochemistry", "PLOS ONE", "Journal of the American Chemical Society", "Past & Present",
        "Annals of Mathematics", "eLife", "Zeitschrift für Soziologie",
    ];

    private static readonly string[] Publishers =
    [
        "Palgrave Macmillan", "Oxford University Press", "Cambridge University Press", "Springer", "Routledge",
        "MIT Press", "De Gruyter", "Elsevier", "University of Chicago Press", "Wiley",
    ];

    private static readonly string[] Places = ["London", "New York", "Oxford", "Cambridge", "Berlin", "Cham", "Chicago", "Paris", "Basingstoke"];

    private static readonly string[] Sites = ["BBC News", "Wikipedia", "The Conversation", "GOV.UK", "Our World in Data"];

    private static readonly string[] Newspapers = ["The Guardian", "The New York Times", "Le Monde", "Financial Times"];

    private static readonly string[] Magazines = ["The Economist", "Scientific American", "New Scientist", "Wired"];

    private static readonly string[] Encyclopedias = ["Stanford Encyclopedia of Philosophy", "Encyclopædia Britannica", "Oxford Research Encyclopedia of Politics"];

    private static readonly string[] Events = ["International Conference on Machine Learning", "Annual Meeting of the Association for Computational Linguistics", "European Conference on Computer Vision"];

    private static readonly string[] Genres = ["PhD thesis", "Master's thesis", "Doctoral dissertation"];

    private static readonly string[] Universities = ["University of Oxford", "Universität Heidelberg", "University of Toronto", "Sorbonne Université", "Stanford University"];

    private static readonly string[] Repositories = ["Zenodo", "Dryad", "Figshare", "UK Data Service"];

    /// <summary>The same <paramref name="count"/> items on every run, with ids <c>item-1</c> ... <c>item-N</c>.</summary>
    /// <param name="count">How many items.</param>
    /// <param name="seed">The seed of the pseudo-random draw.</param>
    /// <returns>The items as CSL-JSON objects.</returns>
    public static List<JsonObject> Fixed(int count, int seed)
    {
        var random = new Random(seed);
        var items = new List<JsonObject>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(Item(random, "item-" + (i + 1).ToString(CultureInfo.InvariantCulture), Types[i % Types.Length]));
        }

        return items;
    }

    /// <summary>The items as the library's <see cref="CslItem"/>s.</summary>
    /// <param name="items">CSL-JSON objects.</param>
    /// <returns>The parsed items.</returns>
    public static IReadOnlyList<CslItem> ToCslItems(IEnumerable<JsonObject> items) =>
        CslJsonDocument.Parse(new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()).ToJsonString()).Items;

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static bool Chance(Random random, int percent) => random.Next(100) < percent;

    private static JsonObject Item(Random random, string id, string type)
    {
        var item = new JsonObject { ["id"] = id, ["type"] = type, ["title"] = Title(random) };
        var authors = random.Next(100) switch
        {
            < 5 => 0,
            < 40 => 1,
            < 65 => 2,
            < 80 => 3,
            < 92 => random.Next(4, 8),
            _ => random.Next(8, 25),
        };
        if (authors > 0) item["author"] = Names(random, authors, organisations: type is "report" or "webpage" or "dataset");
        item["issued"] = Date(random, allowRange: type is not ("webpage" or "dataset"));
        if (Chance(random, 60)) item["DOI"] = Doi(random);
        switch (type)
        {
            case "article-journal":
                item["container-title"] = Pick(random, Journals);
                item["volume"] = random.Next(1, 300).ToString(CultureInfo.InvariantCulture);
                if (Chance(random, 70)) item["issue"] = random.Next(1, 13).ToString(CultureInfo.InvariantCulture);
                item["page"] = Pages(random);
                break;
            case "book":
                if (authors == 0 || Chance(random, 15)) item["editor"] = Names(random, random.Next(1, 4), organisations: false);
                Publisher(random, item);
                if (Chance(random, 25)) item["edition"] = random.Next(2, 6).ToString(CultureInfo.InvariantCulture);
                if (Chance(random, 20)) item["collection-title"] = Title(random);
                if (Chance(random, 15)) item["number-of-pages"] = random.Next(90, 700).ToString(CultureInfo.InvariantCulture);
                break;
            case "chapter":
                item["container-title"] = Title(random);
                item["editor"] = Names(random, random.Next(1, 4), organisations: false);
                Publisher(random, item);
                item["page"] = Pages(random);
                break;
            case "report":
                Publisher(random, item);
                if (Chance(random, 60)) item["number"] = random.Next(1, 9999).ToString(CultureInfo.InvariantCulture);
                if (Chance(random, 30)) item["collection-title"] = "Working Paper Series";
                break;
            case "thesis":
                item["genre"] = Pick(random, Genres);
                item["publisher"] = Pick(random, Universities);
                if (Chance(random, 60)) item["publisher-place"] = Pick(random, Places);
                break;
            case "webpage":
                item["container-title"] = Pick(random, Sites);
                item["URL"] = "https://example.org/" + Pick(random, Words) + "/" + random.Next(1000, 99999).ToString(CultureInfo.InvariantCulture);
                item["accessed"] = DateParts(new JsonArray(2024, random.Next(1, 13), random.Next(1, 29)));
                break;
            case "paper-conference":
                item["container-title"] = "Proceedings of the " + Pick(random, Events);
                item["event-title"] = Pick(random, Events);
                if (Chance(random, 60)) item["event-place"] = Pick(random, Places);
                Publisher(random, item);
                item["page"] = Pages(random);
                break;
            case "article-newspaper":
                item["container-title"] = Pick(random, Newspapers);
                item["issued"] = DateParts(new JsonArray(random.Next(1990, 2025), random.Next(1, 13), random.Next(1, 29)));
                if (Chance(random, 50)) item["page"] = random.Next(1, 40).ToString(CultureInfo.InvariantCulture);
                break;
            case "article-magazine":
                item["container-title"] = Pick(random, Magazines);
                if (Chance(random, 70)) item["volume"] = random.Next(1, 500).ToString(CultureInfo.InvariantCulture);
                item["page"] = Pages(random);
                break;
            case "entry-encyclopedia":
                item["container-title"] = Pick(random, Encyclopedias);
                if (Chance(random, 50)) Publisher(random, item);
                if (Chance(random, 50)) item["URL"] = "https://example.org/entries/" + Pick(random, Words);
                break;
            case "dataset":
                item["publisher"] = Pick(random, Repositories);
                if (Chance(random, 50)) item["version"] = random.Next(1, 5).ToString(CultureInfo.InvariantCulture) + "." + random.Next(0, 10).ToString(CultureInfo.InvariantCulture);
                break;
        }

        return item;
    }

    private static void Publisher(Random random, JsonObject item)
    {
        item["publisher"] = Pick(random, Publishers);
        if (Chance(random, 70)) item["publisher-place"] = Pick(random, Places);
    }

    private static string Title(Random random)
    {
        var words = new List<string> { Pick(random, Openers) };
        var count = random.Next(2, 7);
        for (var i = 0; i < count; i++) words.Add(Pick(random, Words));
        if (Chance(random, 30)) words.Insert(2, "and");
        if (Chance(random, 20)) words.Insert(words.Count - 1, "of the");
        var title = string.Join(" ", words);
        if (Chance(random, 50)) title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(title);
        if (Chance(random, 25))
        {
            var word = Pick(random, Words);
            title += ": " + char.ToUpperInvariant(word[0]) + word[1..] + " in " + random.Next(1800, 2024).ToString(CultureInfo.InvariantCulture);
        }
        if (Chance(random, 8)) title += "?";
        return title;
    }

    private static JsonArray Names(Random random, int count, bool organisations)
    {
        var names = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            if (organisations && i == 0 && Chance(random, 40))
            {
                names.Add(new JsonObject { ["literal"] = Pick(random, Organisations) });
                continue;
            }

            var name = new JsonObject { ["family"] = Pick(random, Family) };
            if (Chance(random, 95)) name["given"] = Pick(random, Given);
            if (Chance(random, 15))
            {
                var (nonDropping, dropping) = Pick(random, Particles);
                if (nonDropping is not null) name["non-dropping-particle"] = nonDropping;
                if (dropping is not null) name["dropping-particle"] = dropping;
            }

            if (Chance(random, 5)) name["suffix"] = Pick(random, Suffixes);
            names.Add(name);
        }

        return names;
    }

    private static JsonObject Date(Random random, bool allowRange)
    {
        var year = random.Next(1950, 2025);
        var roll = random.Next(100);
        if (allowRange && roll < 8) return DateParts(new JsonArray(year), new JsonArray(year + random.Next(1, 4)));
        if (allowRange && roll < 12)
        {
            var month = random.Next(1, 12);
            return DateParts(new JsonArray(year, month), new JsonArray(year, month + 1));
        }

        if (roll < 60) return DateParts(new JsonArray(year));
        if (roll < 80) return DateParts(new JsonArray(year, random.Next(1, 13)));
        return DateParts(new JsonArray(year, random.Next(1, 13), random.Next(1, 29)));
    }

    private static JsonObject DateParts(params JsonArray[] parts) => new() { ["date-parts"] = new JsonArray(parts) };

    private static string Pages(Random random)
    {
        var roll = random.Next(100);
        if (roll < 10) return "e" + random.Next(1000, 99999).ToString(CultureInfo.InvariantCulture);
        if (roll < 20) return random.Next(1, 900).ToString(CultureInfo.InvariantCulture);
        var first = random.Next(1, 1500);
        return first.ToString(CultureInfo.InvariantCulture) + "-" + (first + random.Next(1, 40)).ToString(CultureInfo.InvariantCulture);
    }

    private static string Doi(Random random) =>
        "10." + random.Next(1000, 99999).ToString(CultureInfo.InvariantCulture) + "/" + Pick(random, Words) + "." + random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
}
