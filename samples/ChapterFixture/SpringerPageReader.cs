using System.Globalization;
using ScholarlyRecord;

namespace ChapterFixture;

/// <summary>
/// Builds a <see cref="Chapter"/> from the text of a SpringerLink chapter page, as copied from a browser
/// (samples/fixtures/springer-chapter-page.txt). A sample, not a general scraper: it reads the sections that page
/// shows, by their headings, and takes nothing from anywhere else.
/// </summary>
/// <remarks>
/// What comes from where:
/// <list type="bullet">
/// <item>"Part of the book series: X ((A))": the series title X and its abbreviation A.</item>
/// <item>"• 46 Accesses": the access count.</item>
/// <item>The paragraphs between "Abstract" and "This is a preview …": the abstract.</item>
/// <item>Under "Access this chapter": each offer (label, "USD 29.95" price, tax note, "•" features), then the
/// checkout note and purchase terms lines (kept as the extra fields <c>springer:checkoutNote</c> and
/// <c>springer:purchaseTerms</c>).</item>
/// <item>Under "Notes": each numbered note and the link labels under it ("Google Scholar"; the page text has no URL).</item>
/// <item>Under "Copyright information": the "©" line (year and holder).</item>
/// <item>The line after "Cite this chapter": authors, year, chapter title, book title, series title (matched against
/// the series line), publisher and place, DOI.</item>
/// <item>From the DOI, by Springer's scheme <c>10.1007/&lt;eISBN&gt;_&lt;chapter&gt;</c>: the chapter number, the book
/// DOI and the book's electronic ISBN.</item>
/// <item>An author's full given name, when the copyright holder is that author: "Haslam, J." in the citation and
/// "© 1992 Jonathan Haslam" give "Jonathan"; otherwise the initials stay as printed.</item>
/// </list>
/// </remarks>
internal static class SpringerPageReader
{
    private const string SeriesLead = "Part of the book series: ";
    private const string DoiLead = "https://doi.org/";

    /// <summary>Reads the page text.</summary>
    /// <param name="pageText">The page text.</param>
    /// <returns>The chapter.</returns>
    /// <exception cref="FormatException">The page has no "Cite this chapter" line that can be read.</exception>
    public static Chapter Read(string pageText)
    {
        ArgumentNullException.ThrowIfNull(pageText);
        var lines = pageText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        Series? series = null;
        long? accesses = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith(SeriesLead, StringComparison.Ordinal) && line.EndsWith("))", StringComparison.Ordinal))
            {
                var body = line[SeriesLead.Length..^2];
                var open = body.LastIndexOf(" ((", StringComparison.Ordinal);
                series = open < 0
                    ? new Series { Title = body }
                    : new Series { Title = body[..open], Abbreviation = body[(open + 3)..] };
            }
            else if (line.StartsWith('•') && line.EndsWith(" Accesses", StringComparison.Ordinal)
                && long.TryParse(line[1..^" Accesses".Length].Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count))
            {
                accesses = count;
            }
        }

        var abstractParagraphs = Section(lines, "Abstract", l => l.StartsWith("This is a preview", StringComparison.Ordinal));
        var (offers, afterOffers) = ReadOffers(lines);
        var extras = new List<ExtraField>();
        foreach (var line in afterOffers)
        {
            if (line.StartsWith("Tax calculation", StringComparison.Ordinal)) extras.Add(new ExtraField { Name = "springer:checkoutNote", Value = line });
            else if (line.StartsWith("Purchases are", StringComparison.Ordinal)) extras.Add(new ExtraField { Name = "springer:purchaseTerms", Value = line });
        }

        var notes = ReadNotes(Section(lines, "Notes", l => l == "Download references"));
        var copyright = ReadCopyright(Section(lines, "Copyright information", l => l == "About this chapter"));
        var cite = Section(lines, "Cite this chapter", _ => true, stopAfterFirst: true);
        if (cite.Count == 0) throw new FormatException("The page has no line after 'Cite this chapter'.");
        return FromCitation(cite[0], series, copyright) with
        {
            Abstract = abstractParagraphs,
            Notes = notes,
            Copyright = copyright,
            Metrics = accesses is null ? null : new AccessMetrics { Accesses = accesses },
            Offers = offers,
            ExtraFields = extras,
        };
    }

    // "Haslam, J. (1992). Conclusions. In: Book. Series. Publisher, Place. https://doi.org/…"
    private static Chapter FromCitation(string line, Series? series, Copyright? copyright)
    {
        var yearOpen = line.IndexOf(" (", StringComparison.Ordinal);
        var yearClose = yearOpen < 0 ? -1 : line.IndexOf("). ", yearOpen, StringComparison.Ordinal);
        if (yearClose < 0) throw new FormatException("The citation line has no '(year). '.");
        var authors = ReadAuthors(line[..yearOpen], copyright?.Holder);
        var year = line[(yearOpen + 2)..yearClose];
        var rest = line[(yearClose + 3)..];

        Doi? doi = null;
        var doiAt = rest.LastIndexOf(DoiLead, StringComparison.Ordinal);
        if (doiAt >= 0)
        {
            doi = Doi.Parse(rest[doiAt..].Trim());
            rest = rest[..doiAt].TrimEnd();
        }

        var inAt = rest.IndexOf(". In: ", StringComparison.Ordinal);
        var title = inAt < 0 ? rest.TrimEnd('.') : rest[..inAt];
        Book? book = null;
        if (inAt >= 0)
        {
            var bookPart = rest[(inAt + ". In: ".Length)..].TrimEnd('.');
            string bookTitle;
            string? publisherPart;
            var seriesAt = series?.Title is { } seriesTitle ? bookPart.IndexOf(". " + seriesTitle + ". ", StringComparison.Ordinal) : -1;
            if (seriesAt >= 0)
            {
                bookTitle = bookPart[..seriesAt];
                publisherPart = bookPart[(seriesAt + series!.Title!.Length + 4)..];
            }
            else
            {
                var lastStop = bookPart.LastIndexOf(". ", StringComparison.Ordinal);
                bookTitle = lastStop < 0 ? bookPart : bookPart[..lastStop];
                publisherPart = lastStop < 0 ? null : bookPart[(lastStop + 2)..];
            }

            Publisher? publisher = null;
            if (!string.IsNullOrEmpty(publisherPart))
            {
                var comma = publisherPart.IndexOf(", ", StringComparison.Ordinal);
                publisher = comma < 0
                    ? new Publisher { Name = publisherPart }
                    : new Publisher { Name = publisherPart[..comma], Location = publisherPart[(comma + 2)..] };
            }

            book = new Book { Title = bookTitle, Series = series, Publisher = publisher };
        }

        string? number = null;
        if (doi is { } chapterDoi)
        {
            // Springer's chapter DOIs are the book DOI plus "_<chapter number>"; the book DOI's suffix is its eISBN.
            var suffix = chapterDoi.Suffix;
            var underscore = suffix.LastIndexOf('_');
            if (underscore > 0 && book is not null)
            {
                number = suffix[(underscore + 1)..];
                var bookSuffix = suffix[..underscore];
                book = book with { Doi = Doi.Parse(chapterDoi.Prefix + "/" + bookSuffix) };
                if (Isbn.TryParse(bookSuffix, out var isbn))
                {
                    book = book with { Isbns = [new BookIsbn { Value = isbn, Medium = PublicationMedium.Electronic }] };
                }
            }
        }

        return new Chapter
        {
            Doi = doi,
            Title = title,
            Number = number,
            Contributors = authors,
            Book = book,
            PublicationDate = PartialDate.TryParse(year, out var date) ? date : null,
        };
    }

    // "Haslam, J." or "Smith, J., Jones, K.": pairs of family name and initials.
    private static List<Contributor> ReadAuthors(string text, string? copyrightHolder)
    {
        var parts = text.Split(", ");
        var authors = new List<Contributor>();
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            var family = parts[i];
            var given = parts[i + 1];
            // The copyright holder "Jonathan Haslam" spells out the initials "J." of the author "Haslam".
            if (copyrightHolder is not null && copyrightHolder.EndsWith(" " + family, StringComparison.Ordinal))
            {
                var fullGiven = copyrightHolder[..^(family.Length + 1)];
                if (fullGiven.Length > 0 && given.Length > 0 && fullGiven[0] == given[0]) given = fullGiven;
            }

            authors.Add(new Contributor { Name = new PersonName { Given = given, Family = family }, Role = ContributorRole.Author });
        }

        return authors;
    }

    private static (List<Offer> Offers, List<string> After) ReadOffers(string[] lines)
    {
        var offers = new List<Offer>();
        var after = new List<string>();
        var start = Array.FindIndex(lines, l => l.Trim() == "Access this chapter");
        if (start < 0) return (offers, after);
        var i = start + 1;
        while (i < lines.Length && lines[i].Trim().Length == 0) i++;
        while (i + 1 < lines.Length && TryReadPrice(lines[i + 1].Trim(), out var price))
        {
            var label = lines[i].Trim();
            i += 2;
            string? taxNote = null;
            if (i < lines.Length && lines[i].Trim().StartsWith("Price ", StringComparison.Ordinal)) taxNote = lines[i++].Trim();
            var features = new List<string>();
            while (i < lines.Length && lines[i].Trim().StartsWith('•')) features.Add(lines[i++].Trim()[1..].Trim());
            offers.Add(new Offer { Kind = KindOf(label), Label = label, Price = price, TaxNote = taxNote, Features = features });
        }

        for (; i < lines.Length && lines[i].Trim() != "Institutional subscriptions"; i++)
        {
            if (lines[i].Trim().Length > 0) after.Add(lines[i].Trim());
        }

        return (offers, after);
    }

    // "USD 29.95", with a no-break space (or a space) between the currency code and the amount.
    private static bool TryReadPrice(string line, out Money? price)
    {
        price = null;
        if (line.Length < 5 || line[3] is not ('\u00A0' or ' ')) return false;
        var currency = line[..3];
        foreach (var c in currency)
        {
            if (!char.IsAsciiLetterUpper(c)) return false;
        }

        if (!decimal.TryParse(line[4..], NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var amount)) return false;
        price = new Money { Amount = amount, Currency = currency };
        return true;
    }

    private static OfferKind KindOf(string label) => label switch
    {
        "Chapter" => OfferKind.Chapter,
        "eBook" => OfferKind.EBook,
        "Hardcover Book" => OfferKind.Hardcover,
        "Softcover Book" => OfferKind.Softcover,
        _ => OfferKind.Other,
    };

    // "  1. Text" starts note 1; the lines under it that are not numbered are its link labels ("Google Scholar").
    private static List<Note> ReadNotes(List<string> lines)
    {
        var notes = new List<Note>();
        int? number = null;
        string? text = null;
        var links = new List<Link>();
        foreach (var line in lines)
        {
            var dot = line.IndexOf(". ", StringComparison.Ordinal);
            if (dot > 0 && int.TryParse(line[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                if (text is not null) notes.Add(new Note { Number = number, Text = text, Links = links });
                number = n;
                text = line[(dot + 2)..];
                links = [];
            }
            else if (text is not null)
            {
                links.Add(new Link { Label = line });
            }
        }

        if (text is not null) notes.Add(new Note { Number = number, Text = text, Links = links });
        return notes;
    }

    // "© 1992 Jonathan Haslam"
    private static Copyright? ReadCopyright(List<string> lines)
    {
        foreach (var line in lines)
        {
            if (!line.StartsWith('©')) continue;
            var rest = line[1..].Trim();
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && int.TryParse(rest[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                return new Copyright { Year = year, Holder = rest[(space + 1)..].Trim(), Statement = line };
            }

            return new Copyright { Statement = line };
        }

        return null;
    }

    // The trimmed, non-empty lines after the line equal to heading, up to (not including) the first line that stops it.
    private static List<string> Section(string[] lines, string heading, Func<string, bool> stop, bool stopAfterFirst = false)
    {
        var found = new List<string>();
        var start = Array.FindIndex(lines, l => l.Trim() == heading);
        if (start < 0) return found;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (stopAfterFirst)
            {
                found.Add(line);
                break;
            }

            if (stop(line)) break;
            found.Add(line);
        }

        return found;
    }
}
