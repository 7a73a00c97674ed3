using System.Text;
using System.Text.Json;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Validation;
using Xunit;

namespace ScholarlyRecord.Tests.Reliability;

/// <summary>
/// Text that is not valid Unicode (lone surrogates, raw in a .NET string or escaped in JSON; bytes that are not UTF-8)
/// reaches every JSON reader as a diagnostic, never as the runtime's ArgumentException or InvalidOperationException.
/// Each case threw before the fix (found by the mutation run of issue 16).
/// </summary>
public class InvalidUnicodeTests
{
    private const string EscapedLoneLow = "\\uDC00";
    private const string EscapedLoneHigh = "\\uD800x";

    public static TheoryData<string> BadEscapes => new() { EscapedLoneLow, EscapedLoneHigh, "\\uD800\\u0041", "\\uDBFF" };

    [Theory]
    [MemberData(nameof(BadEscapes))]
    public void CslJson_item_with_an_escaped_lone_surrogate_is_skipped_with_a_syntax_error(string escape)
    {
        var json = "[{\"type\":\"chapter\",\"title\":\"Bad " + escape + "\"},{\"type\":\"chapter\",\"title\":\"Good\"}]";

        var result = CslJson.Read(json);

        Assert.Equal("Good", Assert.Single(result.Chapters).Title);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(CslJsonCodes.MalformedJson, error.Code);
        Assert.Contains("$.title", error.Message, StringComparison.Ordinal);
        // Placed at the bad string (column 28, after '[{"type":"chapter","title":'), not at the item's start.
        Assert.Equal((1, 28, "/title"), (error.Line, error.Column, error.Path));
    }

    [Fact]
    public void CslJson_escaped_surrogate_pair_is_still_read()
    {
        var result = CslJson.Read("[{\"type\":\"chapter\",\"title\":\"Clef \\uD834\\uDD1E\"}]");

        Assert.Equal("Clef \U0001D11E", Assert.Single(result.Chapters).Title);
    }

    [Fact]
    public async Task CslJson_stream_with_bytes_that_are_not_utf8_in_a_name_reports_and_goes_on()
    {
        var bytes = Concat("[{\"type\":\"chapter\",\"title\":\"T\",\"author\":[{\"family\":\"M"u8, [0xFF], "ller\"}]},{\"type\":\"chapter\",\"title\":\"Second\"}]"u8);
        var diagnostics = new List<Diagnostic>();

        var chapters = new List<Chapter>();
        await foreach (var r in CslJson.ReadRecordsAsync(new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken))
        {
            diagnostics.AddRange(r.Diagnostics);
            if (r.Chapter is not null) chapters.Add(r.Chapter);
        }

        Assert.Equal("Second", Assert.Single(chapters).Title);
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("$.author[0].family", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadEscapes))]
    public void Crossref_work_with_an_escaped_lone_surrogate_gives_a_malformed_json_diagnostic(string escape)
    {
        var result = Crossref.Read("{\"message\":{\"type\":\"book-chapter\",\"title\":[\"A " + escape + "\"]}}");

        Assert.Empty(result.Chapters);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(CrossrefCodes.MalformedJson, error.Code);
        Assert.Contains("$.title[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crossref_stream_with_bytes_that_are_not_utf8_gives_a_malformed_json_diagnostic()
    {
        var bytes = Concat("{\"message\":{\"type\":\"book-chapter\",\"title\":[\"A "u8, [0xC3, 0x28], "\"]}}"u8);

        var result = Crossref.Read(new MemoryStream(bytes));

        Assert.Empty(result.Chapters);
        Assert.Equal(CrossrefCodes.MalformedJson, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Crossref_work_list_keeps_the_valid_works_when_one_holds_invalid_text()
    {
        var json = "{\"message-type\":\"work-list\",\"message\":{\"items\":[{\"type\":\"book-chapter\",\"title\":[\"" + EscapedLoneLow
            + "\"]},{\"type\":\"book-chapter\",\"title\":[\"Fine\"]}]}}";

        var result = Crossref.Read(json);

        Assert.Equal("Fine", Assert.Single(result.Chapters).Title);
        Assert.Contains(result.Diagnostics, d => d.Code == CrossrefCodes.MalformedJson);
    }

    [Fact]
    public void Crossref_envelope_property_name_with_an_escaped_lone_surrogate_is_passed_over()
    {
        var result = Crossref.Read("{\"" + EscapedLoneLow + "\":\"ok\",\"message-type\":\"work\",\"message\":{\"type\":\"book-chapter\",\"title\":[\"T\"]}}");

        Assert.Equal("T", Assert.Single(result.Chapters).Title);
    }

    [Fact]
    public void Crossref_work_list_property_name_with_an_escaped_lone_surrogate_is_passed_over()
    {
        var result = Crossref.Read("{\"message-type\":\"work-list\",\"message\":{\"" + EscapedLoneLow + "\":1,\"items\":[{\"type\":\"book-chapter\",\"title\":[\"T\"]}]}}");

        Assert.Equal("T", Assert.Single(result.Chapters).Title);
    }

    [Fact]
    public void Crossref_message_type_that_is_not_utf8_gives_a_malformed_json_diagnostic_at_its_place()
    {
        var bytes = Concat("{\"message-type\":\"wor"u8, [0xBA], "\",\"message\":{\"type\":\"book-chapter\",\"title\":[\"T\"]}}"u8);

        var result = Crossref.Read(new MemoryStream(bytes));

        Assert.Empty(result.Chapters);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(CrossrefCodes.MalformedJson, error.Code);
        Assert.Equal((1, 17), (error.Line, error.Column));
    }

    [Fact]
    public void SchemaOrg_escaped_lone_surrogate_gives_an_invalid_json_diagnostic()
    {
        var result = SchemaOrg.Read("{\"@context\":\"https://schema.org\",\"@type\":\"Chapter\",\"name\":\"A " + EscapedLoneLow + "\"}");

        Assert.Empty(result.Chapters);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(SchemaOrgCodes.MalformedJson, error.Code);
        Assert.Contains("$.name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaOrg_raw_lone_surrogate_gives_an_invalid_json_diagnostic_at_its_place()
    {
        var result = SchemaOrg.Read("{\"@type\":\"Chapter\",\n\"name\":\"A \uDC00\"}");

        Assert.Empty(result.Chapters);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(SchemaOrgCodes.MalformedJson, error.Code);
        Assert.Equal((2, 11), (error.Line, error.Column));
    }

    [Fact]
    public void ScholarlyJson_Deserialize_raw_lone_surrogate_throws_JsonException_naming_the_place()
    {
        var e = Assert.Throws<JsonException>(() => ScholarlyJson.Deserialize("{\"title\":\n\"A \uD800\"}"));

        Assert.Contains("line 2, character 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScholarlyJson_Deserialize_escaped_lone_surrogate_throws_JsonException()
    {
        Assert.Throws<JsonException>(() => ScholarlyJson.Deserialize("{\"title\":\"A " + EscapedLoneLow + "\"}"));
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c) => [.. a, .. b, .. c];

    [Fact]
    public void Csl_processor_renders_items_with_escaped_lone_surrogates_as_replacement_characters()
    {
        // The CSL-JSON document keeps items as JSON; before the fix the processor's GetString threw on these.
        var document = CslJsonDocument.Parse("[{\"id\":\"\\uDC00\",\"type\":\"book\",\"title\":\"Bad \\uD800x\",\"author\":[{\"family\":\"Smith\\uDBFF\",\"given\":\"Ann\",\"isInstitution\":\"\\uDC00\"}],\"issued\":{\"date-parts\":[[2001]],\"circa\":\"\\uDC00\"}}]");
        var item = Assert.Single(document.Items);
        Assert.NotNull(item.Id);

        var entry = Assert.Single(new CslProcessor(CslStyle.Embedded("apa"), "en-US").CreateDocument(document.Items).BibliographyEntries(CitationOutput.Text));

        Assert.Contains("Bad \uFFFDx", entry, StringComparison.Ordinal);
        Assert.Contains("Smith\uFFFD", entry, StringComparison.Ordinal);
        // A string flag counts as set unless it is "false", "0" or empty: the replacement character is none of those.
        Assert.Contains("ca. 2001", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Csl_processor_looks_up_name_and_date_parts_past_a_member_name_that_escapes_a_lone_surrogate()
    {
        // Found by the csl-items fuzz target: JsonElement.TryGetProperty throws when an earlier member's name cannot be
        // decoded, so the family name and the year were unreadable.
        var document = CslJsonDocument.Parse("[{\"id\":\"a\",\"type\":\"book\",\"title\":\"T\",\"issued\":{\"\\uDC00\":1,\"date-parts\":[[2001]]},\"author\":[{\"\\uDC00\":\"x\",\"family\":\"Smith\",\"given\":\"Ann\"}]}]");

        var entry = Assert.Single(new CslProcessor(CslStyle.Embedded("apa"), "en-US").CreateDocument(document.Items).BibliographyEntries(CitationOutput.Text));

        Assert.StartsWith("Smith, A. (2001).", entry, StringComparison.Ordinal);
    }
}
