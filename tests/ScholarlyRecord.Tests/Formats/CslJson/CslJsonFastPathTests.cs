using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.CslJson;

/// <summary>
/// The token-driven mapper (<see cref="CslJsonFastItemReader"/>) against the careful one (<see cref="CslJsonItemReader"/>,
/// the reference, which parses the item and reports): whenever the fast one takes an item, the careful one must map it
/// to an equal chapter with no diagnostic. Items: every item of the real CSL-JSON files, the real records and generated
/// chapters as CSL items, generated items of every type made chapters, and each of those mutated member by member
/// (null, a number, a string, an array, an object, removed, an unknown name part).
/// </summary>
public sealed class CslJsonFastPathTests
{
    [Fact]
    public void FastMapper_TakesOnlyItemsTheCarefulMapperReadsCleanly_AndGivesTheSameChapter()
    {
        var taken = 0;
        var declined = 0;
        foreach (var (label, bytes) in Items())
        {
            var fast = new CslJsonFastItemReader();
            if (!fast.TryMap(bytes, out var quick))
            {
                declined++;
                continue;
            }

            taken++;
            var diagnostics = new List<Diagnostic>();
            var careful = CslJsonItemReader.Map(bytes, 1, 1, diagnostics.Add);
            Assert.True(diagnostics.Count == 0, label + ": the fast mapper took an item the careful one reports: " + string.Join("; ", diagnostics.Select(d => d.Code + " " + d.Message)));
            Assert.True(Equals(careful, quick), label + ": the two mappers give different chapters:\n" + careful + "\n" + quick);
        }

        // Both sides of the switch are exercised: most clean items are taken, the mutations are often declined.
        Assert.True(taken > 1_000, "taken " + taken);
        Assert.True(declined > 1_000, "declined " + declined);
    }

    [Fact]
    public void FastMapper_ReusedAcrossItems_KeepsNothingFromThePreviousOne()
    {
        var fast = new CslJsonFastItemReader();
        Assert.True(fast.TryMap("""{"type":"chapter","title":"A","author":[{"family":"X"}],"ISBN":"9780306406157","custom":{"x:y":"z"},"note":"n"}"""u8, out var first));
        Assert.True(fast.TryMap("""{"type":"chapter","title":"B"}"""u8, out var second));
        Assert.Single(first!.Contributors);
        Assert.Equal(new Chapter { Title = "B" }, second);
    }

    [Theory]
    [InlineData("""{"type":"book","title":"A"}""")]                                              // not a chapter: reported
    [InlineData("""{"type":"chapter"}""")]                                                        // no title: reported
    [InlineData("""{"type":"chapter","title":"A","title":"B"}""")]                                // duplicate member
    [InlineData("""{"type":"chapter","title":"A","DOI":"not a doi"}""")]                          // reported and kept raw
    [InlineData("""{"type":"chapter","title":"A","page":"x-y-z"}""")]                             // reported and kept raw
    [InlineData("""{"type":"chapter","title":"A","ISBN":"123"}""")]                               // reported and kept raw
    [InlineData("""{"type":"chapter","title":"A","title-short":"\uD83D\uDE00"}""")]               // escaped surrogates
    [InlineData("""{"type":"chapter","t\u0069tle":"A"}""")]                                       // escaped member name
    [InlineData("""{"type":"chapter","title":"A","author":[{"family":"B","dropping-particle":"van","non-dropping-particle":"de"}]}""")]
    [InlineData("""{"type":"chapter","title":"A","author":[{"family":"B","comma-suffix":true}]}""")]
    [InlineData("""{"type":"chapter","title":"A","author":[{}]}""")]                              // reported
    [InlineData("""{"type":"chapter","title":"A","issued":{"date-parts":[[2001,13]]}}""")]        // a season
    [InlineData("""{"type":"chapter","title":"A","issued":{"date-parts":[[2001],[2002]]}}""")]    // a range, kept raw
    [InlineData("""{"type":"chapter","title":"A","issued":{"date-parts":[[2001]],"circa":true}}""")]
    [InlineData("""{"type":"chapter","title":"A","issued":{"raw":"2001"}}""")]
    [InlineData("""{"type":"chapter","title":"A","custom":"x"}""")]                               // kept raw
    [InlineData("""{"type":"chapter","title":"A","publisher":42}""")]                             // reported
    public void FastMapper_DeclinesWhatItDoesNotReadItself(string json)
    {
        Assert.False(new CslJsonFastItemReader().TryMap(Encoding.UTF8.GetBytes(json), out _));
    }

    [Fact]
    public void FastMapper_DeclinesTextThatIsNotUtf8()
    {
        byte[] bytes = [.. """{"type":"chapter","title":"A"""u8, 0xFF, .. "\"}"u8];
        Assert.False(new CslJsonFastItemReader().TryMap(bytes, out _));
    }

    [Fact]
    public void Read_TextInput_GivesTheSameResultAsTheBytes()
    {
        // The text path encodes a chunk at a time: a pair split between two chunks and a lone surrogate (which becomes
        // U+FFFD, as a whole-text encoding makes it) must give the same records as the UTF-8 bytes of the text.
        var padding = new string('a', 4095 - "[{\"type\":\"chapter\",\"title\":\"".Length);
        var text = "[{\"type\":\"chapter\",\"title\":\"" + padding + "\U0001F600 \uD800 end\"},\n{\"type\":\"book\",\"title\":\"B\"}]";
        var fromText = ScholarlyRecord.Formats.CslJson.Read(text);
        var fromBytes = ScholarlyRecord.Formats.CslJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(padding + "\U0001F600 \uFFFD end", Assert.Single(fromText.Chapters).Title);
        Assert.Equal(fromBytes.Chapters, fromText.Chapters);
        Assert.Equal(fromBytes.Diagnostics, fromText.Diagnostics);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(6)]
    [InlineData(5)]
    [InlineData(4)] // every item's date nests too deep: all skipped with CSL105
    [InlineData(3)]
    public void Read_StreamInSmallPieces_GivesWhatTheWholeTextGives(int maxDepth)
    {
        // The scanner maps an element as it reads it and goes back when the element is not complete in its buffer (or
        // nests too deep for the fast mapper to check): pieces of 1 to 61 bytes cut items everywhere (the scanner reads a cut item again from
        // its start at each piece, so the items are few).
        var items = Items().Where((_, i) => i % 97 == 0).Take(30).Select(i => Encoding.UTF8.GetString(i.Bytes))
            .Append("""{"type":"chapter","title":"Deep","custom":{"a":{"b":{"c":[1]}}},"x":[[[[1]]]]}""").Append("42");
        var text = "[\n" + string.Join(",\n", items) + "\n]";
        var options = new CslJsonReadOptions { MaxDepth = maxDepth };
        var whole = ScholarlyRecord.Formats.CslJson.Read(text, options);
        var pieces = ScholarlyRecord.Formats.CslJson.Read(new PieceStream(Encoding.UTF8.GetBytes(text)), options);
        if (maxDepth >= 5) Assert.True(whole.Chapters.Count > 10, "chapters " + whole.Chapters.Count);
        else Assert.Contains(whole.Diagnostics, d => d.Code == CslJsonCodes.NestingTooDeep);
        Assert.Equal(whole.Chapters, pieces.Chapters);
        Assert.Equal(whole.Diagnostics, pieces.Diagnostics);
    }

    private sealed class PieceStream(byte[] bytes) : MemoryStream(bytes)
    {
        private int _next;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1 + (_next++ % 61)));

        public override int Read(Span<byte> buffer)
        {
            var piece = new byte[Math.Min(buffer.Length, 61)];
            var read = Read(piece, 0, piece.Length);
            piece.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
    }

    private static IEnumerable<(string Label, byte[] Bytes)> Items()
    {
        foreach (var file in Directory.GetFiles(Fixtures.TestData("real", "csl")).Where(f => !Path.GetFileName(f).StartsWith("csl-data.schema", StringComparison.Ordinal)))
        {
            var node = JsonNode.Parse(File.ReadAllText(file))!;
            var index = 0;
            foreach (var item in node is JsonArray array ? array.OfType<JsonObject>() : [node.AsObject()])
            {
                foreach (var variant in WithMutations(Path.GetFileName(file) + "#" + index++, item)) yield return variant;
            }
        }

        var records = RealChapterCorpus.Records.Concat(RealChapterCorpus.Generated(150, 20261207)).ToList();
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var variant in WithMutations("record " + i, JsonNode.Parse(Written(records[i]))!.AsObject())) yield return variant;
        }

        var generated = CslItemGenerator.Fixed(150, 7);
        for (var i = 0; i < generated.Count; i++)
        {
            var item = (JsonObject)generated[i].DeepClone();
            item["type"] = "chapter";
            foreach (var variant in WithMutations("generated " + i, item)) yield return variant;
        }
    }

    private static string Written(CslItem item)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            item.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static readonly JsonNode?[] Replacements = [null, JsonValue.Create(42), JsonValue.Create("2001"), new JsonArray(), new JsonObject(), new JsonArray(new JsonObject { ["family"] = "Z", ["given"] = "Y" })];

    private static IEnumerable<(string Label, byte[] Bytes)> WithMutations(string label, JsonObject item)
    {
        item = (JsonObject)item.DeepClone();
        item["type"] = item["type"]?.GetValue<string>() ?? "chapter";
        yield return (label, Bytes(item));
        var chapter = (JsonObject)item.DeepClone();
        chapter["type"] = "chapter";
        yield return (label + " as a chapter", Bytes(chapter));
        foreach (var name in chapter.Select(p => p.Key).ToList())
        {
            foreach (var replacement in Replacements)
            {
                var mutated = (JsonObject)chapter.DeepClone();
                mutated[name] = replacement?.DeepClone();
                yield return (label + " " + name + "=" + (replacement?.ToJsonString() ?? "null"), Bytes(mutated));
            }

            var without = (JsonObject)chapter.DeepClone();
            without.Remove(name);
            yield return (label + " without " + name, Bytes(without));
            if (chapter[name] is JsonArray { Count: > 0 } names && names[0] is JsonObject)
            {
                var odd = (JsonObject)chapter.DeepClone();
                ((JsonObject)odd[name]!.AsArray()[0]!)["static-ordering"] = false;
                yield return (label + " " + name + " with an unknown name part", Bytes(odd));
            }
        }
    }

    // Non-ASCII text as UTF-8, not escaped, as files hold it.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Bytes(JsonObject item) => Encoding.UTF8.GetBytes(item.ToJsonString(Indented));
}
