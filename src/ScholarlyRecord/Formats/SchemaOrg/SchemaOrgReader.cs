using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Reads chapters from schema.org JSON-LD (compacted, with the schema.org context), tolerating the shapes pages use:
/// a top-level array or <c>@graph</c>, single values or arrays, a <c>WebPage</c> whose <c>mainEntity</c> is the chapter.
/// </summary>
internal static class SchemaOrgReader
{
    private static JsonDocumentOptions Options(int maxDepth) => new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = maxDepth,
    };

    // The whole document is read first; each chapter read is a record, numbered from 1, and the diagnostics are record 0.
    public static IEnumerable<RecordResult> Records(string text, int maxDepth)
    {
        var result = Read(text, maxDepth);
        if (result.Diagnostics.Count > 0) yield return new RecordResult(0, null, result.Diagnostics);
        for (var i = 0; i < result.Chapters.Count; i++) yield return new RecordResult(i + 1, result.Chapters[i], []);
    }

    public static ReadResult Read(string text, int maxDepth)
    {
        var diagnostics = new Findings(null);
        var chapters = new List<Chapter>();
        JsonDocument document;
        if (JsonTextCheck.IndexOfLoneSurrogate(text) is var lone and >= 0)
        {
            var (line, column) = JsonTextCheck.Position(text, lone);
            diagnostics.Add(DiagnosticCatalogue.Create(SchemaOrgCodes.MalformedJson, "The text is not JSON: it holds a lone surrogate (not valid Unicode).", line, column));
            return new ReadResult(chapters, diagnostics);
        }
        // Parsed from bytes held here, so each element's raw bytes are a slice of them and can be placed.
        var utf8 = Encoding.UTF8.GetBytes(text);
        try
        {
            document = JsonDocument.Parse(utf8.AsMemory(), Options(maxDepth));
        }
        catch (JsonException) when (JsonNesting.FindTooDeep(utf8, maxDepth) is var tooDeep and >= 0)
        {
            var (line, column) = Utf8Position.LineAndColumn(utf8, tooDeep);
            diagnostics.Add(DiagnosticCatalogue.Create(SchemaOrgCodes.NestingTooDeep, string.Create(CultureInfo.InvariantCulture,
                $"The document nests arrays and objects deeper than {maxDepth} levels (SchemaOrgReadOptions.MaxDepth) here; nothing of it is read."), line, column));
            return new ReadResult(chapters, diagnostics);
        }
        catch (JsonException e)
        {
            diagnostics.Add(DiagnosticCatalogue.Create(SchemaOrgCodes.MalformedJson, "The text is not JSON: " + e.Message,
                (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1));
            return new ReadResult(chapters, diagnostics);
        }

        using (document)
        {
            var root = document.RootElement;
            var rootStart = (int)Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(utf8), ref MemoryMarshal.GetReference(JsonMarshal.GetRawUtf8Value(root)));
            var (line, column) = Utf8Position.LineAndColumn(utf8, rootStart);
            diagnostics = new Findings(new JsonLocator(root, line, column));
            if (JsonTextCheck.FindInvalid(root) is { } invalid)
            {
                Report(diagnostics, SchemaOrgCodes.MalformedJson, "The text is not JSON: the text at " + invalid.Path + " is not valid Unicode (an escaped lone surrogate).", invalid.At);
                return new ReadResult(chapters, diagnostics);
            }
            var nodes = new List<JsonElement>();
            CollectNodes(root, nodes);
            if (nodes.Count == 0) Report(diagnostics, SchemaOrgCodes.NoNodes, "The document holds no JSON-LD node.", root);
            foreach (var node in nodes)
            {
                if (ReadNode(node, diagnostics) is { } chapter) chapters.Add(chapter);
            }
        }

        return new ReadResult(chapters, diagnostics);
    }

    /// <summary>The chapter a node describes, or null (with the reason reported) when it is not a chapter.</summary>
    internal static Chapter? ReadNode(JsonElement node, Findings diagnostics)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            Report(diagnostics, SchemaOrgCodes.NotAChapter, "A JSON " + Crossref.Describe(node.ValueKind) + " is not a node; it was skipped.", node);
            return null;
        }

        if (IsChapter(node)) return ReadChapter(node, diagnostics);
        Report(diagnostics, SchemaOrgCodes.NotAChapter, "A node of type '" + (TypeNames(node) ?? "(none)") + "' is not a chapter; it was skipped.", node);
        return null;
    }

    private static void CollectNodes(JsonElement element, List<JsonElement> nodes)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) CollectNodes(item, nodes);
            return;
        }

        if (element.ValueKind != JsonValueKind.Object) return;
        if (element.TryGetProperty("@graph", out var graph))
        {
            CollectNodes(graph, nodes);
            return;
        }

        if (!IsChapter(element) && element.TryGetProperty("mainEntity", out var main) && main.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            CollectNodes(main, nodes);
            return;
        }

        nodes.Add(element);
    }

    private static bool IsChapter(JsonElement node) => HasType(node, "Chapter") || HasType(node, "ScholarlyArticle");

    private static bool HasType(JsonElement node, string type)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("@type", out var types)) return false;
        foreach (var value in Values(types))
        {
            if (value.ValueKind != JsonValueKind.String) continue;
            var name = value.GetString()!;
            var local = name.AsSpan(name.LastIndexOfAny(['/', ':', '#']) + 1);
            if (local.Equals(type, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static string? TypeNames(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var types)) return null;
        return types.ValueKind == JsonValueKind.String ? types.GetString() : types.GetRawText();
    }

    private static Chapter? ReadChapter(JsonElement node, Findings diagnostics)
    {
        var title = Text(node, "name") ?? Text(node, "headline");
        if (title is null)
        {
            Report(diagnostics, SchemaOrgCodes.MissingTitle, "A Chapter node has neither 'name' nor 'headline'; it was skipped.", node);
            return null;
        }

        var chapter = new Chapter
        {
            Doi = ReadDoi(node, diagnostics),
            Title = title,
            Subtitle = Text(node, "alternativeHeadline"),
            Number = Text(node, "position"),
            Contributors = ReadContributors(node, diagnostics),
            PublicationDate = ReadDate(node, "datePublished", diagnostics),
            Pages = ReadPages(node, diagnostics),
            Language = Text(node, "inLanguage"),
            Abstract = ReadAbstract(node),
            Keywords = ReadKeywords(node),
            Url = Text(node, "url"),
            Copyright = ReadCopyright(node),
            Offers = ReadOffers(node, diagnostics),
            Metrics = ReadMetrics(node, diagnostics),
        };

        foreach (var parent in Values(node, "isPartOf"))
        {
            if (parent.ValueKind == JsonValueKind.Object && (HasType(parent, "Book") || !parent.TryGetProperty("@type", out _)))
            {
                return chapter with { Book = ReadBook(parent, diagnostics) };
            }
        }

        return chapter;
    }

    private static Book ReadBook(JsonElement node, Findings diagnostics)
    {
        var isbns = new List<BookIsbn>();
        foreach (var value in Values(node, "isbn"))
        {
            var text = TextOf(value);
            if (text is null) continue;
            if (Isbn.TryParse(text, out var isbn)) isbns.Add(new BookIsbn { Value = isbn });
            else Report(diagnostics, SchemaOrgCodes.InvalidIdentifier, "'" + text + "' is not an ISBN; it was left out.", value);
        }

        // Editions of known medium: workExample books with an EBook format (or a print marker).
        foreach (var example in Values(node, "workExample"))
        {
            if (example.ValueKind != JsonValueKind.Object || Text(example, "isbn") is not { } text || !Isbn.TryParse(text, out var isbn)) continue;
            PublicationMedium? medium = null;
            var format = Text(example, "bookFormat");
            if (format is not null && format.EndsWith("EBook", StringComparison.Ordinal)) medium = PublicationMedium.Electronic;
            else if (format is not null && (format.EndsWith("Hardcover", StringComparison.Ordinal) || format.EndsWith("Paperback", StringComparison.Ordinal))) medium = PublicationMedium.Print;
            else if (string.Equals(Text(example, "additionalType"), "print", StringComparison.Ordinal)) medium = PublicationMedium.Print;
            var index = isbns.FindIndex(i => i.Value == isbn && i.Medium is null);
            if (index >= 0) isbns[index] = isbns[index] with { Medium = medium };
            else isbns.Add(new BookIsbn { Value = isbn, Medium = medium });
        }

        Publisher? publisher = null;
        foreach (var value in Values(node, "publisher"))
        {
            var name = value.ValueKind == JsonValueKind.Object ? Text(value, "name") : TextOf(value);
            if (name is null) continue;
            string? location = null;
            if (value.ValueKind == JsonValueKind.Object)
            {
                foreach (var place in Values(value, "location"))
                {
                    location = place.ValueKind == JsonValueKind.Object ? Text(place, "name") : TextOf(place);
                    if (location is not null) break;
                }

                location ??= Text(value, "address");
            }

            publisher = new Publisher { Name = name, Location = location };
            break;
        }

        Series? series = null;
        foreach (var parent in Values(node, "isPartOf"))
        {
            if (parent.ValueKind != JsonValueKind.Object) continue;
            var issns = new List<SeriesIssn>();
            foreach (var value in Values(parent, "issn"))
            {
                var text = TextOf(value);
                if (text is null) continue;
                if (Issn.TryParse(text, out var issn)) issns.Add(new SeriesIssn { Value = issn });
                else Report(diagnostics, SchemaOrgCodes.InvalidIdentifier, "'" + text + "' is not an ISSN; it was left out.", value);
            }

            series = new Series { Title = Text(parent, "name"), Abbreviation = Text(parent, "alternateName"), Issns = issns };
            break;
        }

        var volume = Text(node, "position") ?? Text(node, "volumeNumber");
        if (volume is not null) series = (series ?? new Series()) with { Volume = volume };

        return new Book
        {
            Doi = ReadDoi(node, diagnostics),
            Title = Text(node, "name") ?? Text(node, "headline"),
            Subtitle = Text(node, "alternativeHeadline"),
            Contributors = ReadContributors(node, diagnostics),
            Isbns = isbns,
            Edition = Text(node, "bookEdition"),
            PublicationDate = ReadDate(node, "datePublished", diagnostics),
            Publisher = publisher,
            Series = series,
        };
    }

    // The DOI from an identifier PropertyValue (propertyID "DOI"), a "doi:" identifier, or a doi.org @id/sameAs.
    private static Doi? ReadDoi(JsonElement node, Findings diagnostics)
    {
        foreach (var identifier in Values(node, "identifier"))
        {
            string? candidate = null;
            if (identifier.ValueKind == JsonValueKind.Object)
            {
                if (string.Equals(Text(identifier, "propertyID"), "DOI", StringComparison.OrdinalIgnoreCase)) candidate = Text(identifier, "value");
            }
            else if (TextOf(identifier) is { } text && (text.StartsWith("doi:", StringComparison.OrdinalIgnoreCase) || IsDoiUrl(text)))
            {
                candidate = text;
            }

            if (candidate is null) continue;
            if (Doi.TryParse(candidate, out var doi)) return doi;
            Report(diagnostics, SchemaOrgCodes.InvalidIdentifier, "'" + candidate + "' is not a DOI; it was left out.", identifier);
            return null;
        }

        foreach (var property in (ReadOnlySpan<string>)["@id", "sameAs"])
        {
            foreach (var value in Values(node, property))
            {
                if (TextOf(value) is { } text && IsDoiUrl(text) && Doi.TryParse(text, out var doi)) return doi;
            }
        }

        return null;
    }

    private static bool IsDoiUrl(string text) =>
        text.StartsWith("https://doi.org/", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://doi.org/", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("https://dx.doi.org/", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://dx.doi.org/", StringComparison.OrdinalIgnoreCase);

    private static List<Contributor> ReadContributors(JsonElement node, Findings diagnostics)
    {
        var contributors = new List<Contributor>();
        Read("author", ContributorRole.Author);
        Read("editor", ContributorRole.Editor);
        Read("translator", ContributorRole.Translator);
        Read("contributor", ContributorRole.Contributor);
        return contributors;

        void Read(string property, ContributorRole role)
        {
            foreach (var value in Values(node, property))
            {
                var person = value;
                var personRole = role;
                if (value.ValueKind == JsonValueKind.Object && HasType(value, "Role"))
                {
                    if (string.Equals(Text(value, "roleName"), SchemaOrg.SeriesEditorRole, StringComparison.Ordinal)) personRole = ContributorRole.SeriesEditor;
                    if (!value.TryGetProperty(property, out person)) continue;
                    if (person.ValueKind == JsonValueKind.Array) person = person.GetArrayLength() > 0 ? person[0] : default;
                }

                if (ReadPerson(person, personRole, diagnostics) is { } contributor) contributors.Add(contributor);
            }
        }
    }

    private static Contributor? ReadPerson(JsonElement person, ContributorRole role, Findings diagnostics)
    {
        if (person.ValueKind == JsonValueKind.String)
        {
            var text = person.GetString();
            return string.IsNullOrEmpty(text) ? null : new Contributor { Name = new PersonName { Literal = text }, Role = role };
        }

        if (person.ValueKind != JsonValueKind.Object) return null;
        var given = Text(person, "givenName");
        var family = Text(person, "familyName");
        var suffix = Text(person, "honorificSuffix");
        PersonName name;
        if (given is null && family is null)
        {
            if (Text(person, "name") is not { } literal) return null;
            name = new PersonName { Literal = literal };
        }
        else
        {
            name = new PersonName { Given = given, Family = family, Suffix = suffix };
        }

        Orcid? orcid = null;
        foreach (var property in (ReadOnlySpan<string>)["@id", "sameAs"])
        {
            foreach (var value in Values(person, property))
            {
                if (orcid is not null || TextOf(value) is not { } text || !text.Contains("orcid.org", StringComparison.OrdinalIgnoreCase)) continue;
                if (Orcid.TryParse(text, out var parsed)) orcid = parsed;
                else Report(diagnostics, SchemaOrgCodes.InvalidIdentifier, "'" + text + "' is not an ORCID iD; it was left out.", value);
            }
        }

        var affiliations = new List<string>();
        foreach (var value in Values(person, "affiliation"))
        {
            var text = value.ValueKind == JsonValueKind.Object ? Text(value, "name") : TextOf(value);
            if (text is not null) affiliations.Add(text);
        }

        return new Contributor { Name = name, Role = role, Orcid = orcid, Affiliations = affiliations };
    }

    private static PartialDate? ReadDate(JsonElement node, string property, Findings diagnostics)
    {
        if (Text(node, property) is not { } text) return null;
        if (PartialDate.TryParse(text, out var date)) return date;
        // A full date-time such as 2020-05-01T00:00:00Z: its date part.
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t > 0 && PartialDate.TryParse(text.AsSpan(0, t), out date)) return date;
        Report(diagnostics, SchemaOrgCodes.InvalidValue, "'" + text + "' in '" + property + "' is not a date; it was left out.", Value(node, property));
        return null;
    }

    private static PageRange? ReadPages(JsonElement node, Findings diagnostics)
    {
        var first = Text(node, "pageStart");
        if (first is not null) return new PageRange { First = first, Last = Text(node, "pageEnd") };
        if (Text(node, "pagination") is not { } pagination) return null;
        if (PageRange.TryParse(pagination, out var pages)) return pages;
        Report(diagnostics, SchemaOrgCodes.InvalidValue, "'" + pagination + "' in 'pagination' is not a page range; it was left out.", Value(node, "pagination"));
        return null;
    }

    private static List<string> ReadAbstract(JsonElement node)
    {
        var paragraphs = new List<string>();
        var property = node.TryGetProperty("abstract", out _) ? "abstract" : "description";
        foreach (var value in Values(node, property))
        {
            if (TextOf(value) is { } text) paragraphs.AddRange(text.Split(SchemaOrg.AbstractSeparator));
        }

        return paragraphs;
    }

    private static List<string> ReadKeywords(JsonElement node)
    {
        var keywords = new List<string>();
        if (!node.TryGetProperty("keywords", out var value)) return keywords;
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                var text = item.ValueKind == JsonValueKind.Object ? Text(item, "name") : TextOf(item);
                if (text is not null) keywords.Add(text);
            }
        }
        else if (TextOf(value) is { } text)
        {
            // A single text is the common comma-separated list.
            foreach (var part in text.Split(','))
            {
                var keyword = part.Trim();
                if (keyword.Length > 0) keywords.Add(keyword);
            }
        }

        return keywords;
    }

    private static Copyright? ReadCopyright(JsonElement node)
    {
        int? year = null;
        if (node.TryGetProperty("copyrightYear", out var yearValue))
        {
            if (yearValue.ValueKind == JsonValueKind.Number && yearValue.TryGetInt32(out var y)) year = y;
            else if (TextOf(yearValue) is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out y)) year = y;
        }

        string? holder = null;
        foreach (var value in Values(node, "copyrightHolder"))
        {
            holder = value.ValueKind == JsonValueKind.Object ? Text(value, "name") : TextOf(value);
            if (holder is not null) break;
        }

        var statement = Text(node, "copyrightNotice");
        return year is null && holder is null && statement is null ? null : new Copyright { Year = year, Holder = holder, Statement = statement };
    }

    private static List<Offer> ReadOffers(JsonElement node, Findings diagnostics)
    {
        var offers = new List<Offer>();
        foreach (var value in Values(node, "offers"))
        {
            if (value.ValueKind != JsonValueKind.Object) continue;
            var kind = Text(value, "category") switch
            {
                "chapter" => OfferKind.Chapter,
                "eBook" => OfferKind.EBook,
                "hardcover" => OfferKind.Hardcover,
                "softcover" => OfferKind.Softcover,
                _ => OfferKind.Other,
            };
            Money? price = null;
            var currency = Text(value, "priceCurrency");
            if (value.TryGetProperty("price", out var priceValue) && currency is not null)
            {
                if (priceValue.ValueKind == JsonValueKind.Number && priceValue.TryGetDecimal(out var amount)) price = new Money { Amount = amount, Currency = currency };
                else if (TextOf(priceValue) is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out amount)) price = new Money { Amount = amount, Currency = currency };
                else Report(diagnostics, SchemaOrgCodes.InvalidValue, "'" + priceValue.GetRawText() + "' is not a price; it was left out.", priceValue);
            }

            var features = new List<string>();
            foreach (var item in Values(value, "itemOffered"))
            {
                foreach (var property in Values(item, "additionalProperty"))
                {
                    if (property.ValueKind == JsonValueKind.Object && string.Equals(Text(property, "name"), "feature", StringComparison.Ordinal) && Text(property, "value") is { } feature)
                    {
                        features.Add(feature);
                    }
                }
            }

            offers.Add(new Offer { Kind = kind, Label = Text(value, "name"), Price = price, TaxNote = Text(value, "description"), Features = features });
        }

        return offers;
    }

    private static AccessMetrics? ReadMetrics(JsonElement node, Findings diagnostics)
    {
        long? accesses = null;
        long? citations = null;
        PartialDate? asOf = null;
        foreach (var counter in Values(node, "interactionStatistic"))
        {
            if (counter.ValueKind != JsonValueKind.Object || !counter.TryGetProperty("userInteractionCount", out var countValue)) continue;
            long count;
            if (countValue.ValueKind == JsonValueKind.Number && countValue.TryGetInt64(out var n)) count = n;
            else if (TextOf(countValue) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out n)) count = n;
            else
            {
                Report(diagnostics, SchemaOrgCodes.InvalidValue, "'" + countValue.GetRawText() + "' is not a count; it was left out.", countValue);
                continue;
            }

            var name = Text(counter, "name");
            var type = Text(counter, "interactionType");
            if (string.Equals(name, "citations", StringComparison.Ordinal)) citations = count;
            else if (string.Equals(name, "accesses", StringComparison.Ordinal) || (type is not null && type.EndsWith("ReadAction", StringComparison.Ordinal))) accesses = count;
            else continue;
            asOf ??= ReadDate(counter, "endTime", diagnostics);
        }

        return accesses is null && citations is null ? null : new AccessMetrics { Accesses = accesses, Citations = citations, AsOf = asOf };
    }

    // A property's values: the items of an array, or the single value.
    private static IEnumerable<JsonElement> Values(JsonElement node, string property) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(property, out var value) ? Values(value) : [];

    private static IEnumerable<JsonElement> Values(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            yield return value;
            yield break;
        }

        foreach (var item in value.EnumerateArray()) yield return item;
    }

    // The first text value of a property.
    private static string? Text(JsonElement node, string property)
    {
        foreach (var value in Values(node, property))
        {
            if (TextOf(value) is { } text) return text;
        }

        return null;
    }

    // A string, a number's text, or the @value / @id of a value object.
    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Object when value.TryGetProperty("@value", out var inner) => TextOf(inner),
        JsonValueKind.Object when value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
        _ => null,
    };

    // The diagnostic is placed at the element it is about: line, column and JSON Pointer when the locator finds it.
    private static void Report(Findings diagnostics, string code, string message, JsonElement at)
    {
        var diagnostic = DiagnosticCatalogue.Create(code, message);
        if (diagnostics.Locator?.Locate(at) is { } place) diagnostic = diagnostic with { Line = place.Line, Column = place.Column, Path = place.Path };
        diagnostics.Add(diagnostic);
    }

    // The value of a property (its first, for an array), which a diagnostic about it points at; the node when absent.
    private static JsonElement Value(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value)) return node;
        return value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 ? value[0] : value;
    }

    /// <summary>Diagnostics found while reading, with what places them in the text.</summary>
    internal sealed class Findings(JsonLocator? locator) : List<Diagnostic>
    {
        /// <summary>Finds an element's place, or null when places are not known.</summary>
        public JsonLocator? Locator { get; } = locator;
    }
}
