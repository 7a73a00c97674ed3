using System.Text;
using System.Text.Json;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Json;

public class ScholarlyJsonTests
{
    [Fact]
    public void Fixture_Deserializes_WithEveryFactOfThePage()
    {
        var chapter = ScholarlyJson.Deserialize(Fixtures.HaslamJson);

        Assert.Equal("10.1007/978-1-349-05679-8_7", chapter.Doi.ToString());
        Assert.Equal("Conclusions", chapter.Title);
        Assert.Equal("7", chapter.Number);
        var author = Assert.Single(chapter.Contributors);
        Assert.Equal(("Jonathan", "Haslam", ContributorRole.Author), (author.Name.Given, author.Name.Family, author.Role));
        Assert.Equal("The Soviet Union and the Threat from the East, 1933–41", chapter.Book!.Title);
        Assert.Equal("Studies in Soviet History and Society", chapter.Book.Series!.Title);
        Assert.Equal("SSHS", chapter.Book.Series.Abbreviation);
        Assert.Equal(new Publisher { Name = "Palgrave Macmillan", Location = "London" }, chapter.Book.Publisher);
        Assert.Equal("10.1007/978-1-349-05679-8", chapter.Book.Doi.ToString());
        var isbn = Assert.Single(chapter.Book.Isbns);
        Assert.Equal(("9781349056798", PublicationMedium.Electronic), (isbn.Value.ToString(), isbn.Medium));
        Assert.Equal("1992", chapter.PublicationDate.ToString());
        Assert.Equal(46, chapter.Metrics!.Accesses);
        Assert.Equal(new Copyright { Year = 1992, Holder = "Jonathan Haslam", Statement = "© 1992 Jonathan Haslam" }, chapter.Copyright);
        var note = Assert.Single(chapter.Notes);
        Assert.Equal(1, note.Number);
        Assert.Equal("Google Scholar", Assert.Single(note.Links).Label);
        Assert.Equal([29.95m, 129.00m, 169.99m], chapter.Offers.Select(o => o.Price!.Amount));
        Assert.Equal([OfferKind.Chapter, OfferKind.EBook, OfferKind.Hardcover], chapter.Offers.Select(o => o.Kind));
        Assert.All(chapter.Offers, o => Assert.Equal("USD", o.Price!.Currency));
        Assert.All(chapter.Offers, o => Assert.Equal("Price excludes VAT (USA)", o.TaxNote));
        Assert.Null(chapter.Pages);
        Assert.Null(author.Orcid);
    }

    [Fact]
    public void Fixture_TextFields_AreWordForWordFromThePage()
    {
        var chapter = ScholarlyJson.Deserialize(Fixtures.HaslamJson);
        var page = Fixtures.SpringerPage;

        Assert.Contains(Assert.Single(chapter.Abstract), page, StringComparison.Ordinal);
        Assert.Contains("1. " + chapter.Notes[0].Text, page, StringComparison.Ordinal);
        foreach (var offer in chapter.Offers)
        {
            Assert.Contains(offer.Label!, page, StringComparison.Ordinal);
            Assert.Contains("USD\u00A0" + offer.Price!.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
            Assert.All(offer.Features, f => Assert.Contains(f, page, StringComparison.Ordinal));
        }
        Assert.All(chapter.ExtraFields, f => Assert.Contains(f.Value, page, StringComparison.Ordinal));
    }

    [Fact]
    public void Fixture_Reserializes_ToIdenticalBytes()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Folder, "haslam-1992-conclusions.json"));

        var chapter = ScholarlyJson.Deserialize(bytes);

        Assert.Equal(bytes, ScholarlyJson.SerializeToUtf8Bytes(chapter));
        Assert.Equal(Encoding.UTF8.GetString(bytes), ScholarlyJson.Serialize(chapter));
        Assert.Equal(chapter, ScholarlyJson.Deserialize(ScholarlyJson.Serialize(chapter)));
    }

    [Fact]
    public void Serialize_OpensWithSchemaMember_AndOmitsNullsAndEmptyLists()
    {
        var json = ScholarlyJson.Serialize(new Chapter { Title = "T" });

        Assert.Equal("{\n  \"$schema\": \"" + ScholarlyJson.SchemaId + "\",\n  \"title\": \"T\"\n}", json);
    }

    [Fact]
    public void Deserialize_BadIsbnCheckDigit_NamesPathAndReason()
    {
        var json = Fixtures.HaslamJson.Replace("9781349056798", "9781349056797", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonException>(() => ScholarlyJson.Deserialize(json));

        Assert.Equal("$.book.isbns[0].value", ex.Path);
        Assert.StartsWith("$.book.isbns[0].value: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("check digit", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(ex.LineNumber > 0);
    }

    [Theory]
    [InlineData("{\"title\":\"x\",\"doi\":\"11.1000/x\"}", "$.doi")]
    [InlineData("{\"title\":\"x\",\"contributors\":[{\"name\":{\"family\":\"A\"},\"orcid\":\"0000-0002-1825-0098\"}]}", "$.contributors[0].orcid")]
    [InlineData("{\"title\":\"x\",\"book\":{\"series\":{\"issns\":[{\"value\":\"0378-5956\"}]}}}", "$.book.series.issns[0].value")]
    [InlineData("{\"title\":\"x\",\"publicationDate\":\"1992-02-30\"}", "$.publicationDate")]
    [InlineData("{\"title\":\"x\",\"offers\":[{\"kind\":\"scroll\"}]}", "$.offers[0].kind")]
    [InlineData("{\"title\":\"x\",\"doi\":42}", "$.doi")]
    [InlineData("{\"title\":\"x\",\"metrics\":{\"accesses\":-1.5}}", "$.metrics.accesses")]
    [InlineData("{\"title\":\"x\",\"offers\":[{\"price\":{\"amount\":1e400,\"currency\":\"USD\"}}]}", "$.offers[0].price.amount")]
    [InlineData("{\"title\":\"x\",\"keywords\":null}", "$.keywords")]
    [InlineData("{\"title\":\"x\",\"$schema\":\"https://example.org/other.json\"}", "$.$schema")]
    public void Deserialize_InvalidValue_ReportsItsPath(string json, string path)
    {
        var ex = Assert.Throws<JsonException>(() => ScholarlyJson.Deserialize(json));

        Assert.Equal(path, ex.Path);
        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, ex.LineNumber);
    }

    [Fact]
    public void Deserialize_MissingTitle_IsRejected()
    {
        var ex = Assert.Throws<JsonException>(() => ScholarlyJson.Deserialize("{\"number\":\"1\"}"));

        Assert.Contains("title", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_JsonNull_IsRejected()
    {
        var ex = Assert.Throws<JsonException>(() => ScholarlyJson.Deserialize("null"));

        Assert.Equal("$", ex.Path);
    }

    [Fact]
    public void Serialize_DefaultIdentifier_IsRefused()
    {
        var chapter = new Chapter { Title = "x", Doi = default(Doi) };

        Assert.Throws<JsonException>(() => ScholarlyJson.Serialize(chapter));
    }

    [Theory]
    [InlineData("", 1, "USD")]
    [InlineData("t", -1, "USD")]
    [InlineData("t", 1, "XYZ")]
    public void Serialize_WhatTheSchemaRefuses_IsRefused(string title, int amount, string currency)
    {
        // The writer never produces a document that Deserialize and the schema would reject.
        var chapter = new Chapter { Title = title, Offers = [new Offer { Price = new Money { Amount = amount, Currency = currency } }] };

        Assert.Throws<JsonException>(() => ScholarlyJson.Serialize(chapter));
    }

    [Fact]
    public void Serialize_LoneSurrogate_IsRefusedInsteadOfReplaced()
    {
        var chapter = new Chapter { Title = "bad \uD800 text" };

        var ex = Assert.Throws<JsonException>(() => ScholarlyJson.Serialize(chapter));

        Assert.Contains("U+D800", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_SurrogatePair_IsKept()
    {
        var chapter = new Chapter { Title = "math \U0001D400 and emoji \U0001F600" };

        Assert.Equal(chapter, ScholarlyJson.Deserialize(ScholarlyJson.Serialize(chapter)));
    }

    [Fact]
    public void Serialize_NonAscii_IsWrittenUnescaped()
    {
        var json = ScholarlyJson.Serialize(new Chapter { Title = "Ökonomie — 経済" });

        Assert.Contains("\"Ökonomie — 経済\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamOverloads_AgreeWithStringOverloads()
    {
        var chapter = ScholarlyJson.Deserialize(Fixtures.HaslamJson);
        using var stream = new MemoryStream();

        await ScholarlyJson.SerializeAsync(stream, chapter, TestContext.Current.CancellationToken);
        stream.Position = 0;
        var fromAsync = await ScholarlyJson.DeserializeAsync(stream, TestContext.Current.CancellationToken);
        stream.Position = 0;
        var fromSync = ScholarlyJson.Deserialize(stream);

        Assert.Equal(chapter, fromAsync);
        Assert.Equal(chapter, fromSync);
        Assert.Equal(ScholarlyJson.SerializeToUtf8Bytes(chapter), stream.ToArray());
    }

    [Fact]
    public async Task DeserializeAsync_CancelledToken_Throws()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Fixtures.HaslamJson));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await ScholarlyJson.DeserializeAsync(stream, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Serialize_ToUtf8JsonWriter_WritesCompactJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ScholarlyJson.Serialize(writer, new Chapter { Title = "T", Number = "2" });
        }

        Assert.Equal("{\"$schema\":\"" + ScholarlyJson.SchemaId + "\",\"title\":\"T\",\"number\":\"2\"}", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ScholarlyJson.Serialize((Chapter)null!));
        Assert.Throws<ArgumentNullException>(() => ScholarlyJson.Deserialize((string)null!));
        Assert.Throws<ArgumentNullException>(() => ScholarlyJson.Deserialize((Stream)null!));
    }
}
