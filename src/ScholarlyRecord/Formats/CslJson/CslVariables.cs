using System.Collections.Frozen;
using System.Text.Json;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The CSL data schema (v1.0.2) variables the mapping does not consume, with the JSON shape the schema allows, so that
/// a kept <c>csl:&lt;name&gt;</c> extra field is written back at the top level only when the output stays valid.
/// </summary>
internal static class CslVariables
{
    private enum Shape
    {
        Text,
        TextOrNumber,
        Names,
        Date,
        TextArray,
    }

    private static readonly FrozenDictionary<string, Shape> Unmapped = new Dictionary<string, Shape>(StringComparer.Ordinal)
    {
        ["citation-key"] = Shape.Text, ["categories"] = Shape.TextArray, ["journalAbbreviation"] = Shape.Text, ["shortTitle"] = Shape.Text,
        ["chair"] = Shape.Names, ["compiler"] = Shape.Names, ["composer"] = Shape.Names, ["curator"] = Shape.Names, ["director"] = Shape.Names,
        ["editorial-director"] = Shape.Names, ["executive-producer"] = Shape.Names, ["guest"] = Shape.Names, ["host"] = Shape.Names,
        ["interviewer"] = Shape.Names, ["illustrator"] = Shape.Names, ["narrator"] = Shape.Names, ["organizer"] = Shape.Names,
        ["original-author"] = Shape.Names, ["performer"] = Shape.Names, ["producer"] = Shape.Names, ["recipient"] = Shape.Names,
        ["reviewed-author"] = Shape.Names, ["script-writer"] = Shape.Names, ["series-creator"] = Shape.Names,
        ["accessed"] = Shape.Date, ["available-date"] = Shape.Date, ["event-date"] = Shape.Date, ["original-date"] = Shape.Date, ["submitted"] = Shape.Date,
        ["annote"] = Shape.Text, ["archive"] = Shape.Text, ["archive_collection"] = Shape.Text, ["archive_location"] = Shape.Text,
        ["archive-place"] = Shape.Text, ["authority"] = Shape.Text, ["call-number"] = Shape.Text, ["citation-label"] = Shape.Text,
        ["container-title-short"] = Shape.Text, ["dimensions"] = Shape.Text, ["division"] = Shape.Text, ["event"] = Shape.Text,
        ["event-title"] = Shape.Text, ["event-place"] = Shape.Text, ["genre"] = Shape.Text, ["jurisdiction"] = Shape.Text, ["medium"] = Shape.Text,
        ["original-publisher"] = Shape.Text, ["original-publisher-place"] = Shape.Text, ["original-title"] = Shape.Text, ["part-title"] = Shape.Text,
        ["PMCID"] = Shape.Text, ["PMID"] = Shape.Text, ["references"] = Shape.Text, ["reviewed-genre"] = Shape.Text, ["reviewed-title"] = Shape.Text,
        ["scale"] = Shape.Text, ["section"] = Shape.Text, ["source"] = Shape.Text, ["status"] = Shape.Text, ["title-short"] = Shape.Text,
        ["version"] = Shape.Text, ["volume-title"] = Shape.Text, ["volume-title-short"] = Shape.Text, ["year-suffix"] = Shape.Text,
        ["citation-number"] = Shape.TextOrNumber, ["first-reference-note-number"] = Shape.TextOrNumber, ["issue"] = Shape.TextOrNumber,
        ["locator"] = Shape.TextOrNumber, ["number"] = Shape.TextOrNumber, ["number-of-pages"] = Shape.TextOrNumber,
        ["number-of-volumes"] = Shape.TextOrNumber, ["page-first"] = Shape.TextOrNumber, ["part"] = Shape.TextOrNumber,
        ["printing"] = Shape.TextOrNumber, ["supplement"] = Shape.TextOrNumber, ["volume"] = Shape.TextOrNumber,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NameTextParts = FrozenSet.Create(StringComparer.Ordinal, "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal");
    private static readonly FrozenSet<string> NameFlagParts = FrozenSet.Create(StringComparer.Ordinal, "comma-suffix", "static-ordering", "parse-names");

    /// <summary>Whether <paramref name="value"/> may be written as the top-level variable <paramref name="name"/> and stay schema-valid.</summary>
    public static bool CanWriteAtTopLevel(string name, JsonElement value)
    {
        if (!Unmapped.TryGetValue(name, out var shape)) return false;
        return shape switch
        {
            Shape.Text => value.ValueKind == JsonValueKind.String,
            Shape.TextOrNumber => value.ValueKind is JsonValueKind.String or JsonValueKind.Number,
            Shape.TextArray => IsArrayOf(value, static e => e.ValueKind == JsonValueKind.String),
            Shape.Names => IsArrayOf(value, IsValidName),
            _ => IsValidDate(value),
        };
    }

    /// <summary>Whether a name object holds only the parts the schema allows, with allowed value types.</summary>
    public static bool IsValidName(JsonElement name)
    {
        if (name.ValueKind != JsonValueKind.Object) return false;
        foreach (var part in name.EnumerateObject())
        {
            if (NameTextParts.Contains(part.Name))
            {
                if (part.Value.ValueKind != JsonValueKind.String) return false;
            }
            else if (NameFlagParts.Contains(part.Name))
            {
                if (part.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)) return false;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidDate(JsonElement date)
    {
        if (date.ValueKind != JsonValueKind.Object) return false;
        foreach (var member in date.EnumerateObject())
        {
            var v = member.Value;
            var ok = member.Name switch
            {
                "date-parts" => v.ValueKind == JsonValueKind.Array && v.GetArrayLength() is >= 1 and <= 2 &&
                    IsArrayOf(v, static p => p.ValueKind == JsonValueKind.Array && p.GetArrayLength() is >= 1 and <= 3 &&
                        IsArrayOf(p, static x => x.ValueKind is JsonValueKind.String or JsonValueKind.Number)),
                "season" => v.ValueKind is JsonValueKind.String or JsonValueKind.Number,
                "circa" => v.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False,
                "literal" or "raw" => v.ValueKind == JsonValueKind.String,
                _ => false,
            };
            if (!ok) return false;
        }

        return true;
    }

    private static bool IsArrayOf(JsonElement value, Func<JsonElement, bool> item)
    {
        if (value.ValueKind != JsonValueKind.Array) return false;
        foreach (var e in value.EnumerateArray())
        {
            if (!item(e)) return false;
        }

        return true;
    }
}
