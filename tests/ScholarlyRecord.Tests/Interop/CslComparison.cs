using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScholarlyRecord.Tests.Interop;

/// <summary>Compares CSL items on a named list of fields and returns the differences by field name.</summary>
public static class CslComparison
{
    public sealed record Difference(string Field, string? Ours, string? Theirs)
    {
        public override string ToString() => $"{Field}: ours {Ours ?? "(absent)"}, theirs {Theirs ?? "(absent)"}";
    }

    /// <summary>The items of a CSL-JSON array (or a single object), by id.</summary>
    public static Dictionary<string, JsonObject> ItemsById(string json)
    {
        var node = JsonNode.Parse(json)!;
        var items = node is JsonArray array ? array.Select(n => n!.AsObject()) : [node.AsObject()];
        return items.ToDictionary(i => i["id"]!.ToString(), StringComparer.Ordinal);
    }

    /// <summary>The fields among <paramref name="fields"/> whose values differ (JSON compared structurally, with numbers and strings of the same text equal).</summary>
    public static IReadOnlyList<Difference> Compare(JsonObject ours, JsonObject theirs, IEnumerable<string> fields)
    {
        var differences = new List<Difference>();
        foreach (var field in fields)
        {
            var a = Normalise(ours[field]);
            var b = Normalise(theirs[field]);
            if (!JsonNode.DeepEquals(a, b)) differences.Add(new Difference(field, a?.ToJsonString(), b?.ToJsonString()));
        }

        return differences;
    }

    // Scalars become strings (pandoc writes "7" where we wrote 7 and vice versa); objects keep their members.
    private static JsonNode? Normalise(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value => JsonValue.Create(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()),
        JsonArray array => new JsonArray(array.Select(Normalise).ToArray()),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Normalise(p.Value)))),
        _ => node.DeepClone(),
    };
}
