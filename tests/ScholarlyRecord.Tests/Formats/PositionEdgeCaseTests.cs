using System.Globalization;
using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Mappings;

/// <summary>
/// API §8.8: the catalogue's json rows read as schema.org and as CSL-JSON, each diagnostic checked for its code, line,
/// column and JSON Pointer (null when the text is not JSON, so no value can be named). Every expected place was worked
/// out by hand from the row's text; none is 1:1 unless the problem is there.
/// </summary>
public sealed class PositionEdgeCaseTests
{
    public static TheoryData<EdgeCase> Cases => EdgeCases.For("json");

    // Row input -> what schema.org reports: code, line, column, path.
    private static readonly Dictionary<string, (string Code, int Line, int Column, string? Path)> SchemaOrgExpected = new(StringComparer.Ordinal)
    {
        // The stream reader drops the byte order mark; the object is a node, at 1:1, but not a chapter.
        ["hex:EFBBBF7B227469746C65223A2278227D"] = (SchemaOrgCodes.NotAChapter, 1, 1, ""),
        // JSON-LD on pages is read leniently: trailing commas and comments are accepted, so these are nodes too.
        ["{\"title\":\"x\",}"] = (SchemaOrgCodes.NotAChapter, 1, 1, ""),
        ["{\"title\":\"x\" /* c */}"] = (SchemaOrgCodes.NotAChapter, 1, 1, ""),
        // The reader allows 128 levels: the 129th '[' (byte 128) is refused.
        ["gen:'['*10000 + ']'*10000"] = (SchemaOrgCodes.NestingTooDeep, 1, 129, null),
        ["{\"title\":\"x\",\"year\":1e400}"] = (SchemaOrgCodes.NotAChapter, 1, 1, ""),
        ["{\"title\":\"x\",\"count\":18446744073709551616}"] = (SchemaOrgCodes.NotAChapter, 1, 1, ""),
        ["{\"title\":\"a\",\"title\":\"b\"}"] = (SchemaOrgCodes.NotAChapter, 1, 1, ""),
        // Read from a stream as text: the bad byte is decoded as U+FFFD, so the node is whole.
        ["hex:7B227469746C65223A22FF227D"] = (SchemaOrgCodes.NotAChapter, 1, 1, ""),
        // The escaped lone surrogate is the string that starts at column 10, member /title.
        ["{\"title\":\"\\uD800\"}"] = (SchemaOrgCodes.MalformedJson, 1, 10, "/title"),
        ["{\"title\":123}"] = (SchemaOrgCodes.NotAChapter, 1, 1, ""),
        ["{\"title\":null}"] = (SchemaOrgCodes.NotAChapter, 1, 1, ""),
        [""] = (SchemaOrgCodes.MalformedJson, 1, 1, null),
        ["{\"title\":\"x\",\"kind\":99}"] = (SchemaOrgCodes.NotAChapter, 1, 1, ""),
        // Line 3 is '  "pages": "1-2",,': the second comma is column 18 (the catalogue's 0-based line 2, byte 17).
        ["{\n  \"title\": \"x\",\n  \"pages\": \"1-2\",,\n}"] = (SchemaOrgCodes.MalformedJson, 3, 18, null),
    };

    // Row input -> what CSL-JSON reports.
    private static readonly Dictionary<string, (string Code, int Line, int Column, string? Path)> CslJsonExpected = new(StringComparer.Ordinal)
    {
        // The object is an item at 1:1 without a CSL type, so not a chapter; its Path is the whole item.
        ["hex:EFBBBF7B227469746C65223A2278227D"] = (CslJsonCodes.NotAChapter, 1, 1, ""),
        // CSL-JSON is read strictly: the trailing comma and the comment are refused at byte 13, column 14.
        ["{\"title\":\"x\",}"] = (CslJsonCodes.MalformedJson, 1, 14, null),
        ["{\"title\":\"x\" /* c */}"] = (CslJsonCodes.MalformedJson, 1, 14, null),
        // The default 64 levels: the 65th '[' (byte 64) is refused.
        ["gen:'['*10000 + ']'*10000"] = (CslJsonCodes.NestingTooDeep, 1, 65, null),
        ["{\"title\":\"x\",\"year\":1e400}"] = (CslJsonCodes.NotAChapter, 1, 1, ""),
        ["{\"title\":\"x\",\"count\":18446744073709551616}"] = (CslJsonCodes.NotAChapter, 1, 1, ""),
        ["{\"title\":\"a\",\"title\":\"b\"}"] = (CslJsonCodes.NotAChapter, 1, 1, ""),
        // Read as bytes: the string holding the byte that is not UTF-8 starts at column 10, member /title.
        ["hex:7B227469746C65223A22FF227D"] = (CslJsonCodes.MalformedJson, 1, 10, "/title"),
        ["{\"title\":\"\\uD800\"}"] = (CslJsonCodes.MalformedJson, 1, 10, "/title"),
        ["{\"title\":123}"] = (CslJsonCodes.NotAChapter, 1, 1, ""),
        ["{\"title\":null}"] = (CslJsonCodes.NotAChapter, 1, 1, ""),
        [""] = (CslJsonCodes.InvalidRoot, 1, 1, null),
        ["{\"title\":\"x\",\"kind\":99}"] = (CslJsonCodes.NotAChapter, 1, 1, ""),
        ["{\n  \"title\": \"x\",\n  \"pages\": \"1-2\",,\n}"] = (CslJsonCodes.MalformedJson, 3, 18, null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SchemaOrg_CatalogueRow_IsPlacedWhereTheProblemIs(EdgeCase row) =>
        AssertPlaced(row, SchemaOrgExpected, bytes => SchemaOrg.Read(new MemoryStream(bytes)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void CslJson_CatalogueRow_IsPlacedWhereTheProblemIs(EdgeCase row) =>
        AssertPlaced(row, CslJsonExpected, bytes => CslJson.Read(new MemoryStream(bytes)));

    private static void AssertPlaced(EdgeCase row, Dictionary<string, (string Code, int Line, int Column, string? Path)> table, Func<byte[], ReadResult> read)
    {
        var result = read(row.InputBytes);
        var actual = string.Join(" | ", result.Diagnostics.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Code} {d.Line}:{d.Column} {d.Path ?? "null"}")));
        Assert.True(table.TryGetValue(row.Input, out var expected), $"no expectation for {row}; reported: {actual}");
        var first = Assert.Single(result.Diagnostics);
        Assert.Equal(expected, (first.Code, first.Line, first.Column, first.Path));
    }
}
