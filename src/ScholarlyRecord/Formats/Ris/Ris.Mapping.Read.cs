namespace ScholarlyRecord.Formats;

public static partial class Ris
{
    /// <summary>Turns one record into a chapter (see docs/formats-ris.md for the field table).</summary>
    /// <param name="record">The record.</param>
    /// <param name="report">Where diagnostics go.</param>
    /// <param name="parts">Parts to fill (emptied first), so that a read reuses one set for every record; null for new ones.</param>
    private static Chapter? MapRecord(RisRecord record, Action<Diagnostic>? report, ChapterParts? parts = null)
    {
        if (!IsChapterType(record.Type))
        {
            report?.Invoke(DiagnosticCatalogue.Create(RisCodes.NotAChapter,
                record.Type.Length == 0
                    ? "A record without a type was skipped: only CHAP and ECHAP records are chapters."
                    : $"A '{record.Type}' record was skipped: only CHAP and ECHAP records are chapters.",
                record.Line, 1));
            return null;
        }
        if (parts is null) parts = new ChapterParts();
        else parts.Clear();
        return new RecordMapper(record, report, parts).Map();
    }

    private static bool IsChapterType(string type) =>
        type.Equals("CHAP", StringComparison.OrdinalIgnoreCase) || type.Equals("ECHAP", StringComparison.OrdinalIgnoreCase);

    private sealed class RecordMapper(RisRecord record, Action<Diagnostic>? report, ChapterParts parts)
    {
        private readonly ChapterParts _parts = parts;

        // Most records have no extra, no N2 and one date: these lists are made when first needed.
        private List<(int Order, ExtraField Field)>? _extras;
        private List<RisField>? _dates;
        private List<RisField>? _secondaryAbstract;

        private RisField? _startPage;
        private RisField? _endPage;
        private RisField? _altBookTitle;
        private RisField? _altVolume;
        private RisField? _place;

        public Chapter Map()
        {
            foreach (var field in record.Fields)
            {
                Accept(field);
            }

            if (_secondaryAbstract is not null)
            {
                if (_parts.Abstract.Count == 0)
                {
                    foreach (var n2 in _secondaryAbstract) AddParagraphs(n2.Value);
                }
                else
                {
                    foreach (var n2 in _secondaryAbstract) Extra(n2);
                }
            }
            if (_altBookTitle is not null)
            {
                if (_parts.BookTitle is null) _parts.BookTitle = _altBookTitle.Value;
                else Extra(_altBookTitle);
            }
            if (_altVolume is not null)
            {
                if (_parts.Volume is null) _parts.Volume = _altVolume.Value;
                else Extra(_altVolume);
            }
            var pages = MapPages();
            var date = MapDate();
            if (_parts.Title is null)
            {
                Report(RisCodes.MissingTitle,
                    "The chapter has no title (TI or T1); it is kept with an empty title.", record.Line, 1);
            }
            if (_parts.PublisherName is null && _place is not null) Extra(_place);
            return _parts.Build(_place?.Value, date, pages, OrderedExtras());
        }

        private void Accept(RisField field)
        {
            var value = field.Value;
            switch (field.Tag)
            {
                case "AU" or "A1":
                    AddName(field, _parts.ChapterContributors, ContributorRole.Author);
                    return;
                case "A4":
                    AddName(field, _parts.ChapterContributors, ContributorRole.Translator);
                    return;
                case "A2" or "ED":
                    AddName(field, _parts.BookContributors, ContributorRole.Editor);
                    return;
                case "A3":
                    AddName(field, _parts.BookContributors, ContributorRole.SeriesEditor);
                    return;
                case "KW":
                    if (value.Length > 0) _parts.Keywords.Add(value);
                    return;
                case "AB":
                    AddParagraphs(value);
                    return;
                case "N2":
                    (_secondaryAbstract ??= []).Add(field);
                    return;
                case "SN":
                    AddStandardNumbers(field);
                    return;
                case "PY" or "Y1" or "DA":
                    if (value.Length > 0) (_dates ??= []).Add(field);
                    else Extra(field);
                    return;
                case "DO":
                    MapDoi(field);
                    return;
                case "BT":
                    if (value.Length == 0) return;
                    if (_altBookTitle is null) _altBookTitle = field;
                    else Extra(field);
                    return;
                case "SV":
                    if (value.Length == 0) return;
                    if (_altVolume is null) _altVolume = field;
                    else Extra(field);
                    return;
                case "SP":
                    TakeField(field, ref _startPage);
                    return;
                case "EP":
                    TakeField(field, ref _endPage);
                    return;
                case "CY":
                    TakeField(field, ref _place);
                    return;
                case "ID":
                    Take(field, ref _parts.CitationKey);
                    return;
                case "TI" or "T1":
                    Take(field, ref _parts.Title);
                    return;
                case "SE":
                    Take(field, ref _parts.Number);
                    return;
                case "UR":
                    Take(field, ref _parts.Url);
                    return;
                case "LA":
                    Take(field, ref _parts.Language);
                    return;
                case "T2":
                    Take(field, ref _parts.BookTitle);
                    return;
                case "T3":
                    Take(field, ref _parts.SeriesTitle);
                    return;
                case "VL":
                    Take(field, ref _parts.Volume);
                    return;
                case "ET":
                    Take(field, ref _parts.Edition);
                    return;
                case "PB":
                    Take(field, ref _parts.PublisherName);
                    return;
                default:
                    Extra(field);
                    return;
            }
        }

        // A single-valued field: the first non-empty value is used, later ones are extras; empty values carry nothing.
        private void Take(RisField field, ref string? slot)
        {
            if (field.Value.Length == 0) return;
            if (slot is null) slot = field.Value;
            else Extra(field);
        }

        private void TakeField(RisField field, ref RisField? slot)
        {
            if (field.Value.Length == 0) return;
            if (slot is null) slot = field;
            else Extra(field);
        }

        private void Extra(RisField field) => Extra(field, field.Value);

        private void Extra(RisField field, string value) =>
            (_extras ??= []).Add((OrderOf(field), new ExtraField { Name = "ris:" + field.Tag, Value = value }));

        // The field's place in the record: extras are rare, so a scan when one is made beats a table made for every record.
        private int OrderOf(RisField field)
        {
            var fields = record.Fields;
            for (var i = 0; i < fields.Count; i++)
            {
                if (ReferenceEquals(fields[i], field)) return i;
            }
            return fields.Count;
        }

        // Extras in the order of the fields they came from (a stable sort: fields decided late are added late).
        private IReadOnlyList<ExtraField> OrderedExtras()
        {
            if (_extras is null) return ValueList<ExtraField>.Empty;
            var ordered = new List<ExtraField>(_extras.Count);
            foreach (var (_, field) in _extras.OrderBy(e => e.Order))
            {
                ordered.Add(field);
            }
            return ordered;
        }

        private void Report(string code, string message, int line, int column) =>
            report?.Invoke(DiagnosticCatalogue.Create(code, message, line, column));

        private void Warn(RisField field, string code, string message) =>
            Report(code, message, field.Line, field.Column);

        private void AddName(RisField field, List<Contributor> list, ContributorRole role)
        {
            if (field.Value.Length == 0) return;
            var name = RisNames.Parse(field.Value);
            if (name is null)
            {
                Warn(field, RisCodes.EmptyName, $"The {field.Tag} value '{field.Value}' holds no name; kept as an extra field.");
                Extra(field);
                return;
            }
            list.Add(new Contributor { Name = name, Role = role });
        }

        private void AddParagraphs(string value)
        {
            if (value.AsSpan().IndexOfAny(RisSyntax.LineBreaks) < 0)
            {
                if (!string.IsNullOrWhiteSpace(value)) _parts.Abstract.Add(value);
                return;
            }
            foreach (var piece in RisText.SplitLines(value))
            {
                if (!string.IsNullOrWhiteSpace(piece)) _parts.Abstract.Add(piece);
            }
        }

        private void MapDoi(RisField field)
        {
            if (field.Value.Length == 0) return;
            if (_parts.SawDoi)
            {
                Extra(field);
                return;
            }
            if (Doi.TryParse(field.Value, out var doi))
            {
                _parts.Doi = doi;
                _parts.SawDoi = true;
                return;
            }
            Warn(field, RisCodes.InvalidDoi, $"'{field.Value}' is not a DOI; kept as an extra field.");
            Extra(field);
        }

        private void AddStandardNumbers(RisField field)
        {
            foreach (var (text, medium) in RisStandardNumbers.Split(field.Value))
            {
                if (Isbn.TryParse(text, out var isbn))
                {
                    _parts.Isbns.Add(new BookIsbn { Value = isbn, Medium = medium });
                }
                else if (Issn.TryParse(text, out var issn))
                {
                    _parts.Issns.Add(new SeriesIssn { Value = issn, Medium = medium });
                }
                else
                {
                    Warn(field, RisCodes.InvalidStandardNumber, $"'{text}' is neither an ISBN nor an ISSN; kept as an extra field.");
                    Extra(field, text);
                }
            }
        }

        private PageRange? MapPages()
        {
            if (_startPage is null)
            {
                if (_endPage is not null)
                {
                    Warn(_endPage, RisCodes.InvalidPages, "An end page (EP) without a start page (SP); kept as an extra field.");
                    Extra(_endPage);
                }
                return null;
            }
            if (_endPage is not null)
            {
                return new PageRange { First = _startPage.Value, Last = _endPage.Value };
            }
            if (PageRange.TryParse(_startPage.Value, out var range))
            {
                return range;
            }
            Warn(_startPage, RisCodes.InvalidPages, $"'{_startPage.Value}' is not a page or a page range; kept as an extra field.");
            Extra(_startPage);
            return null;
        }

        private PartialDate? MapDate()
        {
            if (_dates is null) return null;
            PartialDate? main = null;
            RisField? mainField = null;
            var parsed = new List<(RisField Field, PartialDate Date)>(_dates.Count);
            foreach (var field in _dates)
            {
                switch (RisDates.TryParse(field.Value, out var date))
                {
                    case RisDates.Outcome.Invalid:
                        Warn(field, RisCodes.InvalidDate, $"The {field.Tag} value '{field.Value}' is not a date; kept as an extra field.");
                        Extra(field);
                        continue;
                    case RisDates.Outcome.DateWithIgnoredText:
                        Warn(field, RisCodes.DateTextIgnored, $"The text after the numbers of the {field.Tag} date '{field.Value}' is not a season and was ignored.");
                        break;
                    default:
                        break;
                }
                parsed.Add((field, date));
            }

            // The first PY or Y1 is the date; with neither, the first DA.
            foreach (var (field, date) in parsed)
            {
                if (field.Tag is "PY" or "Y1")
                {
                    main = date;
                    mainField = field;
                    break;
                }
            }
            if (mainField is null && parsed.Count > 0)
            {
                (mainField, main) = (parsed[0].Field, parsed[0].Date);
            }
            RisField? detailField = null;
            if (main is { } m)
            {
                foreach (var (field, date) in parsed)
                {
                    if (ReferenceEquals(field, mainField) || !RisDates.Refines(m, date)) continue;
                    main = date;
                    detailField = field;
                    break;
                }
            }
            foreach (var (field, _) in parsed)
            {
                if (!ReferenceEquals(field, mainField) && !ReferenceEquals(field, detailField)) Extra(field);
            }
            return main;
        }
    }
}
