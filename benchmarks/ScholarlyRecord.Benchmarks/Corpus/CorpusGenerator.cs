using System.Globalization;
using System.Text;

namespace ScholarlyRecord.Benchmarks.Corpus;

/// <summary>
/// Makes realistic book chapters from a fixed seed: the same count always gives the same records, on every machine and
/// every run (System.Random with an explicit seed uses a fixed, documented algorithm). Records come one at a time from a
/// lazy sequence, so a million of them can be written in bounded memory.
/// </summary>
/// <remarks>
/// The pools below mix what real files are made of: accented and particle names ("Ludwig van Beethoven", "Ana de la
/// Cruz"), organisations as authors, editors, series with volumes and ISSNs, publishers with places, and abstracts of
/// 100-300 words that carry characters BibTeX must escape (%, &amp;, $, #, _, {, }, ~) and non-ASCII letters. Every DOI,
/// ISBN, ISSN and ORCID has a correct check digit.
/// </remarks>
internal static class CorpusGenerator
{
    /// <summary>The seed every corpus is drawn from.</summary>
    public const int Seed = 20_261_126;

    private static readonly string[] GivenNames =
    [
        "Jonathan", "María José", "François", "Jürgen", "Søren", "Łukasz", "Zoë", "Ángel", "Chloé", "Wei", "Aiko",
        "Oluwaseun", "Siobhán", "Björn", "Inês", "Mary", "Peter", "Anna", "José", "Ngozi", "Dmitri", "Eleni", "Hélène",
        "Karl-Heinz", "Ana", "Ludwig", "Rosa", "Tomás", "Priya", "Mehmet",
    ];

    private static readonly string[] FamilyNames =
    [
        "Haslam", "García Márquez", "Müller", "Ødegaard", "Brontë", "Nguyễn", "O'Brien", "Smith", "Kowalski", "Dvořák",
        "Schröder", "Jiménez", "Østergaard", "Fischer", "Okafor", "Tanaka", "Papadopoulos", "Lefèvre", "Andersson",
        "Rossi", "Yılmaz", "Clarke", "Zhang", "Novák", "Bäcker", "Costa", "Ferreira", "Dubois", "Moreau", "Walsh",
    ];

    private static readonly string[] Particles = ["van", "von", "de", "de la", "van der", "di", "du", "da"];

    private static readonly string[] Suffixes = ["Jr.", "III", "Sr."];

    private static readonly string[] Organisations =
    [
        "World Health Organization", "Institut für Sozialforschung", "Association for Computing Machinery",
        "Centre national de la recherche scientifique", "The Royal Society", "European Commission",
        "Consejo Superior de Investigaciones Científicas", "International Energy Agency",
    ];

    private static readonly string[] Affiliations =
    [
        "University of Oxford", "Universität Wien", "Université de Montréal", "Universidad de São Paulo",
        "Københavns Universitet", "Uniwersytet Jagielloński", "Kyoto University", "University of Lagos",
        "Eötvös Loránd University", "ETH Zürich",
    ];

    private static readonly (string Name, string Location, string Prefix, string Registrant)[] Publishers =
    [
        ("Springer", "Cham", "10.1007", "3-030"),
        ("Palgrave Macmillan", "London", "10.1057", "1-349"),
        ("Springer Nature Singapore", "Singapore", "10.1007", "981-19"),
        ("Routledge", "Abingdon", "10.4324", "1-003"),
        ("De Gruyter", "Berlin", "10.1515", "3-11"),
        ("Presses universitaires de Rennes", "Rennes", "10.4000", "2-7535"),
    ];

    private static readonly string[] SeriesTitles =
    [
        "Lecture Notes in Computer Science", "Studies in Soviet History and Society", "Advances in Intelligent Systems",
        "Palgrave Studies in Economic History", "Springer Series in Statistics", "Études & Recherches",
        "Contributions to Phenomenology", "Mathématiques & Applications",
    ];

    private static readonly string[] TitleWords =
    [
        "Conclusions", "Introduction", "Memory", "Networks", "Empire", "Trade", "Migration", "Learning", "Graphs",
        "Résumé", "Naïve", "Bayesian", "Inference", "Identity", "Rivers", "Climate", "Cities", "Élites", "Schrödinger",
        "Equations", "R&D", "Ethics", "Power", "Law", "Markets", "Algorithms", "Borders", "Über", "Cœur", "Archives",
    ];

    private static readonly string[] TitleJoiners = ["and", "of", "in", "for", "the", "on", "after", "between"];

    private static readonly string[] AbstractWords =
    [
        "the", "of", "and", "a", "in", "to", "is", "that", "for", "as", "with", "by", "on", "this", "chapter", "argues",
        "study", "we", "show", "model", "data", "results", "analysis", "policy", "historical", "evidence", "approach",
        "framework", "network", "growth", "50%", "R&D", "x_1", "$n$", "#3", "~5", "{braces}", "naïve", "café", "façade",
        "Gödel", "Poincaré", "São", "Paulo", "Zürich", "—", "coöperation", "état", "über", "–", "10^6", "α-helix",
        "\"quoted\"", "it's", "back\\slash", "O(n log n)", "€200", "1,000", "20th-century", "post-war", "Kraków",
    ];

    private static readonly string[] Keywords =
    [
        "history", "economics", "machine learning", "migration", "climate policy", "graph theory", "Soviet Union",
        "Bayesian inference", "urban studies", "ethics", "international relations", "archives",
    ];

    /// <summary>Yields <paramref name="count"/> chapters, always the same ones for the same count prefix.</summary>
    /// <param name="count">How many chapters.</param>
    /// <returns>A lazy sequence: each chapter is made when it is asked for.</returns>
    public static IEnumerable<Chapter> Generate(int count)
    {
        var random = new Random(Seed);
        var book = NextBook(random, 0);
        var chapterInBook = 0;
        for (var i = 0; i < count; i++)
        {
            // Several chapters share one book, as in real catalogues.
            if (chapterInBook >= 3 + (i % 7))
            {
                book = NextBook(random, i);
                chapterInBook = 0;
            }

            chapterInBook++;
            yield return NextChapter(random, book, chapterInBook);
        }
    }

    private static Book NextBook(Random random, int serial)
    {
        var publisher = Publishers[random.Next(Publishers.Length)];
        var isbnPrint = Isbn13(publisher.Registrant, serial * 2);
        var isbnOnline = Isbn13(publisher.Registrant, (serial * 2) + 1);
        var year = 1985 + random.Next(40);
        var editors = new List<Contributor>();
        var editorCount = random.Next(4);
        for (var e = 0; e < editorCount; e++) editors.Add(NextPerson(random, ContributorRole.Editor));

        Series? series = null;
        if (random.Next(3) > 0)
        {
            var issns = new List<SeriesIssn> { new() { Value = Issn.Parse(Issn7(random)), Medium = PublicationMedium.Print } };
            if (random.Next(2) == 0) issns.Add(new SeriesIssn { Value = Issn.Parse(Issn7(random)), Medium = PublicationMedium.Electronic });
            series = new Series
            {
                Title = SeriesTitles[random.Next(SeriesTitles.Length)],
                Volume = random.Next(1, 400).ToString(CultureInfo.InvariantCulture),
                Issns = issns,
            };
        }

        return new Book
        {
            Title = NextTitle(random, 3, 8),
            Subtitle = random.Next(3) == 0 ? NextTitle(random, 2, 6) : null,
            Contributors = editors,
            Isbns =
            [
                new BookIsbn { Value = Isbn.Parse(isbnPrint), Medium = PublicationMedium.Print },
                new BookIsbn { Value = Isbn.Parse(isbnOnline), Medium = PublicationMedium.Electronic },
            ],
            Doi = Doi.Parse(publisher.Prefix + "/" + Hyphenated(isbnOnline, publisher.Registrant)),
            Edition = random.Next(5) == 0 ? (2 + random.Next(3)).ToString(CultureInfo.InvariantCulture) : null,
            Series = series,
            Publisher = new Publisher { Name = publisher.Name, Location = publisher.Location },
            PublicationDate = new PartialDate(year),
        };
    }

    private static Chapter NextChapter(Random random, Book book, int number)
    {
        var contributors = new List<Contributor>();
        if (random.Next(12) == 0)
        {
            contributors.Add(new Contributor
            {
                Name = PersonName.FromLiteral(Organisations[random.Next(Organisations.Length)]),
                Role = ContributorRole.Author,
            });
        }
        else
        {
            var authors = 1 + random.Next(4);
            for (var a = 0; a < authors; a++) contributors.Add(NextPerson(random, ContributorRole.Author));
        }

        if (random.Next(10) == 0) contributors.Add(NextPerson(random, ContributorRole.Translator));

        var first = 1 + random.Next(400);
        var last = first + 5 + random.Next(40);
        var year = book.PublicationDate!.Value.Year;
        var paragraphs = random.Next(4) == 0 ? 2 : 1;
        var abstractWords = 100 + random.Next(201);
        var abstracts = new List<string>(paragraphs);
        for (var p = 0; p < paragraphs; p++) abstracts.Add(NextParagraph(random, abstractWords / paragraphs));

        var keywords = new List<string>();
        var keywordCount = random.Next(5);
        for (var k = 0; k < keywordCount; k++)
        {
            var keyword = Keywords[random.Next(Keywords.Length)];
            if (!keywords.Contains(keyword)) keywords.Add(keyword);
        }

        var holder = contributors[0].Name.Literal ?? string.Join(' ', contributors[0].Name.Given, contributors[0].Name.Family);
        return new Chapter
        {
            Doi = Doi.Parse(book.Doi!.Value + "_" + number.ToString(CultureInfo.InvariantCulture)),
            Title = NextTitle(random, 2, 10),
            Subtitle = random.Next(4) == 0 ? NextTitle(random, 2, 6) : null,
            Number = number.ToString(CultureInfo.InvariantCulture),
            Contributors = contributors,
            Book = book,
            PublicationDate = random.Next(3) == 0 ? new PartialDate(year, 1 + random.Next(12), 1 + random.Next(28)) : new PartialDate(year),
            Pages = new PageRange
            {
                First = first.ToString(CultureInfo.InvariantCulture),
                Last = last.ToString(CultureInfo.InvariantCulture),
            },
            Language = random.Next(8) == 0 ? "de" : "en",
            Abstract = abstracts,
            Keywords = keywords,
            Copyright = new Copyright { Year = year, Holder = holder, Statement = "© " + year.ToString(CultureInfo.InvariantCulture) + " " + holder },
            Url = "https://doi.org/" + book.Doi!.Value + "_" + number.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static Contributor NextPerson(Random random, ContributorRole role)
    {
        var roll = random.Next(10);
        var name = new PersonName
        {
            Given = GivenNames[random.Next(GivenNames.Length)],
            Family = FamilyNames[random.Next(FamilyNames.Length)],
            Particle = roll < 2 ? Particles[random.Next(Particles.Length)] : null,
            Suffix = roll == 9 ? Suffixes[random.Next(Suffixes.Length)] : null,
        };
        return new Contributor
        {
            Name = name,
            Role = role,
            Orcid = random.Next(3) == 0 ? Orcid.Parse(NextOrcid(random)) : null,
            Affiliations = random.Next(2) == 0 ? [Affiliations[random.Next(Affiliations.Length)]] : [],
        };
    }

    private static string NextTitle(Random random, int min, int max)
    {
        var words = min + random.Next(max - min + 1);
        var sb = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            if (w > 0) sb.Append(' ');
            sb.Append(w > 0 && w < words - 1 && random.Next(3) == 0
                ? TitleJoiners[random.Next(TitleJoiners.Length)]
                : TitleWords[random.Next(TitleWords.Length)]);
        }

        return sb.ToString();
    }

    private static string NextParagraph(Random random, int words)
    {
        var sb = new StringBuilder(words * 8);
        var capital = true;
        for (var w = 0; w < words; w++)
        {
            if (w > 0) sb.Append(' ');
            var word = AbstractWords[random.Next(AbstractWords.Length)];
            if (capital && char.IsAsciiLetterLower(word[0])) word = char.ToUpperInvariant(word[0]) + word[1..];
            sb.Append(word);
            capital = false;
            if (random.Next(14) == 0 && w < words - 1)
            {
                sb.Append('.');
                capital = true;
            }
        }

        sb.Append('.');
        return sb.ToString();
    }

    // 978 + the registrant's group and publisher digits + a title number + the check digit.
    private static string Isbn13(string registrant, int serial)
    {
        var digits = "978" + registrant.Replace("-", "", StringComparison.Ordinal);
        digits += (serial % (int)Math.Pow(10, 12 - digits.Length)).ToString(CultureInfo.InvariantCulture).PadLeft(12 - digits.Length, '0');
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return digits + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }

    // The form publishers put in book DOIs: 978-3-030-12345-6.
    private static string Hyphenated(string isbn13, string registrant)
    {
        var head = 3 + registrant.Length - 1;
        return $"{isbn13[..3]}-{registrant}-{isbn13[head..12]}-{isbn13[12..]}";
    }

    private static string Issn7(Random random)
    {
        Span<char> c = stackalloc char[9];
        var sum = 0;
        for (int i = 0, p = 0; i < 7; i++, p++)
        {
            if (p == 4) c[p++] = '-';
            var d = random.Next(10);
            c[p] = (char)('0' + d);
            sum += d * (8 - i);
        }

        var check = (11 - (sum % 11)) % 11;
        c[8] = check == 10 ? 'X' : (char)('0' + check);
        return new string(c);
    }

    // ISO 7064 MOD 11-2 over 15 digits, in the 0000-0002-xxxx-xxxx block ORCID gives out.
    private static string NextOrcid(Random random)
    {
        Span<char> digits = stackalloc char[16];
        "00000002".AsSpan().CopyTo(digits);
        for (var i = 8; i < 15; i++) digits[i] = (char)('0' + random.Next(10));
        var total = 0;
        for (var i = 0; i < 15; i++) total = (total + digits[i] - '0') * 2;
        var result = (12 - (total % 11)) % 11;
        digits[15] = result == 10 ? 'X' : (char)('0' + result);
        var text = new string(digits);
        return $"{text[..4]}-{text[4..8]}-{text[8..12]}-{text[12..]}";
    }
}
