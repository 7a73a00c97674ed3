namespace ScholarlyRecord.Formats;

public static partial class EndnoteMapping
{
    /// <summary>The reference types read as chapters.</summary>
    private static bool IsChapterType(string type) =>
        type.Equals("Book Section", StringComparison.OrdinalIgnoreCase) || type.Equals("Electronic Book Section", StringComparison.OrdinalIgnoreCase);

    private static Chapter? MapRecord(EndnoteRecord record, Action<Diagnostic>? report)
    {
        if (!IsChapterType(record.Type))
        {
            report?.Invoke(DiagnosticCatalogue.Create(EndnoteCodes.NotAChapter,
                record.Type.Length == 0
                    ? "A record without a type was skipped: only '%0 Book Section' and '%0 Electronic Book Section' records are chapters."
                    : $"A '{record.Type}' record was skipped: only '%0 Book Section' and '%0 Electronic Book Section' records are chapters.",
                record.Line, 1));
            return null;
        }
        return new RecordMapper(record, report).Map();
    }

    private sealed class RecordMapper(EndnoteRecord record, Action<Diagnostic>? report)
    {
        private readonly ChapterParts _parts = new();
        private readonly List<ExtraField> _extras = [];

        private PageRange? _pages;
        private EndnoteField? _place;
        private PartialDate? _year;
        private EndnoteField? _dateField;
        private EndnoteNoteLines.Parts? _noteLines;

        // Name fields by tag, in order: where each one's contributor went (null when it held no name), for the %Z lines.
        private readonly Dictionary<string, List<(bool OfBook, int Index)?>> _names = new(StringComparer.Ordinal);

        public Chapter Map()
        {
            foreach (var field in record.Fields)
            {
                Accept(field);
            }
            var date = MapDate();
            if (_parts.Title is null)
            {
                Report(EndnoteCodes.MissingTitle, "The chapter has no title (%T); it is kept with an empty title.", record.Line, 1);
            }
            if (_parts.PublisherName is null && _place is not null) Extra(_place);
            var chapter = _parts.Build(_place is null ? null : SingleLine(_place.Value), date, _pages, _extras);
            return _noteLines is null ? chapter : _noteLines.ApplyTo(chapter, FindName);
        }

        // The contributor written as the ordinal-th name of a role (as EndnoteNoteLines numbers them), if it was read as one.
        private (bool OfBook, int Index)? FindName(string role, int ordinal)
        {
            var tag = Array.Find(EndnoteNoteLines.NameTags, t => t.Name == role).Tag;
            return tag is not null && _names.TryGetValue(tag, out var list) && ordinal <= list.Count ? list[ordinal - 1] : null;
        }

        private void Accept(EndnoteField field)
        {
            var value = field.Value;
            switch (field.Tag)
            {
                case "%A":
                    AddName(field, _parts.ChapterContributors, ContributorRole.Author);
                    return;
                case "%?":
                    AddName(field, _parts.ChapterContributors, ContributorRole.Translator);
                    return;
                case "%E":
                    AddName(field, _parts.BookContributors, ContributorRole.Editor);
                    return;
                case "%Y":
                    AddName(field, _parts.BookContributors, ContributorRole.SeriesEditor);
                    return;
                case "%K":
                    foreach (var line in value.Split('\n'))
                    {
                        if (line.Length > 0) _parts.Keywords.Add(line);
                    }
                    return;
                case "%X":
                    foreach (var line in value.Split('\n'))
                    {
                        if (!string.IsNullOrWhiteSpace(line)) _parts.Abstract.Add(line);
                    }
                    return;
                case "%@":
                    AddStandardNumbers(field);
                    return;
                case "%D":
                    MapYear(field);
                    return;
                case "%8":
                    if (value.Length == 0) return;
                    if (_dateField is null) _dateField = field;
                    else Extra(field);
                    return;
                case "%R":
                    MapDoi(field);
                    return;
                case "%P":
                    MapPages(field);
                    return;
                case "%C":
                    if (value.Length == 0) return;
                    if (_place is null) _place = field;
                    else Extra(field);
                    return;
                case "%Z":
                    if (_noteLines is null && EndnoteNoteLines.Read(value) is { } lines) _noteLines = lines;
                    else Extra(field);
                    return;
                case "%F":
                    Take(field, ref _parts.CitationKey);
                    return;
                case "%T":
                    Take(field, ref _parts.Title);
                    return;
                case "%&":
                    Take(field, ref _parts.Number);
                    return;
                case "%U":
                    Take(field, ref _parts.Url);
                    return;
                case "%G":
                    Take(field, ref _parts.Language);
                    return;
                case "%B":
                    Take(field, ref _parts.BookTitle);
                    return;
                case "%S":
                    Take(field, ref _parts.SeriesTitle);
                    return;
                case "%V":
                    Take(field, ref _parts.Volume);
                    return;
                case "%7":
                    Take(field, ref _parts.Edition);
                    return;
                case "%I":
                    Take(field, ref _parts.PublisherName);
                    return;
                default:
                    Extra(field);
                    return;
            }
        }

        // A single-valued field: the first non-empty value is used (its lines joined with spaces), later ones are extras.
        private void Take(EndnoteField field, ref string? slot)
        {
            if (field.Value.Length == 0) return;
            if (slot is null) slot = SingleLine(field.Value);
            else Extra(field);
        }

        private void Extra(EndnoteField field) => Extra(field, field.Value);

        private void Extra(EndnoteField field, string value) =>
            _extras.Add(new ExtraField { Name = ExtraPrefix + field.Tag, Value = value });

        private void Report(string code, string message, int line, int column) =>
            report?.Invoke(DiagnosticCatalogue.Create(code, message, line, column));

        private void Warn(EndnoteField field, string code, string message) => Report(code, message, field.Line, field.Column);

        private void AddName(EndnoteField field, List<Contributor> list, ContributorRole role)
        {
            if (!_names.TryGetValue(field.Tag, out var places)) _names[field.Tag] = places = [];
            places.Add(null);
            if (field.Value.Length == 0) return;
            var name = RisNames.Parse(SingleLine(field.Value));
            if (name is null)
            {
                Warn(field, EndnoteCodes.InvalidName, $"The {field.Tag} value '{field.Value}' holds no name; kept as an extra field.");
                Extra(field);
                return;
            }
            places[^1] = (ReferenceEquals(list, _parts.BookContributors), list.Count);
            list.Add(new Contributor { Name = name, Role = role });
        }

        private void MapDoi(EndnoteField field)
        {
            if (field.Value.Length == 0) return;
            if (_parts.SawDoi)
            {
                Extra(field);
                return;
            }
            if (Doi.TryParse(SingleLine(field.Value), out var doi))
            {
                _parts.Doi = doi;
                _parts.SawDoi = true;
                return;
            }
            Warn(field, EndnoteCodes.InvalidDoi, $"'{field.Value}' is not a DOI; kept as extra field endnote:%R.");
            Extra(field);
        }

        private void AddStandardNumbers(EndnoteField field)
        {
            foreach (var (text, medium) in RisStandardNumbers.Split(field.Value))
            {
                if (Isbn.TryParse(text.AsSpan(), out var isbn, out var qualifier))
                {
                    _parts.Isbns.Add(new BookIsbn { Value = isbn, Medium = medium ?? MediumOf(qualifier) });
                }
                else if (Issn.TryParse(text, out var issn))
                {
                    _parts.Issns.Add(new SeriesIssn { Value = issn, Medium = medium });
                }
                else
                {
                    Warn(field, EndnoteCodes.InvalidIsbn, $"'{text}' is neither an ISBN nor an ISSN; kept as extra field endnote:%@.");
                    Extra(field, text);
                }
            }
        }

        private void MapPages(EndnoteField field)
        {
            if (field.Value.Length == 0) return;
            if (_pages is not null)
            {
                Extra(field);
                return;
            }
            var text = SingleLine(field.Value).Trim();
            // First and last page as written around the one dash (as RIS keeps SP and EP), else the page rule.
            var dash = text.IndexOfAny(['-', '\u2013']);
            if (dash > 0 && dash == text.LastIndexOfAny(['-', '\u2013']))
            {
                var first = text[..dash].Trim();
                var last = text[(dash + 1)..].Trim();
                if (first.Length > 0 && last.Length > 0)
                {
                    _pages = new PageRange { First = first, Last = last };
                    return;
                }
            }
            if (PageRange.TryParse(text, out var range))
            {
                _pages = range;
                return;
            }
            Warn(field, EndnoteCodes.InvalidPages, $"'{text}' is not a page or a page range; kept as extra field endnote:%P.");
            Extra(field);
        }

        private void MapYear(EndnoteField field)
        {
            if (field.Value.Length == 0) return;
            if (_year is not null)
            {
                Extra(field);
                return;
            }
            if (PartialDate.TryParse(SingleLine(field.Value).Trim(), out var year))
            {
                _year = year;
                return;
            }
            Warn(field, EndnoteCodes.InvalidDate, $"The %D value '{field.Value}' is not a year; kept as extra field endnote:%D.");
            Extra(field);
        }

        // %D gives the year; %8 (EndNote's free-text Date) refines it when it is an ISO or RIS-style date of the same year.
        private PartialDate? MapDate()
        {
            if (_dateField is null) return _year;
            var outcome = RisDates.TryParse(SingleLine(_dateField.Value), out var detail);
            if (outcome == RisDates.Outcome.Date && (_year is null || RisDates.Refines(_year.Value, detail)))
            {
                return detail;
            }
            Extra(_dateField);
            return _year;
        }
    }

    private static PublicationMedium? MediumOf(ReadOnlySpan<char> qualifier)
    {
        if (qualifier.IsEmpty) return null;
        var text = qualifier.TrimEnd('.');
        foreach (var print in (ReadOnlySpan<string>)["Print", "Paper", "Paperback", "Pbk", "Hardcover", "Hardback", "Hbk", "Softcover", "Cloth"])
        {
            if (text.Equals(print, StringComparison.OrdinalIgnoreCase)) return PublicationMedium.Print;
        }
        foreach (var electronic in (ReadOnlySpan<string>)["Electronic", "Online", "eBook", "E-book", "PDF"])
        {
            if (text.Equals(electronic, StringComparison.OrdinalIgnoreCase)) return PublicationMedium.Electronic;
        }
        return null;
    }

    private static string SingleLine(string value) => value.Contains('\n', StringComparison.Ordinal) ? value.Replace('\n', ' ') : value;
}
