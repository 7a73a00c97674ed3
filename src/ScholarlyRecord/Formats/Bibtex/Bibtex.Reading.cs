using System.Globalization;

namespace ScholarlyRecord.Formats;

// Entry -> Chapter. Every field the mapping does not take (or cannot read) is kept raw as an ExtraField "bibtex:<name>".
public static partial class Bibtex
{
    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en", ["american"] = "en-US", ["USenglish"] = "en-US", ["british"] = "en-GB", ["UKenglish"] = "en-GB",
        ["german"] = "de", ["ngerman"] = "de", ["austrian"] = "de-AT", ["naustrian"] = "de-AT", ["swissgerman"] = "de-CH",
        ["nswissgerman"] = "de-CH", ["french"] = "fr", ["spanish"] = "es", ["italian"] = "it", ["dutch"] = "nl",
        ["portuguese"] = "pt", ["brazilian"] = "pt-BR", ["russian"] = "ru", ["polish"] = "pl", ["czech"] = "cs",
        ["swedish"] = "sv", ["danish"] = "da", ["norwegian"] = "no", ["finnish"] = "fi", ["greek"] = "el",
        ["japanese"] = "ja", ["chinese"] = "zh", ["korean"] = "ko", ["latin"] = "la",
    };

    // Null when the entry is not a chapter (reported as BIB301).
    internal static Chapter? ToChapter(BibtexEntry original, Func<BibtexEntry, BibtexEntry> inherit, List<Diagnostic> diagnostics)
    {
        if (!IsChapterType(original.EntryType))
        {
            diagnostics.Add(DiagnosticCatalogue.Create(BibtexCodes.NotAChapter,
                "@" + original.RawEntryType + "{" + original.Key + "} is not a chapter; skipped", original.Line, original.Column));
            return null;
        }
        var entry = inherit(original);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var extras = new List<ExtraField>();

        string? Take(string name)
        {
            var field = entry.GetField(name);
            if (field is null) return null;
            used.Add(name);
            return field.Value.Length == 0 ? null : field.Value;
        }

        void Warn(string code, BibtexField field, string message) =>
            diagnostics.Add(DiagnosticCatalogue.Create(code, message, field.Line, field.Column));

        var chapterContributors = new List<Contributor>();
        var bookContributors = new List<Contributor>();
        void Names(string name, ContributorRole role, List<Contributor> target)
        {
            var field = entry.GetField(name);
            if (field is null) return;
            BibtexNameList list;
            try
            {
                list = entry.GetNames(name, strict: true);
            }
            catch (FormatException e)
            {
                Warn(BibtexCodes.InvalidName, field, name + ": " + e.Message + "; kept as bibtex:" + name);
                return;
            }
            used.Add(name);
            foreach (var person in list.Names) target.Add(new Contributor { Name = person, Role = role });
            if (list.EtAl) extras.Add(new ExtraField { Name = "bibtex:" + name + "+others", Value = "others" });
        }

        Names("author", ContributorRole.Author, chapterContributors);
        Names("translator", ContributorRole.Translator, chapterContributors);
        Names("bookauthor", ContributorRole.Author, bookContributors);
        Names("editor", ContributorRole.Editor, bookContributors);

        // Classic BibTeX @inbook has no booktitle: its title is the book's.
        var classicInbook = entry.EntryType == "inbook" && entry.GetField("booktitle") is null && entry.GetField("title") is not null;
        string? title, subtitle, bookTitle, bookSubtitle;
        if (classicInbook)
        {
            title = null;
            subtitle = null;
            bookTitle = Take("title");
            bookSubtitle = Take("subtitle");
        }
        else
        {
            title = Take("title");
            subtitle = Take("subtitle");
            bookTitle = Take("booktitle");
            bookSubtitle = Take("booksubtitle");
        }
        if (title is null)
        {
            diagnostics.Add(DiagnosticCatalogue.Create(BibtexCodes.MissingTitle,
                "@" + original.RawEntryType + "{" + original.Key + "} has no chapter title; the title is empty", original.Line, original.Column));
        }

        var publisherName = Take("publisher");
        Publisher? publisher = null;
        if (publisherName is not null)
        {
            var location = Take("location") ?? Take("address");
            publisher = new Publisher { Name = publisherName, Location = location };
        }

        var isbns = new List<BookIsbn>();
        if (entry.GetField("isbn") is { } isbnField)
        {
            var (valid, invalid) = SplitIdentifiers<Isbn>(isbnField.Value);
            foreach (var isbn in valid) isbns.Add(new BookIsbn { Value = isbn });
            used.Add("isbn");
            if (invalid.Count > 0)
            {
                Warn(BibtexCodes.InvalidIsbn, isbnField, "not an ISBN: " + string.Join(", ", invalid) + "; kept as bibtex:isbn");
                extras.Add(new ExtraField { Name = "bibtex:isbn", Value = string.Join(", ", invalid) });
            }
        }
        var issns = new List<SeriesIssn>();
        if (entry.GetField("issn") is { } issnField)
        {
            var (valid, invalid) = SplitIdentifiers<Issn>(issnField.Value);
            foreach (var issn in valid) issns.Add(new SeriesIssn { Value = issn });
            used.Add("issn");
            if (invalid.Count > 0)
            {
                Warn(BibtexCodes.InvalidIssn, issnField, "not an ISSN: " + string.Join(", ", invalid) + "; kept as bibtex:issn");
                extras.Add(new ExtraField { Name = "bibtex:issn", Value = string.Join(", ", invalid) });
            }
        }

        var seriesTitle = Take("series");
        var seriesAbbreviation = Take("shortseries");
        var seriesVolume = Take("number");
        Series? series = seriesTitle is null && seriesAbbreviation is null && seriesVolume is null && issns.Count == 0
            ? null
            : new Series { Title = seriesTitle, Abbreviation = seriesAbbreviation, Volume = seriesVolume, Issns = issns };

        var edition = Take("edition");
        var date = ReadDate(entry, used, Warn);

        PageRange? pages = null;
        if (entry.GetField("pages") is { } pagesField)
        {
            if (PageRange.TryParse(pagesField.Value, out var range))
            {
                pages = range;
                used.Add("pages");
            }
            else
            {
                Warn(BibtexCodes.InvalidPages, pagesField, "not a page range: " + pagesField.Value + "; kept as bibtex:pages");
            }
        }

        Doi? doi = null;
        if (entry.GetField("doi") is { } doiField)
        {
            if (Doi.TryParse(doiField.Value, out var parsed))
            {
                doi = parsed;
                used.Add("doi");
            }
            else
            {
                Warn(BibtexCodes.InvalidDoi, doiField, "not a DOI: " + doiField.Value + "; kept as bibtex:doi");
            }
        }

        var language = ReadLanguage(entry, used);
        var abstractParagraphs = entry.GetField("abstract") is { } abstractField ? Paragraphs(abstractField.RawValue) : [];
        if (entry.GetField("abstract") is not null) used.Add("abstract");
        var keywords = entry.GetField("keywords") is { } keywordsField ? Keywords(keywordsField.RawValue) : [];
        if (entry.GetField("keywords") is not null) used.Add("keywords");
        var copyright = Take("copyright") is { } statement ? new Copyright { Statement = statement } : null;
        var number = Take("chapter");
        var url = Take("url");

        var book = new Book
        {
            Title = bookTitle,
            Subtitle = bookSubtitle,
            Contributors = bookContributors,
            Isbns = isbns,
            Edition = edition,
            Series = series,
            Publisher = publisher,
        };
        if (book == new Book()) book = null;

        // Everything not taken, raw, in field order; second occurrences of a field too.
        var all = new List<ExtraField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in entry.Fields)
        {
            var first = seen.Add(field.Name);
            if (first && used.Contains(field.Name)) continue;
            all.Add(new ExtraField { Name = "bibtex:" + field.Name, Value = field.RawValue });
        }
        all.AddRange(extras);

        return new Chapter
        {
            CitationKey = CitationKeys.Read(original.Key),
            Doi = doi,
            Title = title ?? "",
            Subtitle = subtitle,
            Number = number,
            Contributors = chapterContributors,
            Book = book,
            PublicationDate = date,
            Pages = pages,
            Language = language,
            Abstract = abstractParagraphs,
            Keywords = keywords,
            Copyright = copyright,
            Url = url,
            ExtraFields = all,
        };
    }

    // date (ISO/EDTF, a range gives its start) wins over year/month/day; unreadable ones stay extra fields.
    private static PartialDate? ReadDate(BibtexEntry entry, HashSet<string> used, Action<string, BibtexField, string> warn)
    {
        if (entry.GetField("date") is { } dateField)
        {
            var text = dateField.Value;
            if (PartialDate.TryParse(text, out var single))
            {
                used.UnionWith(["date", "year", "month", "day"]);
                return single;
            }
            if (PartialDateRange.TryParse(text, out var range))
            {
                used.UnionWith(["date", "year", "month", "day"]);
                return range.Start;
            }
            warn(BibtexCodes.InvalidDate, dateField, "not a date: " + text + "; kept as bibtex:date");
        }
        if (entry.GetField("year") is not { } yearField) return null;
        // Three or four digits: "850" is a year as citation-js writes one before 1000; two digits ("92") are too
        // ambiguous to guess a century for, and stay an extra field.
        if (yearField.Value.Length is not (3 or 4) || !int.TryParse(yearField.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            warn(BibtexCodes.InvalidDate, yearField, "not a year: " + yearField.Value + "; kept as bibtex:year");
            return null;
        }
        used.Add("year");
        var date = new PartialDate(year);
        if (entry.GetField("month") is not { } monthField) return date;
        if (entry.GetMonth() is not { } month)
        {
            if (entry.GetField("day") is null && MonthWithDay(monthField.Value) is var (m, d) && PartialDate.TryCreate(year, m, d, out var withDay))
            {
                used.Add("month");
                return withDay;
            }
            warn(BibtexCodes.InvalidDate, monthField, "not a month: " + monthField.Value + "; kept as bibtex:month");
            return date;
        }
        used.Add("month");
        date = new PartialDate(year, month);
        if (entry.GetField("day") is not { } dayField) return date;
        if (!int.TryParse(dayField.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || !PartialDate.TryCreate(year, month, day, out var full))
        {
            warn(BibtexCodes.InvalidDate, dayField, "not a day of " + date + ": " + dayField.Value + "; kept as bibtex:day");
            return date;
        }
        used.Add("day");
        return full;
    }

    // "oct 23" / "October 23" (citation-js writes the day into month when there is no day field): a month, white space,
    // a day of one or two digits. Anything else is not a month with a day.
    private static (int Month, int Day)? MonthWithDay(string value)
    {
        var text = value.AsSpan().Trim();
        var space = text.LastIndexOfAny(' ', '\u00A0');
        if (space < 1 || text.Length - space - 1 is < 1 or > 2) return null;
        if (!int.TryParse(text[(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var day)) return null;
        var monthText = text[..space].TrimEnd();
        if (monthText.Length < 3 || char.IsAsciiDigit(monthText[0])) return null;
        return BibtexEntry.ParseMonth(monthText) is { } month ? (month, day) : null;
    }

    // A BCP 47 tag as written, or a babel language name (langid, language) turned into one.
    private static string? ReadLanguage(BibtexEntry entry, HashSet<string> used)
    {
        foreach (var name in (ReadOnlySpan<string>)["language", "langid"])
        {
            if (entry[name] is { } value && IsLanguageTag(value))
            {
                used.Add(name);
                return value;
            }
        }
        foreach (var name in (ReadOnlySpan<string>)["langid", "language"])
        {
            if (entry[name] is { } value && LanguageNames.TryGetValue(value, out var tag))
            {
                used.Add(name);
                return tag;
            }
        }
        return null;
    }

    // A primary subtag of 2 or 3 ASCII letters, then subtags of 1 to 8 letters or digits.
    private static bool IsLanguageTag(string value)
    {
        var parts = value.Split('-');
        if (parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetterLower)) return false;
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length is < 1 or > 8 || !parts[i].All(char.IsAsciiLetterOrDigit)) return false;
        }
        return true;
    }

    // Paragraphs of an abstract: the raw value split on blank lines, each decoded; empty ones dropped.
    private static List<string> Paragraphs(string raw)
    {
        var paragraphs = new List<string>();
        if (!raw.Contains('\n', StringComparison.Ordinal))
        {
            // One line, so one paragraph: no splitting and joining needed.
            if (!string.IsNullOrWhiteSpace(raw) && LatexDecoder.Decode(raw) is { Length: > 0 } single) paragraphs.Add(single);
            return paragraphs;
        }
        // A paragraph is a run of lines that are not blank; the lines of a run are consecutive in raw, so the run is one
        // slice of it (the text a split on '\n' and a join with '\n' would give back).
        var start = -1;
        var end = 0;
        var lineStart = 0;
        while (true)
        {
            var lineBreak = raw.IndexOf('\n', lineStart);
            var lineEnd = lineBreak < 0 ? raw.Length : lineBreak;
            if (raw.AsSpan(lineStart, lineEnd - lineStart).IsWhiteSpace())
            {
                Flush(raw, start, end, paragraphs);
                start = -1;
            }
            else
            {
                if (start < 0) start = lineStart;
                end = lineEnd;
            }
            if (lineBreak < 0) break;
            lineStart = lineBreak + 1;
        }
        Flush(raw, start, end, paragraphs);
        return paragraphs;

        static void Flush(string raw, int start, int end, List<string> paragraphs)
        {
            if (start < 0) return;
            var text = LatexDecoder.Decode(raw[start..end]);
            if (text.Length > 0) paragraphs.Add(text);
        }
    }

    // Keywords: the raw value split on ',' and ';' outside braces, each decoded; empty ones dropped.
    private static List<string> Keywords(string raw)
    {
        var keywords = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= raw.Length; i++)
        {
            if (i < raw.Length)
            {
                var c = raw[i];
                if (c == '\\' && i + 1 < raw.Length && raw[i + 1] is '{' or '}' or '\\')
                {
                    i++;
                    continue;
                }
                if (c == '{') depth++;
                else if (c == '}') depth--;
                if (depth != 0 || c is not (',' or ';')) continue;
            }
            var keyword = LatexDecoder.Decode(raw[start..i]);
            if (keyword.Length > 0) keywords.Add(keyword);
            start = i + 1;
        }
        return keywords;
    }

    // Identifiers separated by commas, semicolons, "and" or white space, each possibly labelled ("ISBN 978-...").
    private static (List<T> Valid, List<string> Invalid) SplitIdentifiers<T>(string text) where T : ISpanParsable<T>
    {
        var valid = new List<T>();
        var invalid = new List<string>();
        foreach (var piece in text.Replace(" and ", ";", StringComparison.OrdinalIgnoreCase).Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (T.TryParse(piece, CultureInfo.InvariantCulture, out var one))
            {
                valid.Add(one);
                continue;
            }
            // Several identifiers separated by spaces, or a label word before one.
            var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var found = new List<T>();
            var bad = false;
            for (var i = 0; i < words.Length; i++)
            {
                var word = words[i].TrimEnd(':');
                if (word.ToUpperInvariant() is "ISBN" or "ISBN-10" or "ISBN-13" or "ISSN") continue;
                if (T.TryParse(words[i], CultureInfo.InvariantCulture, out var parsed)) found.Add(parsed);
                else bad = true;
            }
            if (bad || found.Count == 0) invalid.Add(piece);
            else valid.AddRange(found);
        }
        return (valid, invalid);
    }
}
