using System.Globalization;
using System.Text;
using System.Text.Json;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Json;

/// <summary>
/// The catalogue's json rows, run against every entry point (string, UTF-8 bytes, stream). Where the chapter JSON cannot
/// give the catalogue's exact byte, <see cref="Deviations"/> says which byte it gives and why; the rows about members
/// the chapter does not have are run a second time with the same value in a member it does have.
/// </summary>
public class JsonEdgeCaseTests
{
    public static TheoryData<EdgeCase> Cases => EdgeCases.For("json");

    /// <summary>Catalogue input -> (byte we report, path we report when it differs, why it differs from the catalogue).</summary>
    private static readonly Dictionary<string, (long Byte, string? Path, string Why)> Deviations = new(StringComparer.Ordinal)
    {
        ["{\"title\":\"a\",\"title\":\"b\"}"] = (21, null, "init-only records are read through the serializer's constructor-argument path, which reports a duplicate at the start of the repeated value (byte 21), not after it"),
        ["{\"title\":\"x\",\"year\":1e400}"] = (20, null, "a chapter has no 'year' member: unknown members are rejected where their name ends, before the value is read"),
        ["{\"title\":\"x\",\"count\":18446744073709551616}"] = (21, null, "a chapter has no 'count' member: unknown members are rejected where their name ends, before the value is read"),
        ["{\"title\":\"x\",\"kind\":99}"] = (20, null, "a chapter has no 'kind' member: unknown members are rejected where their name ends"),
        ["gen:'['*10000 + ']'*10000"] = (1, null, "a chapter is an object, so the first '[' is refused at once (byte 1) and no chapter member nests deeper than six levels, so the 64-level limit cannot be reached before another error"),
        ["{\n  \"title\": \"x\",\n  \"pages\": \"1-2\",,\n}"] = (16, "$.pages", "in the chapter JSON 'pages' is an object {first, last}: the string is refused where it ends (byte 16), before the second comma"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Catalogue_JsonCase_HoldsForEveryEntryPoint(EdgeCase c)
    {
        var bytes = c.InputBytes;
        var text = Encoding.UTF8.GetString(bytes); // invalid UTF-8 becomes U+FFFD here; that row is checked on bytes only
        var invalidUtf8 = !IsValidUtf8(bytes);

        switch (c.ExpectKind)
        {
            case "normalizes-to":
                var expected = c.ExpectFields()["title"];
                Assert.Equal(expected, ScholarlyJson.Deserialize(text).Title);
                Assert.Equal(expected, ScholarlyJson.Deserialize(bytes).Title);
                Assert.Equal(expected, ScholarlyJson.Deserialize(new MemoryStream(bytes)).Title);
                break;

            case "error-with-position":
            case "invalid":
                var fields = c.ExpectKind == "error-with-position" ? c.ExpectFields() : new Dictionary<string, string>();
                var errors = new List<JsonException> { Assert.Throws<JsonException>(() => ScholarlyJson.Deserialize(bytes)) };
                errors.Add(Assert.Throws<JsonException>(() => ScholarlyJson.Deserialize(new MemoryStream(bytes))));
                if (!invalidUtf8) errors.Add(Assert.Throws<JsonException>(() => ScholarlyJson.Deserialize(text)));
                foreach (var ex in errors)
                {
                    if (fields.TryGetValue("line", out var line)) Assert.Equal(long.Parse(line, CultureInfo.InvariantCulture), ex.LineNumber);
                    if (fields.TryGetValue("byte", out var position))
                    {
                        var expectedByte = Deviations.TryGetValue(c.Input, out var deviation) ? deviation.Byte : long.Parse(position, CultureInfo.InvariantCulture);
                        Assert.Equal(expectedByte, ex.BytePositionInLine);
                    }
                    if (fields.TryGetValue("path", out var path)) Assert.Equal(Deviations.TryGetValue(c.Input, out var moved) && moved.Path is { } p ? p : path, ex.Path);
                    Assert.NotNull(ex.Path);
                    Assert.StartsWith(ex.Path + ": ", ex.Message, StringComparison.Ordinal);
                }
                if (c.ExpectValue == "required-null") Assert.All(errors, ex => Assert.Equal("$.title", ex.Path));
                break;

            default:
                Assert.Fail($"unhandled expectation {c.Expect}");
                break;
        }
    }

    [Fact]
    public void Deviations_AllNameRealCatalogueRows()
    {
        var inputs = EdgeCases.Everything.Where(c => c.Area == "json").Select(c => c.Input).ToHashSet(StringComparer.Ordinal);

        Assert.All(Deviations.Keys, key => Assert.Contains(key, inputs));
    }

    // The catalogue's 1e400, 2^64 and 99 rows name members a chapter lacks; here the same values sit in members it has.
    [Theory]
    [InlineData("{\"title\":\"x\",\"copyright\":{\"year\":1e400}}", "$.copyright.year", 38)]
    [InlineData("{\"title\":\"x\",\"metrics\":{\"accesses\":18446744073709551616}}", "$.metrics.accesses", 55)]
    [InlineData("{\"title\":\"x\",\"metrics\":{\"citations\":1e2}}", "$.metrics.citations", 39)]
    [InlineData("{\"title\":\"x\",\"contributors\":[{\"name\":{\"family\":\"A\"},\"role\":99}]}", "$.contributors[0].role", 61)]
    [InlineData("{\"title\":\"x\",\"offers\":[{\"kind\":1}]}", "$.offers[0].kind", 32)]
    public void Deserialize_CatalogueValuesInRealMembers_FailAtTheValue(string json, string path, long bytePosition)
    {
        var ex = Assert.Throws<JsonException>(() => ScholarlyJson.Deserialize(json));

        Assert.Equal(path, ex.Path);
        Assert.Equal(0, ex.LineNumber);
        Assert.Equal(bytePosition, ex.BytePositionInLine);
    }

    [Fact]
    public void Deserialize_DeepNesting_FailsAtOnceWithoutExhaustingTheStack()
    {
        // A chapter is an object, so 10,000 nested arrays are refused at their first byte; the depth limit is never reached.
        var json = new string('[', 10_000) + new string(']', 10_000);

        var ex = Assert.Throws<JsonException>(() => ScholarlyJson.Deserialize(json));

        Assert.Equal("$", ex.Path);
        Assert.Equal(0, ex.LineNumber);
    }

    private static bool IsValidUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
}
