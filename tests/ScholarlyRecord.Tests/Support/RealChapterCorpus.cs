using System.Globalization;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Tests.Support;

/// <summary>
/// A CSL corpus of real bibliographic data, for judging the CSL processor on what styles are written for (the stress
/// generator <see cref="ChapterGenerator"/> is kept for robustness). Two parts:
/// <list type="bullet">
/// <item><see cref="Records"/>: every record of the real exports copied under TestData/real (BibTeX and BibLaTeX, RIS,
/// EndNote, Crossref and OpenAlex JSON; see the SOURCES.md notes there), each read through the library's own reader
/// for its folder and mapped to a CSL item through the chapter mapping (CSL-JSON), and every item of the real CSL-JSON
/// files (TestData/real/csl, except the CSL-JSON schema) as the item it is. Nothing is filtered: a record the reader
/// cannot read simply gives no item, a record with odd data gives an odd item.</item>
/// <item><see cref="Generated"/>: chapters assembled with a fixed seed from pools taken from those records, so the
/// distribution of names (with their particles and suffixes), titles, book titles, series, publishers, places, dates,
/// pages and DOIs is real data's. The shape of each chapter (how many authors and editors, which parts are present)
/// is copied from a randomly drawn real record, and each part is drawn from its pool independently.</item>
/// </list>
/// Ids are stable and say where an item comes from: <c>&lt;folder&gt;/&lt;file&gt;#&lt;n&gt;</c> (n counts the file's
/// records from 1) and <c>gen#&lt;n&gt;</c>.
/// </summary>
public static class RealChapterCorpus
{
    private static readonly Lazy<(IReadOnlyList<CslItem> Items, IReadOnlyList<Chapter> Chapters)> Read = new(ReadAll);

    /// <summary>Every real record as a CSL item, in folder, file and record order.</summary>
    public static IReadOnlyList<CslItem> Records => Read.Value.Items;

    /// <summary>The chapters read from the non-CSL real files (the pools of <see cref="Generated"/>).</summary>
    public static IReadOnlyList<Chapter> Chapters => Read.Value.Chapters;

    /// <summary>The same <paramref name="count"/> generated chapters for a seed on every run and platform, as CSL items.</summary>
    public static IReadOnlyList<CslItem> Generated(int count, int seed)
    {
        var chapters = GenerateChapters(count, seed);
        return Renumber(CslChapterItems.From(chapters), i => "gen#" + (i + 1).ToString("D3", CultureInfo.InvariantCulture));
    }

    /// <summary>The generated chapters themselves (see <see cref="Generated"/>).</summary>
    public static IReadOnlyList<Chapter> GenerateChapters(int count, int seed)
    {
        var real = Chapters;
        var pools = new Pools(real);
        var random = new Random(seed);
        var chapters = new List<Chapter>(count);
        for (var n = 0; n < count; n++)
        {
            // The shape comes from one real record; the content from the pools.
            var shape = real[random.Next(real.Count)];
            var contributors = shape.Contributors.Select(c => c with { Name = pools.Draw(random, c.Role == ContributorRole.Editor ? pools.Editors : pools.Authors) ?? c.Name }).ToList();
            Book? book = null;
            if (shape.Book is { } b)
            {
                book = new Book
                {
                    Title = b.Title is null ? null : pools.Draw(random, pools.BookTitles),
                    Contributors = b.Contributors.Select(c => c with { Name = pools.Draw(random, c.Role == ContributorRole.Editor ? pools.Editors : pools.Authors) ?? c.Name }).ToList(),
                    Edition = b.Edition is null ? null : pools.Draw(random, pools.Editions),
                    Series = b.Series is null ? null : pools.Draw(random, pools.Series),
                    Publisher = b.Publisher is null ? null : pools.Draw(random, pools.Publishers) is { } name
                        ? new Publisher { Name = name, Location = b.Publisher.Location is null ? null : pools.Draw(random, pools.Places) }
                        : null,
                    PublicationDate = b.PublicationDate is null ? null : pools.DrawValue(random, pools.Dates),
                };
            }

            chapters.Add(new Chapter
            {
                Title = pools.Draw(random, pools.Titles) ?? shape.Title,
                Subtitle = shape.Subtitle is null ? null : pools.Draw(random, pools.Subtitles),
                Contributors = contributors,
                Book = book,
                PublicationDate = shape.PublicationDate is null ? null : pools.DrawValue(random, pools.Dates),
                Pages = shape.Pages is null ? null : pools.Draw(random, pools.Pages),
                Doi = shape.Doi is null ? null : pools.DrawValue(random, pools.Dois),
                Language = shape.Language is null ? null : pools.Draw(random, pools.Languages),
            });
        }

        return chapters;
    }

    /// <summary>
    /// Whether citeproc-js refuses the item as input ("CSL data error: element mismatch in date range input", and the
    /// whole job fails): a date range whose two ends have different numbers of parts, such as Better BibTeX's
    /// <c>[["2014", 12, 31], [0]]</c>. The oracle tests leave such items out of the comparison and only check that our
    /// processor renders them.
    /// </summary>
    public static bool RejectedByCiteprocJs(CslItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var value in item.Variables.Values)
        {
            if (value.ValueKind != System.Text.Json.JsonValueKind.Object || !value.TryGetProperty("date-parts", out var parts)) continue;
            if (parts.ValueKind == System.Text.Json.JsonValueKind.Array && parts.GetArrayLength() == 2
                && parts[0].ValueKind == System.Text.Json.JsonValueKind.Array && parts[1].ValueKind == System.Text.Json.JsonValueKind.Array
                && parts[0].GetArrayLength() != parts[1].GetArrayLength())
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Pools(IReadOnlyList<Chapter> real)
    {
        public readonly string[] Titles = Distinct(real.Select(c => c.Title));
        public readonly string[] Subtitles = Distinct(real.Select(c => c.Subtitle).Concat(real.Select(c => c.Book?.Subtitle)));
        public readonly PersonName[] Authors = [.. real.SelectMany(c => c.Contributors.Concat(c.Book?.Contributors ?? [])).Where(c => c.Role != ContributorRole.Editor).Select(c => c.Name)];
        public readonly PersonName[] Editors = [.. real.SelectMany(c => c.Contributors.Concat(c.Book?.Contributors ?? [])).Where(c => c.Role == ContributorRole.Editor).Select(c => c.Name)];
        public readonly string[] BookTitles = Distinct(real.Select(c => c.Book?.Title));
        public readonly string[] Editions = Distinct(real.Select(c => c.Book?.Edition));
        public readonly Series[] Series = [.. real.Select(c => c.Book?.Series).OfType<Series>()];
        public readonly string[] Publishers = [.. real.Select(c => c.Book?.Publisher?.Name).OfType<string>()];
        public readonly string[] Places = [.. real.Select(c => c.Book?.Publisher?.Location).OfType<string>()];
        public readonly PartialDate[] Dates = [.. real.Select(c => c.PublicationDate ?? c.Book?.PublicationDate).OfType<PartialDate>()];
        public readonly PageRange[] Pages = [.. real.Select(c => c.Pages).OfType<PageRange>()];
        public readonly Doi[] Dois = [.. real.Select(c => c.Doi).OfType<Doi>()];
        public readonly string[] Languages = [.. real.Select(c => c.Language).OfType<string>()];

        // The pools keep repeats (a publisher named by many records is drawn as often as real data names it), except
        // titles, where a repeat is the same work read from two exports.
        private static string[] Distinct(IEnumerable<string?> values) => [.. values.OfType<string>().Distinct(StringComparer.Ordinal)];

        public T? Draw<T>(Random random, T[] pool) where T : class => pool.Length == 0 ? null : pool[random.Next(pool.Length)];

        public T? DrawValue<T>(Random random, T[] pool) where T : struct => pool.Length == 0 ? null : pool[random.Next(pool.Length)];
    }

    private static (IReadOnlyList<CslItem>, IReadOnlyList<Chapter>) ReadAll()
    {
        var items = new List<CslItem>();
        var chapters = new List<Chapter>();
        var root = Fixtures.TestData("real");
        foreach (var folder in new[] { "bibtex", "ris", "endnote", "crossref", "csl" })
        {
            foreach (var path in Directory.GetFiles(Path.Combine(root, folder)).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (name.EndsWith(".md", StringComparison.Ordinal) || name.StartsWith("csl-data.schema", StringComparison.Ordinal)) continue;
                var text = File.ReadAllText(path);
                IReadOnlyList<CslItem> read;
                if (folder == "csl")
                {
                    read = CslJsonDocument.Parse(text).Items;
                }
                else
                {
                    var format = folder switch
                    {
                        "bibtex" => name.EndsWith(".biblatex", StringComparison.Ordinal) ? Bibtex.BiblatexFormat : Bibtex.Format,
                        "ris" => Ris.Format,
                        "endnote" => Endnote.Format,
                        _ => Crossref.Format,
                    };
                    var records = format.Read(text).Chapters;
                    chapters.AddRange(records);
                    read = CslChapterItems.From(records);
                    if (read.Count != records.Count) throw new InvalidOperationException($"{name}: {records.Count} chapters gave {read.Count} CSL items");
                }

                items.AddRange(Renumber(read, i => string.Create(CultureInfo.InvariantCulture, $"{folder}/{name}#{i + 1}")));
            }
        }

        return (items, chapters);
    }

    private static List<CslItem> Renumber(IReadOnlyList<CslItem> items, Func<int, string> id) =>
        [.. items.Select((item, i) => new CslItem(id(i), item.Type, item.Variables))];
}
