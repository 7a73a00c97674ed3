using System.Text;
using System.Text.Json;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Fuzz;

/// <summary>
/// Every fuzz target: a name and an action over the raw input bytes. This is the ONLY file of the fuzz project that
/// calls the library, so retargeting the fuzzers to changed front doors is an edit here. The same table is compiled into
/// the test project, which replays the seed and regression corpora through it.
/// </summary>
/// <remarks>
/// Each action checks the documented contract and throws <see cref="ContractException"/> (or lets the library's own
/// exception escape) when it is broken; the fuzzer records any exception as a crash:
/// readers never throw on content (problems are diagnostics); <c>Parse</c> throws only <see cref="FormatException"/>
/// (<see cref="JsonException"/> for the strict JSON reader); <c>TryParse</c>, <c>Validate</c> and <c>Parse</c> agree; two
/// paths over the same input (text and stream) give the same records. Every chapter a reader returns goes through
/// <see cref="ChapterValidator"/>, which must not throw either.
/// </remarks>
internal static class Targets
{
    /// <summary>The targets by name (the name is the fuzzer's argument, the seed and regression folder name).</summary>
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["json-strict"] = JsonStrict,
        ["json-lenient"] = JsonLenient,
        ["json-lines"] = JsonLines,
        ["schema"] = Schema,
        ["csljson"] = CslJsonTarget,
        ["bibtex-document"] = BibtexDocumentTarget,
        ["bibtex"] = BibtexMapping,
        ["ris"] = RisTarget,
        ["endnote"] = EndnoteTarget,
        ["csl-style"] = CslStyleTarget,
        ["csl-locale"] = CslLocaleTarget,
        ["csl-items"] = CslItemsTarget,
        ["crossref"] = CrossrefTarget,
        ["schemaorg"] = SchemaOrgTarget,
        ["identifiers"] = Identifiers,
    };

    // ScholarlyJson.Deserialize, documented to throw only JsonException on bad content; its three overloads agree.
    private static void JsonStrict(byte[] input)
    {
        var fromBytes = Outcome(() => ScholarlyJson.Deserialize(input.AsSpan()));
        var fromStream = Outcome(() => ScholarlyJson.Deserialize(new MemoryStream(input)));
        Check(fromBytes.Ok == fromStream.Ok, "Deserialize(bytes) and Deserialize(Stream) disagree on whether the input is a chapter");
        if (fromBytes.Chapter is { } chapter)
        {
            Check(chapter == fromStream.Chapter, "Deserialize(bytes) and Deserialize(Stream) read different chapters");
            _ = ChapterValidator.Validate(chapter);
            // What was read writes back and reads again as the same chapter.
            var again = ScholarlyJson.Deserialize(ScholarlyJson.Serialize(chapter));
            Check(again == chapter, "a chapter read by Deserialize does not survive Serialize then Deserialize");
        }
        _ = Outcome(() => ScholarlyJson.Deserialize(Text(input)));

        static (bool Ok, Chapter? Chapter) Outcome(Func<Chapter> read)
        {
            try
            {
                return (true, read());
            }
            catch (JsonException)
            {
                return (false, null);
            }
        }
    }

    // ScholarlyJson.TryRead: never throws on bad input; a chapter comes with its report.
    private static void JsonLenient(byte[] input)
    {
        var ok = ScholarlyJson.TryRead(Text(input), out var chapter, out var report);
        Check(report is not null, "TryRead gave no report");
        Check(!ok || chapter is not null, "TryRead returned true without a chapter");
    }

    // ScholarlyJson in the lines layout: never throws on content; the sync and async record streams agree, and so do
    // the text and stream paths (for UTF-8 input).
    private static void JsonLines(byte[] input)
    {
        var options = new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines };
        var records = ScholarlyJson.ReadRecords(new MemoryStream(input), options).ToList();
        var asyncRecords = ScholarlyJson.ReadRecordsAsync(new MemoryStream(input), options).ToBlockingEnumerable().ToList();
        SameRecords(Chapters(records), Chapters(asyncRecords), "ScholarlyJson.ReadRecords and ScholarlyJson.ReadRecordsAsync (lines)");
        var collected = ReadResult.Collect(records);
        Validate(collected.Chapters);
        if (IsUtf8WithoutBom(input))
        {
            var fromText = ScholarlyJson.Read(Text(input), options);
            SameRecords(fromText.Chapters, collected.Chapters, "ScholarlyJson.Read(string) and ScholarlyJson.ReadRecords(Stream) (lines)");
        }
    }

    // ScholarlySchema.Validate: a report for any bytes.
    private static void Schema(byte[] input)
    {
        var report = ScholarlySchema.Validate(input.AsSpan());
        Check(report is not null, "Validate gave no report");
        _ = ScholarlySchema.Validate(Text(input));
    }

    private static void CslJsonTarget(byte[] input)
    {
        var text = Text(input);
        var result = CslJson.Read(text);
        Validate(result.Chapters);
        var streamed = Chapters(CslJson.ReadRecordsAsync(new MemoryStream(input)).ToBlockingEnumerable());
        if (IsUtf8WithoutBom(input)) SameRecords(result.Chapters, streamed, "CslJson.Read(string) and CslJson.ReadRecordsAsync(Stream)");
        SameRecords(result.Chapters, ReadResult.Collect(CslJson.ReadRecords(new StringReader(text))).Chapters, "CslJson.Read(string) and CslJson.ReadRecords(TextReader)");
        foreach (var chapter in result.Chapters) _ = CslJson.Write(chapter);
    }

    private static void BibtexDocumentTarget(byte[] input)
    {
        var text = Text(input);
        var document = BibtexDocument.Parse(text);
        foreach (var entry in document.Entries)
        {
            foreach (var field in entry.Fields)
            {
                _ = field.Value;
                _ = field.ToString();
                _ = entry.GetNames(field.Name);
            }
            _ = entry.GetMonth();
            _ = document.WithInheritedFields(entry);
        }
        _ = document.ToString();
        var reader = new BibtexReader(new StreamReader(new MemoryStream(input), Encoding.UTF8));
        var blocks = reader.ReadBlocks().Count();
        if (IsUtf8WithoutBom(input)) Check(blocks == document.Blocks.Count, "BibtexReader.ReadBlocks and BibtexDocument.Parse found different numbers of blocks");
    }

    private static void BibtexMapping(byte[] input)
    {
        var text = Text(input);
        var result = Bibtex.Read(text);
        Validate(result.Chapters);
        _ = Bibtex.ReadRecordsAsync(new MemoryStream(input)).ToBlockingEnumerable().ToList();
        SameRecords(result.Chapters, ReadResult.Collect(Bibtex.ReadRecords(new StringReader(text))).Chapters, "Bibtex.Read(string) and Bibtex.ReadRecords(TextReader)");
        foreach (var chapter in result.Chapters) _ = Bibtex.Write(chapter);
    }

    private static void RisTarget(byte[] input)
    {
        var text = Text(input);
        var document = RisDocument.Parse(text);
        _ = document.ToString();
        var result = Ris.Read(text);
        Validate(result.Chapters);
        var streamed = Chapters(Ris.ReadRecordsAsync(new MemoryStream(input)).ToBlockingEnumerable());
        if (IsUtf8WithoutBom(input)) SameRecords(result.Chapters, streamed, "Ris.Read(string) and Ris.ReadRecordsAsync(Stream)");
        SameRecords(result.Chapters, ReadResult.Collect(Ris.ReadRecords(new StringReader(text))).Chapters, "Ris.Read(string) and Ris.ReadRecords(TextReader)");
        foreach (var chapter in result.Chapters) _ = Ris.Write(chapter);
    }

    private static void EndnoteTarget(byte[] input)
    {
        var text = Text(input);
        var document = EndnoteDocument.Parse(text);
        _ = document.ToString();
        var result = Endnote.Read(text);
        Validate(result.Chapters);
        var streamed = Chapters(Endnote.ReadRecordsAsync(new MemoryStream(input)).ToBlockingEnumerable());
        if (IsUtf8WithoutBom(input)) SameRecords(result.Chapters, streamed, "Endnote.Read(string) and Endnote.ReadRecordsAsync(Stream)");
        SameRecords(result.Chapters, ReadResult.Collect(Endnote.ReadRecords(new StringReader(text))).Chapters, "Endnote.Read(string) and Endnote.ReadRecords(TextReader)");
        foreach (var chapter in result.Chapters)
        {
            // What was read writes back and reads again without a throw (equality is the mapping tests' job).
            _ = Endnote.Read(Endnote.Write(chapter));
        }
    }

    // CslStyle.Parse throws only CslStyleException on a style it cannot use; the string and stream paths agree. A style
    // that parses renders the probe items with no exception other than CslStyleException from the processor's set-up
    // (a dependent style whose parent is not embedded, a macro the style lacks).
    private static void CslStyleTarget(byte[] input)
    {
        var text = Text(input);
        var fromText = CslOutcome(() => CslStyle.Parse(text));
        if (IsUtf8WithoutBom(input))
        {
            var fromStream = CslOutcome(() => CslStyle.Parse(new MemoryStream(input)));
            Check((fromText is null) == (fromStream is null), "CslStyle.Parse(string) and CslStyle.Parse(Stream) disagree on whether the style is usable");
        }
        if (fromText is null) return;
        _ = fromText.ToString();
        var processor = CslOutcome(() => new CslProcessor(fromText, "en-US"));
        if (processor is null) return;
        Render(processor, ProbeItems.Value);
    }

    // CslLocale.Parse throws only CslStyleException; a locale that parses drives the APA style without a throw.
    private static void CslLocaleTarget(byte[] input)
    {
        var locale = CslOutcome(() => CslLocale.Parse(Text(input)));
        if (locale is null) return;
        _ = locale.ToString();
        Render(new CslProcessor(ApaStyle.Value, locale), ProbeItems.Value);
    }

    // Any CSL-JSON the reader accepts renders in an author-date and a note style (sorting, disambiguation, year
    // suffixes, positions) without a throw, as a bibliography and as citations.
    private static void CslItemsTarget(byte[] input)
    {
        var document = CslJsonDocument.Parse(Text(input));
        if (document.Items.Count == 0) return;
        var items = document.Items.Take(50).ToList();
        Render(ApaProcessor.Value, items);
        Render(ChicagoNoteProcessor.Value, items);
    }

    private static void Render(CslProcessor processor, IReadOnlyList<CslItem> items)
    {
        var csl = processor.CreateDocument(items);
        _ = csl.Bibliography(CitationOutput.Text);
        _ = csl.BibliographyEntries(CitationOutput.Html);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Id is not { } id || !ids.Add(id)) continue;
            _ = csl.CiteAlone(id, CitationOutput.Text);
            if (ids.Count >= 10) break;
        }
        if (ids.Count > 0) _ = csl.Cite(new CslCitation(ids.Select(id => new CslCite(id))), CitationOutput.Html);
    }

    private static T? CslOutcome<T>(Func<T> parse)
        where T : class
    {
        try
        {
            return parse();
        }
        catch (CslStyleException)
        {
            return null;
        }
    }

    private static readonly Lazy<CslStyle> ApaStyle = new(() => CslStyle.Embedded("apa"));
    private static readonly Lazy<CslProcessor> ApaProcessor = new(() => new CslProcessor(ApaStyle.Value, "en-US"));
    private static readonly Lazy<CslProcessor> ChicagoNoteProcessor = new(() => new CslProcessor(CslStyle.Embedded("chicago-note-bibliography"), "en-US"));

    // Items of several types with names, dates, pages and numbers, so a fuzzed style or locale has something to render.
    private static readonly Lazy<IReadOnlyList<CslItem>> ProbeItems = new(() => CslJsonDocument.Parse("""
        [
          {"id":"haslam1992","type":"chapter","title":"Conclusions","container-title":"The Soviet Union and the Threat from the East, 1933–41","author":[{"family":"Haslam","given":"Jonathan"}],"publisher":"Palgrave Macmillan","publisher-place":"London","issued":{"date-parts":[[1992]]},"page":"115-122","DOI":"10.1007/978-1-349-05679-8_7","collection-title":"Studies in Soviet History and Society"},
          {"id":"a1","type":"article-journal","title":"On the electrodynamics of moving bodies","container-title":"Annalen der Physik","author":[{"family":"Einstein","given":"Albert"},{"family":"Beethoven","given":"Ludwig","non-dropping-particle":"van"}],"volume":"17","issue":"10","page":"891-921","issued":{"date-parts":[[1905,6,30]]}},
          {"id":"b1","type":"book","title":"A book with editors","editor":[{"family":"Smith","given":"Jane"},{"literal":"The Committee"}],"edition":"2","issued":{"date-parts":[[2001],[2003]]},"number-of-pages":"300"},
          {"id":"w1","type":"webpage","title":"No date, no author","URL":"https://example.org/x","accessed":{"date-parts":[[2020,2,29]]}},
          {"id":"a2","type":"article-journal","title":"Same author, same year","author":[{"family":"Einstein","given":"Albert"}],"issued":{"date-parts":[[1905]]}}
        ]
        """).Items);

    private static void CrossrefTarget(byte[] input)
    {
        var result = Crossref.Read(new MemoryStream(input));
        Validate(result.Chapters);
        var fromText = Crossref.Read(Text(input));
        Validate(fromText.Chapters);
        if (IsUtf8WithoutBom(input)) SameRecords(result.Chapters, fromText.Chapters, "Crossref.Read(Stream) and Crossref.Read(string)");
    }

    private static void SchemaOrgTarget(byte[] input)
    {
        var text = Text(input);
        var result = SchemaOrg.Read(text);
        Validate(result.Chapters);
        SameRecords(result.Chapters, ReadResult.Collect(SchemaOrg.ReadRecords(new StringReader(text))).Chapters, "SchemaOrg.Read(string) and SchemaOrg.ReadRecords(TextReader)");
        foreach (var chapter in result.Chapters) _ = SchemaOrg.Write(chapter);
    }

    // The first byte picks the type; the rest is the text. Parse throws only FormatException; TryParse, Validate and
    // Parse agree; a value parsed from text parses again from its own ToString() to an equal value.
    private static void Identifiers(byte[] input)
    {
        if (input.Length == 0) return;
        var text = Text(input.AsSpan(1).ToArray());
        switch (input[0] % 8)
        {
            case 0: Agree<Doi>(text, Doi.TryParse, Doi.Validate, Doi.Parse, roundTrip: true); _ = Doi.FindAll(text); break;
            case 1: Agree<Isbn>(text, Isbn.TryParse, Isbn.Validate, Isbn.Parse, roundTrip: true); break;
            case 2: Agree<Issn>(text, Issn.TryParse, Issn.Validate, Issn.Parse, roundTrip: true); break;
            case 3: Agree<Orcid>(text, Orcid.TryParse, Orcid.Validate, Orcid.Parse, roundTrip: true); break;
            case 4: Agree<PageRange?>(text, PageRange.TryParse, PageRange.Validate, PageRange.Parse, roundTrip: false); break;
            case 5: Agree<PartialDate>(text, PartialDate.TryParse, PartialDate.Validate, PartialDate.Parse, roundTrip: true); break;
            case 6: Agree<PartialDateRange>(text, PartialDateRange.TryParse, PartialDateRange.Validate, PartialDateRange.Parse, roundTrip: false); break;
            default: Agree<PersonName?>(text, PersonName.TryParse, PersonName.Validate, PersonName.Parse, roundTrip: false); break;
        }
    }

    private delegate bool TryParser<T>(string? s, out T result);

    private static void Agree<T>(string text, TryParser<T> tryParse, Func<string?, ParseError?> validate, Func<string, T> parse, bool roundTrip)
    {
        var ok = tryParse(text, out var value);
        var error = validate(text);
        Check(ok == (error is null), "TryParse and Validate disagree on \"" + text + "\"");
        T parsed;
        try
        {
            parsed = parse(text);
        }
        catch (FormatException)
        {
            Check(!ok, "Parse threw FormatException where TryParse succeeded");
            return;
        }
        Check(ok, "Parse succeeded where TryParse failed");
        Check(EqualityComparer<T>.Default.Equals(parsed, value), "Parse and TryParse gave different values");
        if (!roundTrip || parsed is null) return;
        var written = parsed.ToString()!;
        Check(tryParse(written, out var again) && EqualityComparer<T>.Default.Equals(again, parsed), "\"" + written + "\", the text of a parsed value, does not parse back to it");
    }

    private static void Validate(IEnumerable<Chapter> chapters)
    {
        foreach (var chapter in chapters) _ = ChapterValidator.Validate(chapter);
    }

    private static List<Chapter> Chapters(IEnumerable<RecordResult> records) =>
        [.. records.Where(r => r.Chapter is not null).Select(r => r.Chapter!)];

    private static void SameRecords(IReadOnlyList<Chapter> a, IReadOnlyList<Chapter> b, string what)
    {
        Check(a.Count == b.Count, what + " read different numbers of chapters (" + a.Count + " and " + b.Count + ")");
        for (var i = 0; i < a.Count; i++) Check(a[i] == b[i], what + " read different chapters at " + i);
    }

    /// <summary>
    /// The input as a .NET string: UTF-8 (invalid bytes become U+FFFD), or, after a UTF-16LE byte order mark
    /// (FF FE), raw UTF-16 code units, which can be lone surrogates as a caller's string can.
    /// </summary>
    internal static string Text(byte[] input)
    {
        if (input.Length >= 2 && input[0] == 0xFF && input[1] == 0xFE)
        {
            var chars = new char[(input.Length - 2) / 2];
            for (var i = 0; i < chars.Length; i++) chars[i] = (char)(input[2 + 2 * i] | (input[3 + 2 * i] << 8));
            return new string(chars);
        }
        return Encoding.UTF8.GetString(input);
    }

    private static bool IsUtf8WithoutBom(byte[] input) =>
        System.Text.Unicode.Utf8.IsValid(input) && !input.AsSpan().StartsWith("\uFEFF"u8) && !(input.Length >= 2 && input[0] == 0xFF && input[1] == 0xFE);

    private static void Check(bool condition, string message)
    {
        if (!condition) throw new ContractException(message);
    }
}

/// <summary>A documented contract broken by an input (the fuzzer records it as a crash).</summary>
internal sealed class ContractException(string message) : Exception(message);
