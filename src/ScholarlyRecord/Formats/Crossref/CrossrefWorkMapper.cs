using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ScholarlyRecord.Formats;

/// <summary>Maps one Crossref work object to a <see cref="Chapter"/> (docs/formats-crossref.md has the table).</summary>
internal sealed class CrossrefWorkMapper
{
    private const string Prefix = "crossref:";

    // Keys the mapping reads into model slots (or uses to read others).
    private static readonly HashSet<string> Mapped = new(StringComparer.Ordinal)
    {
        "DOI", "type", "title", "subtitle", "author", "editor", "translator", "container-title", "ISSN", "issn-type",
        "ISBN", "isbn-type", "issued", "publisher", "publisher-location", "page", "language", "subject", "reference",
        "is-referenced-by-count", "indexed", "license", "resource", "URL", "edition-number", "volume", "abstract",
    };

    // Keys dropped on purpose: registry bookkeeping, counts derived from other keys, and a copy of issued.
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "created", "deposited", "score", "source", "reference-count", "references-count", "published", "content-domain",
    };

    // Words that mark a container title as a series title rather than a book title.
    private static readonly string[] SeriesMarkers =
    [
        "Lecture Notes", "SpringerBriefs", "Springer Briefs", "Briefs in", "Series", "Studies in", "Notes in",
        "Texts in", "Monographs in", "Communications in", "Proceedings in", "Library of", "Advances in Experimental",
        "Cahiers", "Schriftenreihe", "Reihe",
    ];

    private readonly JsonElement _work;
    private readonly int _line;
    private readonly int _column;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<ExtraField> _extras = [];

    internal CrossrefWorkMapper(JsonElement work, int line, int column, List<Diagnostic> diagnostics)
    {
        _work = work;
        _line = line;
        _column = column;
        _diagnostics = diagnostics;
    }

    internal Chapter? Map()
    {
        var type = _work.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        var doiText = _work.TryGetProperty("DOI", out var doiElement) && doiElement.ValueKind == JsonValueKind.String ? doiElement.GetString() : null;
        if (!string.Equals(type, "book-chapter", StringComparison.Ordinal))
        {
            var what = type is null ? "a work without a type" : $"a work of type \"{type}\"";
            var which = doiText is null ? "" : $" ({doiText})";
            Add(CrossrefCodes.NotAChapter, $"Skipped {what}{which}: only book-chapter works are read as chapters.");
            return null;
        }

        var titles = Strings("title");
        if (titles.Count == 0)
        {
            Add(CrossrefCodes.MissingTitle, $"The book chapter{(doiText is null ? "" : " " + doiText)} has no title; it was not read.");
            return null;
        }

        for (var i = 1; i < titles.Count; i++) AddExtra("title", titles[i]);
        var subtitles = Strings("subtitle");
        for (var i = 1; i < subtitles.Count; i++) AddExtra("subtitle", subtitles[i]);

        var chapter = new Chapter
        {
            Doi = ReadDoi(),
            Title = titles[0],
            Subtitle = subtitles.Count > 0 ? subtitles[0] : null,
            Contributors = [.. Contributors("author", ContributorRole.Author), .. Contributors("translator", ContributorRole.Translator)],
            Book = ReadBook(),
            PublicationDate = ReadPublicationDate(),
            Pages = ReadPages(),
            Language = Text("language"),
            Abstract = ReadAbstract(),
            Keywords = Strings("subject"),
            References = ReadReferences(),
            Url = ReadUrl(),
            Metrics = ReadMetrics(),
        };

        ReadLicenses();
        KeepTheRest();
        return chapter with { ExtraFields = _extras };
    }

    private Doi? ReadDoi()
    {
        if (!_work.TryGetProperty("DOI", out var element)) return null;
        if (element.ValueKind != JsonValueKind.String)
        {
            Unexpected("DOI", element);
            return null;
        }

        var text = element.GetString()!;
        if (Doi.TryParse(text, out var doi)) return doi;
        Add(CrossrefCodes.InvalidDoi, $"The DOI \"{text}\" is not valid; kept as the extra crossref:DOI.");
        AddExtra("DOI", text);
        return null;
    }

    private Book? ReadBook()
    {
        var containers = Strings("container-title");
        var (issns, issnsGiven) = ReadIssns();
        var (bookTitle, seriesTitle) = SplitContainerTitles(containers, issnsGiven);
        var volume = Text("volume");
        Series? series = seriesTitle is not null || issns.Count > 0 || volume is not null
            ? new Series { Title = seriesTitle, Issns = issns, Volume = volume }
            : null;

        var publisherName = Text("publisher");
        var location = Text("publisher-location");
        Publisher? publisher = null;
        if (publisherName is not null) publisher = new Publisher { Name = publisherName, Location = location };
        else if (location is not null) AddExtra("publisher-location", location);

        var editors = Contributors("editor", ContributorRole.Editor);
        var isbns = ReadIsbns();
        var edition = Text("edition-number");
        if (bookTitle is null && series is null && publisher is null && editors.Count == 0 && isbns.Count == 0 && edition is null) return null;
        return new Book
        {
            Title = bookTitle,
            Contributors = editors,
            Isbns = isbns,
            Edition = edition,
            Series = series,
            Publisher = publisher,
        };
    }

    // The container-title rule (docs/formats-crossref.md): one title is the book. With several, and an ISSN on the
    // work, the one title that carries a series marker is the series and the first other title is the book; when
    // no single title is marked, the first title is the book, the second the series, and CR302 says so. Without an
    // ISSN the first title is the book. Titles used for neither are kept as crossref:container-title extras.
    private (string? Book, string? Series) SplitContainerTitles(List<string> titles, bool hasIssn)
    {
        if (titles.Count == 0) return (null, null);
        if (titles.Count == 1) return (titles[0], null);
        int bookIndex = 0, seriesIndex = -1;
        if (hasIssn)
        {
            var marked = -1;
            var markedCount = 0;
            for (var i = 0; i < titles.Count; i++)
            {
                if (!LooksLikeSeries(titles[i])) continue;
                marked = i;
                markedCount++;
            }

            if (markedCount == 1)
            {
                seriesIndex = marked;
                bookIndex = marked == 0 ? 1 : 0;
            }
            else
            {
                seriesIndex = 1;
                Add(CrossrefCodes.AmbiguousContainerTitle,
                    $"The container titles \"{titles[0]}\" and \"{titles[1]}\" could not be told apart; the first was taken as the book and the second as the series.");
            }
        }

        for (var i = 0; i < titles.Count; i++)
        {
            if (i != bookIndex && i != seriesIndex) AddExtra("container-title", titles[i]);
        }

        return (titles[bookIndex], seriesIndex >= 0 ? titles[seriesIndex] : null);
    }

    private static bool LooksLikeSeries(string title)
    {
        foreach (var marker in SeriesMarkers)
        {
            if (title.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private List<BookIsbn> ReadIsbns()
    {
        var result = new List<BookIsbn>();
        foreach (var (value, medium) in TypedIdentifiers("isbn-type", "ISBN"))
        {
            if (!Isbn.TryParse(value, out var isbn))
            {
                Add(CrossrefCodes.InvalidIsbn, $"The ISBN \"{value}\" is not valid; kept as the extra crossref:ISBN.");
                AddExtraOnce("ISBN", value);
                continue;
            }

            var existing = result.FindIndex(x => x.Value == isbn);
            if (existing < 0) result.Add(new BookIsbn { Value = isbn, Medium = medium });
            else if (result[existing].Medium is null && medium is not null) result[existing] = result[existing] with { Medium = medium };
        }

        return result;
    }

    private (List<SeriesIssn> Issns, bool Given) ReadIssns()
    {
        var result = new List<SeriesIssn>();
        var given = false;
        foreach (var (value, medium) in TypedIdentifiers("issn-type", "ISSN"))
        {
            given = true;
            if (!Issn.TryParse(value, out var issn))
            {
                Add(CrossrefCodes.InvalidIssn, $"The ISSN \"{value}\" is not valid; kept as the extra crossref:ISSN.");
                AddExtraOnce("ISSN", value);
                continue;
            }

            var existing = result.FindIndex(x => x.Value == issn);
            if (existing < 0) result.Add(new SeriesIssn { Value = issn, Medium = medium });
            else if (result[existing].Medium is null && medium is not null) result[existing] = result[existing] with { Medium = medium };
        }

        return (result, given);
    }

    // The typed list first ({value, type: print|electronic}), then the plain list for values it did not cover.
    private List<(string Value, PublicationMedium? Medium)> TypedIdentifiers(string typedKey, string plainKey)
    {
        var result = new List<(string, PublicationMedium?)>();
        if (_work.TryGetProperty(typedKey, out var typed))
        {
            if (typed.ValueKind != JsonValueKind.Array)
            {
                Unexpected(typedKey, typed);
            }
            else
            {
                foreach (var item in typed.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String)
                    {
                        Unexpected(typedKey, item);
                        continue;
                    }

                    var medium = item.TryGetProperty("type", out var kind) && kind.ValueKind == JsonValueKind.String
                        ? kind.GetString() switch
                        {
                            "print" => PublicationMedium.Print,
                            "electronic" => PublicationMedium.Electronic,
                            _ => (PublicationMedium?)null,
                        }
                        : null;
                    result.Add((value.GetString()!.Trim(), medium));
                }
            }
        }

        foreach (var value in Strings(plainKey)) result.Add((value, null));
        return result;
    }

    private List<Contributor> Contributors(string key, ContributorRole role)
    {
        var result = new List<Contributor>();
        if (!_work.TryGetProperty(key, out var list)) return result;
        if (list.ValueKind != JsonValueKind.Array)
        {
            Unexpected(key, list);
            return result;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Unexpected(key, item);
                continue;
            }

            var given = MemberText(item, "given");
            var family = MemberText(item, "family");
            var suffix = MemberText(item, "suffix");
            var literal = MemberText(item, "name");
            PersonName name;
            if (family is not null || given is not null) name = new PersonName { Given = given, Family = family, Suffix = suffix };
            else if (literal is not null) name = PersonName.FromLiteral(literal);
            else
            {
                Add(CrossrefCodes.UnnamedContributor, $"An entry of \"{key}\" has no name; kept as the extra crossref:{key}.");
                AddExtra(key, item.GetRawText());
                continue;
            }

            Orcid? orcid = null;
            var orcidText = MemberText(item, "ORCID");
            if (orcidText is not null)
            {
                if (Orcid.TryParse(orcidText, out var parsed)) orcid = parsed;
                else
                {
                    Add(CrossrefCodes.InvalidOrcid, $"The ORCID \"{orcidText}\" of {name} is not valid; kept as the extra crossref:ORCID.");
                    AddExtra("ORCID", orcidText);
                }
            }

            var affiliations = new List<string>();
            if (item.TryGetProperty("affiliation", out var affiliationList) && affiliationList.ValueKind == JsonValueKind.Array)
            {
                foreach (var affiliation in affiliationList.EnumerateArray())
                {
                    var affiliationName = affiliation.ValueKind == JsonValueKind.Object ? MemberText(affiliation, "name") : null;
                    if (affiliationName is not null) affiliations.Add(affiliationName);
                }
            }

            result.Add(new Contributor { Name = name, Role = role, Orcid = orcid, Affiliations = affiliations });
        }

        return result;
    }

    // issued, falling back to published-print, published-online and published when it holds no date ([[null]]).
    private PartialDate? ReadPublicationDate()
    {
        foreach (var key in (ReadOnlySpan<string>)["issued", "published-print", "published-online", "published"])
        {
            var date = ReadDate(key, keepInvalid: key is "issued");
            if (date is not null) return date;
        }

        return null;
    }

    private PartialDate? ReadDate(string key, bool keepInvalid)
    {
        if (!_work.TryGetProperty(key, out var element)) return null;
        if (PartialDate.TryFromCslDateParts(element, out var date, out _)) return date;
        if (keepInvalid)
        {
            Add(CrossrefCodes.InvalidDate, $"The date \"{key}\" is malformed; kept as the extra crossref:{key}.");
            AddExtra(key, element.GetRawText());
        }

        return null;
    }

    private PageRange? ReadPages()
    {
        var text = Text("page");
        if (text is null) return null;
        if (PageRange.TryParse(text, out var pages)) return pages;
        Add(CrossrefCodes.InvalidPages, $"The page value \"{text}\" is not a page range; kept as the extra crossref:page.");
        AddExtra("page", text);
        return null;
    }

    private List<string> ReadAbstract()
    {
        var text = Text("abstract");
        if (text is null) return [];
        var paragraphs = JatsText.ToParagraphs(text, out var outcome, out var error);
        switch (outcome)
        {
            case JatsOutcome.Malformed:
                Add(CrossrefCodes.MalformedAbstract, $"The abstract is not well-formed JATS ({error}); its tags were stripped.");
                break;
            case JatsOutcome.DtdProhibited:
                Add(CrossrefCodes.AbstractDtdProhibited, "The abstract holds a document type or entity declaration, which is refused; kept raw as the extra crossref:abstract.");
                AddExtra("abstract", text);
                break;
        }

        return paragraphs;
    }

    private List<Reference> ReadReferences()
    {
        var result = new List<Reference>();
        if (!_work.TryGetProperty("reference", out var list)) return result;
        if (list.ValueKind != JsonValueKind.Array)
        {
            Unexpected("reference", list);
            return result;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Unexpected("reference", item);
                continue;
            }

            Doi? doi = null;
            var doiText = MemberText(item, "DOI");
            if (doiText is not null)
            {
                if (Doi.TryParse(doiText, out var parsed)) doi = parsed;
                else Add(CrossrefCodes.InvalidDoi, $"The reference DOI \"{doiText}\" is not valid; the reference keeps it in its text.");
            }

            var text = MemberText(item, "unstructured") ?? ComposeReference(item);
            if (doi is null && doiText is not null) text = text is null ? doiText : string.Concat(text, " ", doiText);
            result.Add(new Reference { Key = MemberText(item, "key"), Text = text, Doi = doi });
        }

        return result;
    }

    // A reference deposited as parts, written out as "author (year) article-title. volume-title. journal-title.
    // series-title, edition ed., volume(issue), p first-page. ISBN/ISSN"; null when it has no such part.
    private static string? ComposeReference(JsonElement item)
    {
        var builder = new StringBuilder();
        void Sentence(string? part)
        {
            if (part is null) return;
            if (builder.Length > 0) builder.Append(builder[^1] is '.' or '?' or '!' ? " " : ". ");
            builder.Append(part);
        }

        var author = MemberText(item, "author");
        var year = MemberText(item, "year");
        Sentence(author is null ? (year is null ? null : $"({year})") : year is null ? author : $"{author} ({year})");
        Sentence(MemberText(item, "article-title"));
        Sentence(MemberText(item, "volume-title"));
        Sentence(MemberText(item, "journal-title"));
        Sentence(MemberText(item, "series-title"));
        var edition = MemberText(item, "edition");
        if (edition is not null) Sentence(edition + " ed.");
        var volume = MemberText(item, "volume");
        var issue = MemberText(item, "issue");
        if (volume is not null || issue is not null) Sentence(string.Concat(volume, issue is null ? "" : $"({issue})"));
        var page = MemberText(item, "first-page");
        if (page is not null) Sentence("p " + page);
        Sentence(MemberText(item, "ISBN") ?? MemberText(item, "ISSN"));
        return builder.Length == 0 ? null : builder.ToString();
    }

    private string? ReadUrl()
    {
        if (_work.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object
            && resource.TryGetProperty("primary", out var primary) && primary.ValueKind == JsonValueKind.Object)
        {
            var url = MemberText(primary, "URL");
            if (url is not null) return url;
        }

        return Text("URL");
    }

    private AccessMetrics? ReadMetrics()
    {
        if (!_work.TryGetProperty("is-referenced-by-count", out var count)) return null;
        if (count.ValueKind != JsonValueKind.Number || !count.TryGetInt64(out var citations) || citations < 0)
        {
            Unexpected("is-referenced-by-count", count);
            return null;
        }

        return new AccessMetrics { Citations = citations, AsOf = ReadDate("indexed", keepInvalid: false) };
    }

    private void ReadLicenses()
    {
        if (!_work.TryGetProperty("license", out var list)) return;
        if (list.ValueKind != JsonValueKind.Array)
        {
            Unexpected("license", list);
            return;
        }

        foreach (var item in list.EnumerateArray())
        {
            var url = item.ValueKind == JsonValueKind.Object ? MemberText(item, "URL") : null;
            if (url is null) Unexpected("license", item);
            else AddExtraOnce("license", url);
        }
    }

    // Every key neither mapped nor deliberately dropped is kept, unless it is empty ([], {}, "" or null).
    private void KeepTheRest()
    {
        foreach (var property in _work.EnumerateObject())
        {
            if (Mapped.Contains(property.Name) || Dropped.Contains(property.Name)) continue;
            var value = property.Value;
            var empty = value.ValueKind switch
            {
                JsonValueKind.Array => value.GetArrayLength() == 0,
                JsonValueKind.Object => !value.EnumerateObject().Any(),
                JsonValueKind.String => value.GetString()!.Trim().Length == 0,
                JsonValueKind.Null => true,
                _ => false,
            };
            if (!empty) AddExtra(property.Name, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
        }
    }

    // A string (or number) member of the work, trimmed; null when absent or empty.
    private string? Text(string key)
    {
        if (!_work.TryGetProperty(key, out var element)) return null;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString()!.Trim();
                return text.Length == 0 ? null : text;
            case JsonValueKind.Number:
                return element.GetRawText();
            case JsonValueKind.Null:
                return null;
            default:
                Unexpected(key, element);
                return null;
        }
    }

    // An array of strings (or a single string), trimmed, empty strings left out.
    private List<string> Strings(string key)
    {
        var result = new List<string>();
        if (!_work.TryGetProperty(key, out var element) || element.ValueKind == JsonValueKind.Null) return result;
        if (element.ValueKind == JsonValueKind.String)
        {
            var single = element.GetString()!.Trim();
            if (single.Length > 0) result.Add(single);
            return result;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            Unexpected(key, element);
            return result;
        }

        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Unexpected(key, item);
                continue;
            }

            var text = item.GetString()!.Trim();
            if (text.Length > 0) result.Add(text);
        }

        return result;
    }

    private static string? MemberText(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var element)) return null;
        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!.Trim(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private void Unexpected(string key, JsonElement element)
    {
        Add(CrossrefCodes.UnexpectedValue,
            string.Create(CultureInfo.InvariantCulture, $"\"{key}\" holds an unexpected JSON {Crossref.Describe(element.ValueKind)}; kept as the extra crossref:{key}."));
        AddExtra(key, element.GetRawText());
    }

    private void Add(string code, string message) =>
        _diagnostics.Add(DiagnosticCatalogue.Create(code, message, _line, _column));

    private void AddExtra(string key, string value) => _extras.Add(new ExtraField { Name = Prefix + key, Value = value });

    private void AddExtraOnce(string key, string value)
    {
        var name = Prefix + key;
        foreach (var extra in _extras)
        {
            if (string.Equals(extra.Name, name, StringComparison.Ordinal) && string.Equals(extra.Value, value, StringComparison.Ordinal)) return;
        }

        AddExtra(key, value);
    }
}
