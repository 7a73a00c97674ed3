using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using ScholarlyRecord.Validation;
using Xunit;

namespace ScholarlyRecord.Tests.Validation;

/// <summary>
/// The compiled schema path behind <see cref="ScholarlySchema.Validate(ReadOnlySpan{byte})"/> against JsonSchema.Net
/// (<see cref="ScholarlySchema.ValidateWithJsonSchemaNet"/>): same verdict, same codes, pointers, messages and order, on
/// the edge cases, the real corpus, every single mutation of the fixture, and seeded generated records. The seed is
/// printed; set SCHOLARLY_SCHEMA_DIFF_SEED to replay one.
/// </summary>
public sealed class SchemaFastPathTests(ITestOutputHelper output)
{
    private const int GeneratedCount = 10_000;

    [Fact]
    public void The_embedded_schema_compiles()
    {
        Assert.True(ScholarlySchema.UsesCompiledPath);
    }

    [Fact]
    public void A_schema_with_a_keyword_the_compiler_does_not_know_falls_back_to_JsonSchema_Net()
    {
        var schema = Patched(ScholarlySchema.Text, "\"title\": {\"type\": \"string\", \"minLength\": 1, \"pattern\": \"^[A-Z]\"}");
        var evaluator = SchemaEvaluator.Create(schema);

        Assert.False(evaluator.IsCompiled);
        var report = evaluator.Evaluate("""{"title":"lower case"}"""u8);
        var issue = Assert.Single(report.Diagnostics);
        Assert.Equal("/title", issue.Path);
        Assert.Equal(ValidationCodes.Other, issue.Code);
        Assert.True(evaluator.Evaluate("""{"title":"Upper case"}"""u8).IsValid);
    }

    [Fact]
    public void A_schema_with_an_unknown_format_falls_back_to_JsonSchema_Net()
    {
        var schema = Patched(ScholarlySchema.Text, "\"title\": {\"type\": \"string\", \"minLength\": 1, \"format\": \"email\"}");
        Assert.False(SchemaEvaluator.Create(schema).IsCompiled);
    }

    [Fact]
    public void A_schema_with_a_new_string_member_still_compiles_and_agrees()
    {
        // What adding a member does to the schema (citationKey came in this way): the compiler reads it, no code change needed.
        var schema = Patched(ScholarlySchema.Text, "\"shelfMark\": {\"$ref\": \"#/$defs/text\"}, \"title\": {\"type\": \"string\", \"minLength\": 1}");
        var evaluator = SchemaEvaluator.Create(schema);

        Assert.True(evaluator.IsCompiled);
        foreach (var json in new[] { """{"title":"a","shelfMark":"k1"}""", """{"title":"a","shelfMark":7}""", """{"title":"a","shelfMarks":"k"}""" })
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            Assert.Equal(Describe(evaluator.EvaluateWithJsonSchemaNet(bytes)), Describe(evaluator.Evaluate(bytes)));
        }
        Assert.Contains("shelfMark", Assert.Single(evaluator.Evaluate("""{"title":"a","shelfMarks":"k"}"""u8).Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hand_checked_numbers_follow_JsonSchema_Net()
    {
        // Probed against JsonSchema.Net 8.0.5: "integer" is decided on the double (1.0000000000000000000001 is an
        // integer), bounds on the exact decimal (9223372036854775807.5 is above the long range).
        Assert.True(ScholarlySchema.Validate("""{"title":"a","notes":[{"text":"t","number":1.0000000000000000000001}]}""").IsValid);
        var above = Assert.Single(ScholarlySchema.Validate("""{"title":"a","metrics":{"accesses":9223372036854775807.5}}""").Diagnostics);
        Assert.Equal("/metrics/accesses", above.Path);
        Assert.Equal("the number 9223372036854775807.5 at /metrics/accesses is out of range: maximum is 9223372036854775807", above.Message);
        var below = Assert.Single(ScholarlySchema.Validate("""{"title":"a","offers":[{"price":{"amount":-1e-400,"currency":"USD"}}]}""").Diagnostics);
        Assert.Equal("/offers/0/price/amount", below.Path);
        var both = ScholarlySchema.Validate("""{"title":"a","notes":[{"text":"t","number":2147483647.5}]}""").Diagnostics;
        Assert.Equal([ValidationCodes.WrongType, ValidationCodes.OutOfRange], both.Select(d => d.Code));
    }

    [Fact]
    public void A_number_with_a_million_digits_is_compared_without_exhausting_the_stack()
    {
        var json = "{\"title\":\"a\",\"copyright\":{\"year\":1" + new string('0', 1_000_000) + "}}";
        var bytes = Encoding.UTF8.GetBytes(json);
        var issue = Assert.Single(ScholarlySchema.Validate(bytes).Diagnostics);
        Assert.Equal("/copyright/year", issue.Path);
        Assert.Equal(ValidationCodes.OutOfRange, issue.Code);
        // JsonSchema.Net agrees on a long number too (a million digits would only make the comparison slow).
        Agree(Encoding.UTF8.GetBytes("{\"title\":\"a\",\"copyright\":{\"year\":-2" + new string('0', 5_000) + ".5}}"), "5,000 digits");
    }

    [Fact]
    public void Json_edge_cases_agree()
    {
        var count = 0;
        foreach (var edge in EdgeCases.Everything.Where(c => c.Area == "json"))
        {
            Agree(edge.InputBytes, edge.ToString());
            count++;
        }
        output.WriteLine($"{count} json edge cases");
        Assert.True(count >= 14);
    }

    [Fact]
    public void The_real_corpus_converted_to_ScholarlyJson_agrees()
    {
        var count = 0;
        var untitled = 0;
        foreach (var (file, chapters) in RealCorpus())
        {
            foreach (var chapter in chapters)
            {
                // ScholarlyJson refuses to write a chapter without a title (the schema requires one).
                if (chapter.Title.Length == 0)
                {
                    untitled++;
                    continue;
                }
                Agree(Encoding.UTF8.GetBytes(ScholarlyJson.Serialize(chapter)), file);
                count++;
            }
        }
        output.WriteLine($"{count} real records ({untitled} without a title skipped)");
        Assert.True(count > 100);
    }

    [Fact]
    public void Every_single_mutation_of_the_fixture_agrees()
    {
        var fixture = JsonNode.Parse(Fixtures.HaslamJson)!;
        Assert.True(ScholarlySchema.Validate(Fixtures.HaslamJson).IsValid);
        var count = 0;
        var invalid = 0;
        foreach (var (what, mutated) in Mutations.All(fixture))
        {
            var report = Agree(Encoding.UTF8.GetBytes(mutated), what);
            if (!report.IsValid) invalid++;
            count++;
        }
        output.WriteLine($"{count} mutations of the fixture, {invalid} invalid");
        Assert.True(count > 500);
        Assert.True(invalid > count / 2);
    }

    [Fact]
    public void Generated_valid_records_agree()
    {
        var seed = Seed();
        var pcg = new PCG(1, seed);
        var valid = 0;
        for (var i = 0; i < GeneratedCount; i++)
        {
            var chapter = ChapterGenerator.Chapter.Generate(pcg, null, out _);
            var bytes = Encoding.UTF8.GetBytes(ScholarlyJson.Serialize(chapter));
            var report = Agree(bytes, $"seed {seed}, record {i}");
            if (report.IsValid) valid++;
            // What the library writes is decided by the single pass, not by the fallback.
            Assert.True(ScholarlySchema.IsCertainlyValid(bytes), $"seed {seed}, record {i}: the single pass did not decide a valid record");
        }
        output.WriteLine($"seed {seed}: {GeneratedCount} generated records, {valid} valid");
        Assert.Equal(GeneratedCount, valid);
    }

    [Fact]
    public void Generated_records_with_random_mutations_agree()
    {
        var seed = Seed();
        var pcg = new PCG(2, seed);
        var random = new Random(unchecked((int)seed));
        var invalid = 0;
        for (var i = 0; i < GeneratedCount; i++)
        {
            var chapter = ChapterGenerator.Chapter.Generate(pcg, null, out _);
            var node = JsonNode.Parse(ScholarlyJson.Serialize(chapter))!;
            var steps = random.Next(1, 4);
            var what = new StringBuilder();
            for (var step = 0; step < steps; step++) what.Append(Mutations.Random(node, random)).Append("; ");
            var report = Agree(Encoding.UTF8.GetBytes(node.ToJsonString()), $"seed {seed}, record {i}: {what}");
            if (!report.IsValid) invalid++;
        }
        output.WriteLine($"seed {seed}: {GeneratedCount} mutated records, {invalid} invalid");
        Assert.True(invalid > GeneratedCount * 8 / 10, $"only {invalid} of the mutated records are invalid");
    }

    private ulong Seed()
    {
        var text = Environment.GetEnvironmentVariable("SCHOLARLY_SCHEMA_DIFF_SEED");
        var seed = text is { Length: > 0 } ? ulong.Parse(text, CultureInfo.InvariantCulture) : (ulong)Random.Shared.NextInt64();
        output.WriteLine($"SCHOLARLY_SCHEMA_DIFF_SEED={seed}");
        return seed;
    }

    [Theory]
    [InlineData("duplicate member", "SR0002")]
    [InlineData("lone surrogate escape", "SR0001")]
    [InlineData("text after the document", "SR0001")]
    [InlineData("nested 65 deep", "SR0001")]
    [InlineData("invalid UTF-8", "SR0001")]
    [InlineData("unknown member", null)]
    public void The_single_pass_never_passes_what_the_full_path_rejects(string what, string? code)
    {
        var fixture = Fixtures.HaslamJson.Trim();
        Assert.True(ScholarlySchema.IsCertainlyValid(Encoding.UTF8.GetBytes(fixture)));
        var body = fixture[1..];
        var bytes = what switch
        {
            "duplicate member" => Encoding.UTF8.GetBytes("{\"title\":\"Twice\"," + body),
            "lone surrogate escape" => Encoding.UTF8.GetBytes("{\"abstract\":[\"a \\ud800 b\"]," + body),
            "text after the document" => Encoding.UTF8.GetBytes(fixture + " x"),
            "nested 65 deep" => Encoding.UTF8.GetBytes("{\"extraFields\":" + new string('[', 65) + new string(']', 65) + "," + body),
            "invalid UTF-8" => [.. Encoding.UTF8.GetBytes("{\"subtitle\":\"a"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"," + body)],
            _ => Encoding.UTF8.GetBytes("{\"shelfMark\":\"k1\"," + body),
        };

        Assert.False(ScholarlySchema.IsCertainlyValid(bytes), what);
        var report = Agree(bytes, what);
        Assert.False(report.IsValid);
        if (code is not null) Assert.Equal(code, Assert.Single(report.Diagnostics).Code);
    }

    private static ValidationReport Agree(byte[] utf8, string what)
    {
        var expected = ScholarlySchema.ValidateWithJsonSchemaNet(utf8);
        var actual = ScholarlySchema.Validate(utf8);
        // The single pass may refuse a valid document (the full path then decides it) but never pass an invalid one.
        if (!expected.IsValid) Assert.False(ScholarlySchema.IsCertainlyValid(utf8), $"{what}: the single pass passed an invalid document");
        Assert.True(Describe(expected) == Describe(actual), $"{what}\n{Encoding.UTF8.GetString(utf8)}\nJsonSchema.Net:\n{Describe(expected)}\ncompiled:\n{Describe(actual)}");
        return actual;
    }

    private static string Describe(ValidationReport report) =>
        string.Join("\n", report.Diagnostics.Select(d => $"{d.Code} {d.Severity} [{d.Path}] {d.Message}"));

    // Replaces the schema's "title" property with the given text (which also re-declares title).
    private static string Patched(string schema, string replacement)
    {
        var normalized = schema.ReplaceLineEndings("\n");
        var at = normalized.IndexOf("\"title\": {\n      \"type\": \"string\",\n      \"minLength\": 1\n    }", StringComparison.Ordinal);
        Assert.True(at > 0, "the schema's title property moved; update the test");
        var end = normalized.IndexOf('}', at) + 1;
        return normalized[..at] + replacement + normalized[end..];
    }

    private static IEnumerable<(string File, IEnumerable<Chapter> Chapters)> RealCorpus()
    {
        foreach (var (folder, read) in new (string, Func<string, ReadResult>)[]
        {
            ("bibtex", text => Bibtex.Read(text)),
            ("ris", text => Ris.Read(text)),
            ("endnote", text => Endnote.Read(text)),
            ("crossref", text => Crossref.Read(text)),
            ("csl", text => CslJson.Read(text)),
        })
        {
            foreach (var path in Directory.GetFiles(Fixtures.TestData("real", folder)).Where(p => !p.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                yield return (Path.GetFileName(path), read(File.ReadAllText(path)).Chapters);
            }
        }
    }

    /// <summary>Hidden-style edits of a document: drop a member, change a value's type, add unknown members, break values.</summary>
    private static class Mutations
    {
        // Values of every JSON type, plus numbers at and past the schema's bounds and strings that break each format.
        private static readonly string[] Replacements =
        [
            "\"x\"", "\"\"", "7", "1.5", "-1", "0", "1e400", "-1e400", "2147483648", "9223372036854775808", "2147483647.5",
            "true", "null", "{}", "[]", "{\"zz\":1}", "[1]", "\"10.1000\"", "\"978-0-333-52381-5\"", "\"9780333523816\"",
            "\"0000-0002-1825-0098\"", "\"1234-5678\"", "\"1992-02-30\"", "\"XXX\"", "\"usd\"", "\"print\"",
        ];

        public static IEnumerable<(string What, string Json)> All(JsonNode document)
        {
            var paths = Paths(document, "").ToList();
            foreach (var (path, node) in paths)
            {
                if (path.Length > 0)
                {
                    var copy = document.DeepClone();
                    Remove(copy, path);
                    yield return ($"drop {path}", copy.ToJsonString());
                    foreach (var replacement in Replacements)
                    {
                        copy = document.DeepClone();
                        Replace(copy, path, JsonNode.Parse(replacement));
                        yield return ($"{path} = {replacement}", copy.ToJsonString());
                    }
                }
                if (node is JsonObject)
                {
                    var copy = document.DeepClone();
                    ((JsonObject)Find(copy, path)!).Add("unknownMember", 1);
                    yield return ($"unknown member in {path}", copy.ToJsonString());
                }
            }
        }

        /// <summary>Applies one random edit somewhere in <paramref name="document"/>; says what it did.</summary>
        public static string Random(JsonNode document, Random random)
        {
            var paths = Paths(document, "").ToList();
            var (path, node) = paths[random.Next(paths.Count)];
            switch (random.Next(4))
            {
                case 0 when path.Length > 0:
                    Remove(document, path);
                    return $"drop {path}";
                case 1 when node is JsonObject target:
                    var name = random.Next(3) == 0 ? "a/b~c" : "unknown" + random.Next(3).ToString(CultureInfo.InvariantCulture);
                    if (target.ContainsKey(name)) return "none";
                    target.Add(name, JsonNode.Parse(Replacements[random.Next(Replacements.Length)]));
                    return $"unknown member in {path}";
                default:
                    if (path.Length == 0) return "none";
                    var replacement = Replacements[random.Next(Replacements.Length)];
                    Replace(document, path, JsonNode.Parse(replacement));
                    return $"{path} = {replacement}";
            }
        }

        private static IEnumerable<(string Path, JsonNode? Node)> Paths(JsonNode? node, string path)
        {
            yield return (path, node);
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj.ToList())
                    {
                        foreach (var inner in Paths(child, path + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal))) yield return inner;
                    }
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        foreach (var inner in Paths(array[i], path + "/" + i.ToString(CultureInfo.InvariantCulture))) yield return inner;
                    }
                    break;
            }
        }

        private static JsonNode? Find(JsonNode root, string path)
        {
            var node = root;
            foreach (var segment in Segments(path)) node = node is JsonArray array ? array[int.Parse(segment, CultureInfo.InvariantCulture)] : node![segment];
            return node;
        }

        private static void Remove(JsonNode root, string path)
        {
            var (parent, last) = Parent(root, path);
            if (parent is JsonArray array) array.RemoveAt(int.Parse(last, CultureInfo.InvariantCulture));
            else ((JsonObject)parent!).Remove(last);
        }

        private static void Replace(JsonNode root, string path, JsonNode? value)
        {
            var (parent, last) = Parent(root, path);
            if (parent is JsonArray array) array[int.Parse(last, CultureInfo.InvariantCulture)] = value;
            else ((JsonObject)parent!)[last] = value;
        }

        private static (JsonNode? Parent, string Last) Parent(JsonNode root, string path)
        {
            var cut = path.LastIndexOf('/');
            var last = path[(cut + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            return (Find(root, path[..cut]), last);
        }

        private static IEnumerable<string> Segments(string path) =>
            path.Length == 0 ? [] : path[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
    }
}
