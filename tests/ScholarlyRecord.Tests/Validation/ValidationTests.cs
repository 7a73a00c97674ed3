using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using ScholarlyRecord.Validation;
using Xunit;

namespace ScholarlyRecord.Tests.Validation;

public sealed class ValidationTests
{
    private sealed class FixedClock(int year) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(year, 6, 1, 0, 0, 0, TimeSpan.Zero);
    }

    private static readonly TimeProvider Clock2026 = new FixedClock(2026);

    private static Chapter Haslam => ScholarlyJson.Deserialize(Fixtures.HaslamJson);

    private static string[] Codes(ValidationReport report) => report.Diagnostics.Select(i => $"{i.Code} {i.Path}").ToArray();

    [Fact]
    public void Schema_Fixture_IsValid()
    {
        var report = ScholarlySchema.Validate(Fixtures.HaslamJson);
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public void Schema_Text_HasIdEqualToSchemaId()
    {
        var root = JsonNode.Parse(ScholarlySchema.Text)!;
        Assert.Equal(ScholarlyJson.SchemaId, (string?)root["$id"]);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)root["$schema"]);
    }

    [Fact]
    public void ChapterValidator_Fixture_HasNoErrorsAndOnlyExpectedNotes()
    {
        var report = ChapterValidator.Validate(Haslam, Clock2026);
        Assert.True(report.IsValid, report.ToString());
        Assert.Empty(Codes(report));
    }

    [Fact]
    public void TryRead_Fixture_ReturnsChapter()
    {
        Assert.True(ScholarlyJson.TryRead(Fixtures.HaslamJson, out var chapter, out var report, Clock2026), report.ToString());
        Assert.Equal(Haslam, chapter);
    }

    [Fact]
    public void Schema_GeneratedChapters_AreAccepted()
    {
        ChapterGenerator.Chapter.Sample(chapter =>
        {
            var json = ScholarlyJson.Serialize(chapter);
            var report = ScholarlySchema.Validate(json);
            Assert.True(report.IsValid, report + "\n" + json);
            _ = ChapterValidator.Validate(chapter, Clock2026);
        }, iter: 300);
    }

    public static TheoryData<string, string, string, string> Mutations => new()
    {
        { "wrong type", "/title", "123", "SR0010" },
        { "wrong type deep", "/book/isbns/0/medium", "\"paper\"", "SR0013" },
        { "unknown member root", "/zzz", "1", "SR0012" },
        { "unknown member book", "/book/zzz", "1", "SR0012" },
        { "unknown member deep", "/offers/0/price/zzz", "1", "SR0012" },
        { "unknown member name", "/contributors/0/name/middle", "\"Q\"", "SR0012" },
        { "bad doi", "/doi", "\"11.1007/x\"", "SR0020" },
        { "bad isbn check digit", "/book/isbns/0/value", "\"9781349056797\"", "SR0021" },
        { "bad issn check digit", "/book/series/issns", "[{\"value\":\"0317-8472\"}]", "SR0022" },
        { "bad orcid check digit", "/contributors/0/orcid", "\"0000-0002-1825-0098\"", "SR0023" },
        { "impossible date", "/publicationDate", "\"1992-02-30\"", "SR0024" },
        { "negative price", "/offers/0/price/amount", "-1", "SR0014" },
        { "unknown currency", "/offers/0/price/currency", "\"XYZ\"", "SR0025" },
        { "empty title", "/title", "\"\"", "SR0014" },
        { "wrong $schema", "/$schema", "\"https://example.org/x\"", "SR0013" },
    };

    private static string Mutate(string pointer, string valueJson)
    {
        var root = JsonNode.Parse(Fixtures.HaslamJson)!;
        var segments = pointer[1..].Split('/');
        JsonNode parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment]!;
        }
        var last = segments[^1];
        if (parent is JsonArray list) list[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = JsonNode.Parse(valueJson);
        else parent[last] = JsonNode.Parse(valueJson);
        return root.ToJsonString();
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Schema_Mutation_RejectedAtPointer(string name, string location, string valueJson, string code)
    {
        _ = name;
        var json = Mutate(location, valueJson);
        var expectedPointer = code == "SR0022" ? location + "/0/value" : location;
        var report = ScholarlySchema.Validate(json);
        Assert.Contains(report.Diagnostics, i => i.Code == code && i.Path == expectedPointer && i.Severity == DiagnosticSeverity.Error);
        Assert.All(report.Diagnostics, i => Assert.Equal(expectedPointer, i.Path));

        Assert.False(ScholarlyJson.TryRead(json, out var chapter, out var tryReport, Clock2026));
        Assert.Null(chapter);
        Assert.Contains(tryReport.Diagnostics, i => i.Code == code && i.Path == expectedPointer);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Deserialize_Mutation_Throws(string name, string location, string valueJson, string code)
    {
        _ = name;
        _ = code;
        var json = Mutate(location, valueJson);
        var ex = Assert.Throws<System.Text.Json.JsonException>(() => ScholarlyJson.Deserialize(json));
        // The deserializer refuses the same value the schema does, at the same place (JSON path for the JSON Pointer).
        var expectedPointer = code == "SR0022" ? location + "/0/value" : location;
        Assert.Equal(PointerToPath(expectedPointer), ex.Path);
    }

    private static string PointerToPath(string pointer)
    {
        var path = new System.Text.StringBuilder("$");
        foreach (var token in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)) path.Append('[').Append(index).Append(']');
            else path.Append('.').Append(token);
        }
        return path.ToString();
    }

    [Fact]
    public void Schema_MissingTitle_ReportsPointerOfMember()
    {
        var report = ScholarlySchema.Validate("{\"book\":{\"publisher\":{}}}");
        Assert.Equal(["SR0011 /title", "SR0011 /book/publisher/name"], Codes(report).Order().Reverse().ToArray());
    }

    [Fact]
    public void Schema_SeveralProblems_AllListed()
    {
        var report = ScholarlySchema.Validate("{\"title\":1,\"doi\":\"x\",\"q\":2}");
        Assert.Equal(3, report.ErrorCount);
    }

    public static TheoryData<string, byte[]> Malformed => new()
    {
        { "truncated", Encoding.UTF8.GetBytes("{\"title\":\"x\"") },
        { "invalid utf-8", Convert.FromHexString("7B227469746C65223A22FF227D") },
        { "lone surrogate escape", Encoding.UTF8.GetBytes("{\"title\":\"\\uD800\"}") },
        { "duplicate member", Encoding.UTF8.GetBytes("{\"title\":\"a\",\"title\":\"b\"}") },
        { "deep nesting", Encoding.UTF8.GetBytes(new string('[', 10000) + new string(']', 10000)) },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Schema_Malformed_OneIssueWithPosition(string name, byte[] bytes)
    {
        _ = name;
        var report = ScholarlySchema.Validate(bytes);
        var issue = Assert.Single(report.Diagnostics);
        Assert.Contains(issue.Code, new[] { "SR0001", "SR0002" });
        Assert.Matches(@"\(line \d+, byte \d+\)", issue.Message);
        if (Encoding.UTF8.GetString(bytes) is var text && !bytes.Contains((byte)0xFF))
        {
            var fromString = ScholarlySchema.Validate(text);
            Assert.Equal(issue.Code, Assert.Single(fromString.Diagnostics).Code);
            Assert.False(ScholarlyJson.TryRead(text, out var chapter, out _));
            Assert.Null(chapter);
        }
    }

    [Fact]
    public void Schema_InvalidUtf8_PositionIsByteOfBadByte()
    {
        var report = ScholarlySchema.Validate(Convert.FromHexString("7B227469746C65223A22FF227D"));
        Assert.EndsWith("(line 1, byte 11)", Assert.Single(report.Diagnostics).Message);
    }

    [Fact]
    public void Schema_DuplicateMember_PathIsMember()
    {
        var report = ScholarlySchema.Validate("{\"book\":{\"title\":\"a\",\"title\":\"b\"}}");
        var issue = Assert.Single(report.Diagnostics);
        Assert.Equal(("SR0002", "/book/title"), (issue.Code, issue.Path));
    }

    [Fact]
    public void Schema_LoneSurrogateInDotNetString_OneIssue()
    {
        var report = ScholarlySchema.Validate("{\"title\":\"a\uD800\"}");
        Assert.Equal("SR0001", Assert.Single(report.Diagnostics).Code);
    }

    [Fact]
    public void Schema_JsonElementWithDuplicate_Reported()
    {
        using var document = System.Text.Json.JsonDocument.Parse("{\"title\":\"a\",\"title\":\"b\"}");
        Assert.Equal("SR0002", Assert.Single(ScholarlySchema.Validate(document.RootElement).Diagnostics).Code);
    }

    [Fact]
    public void Report_ToStringAndJson_OneLinePerIssue()
    {
        var report = new ValidationReport([new Diagnostic("SR1002", DiagnosticSeverity.Error, "The book title is missing") { Path = "/book/title" }]);
        Assert.Equal("/book/title: error SR1002: The book title is missing", report.ToString());
        var json = JsonNode.Parse(report.ToJson())!;
        Assert.False((bool)json["isValid"]!);
        var diagnostic = json["diagnostics"]![0]!.AsObject();
        Assert.Equal("error", (string?)diagnostic["severity"]);
        Assert.Equal("/book/title", (string?)diagnostic["path"]);
        // Zeros and nulls are left out: a validator's diagnostic has no line, column, record or key.
        Assert.Equal(["code", "severity", "message", "path"], diagnostic.Select(p => p.Key).ToArray());
    }

    [Fact]
    public void Diagnostic_ToString_NamesRecordLineAndPath()
    {
        var d = new Diagnostic("BIB104", DiagnosticSeverity.Error, "unclosed") { Line = 12, Column = 5 };
        Assert.Equal("12:5: error BIB104: unclosed", d.ToString());
        Assert.Equal("record 3 /book/title: error SR1002: missing", new Diagnostic("SR1002", DiagnosticSeverity.Error, "missing") { Record = 3, Path = "/book/title" }.ToString());
        Assert.Equal("record 1 /: info SR1028: nfc", new Diagnostic("SR1028", DiagnosticSeverity.Info, "nfc") { Record = 1, Path = "" }.ToString());
        Assert.Equal("warning CR201: bad", new Diagnostic("CR201", DiagnosticSeverity.Warning, "bad").ToString());
        Assert.True(DiagnosticSeverity.Info < DiagnosticSeverity.Warning && DiagnosticSeverity.Warning < DiagnosticSeverity.Error);
    }
}
