using System.Text.Json;

namespace ScholarlyRecord.Formats;

public static partial class SchemaOrg
{
    private const string Context = "https://schema.org";
    internal const string ReadAction = "https://schema.org/ReadAction";
    internal const string EBookFormat = "https://schema.org/EBook";
    internal const string SeriesEditorRole = "seriesEditor";

    internal static void WriteChapter(Utf8JsonWriter writer, Chapter chapter, bool withContext)
    {
        writer.WriteStartObject();
        if (withContext) writer.WriteString("@context", Context);
        writer.WriteString("@type", "Chapter");
        WriteDoi(writer, chapter.Doi);
        writer.WriteString("name", chapter.Title);
        WriteOptional(writer, "alternativeHeadline", chapter.Subtitle);
        WriteOptional(writer, "position", chapter.Number);
        WriteContributors(writer, chapter.Contributors);
        if (chapter.PublicationDate is { } date) writer.WriteString("datePublished", date.ToString());
        if (chapter.Pages is { } pages)
        {
            writer.WriteString("pageStart", pages.First);
            WriteOptional(writer, "pageEnd", pages.Last);
            writer.WriteString("pagination", pages.ToString());
        }

        WriteOptional(writer, "inLanguage", chapter.Language);
        if (chapter.Abstract.Count > 0) writer.WriteString("abstract", string.Join(AbstractSeparator, chapter.Abstract));
        WriteStrings(writer, "keywords", chapter.Keywords);
        WriteOptional(writer, "url", chapter.Url);
        if (chapter.Copyright is { } copyright)
        {
            if (copyright.Year is { } year) writer.WriteNumber("copyrightYear", year);
            if (!string.IsNullOrEmpty(copyright.Holder))
            {
                writer.WriteStartObject("copyrightHolder");
                writer.WriteString("@type", IsContributorName(chapter, copyright.Holder) ? "Person" : "Organization");
                writer.WriteString("name", copyright.Holder);
                writer.WriteEndObject();
            }

            WriteOptional(writer, "copyrightNotice", copyright.Statement);
        }

        if (chapter.Book is { } book) WriteBook(writer, book);
        WriteOffers(writer, chapter.Offers);
        if (chapter.Metrics is { } metrics) WriteMetrics(writer, metrics);
        writer.WriteEndObject();
    }

    /// <summary>What joins abstract paragraphs in the single <c>abstract</c> text (and splits them on reading).</summary>
    internal const string AbstractSeparator = "\n\n";

    private static void WriteBook(Utf8JsonWriter writer, Book book)
    {
        writer.WriteStartObject("isPartOf");
        writer.WriteString("@type", "Book");
        WriteDoi(writer, book.Doi);
        WriteOptional(writer, "name", book.Title);
        WriteOptional(writer, "alternativeHeadline", book.Subtitle);
        WriteContributors(writer, book.Contributors);
        if (book.Isbns.Count > 0)
        {
            writer.WriteStartArray("isbn");
            foreach (var isbn in book.Isbns) writer.WriteStringValue(isbn.Value.ToString());
            writer.WriteEndArray();
            var withMedium = 0;
            foreach (var isbn in book.Isbns)
            {
                if (isbn.Medium is not null) withMedium++;
            }

            if (withMedium > 0)
            {
                // Each edition of known medium: an EBook by its bookFormat, a print edition by additionalType "print".
                writer.WriteStartArray("workExample");
                foreach (var isbn in book.Isbns)
                {
                    if (isbn.Medium is not { } medium) continue;
                    writer.WriteStartObject();
                    writer.WriteString("@type", "Book");
                    writer.WriteString("isbn", isbn.Value.ToString());
                    if (medium == PublicationMedium.Electronic) writer.WriteString("bookFormat", EBookFormat);
                    else writer.WriteString("additionalType", "print");
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }
        }

        WriteOptional(writer, "bookEdition", book.Edition);
        if (book.PublicationDate is { } date) writer.WriteString("datePublished", date.ToString());
        if (book.Publisher is { } publisher)
        {
            writer.WriteStartObject("publisher");
            writer.WriteString("@type", "Organization");
            writer.WriteString("name", publisher.Name);
            if (publisher.Location is not null)
            {
                writer.WriteStartObject("location");
                writer.WriteString("@type", "Place");
                writer.WriteString("name", publisher.Location);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        if (book.Series is { } series)
        {
            WriteOptional(writer, "position", series.Volume);
            writer.WriteStartObject("isPartOf");
            writer.WriteString("@type", "BookSeries");
            WriteOptional(writer, "name", series.Title);
            WriteOptional(writer, "alternateName", series.Abbreviation);
            if (series.Issns.Count > 0)
            {
                writer.WriteStartArray("issn");
                foreach (var issn in series.Issns) writer.WriteStringValue(issn.Value.ToString());
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteDoi(Utf8JsonWriter writer, Doi? doi)
    {
        if (doi is not { } value) return;
        var url = value.ToUri().AbsoluteUri;
        writer.WriteString("@id", url);
        writer.WriteString("sameAs", url);
        writer.WriteStartObject("identifier");
        writer.WriteString("@type", "PropertyValue");
        writer.WriteString("propertyID", "DOI");
        writer.WriteString("value", value.ToString());
        writer.WriteEndObject();
    }

    // One array per role, in the model's order within the role: author, editor, translator, contributor (series
    // editors and other contributors; a series editor is wrapped in a Role with roleName "seriesEditor").
    private static void WriteContributors(Utf8JsonWriter writer, IReadOnlyList<Contributor> contributors)
    {
        WriteRole(writer, "author", contributors, ContributorRole.Author, null);
        WriteRole(writer, "editor", contributors, ContributorRole.Editor, null);
        WriteRole(writer, "translator", contributors, ContributorRole.Translator, null);
        WriteRole(writer, "contributor", contributors, ContributorRole.SeriesEditor, ContributorRole.Contributor);
    }

    private static void WriteRole(Utf8JsonWriter writer, string property, IReadOnlyList<Contributor> contributors, ContributorRole role, ContributorRole? alsoRole)
    {
        var started = false;
        foreach (var contributor in contributors)
        {
            if (contributor.Role != role && contributor.Role != alsoRole) continue;
            if (!started)
            {
                writer.WriteStartArray(property);
                started = true;
            }

            if (contributor.Role == ContributorRole.SeriesEditor)
            {
                writer.WriteStartObject();
                writer.WriteString("@type", "Role");
                writer.WriteString("roleName", SeriesEditorRole);
                writer.WritePropertyName(property);
                WritePerson(writer, contributor);
                writer.WriteEndObject();
            }
            else
            {
                WritePerson(writer, contributor);
            }
        }

        if (started) writer.WriteEndArray();
    }

    private static void WritePerson(Utf8JsonWriter writer, Contributor contributor)
    {
        var name = contributor.Name;
        writer.WriteStartObject();
        writer.WriteString("@type", name.Literal is null ? "Person" : "Organization");
        if (contributor.Orcid is { } orcid)
        {
            var url = orcid.ToUri().AbsoluteUri;
            writer.WriteString("@id", url);
            writer.WriteString("sameAs", url);
        }

        writer.WriteString("name", name.ToString());
        if (name.Literal is null)
        {
            WriteOptional(writer, "givenName", name.Given);
            var family = name.Particle is null ? name.Family : name.Family is null ? name.Particle : name.Particle + " " + name.Family;
            WriteOptional(writer, "familyName", family);
            WriteOptional(writer, "honorificSuffix", name.Suffix);
        }

        if (contributor.Affiliations.Count > 0)
        {
            writer.WriteStartArray("affiliation");
            foreach (var affiliation in contributor.Affiliations)
            {
                writer.WriteStartObject();
                writer.WriteString("@type", "Organization");
                writer.WriteString("name", affiliation);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteOffers(Utf8JsonWriter writer, IReadOnlyList<Offer> offers)
    {
        if (offers.Count == 0) return;
        writer.WriteStartArray("offers");
        foreach (var offer in offers)
        {
            writer.WriteStartObject();
            writer.WriteString("@type", "Offer");
            writer.WriteString("category", KindName(offer.Kind));
            WriteOptional(writer, "name", offer.Label);
            if (offer.Price is { } price)
            {
                writer.WriteNumber("price", price.Amount);
                writer.WriteString("priceCurrency", price.Currency);
            }

            WriteOptional(writer, "description", offer.TaxNote);
            if (offer.Features.Count > 0)
            {
                writer.WriteStartObject("itemOffered");
                writer.WriteString("@type", "Product");
                writer.WriteStartArray("additionalProperty");
                foreach (var feature in offer.Features)
                {
                    writer.WriteStartObject();
                    writer.WriteString("@type", "PropertyValue");
                    writer.WriteString("name", "feature");
                    writer.WriteString("value", feature);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    internal static string KindName(OfferKind kind) => kind switch
    {
        OfferKind.Chapter => "chapter",
        OfferKind.EBook => "eBook",
        OfferKind.Hardcover => "hardcover",
        OfferKind.Softcover => "softcover",
        _ => "other",
    };

    private static void WriteMetrics(Utf8JsonWriter writer, AccessMetrics metrics)
    {
        if (metrics.Accesses is null && metrics.Citations is null) return;
        writer.WriteStartArray("interactionStatistic");
        WriteCounter(writer, "accesses", metrics.Accesses, metrics.AsOf);
        WriteCounter(writer, "citations", metrics.Citations, metrics.AsOf);
        writer.WriteEndArray();
    }

    private static void WriteCounter(Utf8JsonWriter writer, string name, long? count, PartialDate? asOf)
    {
        if (count is not { } value) return;
        writer.WriteStartObject();
        writer.WriteString("@type", "InteractionCounter");
        writer.WriteString("name", name);
        if (name == "accesses") writer.WriteString("interactionType", ReadAction);
        writer.WriteNumber("userInteractionCount", value);
        if (asOf is { } date) writer.WriteString("endTime", date.ToString());
        writer.WriteEndObject();
    }

    private static bool IsContributorName(Chapter chapter, string holder)
    {
        foreach (var contributor in chapter.Contributors)
        {
            if (contributor.Name.Literal is null && string.Equals(contributor.Name.ToString(), holder, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static void WriteOptional(Utf8JsonWriter writer, string property, string? value)
    {
        if (value is not null) writer.WriteString(property, value);
    }

    private static void WriteStrings(Utf8JsonWriter writer, string property, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        writer.WriteStartArray(property);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
