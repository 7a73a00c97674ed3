using System.Text.Json;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// One CSL-JSON item kept exactly as written: its <see cref="Id"/>, its <see cref="Type"/> and every other field as a
/// detached <see cref="JsonElement"/>. Any CSL type is kept, not only chapters; the CSL processor renders these items.
/// </summary>
public sealed class CslItem
{
    /// <summary>Creates an item from its fields.</summary>
    /// <param name="id">The item's id as text (a numeric id is written in its JSON form), or null when it has none.</param>
    /// <param name="type">The CSL type, such as <c>chapter</c>; empty when the item names none.</param>
    /// <param name="variables">The other fields by name; the values are cloned so the item owns them.</param>
    /// <param name="line">The 1-based line where the item starts, or 0.</param>
    /// <param name="column">The 1-based column where the item starts, or 0.</param>
    public CslItem(string? id, string type, IReadOnlyDictionary<string, JsonElement> variables, int line = 0, int column = 0)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(variables);
        Id = id;
        Type = type;
        var copy = new Dictionary<string, JsonElement>(variables.Count, StringComparer.Ordinal);
        foreach (var pair in variables)
        {
            copy[pair.Key] = pair.Value.Clone();
        }

        Variables = copy;
        Line = line;
        Column = column;
    }

    /// <summary>The item's id, or null when the item has none.</summary>
    public string? Id { get; }

    /// <summary>The CSL type as written (<c>chapter</c>, <c>book</c>...), or empty when absent.</summary>
    public string Type { get; }

    /// <summary>Every field except <c>id</c> and <c>type</c>, in their JSON form.</summary>
    public IReadOnlyDictionary<string, JsonElement> Variables { get; }

    /// <summary>The 1-based line where the item starts in its source, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column where the item starts in its source, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>Makes an item from a JSON object.</summary>
    /// <param name="element">A JSON object holding one CSL item.</param>
    /// <param name="line">The 1-based line of the object, or 0.</param>
    /// <param name="column">The 1-based column of the object, or 0.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentException">The element is not an object.</exception>
    public static CslItem FromJson(JsonElement element, int line = 0, int column = 0)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A CSL item must be a JSON object.", nameof(element));
        }

        string? id = null;
        var type = string.Empty;
        var variables = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            // Text a JSON parser accepts but a .NET string cannot hold (a lone surrogate escape) becomes U+FFFD here; the
            // CSL-JSON reader reports such text with its path before it gets this far.
            var name = JsonTextCheck.GetNameLossy(property);
            switch (name)
            {
                case "id":
                    id = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => JsonTextCheck.GetTextLossy(property.Value),
                        JsonValueKind.Null => null,
                        _ => property.Value.GetRawText(),
                    };
                    break;
                case "type" when property.Value.ValueKind == JsonValueKind.String:
                    type = JsonTextCheck.GetTextLossy(property.Value);
                    break;
                default:
                    variables[name] = property.Value;
                    break;
            }
        }

        return new CslItem(id, type, variables, line, column);
    }

    /// <summary>Writes the item back as a CSL-JSON object: id, type, then the fields as read.</summary>
    /// <param name="writer">The JSON writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Id is not null)
        {
            writer.WriteString("id", Id);
        }

        if (Type.Length > 0)
        {
            writer.WriteString("type", Type);
        }

        foreach (var pair in Variables)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
