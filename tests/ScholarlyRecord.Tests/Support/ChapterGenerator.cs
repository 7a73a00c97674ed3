using System.Globalization;
using System.Text;
using CsCheck;

namespace ScholarlyRecord.Tests.Support;

/// <summary>
/// CsCheck generators for the whole model: unicode text, empty and full lists, absent and present optional values.
/// Identifiers are built with check digits computed here, independently of the library's own code.
/// </summary>
public static class ChapterGenerator
{
    // Characters that stress serializers: quotes, backslashes, controls, Latin accents, CJK, RTL, combining marks.
    private static readonly Gen<char> TextChar = Gen.Frequency(
        (20, Gen.Char['a', 'z']),
        (5, Gen.Char['A', 'Z']),
        (5, Gen.Const(' ')),
        (3, Gen.Char['0', '9']),
        (3, Gen.OneOf('"', '\\', '/', '{', '}', '<', '>', '&', '\'', '%', '#', '$', '_', '~', '^')),
        (2, Gen.OneOf('\n', '\t', '\r', '\u0001', '\u001F', '\u007F')),
        (4, Gen.Char['\u00C0', '\u00FF']),
        (2, Gen.Char['\u0100', '\u017F']),
        (2, Gen.Char['\u4E00', '\u4FFF']),
        (1, Gen.Char['\u05D0', '\u05EA']),
        (1, Gen.Char['\u0300', '\u036F']),
        (1, Gen.OneOf('\u2013', '\u2014', '\u00A0', '\u200B', '\u2028')));

    /// <summary>Well-formed UTF-16 text, possibly with astral characters (as pairs), of 0 to <paramref name="max"/> units.</summary>
    public static Gen<string> Text(int min = 0, int max = 40) =>
        Gen.Frequency(
            (12, TextChar.Select(c => c.ToString())),
            (1, Gen.Int[0x1F600, 0x1F64F].Select(char.ConvertFromUtf32)),
            (1, Gen.Int[0x1D400, 0x1D7FF].Select(char.ConvertFromUtf32)))
        .Array[min, max]
        .Select(parts => string.Concat(parts));

    /// <summary>Text that is never empty.</summary>
    public static Gen<string> NonEmptyText(int max = 40) => Text(1, max);

    /// <summary>An optional value: null about a third of the time.</summary>
    public static Gen<T?> Optional<T>(Gen<T> gen) where T : class =>
        Gen.Frequency((1, Gen.Const(default(T))), (2, gen.Select(v => (T?)v)));

    /// <summary>An optional struct value.</summary>
    public static Gen<T?> OptionalValue<T>(Gen<T> gen) where T : struct =>
        Gen.Frequency<T?>((1, Gen.Const<T?>(default(T?))), (2, gen.Select(v => (T?)v)));

    /// <summary>A list of 0 to <paramref name="max"/> items; empty often, to exercise the "omit empty lists" rule.</summary>
    public static Gen<T[]> List<T>(Gen<T> gen, int max = 4) => Gen.Frequency((1, Gen.Const(Array.Empty<T>())), (2, gen.Array[1, max]));

    /// <summary>A valid ISBN-13 with a 978 or 979 prefix (979-0 excluded: that is the ISMN range).</summary>
    public static Gen<Isbn> Isbn { get; } =
        Gen.Select(Gen.OneOf("978", "979"), Gen.Long[0, 999_999_999L], (prefix, body) =>
        {
            var digits = prefix + body.ToString("D9", CultureInfo.InvariantCulture);
            if (prefix == "979" && digits[3] == '0') digits = "9781" + digits[4..];
            var sum = 0;
            for (var i = 0; i < 12; i++) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
            return ScholarlyRecord.Isbn.Parse(digits + (char)('0' + (10 - sum % 10) % 10));
        });

    /// <summary>A valid ISSN.</summary>
    public static Gen<Issn> Issn { get; } = Gen.Int[0, 9_999_999].Select(body =>
    {
        var digits = body.ToString("D7", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 7; i++) sum += (digits[i] - '0') * (8 - i);
        var check = (11 - sum % 11) % 11;
        return ScholarlyRecord.Issn.Parse(digits[..4] + "-" + digits[4..] + (check == 10 ? 'X' : (char)('0' + check)));
    });

    /// <summary>A valid ORCID iD (ISO 7064 MOD 11-2).</summary>
    public static Gen<Orcid> Orcid { get; } = Gen.Long[0, 999_999_999_999_999L].Select(body =>
    {
        var digits = body.ToString("D15", CultureInfo.InvariantCulture);
        var total = 0;
        foreach (var c in digits) total = (total + (c - '0')) * 2;
        var check = (12 - total % 11) % 11;
        var all = digits + (check == 10 ? 'X' : (char)('0' + check));
        return ScholarlyRecord.Orcid.Parse($"{all[..4]}-{all[4..8]}-{all[8..12]}-{all[12..]}");
    });

    private static readonly Gen<string> DoiSuffixChar = Gen.Frequency(
        (10, Gen.Char['a', 'z'].Select(c => c.ToString())),
        (4, Gen.Char['A', 'Z'].Select(c => c.ToString())),
        (6, Gen.Char['0', '9'].Select(c => c.ToString())),
        (3, Gen.OneOf("-", ".", "_", ";", "(", ")", "/", ":", "<", ">", "#", "+", "[", "]")),
        (1, Gen.OneOf("é", "ü", "‐", "д")));

    /// <summary>A valid DOI with a 4 to 9 digit registrant and a varied suffix.</summary>
    public static Gen<Doi> Doi { get; } = Gen.Select(Gen.Int[1000, 999_999_999], DoiSuffixChar.Array[1, 30], (registrant, suffix) =>
        ScholarlyRecord.Doi.Parse(string.Create(CultureInfo.InvariantCulture, $"10.{registrant}/a{string.Concat(suffix)}")));

    /// <summary>A valid partial date: year, year-month or year-month-day.</summary>
    public static Gen<PartialDate> Date { get; } = Gen.Select(Gen.Int[1450, 2100], Gen.Int[0, 12], Gen.Int[0, 31], (y, m, d) =>
    {
        if (m == 0) return PartialDate.Parse(y.ToString("D4", CultureInfo.InvariantCulture));
        if (d == 0) return PartialDate.Parse(string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}"));
        var day = Math.Min(d, DateTime.DaysInMonth(y, m));
        return PartialDate.Parse(string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}-{day:D2}"));
    });

    /// <summary>A person name: either a literal (organisation) or parts.</summary>
    public static Gen<PersonName> Name { get; } = Gen.Frequency(
        (1, NonEmptyText(30).Select(t => new PersonName { Literal = t })),
        (4, Gen.Select(Optional(NonEmptyText(20)), NonEmptyText(20), Optional(Gen.OneOf("van", "de", "von der", "le")), Optional(Gen.OneOf("Jr.", "III", "Sr.")),
            (given, family, particle, suffix) => new PersonName { Given = given, Family = family, Particle = particle, Suffix = suffix })));

    /// <summary>A contributor.</summary>
    public static Gen<Contributor> Contributor { get; } = Gen.Select(Name, Gen.Enum<ContributorRole>(), OptionalValue(Orcid), List(NonEmptyText(50), 2),
        (name, role, orcid, affiliations) => new Contributor { Name = name, Role = role, Orcid = orcid, Affiliations = affiliations });

    /// <summary>A page range: arabic, roman, prefixed or single.</summary>
    public static Gen<PageRange> Pages { get; } = Gen.OneOf(
        Gen.Select(Gen.Int[1, 900], Gen.Int[0, 60], (first, length) => new PageRange { First = first.ToString(CultureInfo.InvariantCulture), Last = (first + length).ToString(CultureInfo.InvariantCulture) }),
        Gen.OneOf(new PageRange { First = "xi", Last = "xv" }, new PageRange { First = "e123" }, new PageRange { First = "S12", Last = "S15" }));

    /// <summary>A book with a series and publisher sometimes present.</summary>
    public static Gen<Book> Book { get; } = Gen.Select(
        Gen.Select(Optional(NonEmptyText()), Optional(NonEmptyText()), List(Contributor, 3), List(Gen.Select(Isbn, OptionalValue(Gen.Enum<PublicationMedium>()), (i, m) => new BookIsbn { Value = i, Medium = m }), 3)),
        Gen.Select(OptionalValue(Doi), Optional(NonEmptyText(10)), OptionalValue(Date)),
        Optional(Gen.Select(Optional(NonEmptyText()), Optional(Gen.String[Gen.Char['A', 'Z'], 2, 6]), List(Gen.Select(Issn, OptionalValue(Gen.Enum<PublicationMedium>()), (i, m) => new SeriesIssn { Value = i, Medium = m }), 2), Optional(Gen.Int[1, 400].Select(v => v.ToString(CultureInfo.InvariantCulture))),
            (title, abbreviation, issns, volume) => new Series { Title = title, Abbreviation = abbreviation, Issns = issns, Volume = volume })),
        Optional(Gen.Select(NonEmptyText(), Optional(NonEmptyText(20)), (name, location) => new Publisher { Name = name, Location = location })),
        (a, b, series, publisher) => new Book
        {
            Title = a.Item1, Subtitle = a.Item2, Contributors = a.Item3, Isbns = a.Item4,
            Doi = b.Item1, Edition = b.Item2, PublicationDate = b.Item3,
            Series = series, Publisher = publisher,
        });

    private static readonly Gen<Note> NoteGen = Gen.Select(OptionalValue(Gen.Int[1, 200]), Optional(Gen.OneOf("*", "†", "a")), NonEmptyText(120),
        List(Gen.Select(Optional(NonEmptyText(20)), Optional(Gen.OneOf("https://scholar.google.com/scholar_lookup?title=x&y=1", "http://example.org/a b", "relative/path")), (label, url) => new Link { Label = label, Url = url }), 2),
        (number, label, text, links) => new Note { Number = number, Label = label, Text = text, Links = links });

    private static readonly Gen<Offer> OfferGen = Gen.Select(Gen.Enum<OfferKind>(), Optional(NonEmptyText(20)),
        Optional(Gen.Select(Gen.Long[0, 10_000_000], Gen.Int[0, 3], Gen.OneOf("USD", "EUR", "GBP", "JPY", "CHF"), (cents, scale, currency) => new Money { Amount = new decimal((int)(cents % int.MaxValue), 0, 0, false, (byte)scale), Currency = currency })),
        List(NonEmptyText(30), 4), Optional(NonEmptyText(30)),
        (kind, label, price, features, tax) => new Offer { Kind = kind, Label = label, Price = price, Features = features, TaxNote = tax });

    /// <summary>
    /// The same <paramref name="count"/> chapters on every run: one draw of an array under <paramref name="seed"/>.
    /// (CsCheck's <c>seed</c> fixes only the first iteration of a <c>Sample</c>, so sampling N iterations with a seed
    /// gives one fixed chapter and N - 1 random ones.)
    /// </summary>
    public static List<Chapter> Fixed(int count, string seed)
    {
        var chapters = new List<Chapter>(count);
        Chapter.Array[count].Sample(drawn => chapters.AddRange(drawn), iter: 1, threads: 1, seed: seed);
        return chapters;
    }

    /// <summary>A whole chapter.</summary>
    public static Gen<Chapter> Chapter { get; } = Gen.Select(
        Gen.Select(OptionalValue(Doi), NonEmptyText(80), Optional(NonEmptyText()), Optional(Gen.Int[1, 40].Select(n => n.ToString(CultureInfo.InvariantCulture))), List(Contributor, 4)),
        Gen.Select(Optional(Book), OptionalValue(Date), Optional(Pages), Optional(Gen.OneOf("en", "de", "fr-CA", "zh-Hant"))),
        Gen.Select(List(NonEmptyText(200), 3), List(NonEmptyText(20), 4), List(NoteGen, 3),
            List(Gen.Select(Optional(NonEmptyText(10)), Optional(NonEmptyText(100)), OptionalValue(Doi), (key, text, doi) => new Reference { Key = key, Text = text, Doi = doi }), 3)),
        Gen.Select(Optional(Gen.Select(OptionalValue(Gen.Int[1450, 2100]), Optional(NonEmptyText(30)), Optional(NonEmptyText(40)), (year, holder, statement) => new Copyright { Year = year, Holder = holder, Statement = statement })),
            Optional(Gen.OneOf("https://link.springer.com/chapter/10.1007/978-1-349-05679-8_7", "http://example.org/ä?q=1#frag")),
            Optional(Gen.Select(OptionalValue(Gen.Long[0, long.MaxValue]), OptionalValue(Gen.Long[0, 1_000_000]), OptionalValue(Date), (accesses, citations, asOf) => new AccessMetrics { Accesses = accesses, Citations = citations, AsOf = asOf })),
            List(OfferGen, 3),
            List(Gen.Select(Gen.OneOf("ris:M3", "bibtex:timestamp", "csl:note", "x"), Text(0, 30), (name, value) => new ExtraField { Name = name, Value = value }), 3)),
        (a, b, c, d) => new Chapter
        {
            Doi = a.Item1, Title = a.Item2, Subtitle = a.Item3, Number = a.Item4, Contributors = a.Item5,
            Book = b.Item1, PublicationDate = b.Item2, Pages = b.Item3, Language = b.Item4,
            Abstract = c.Item1, Keywords = c.Item2, Notes = c.Item3, References = c.Item4,
            Copyright = d.Item1, Url = d.Item2, Metrics = d.Item3, Offers = d.Item4, ExtraFields = d.Item5,
        });
}
