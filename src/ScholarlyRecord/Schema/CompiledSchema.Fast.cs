using System.Text;
using System.Text.Json;

namespace ScholarlyRecord.Validation;

/// <summary>
/// The single-pass check: one <see cref="Utf8JsonReader"/> walk over the raw bytes that does the preflight's work (syntax,
/// UTF-8, depth, duplicate members, lone surrogate escapes) and the schema's at once, with no document and no strings
/// except the values a format reads. It only ever answers "certainly valid": whenever it is unsure (an escaped member
/// name, an object it cannot check for duplicates cheaply) or finds a problem, the caller runs the full path, which
/// finds and words every issue. So the fast check decides the speed of valid records and never the diagnostics.
/// </summary>
internal sealed partial class CompiledSchema
{
    private static readonly JsonReaderOptions FastReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = JsonPreflight.MaxDepth,
    };

    private readonly FastNode _fastRoot;

    /// <summary>
    /// True only when <paramref name="utf8"/> (no byte order mark) passes both <see cref="JsonPreflight"/> and the
    /// schema; false when it does not, or when this pass cannot tell.
    /// </summary>
    public bool IsCertainlyValid(ReadOnlySpan<byte> utf8)
    {
        // The reader checks UTF-8 inside strings and rejects any other non-ASCII byte as bad syntax; this vectorised
        // pass is kept anyway so that the verdict never rests on that detail of the reader.
        if (!System.Text.Unicode.Utf8.IsValid(utf8)) return false;
        var reader = new Utf8JsonReader(utf8, FastReaderOptions);
        try
        {
            if (!reader.Read() || !Value(ref reader, _fastRoot)) return false;
            // Anything but white space after the root makes the reader throw.
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // GetString on an escape of a lone surrogate.
            return false;
        }
    }

    private static bool Value(ref Utf8JsonReader reader, FastNode? node)
    {
        var hops = 0;
        while (node?.Ref is { } target)
        {
            node = target;
            if (++hops > 64) return false;
        }
        if (node is not null && (node.Refuses || !Asserts(ref reader, node))) return false;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return node is not null && Members(ref reader, node);
            case JsonTokenType.StartArray:
                var items = node?.Items;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!Value(ref reader, items)) return false;
                }
                return true;
            case JsonTokenType.String:
                // A \u escape may spell a lone surrogate, which is not text: decoding it throws (caught above).
                if (reader.ValueIsEscaped && reader.ValueSpan.IndexOf("\\u"u8) >= 0) _ = reader.GetString();
                return true;
            default:
                return true;
        }
    }

    // An object under a node with listed members: each member named once, each known (or allowed), each value valid,
    // every required member present. A member the node does not list would need a name set for the duplicate check:
    // the pass gives up on it instead, as it does on escaped names.
    private static bool Members(ref Utf8JsonReader reader, FastNode node)
    {
        var names = node.Names;
        ulong seen = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject) return (seen & node.RequiredMask) == node.RequiredMask;
            if (reader.ValueIsEscaped) return false;
            var name = reader.ValueSpan;
            var index = -1;
            for (var i = 0; i < names.Length; i++)
            {
                if (name.SequenceEqual(names[i]))
                {
                    index = i;
                    break;
                }
            }
            if (index < 0) return false;
            var bit = 1UL << index;
            if ((seen & bit) != 0) return false;
            seen |= bit;
            if (!reader.Read() || !Value(ref reader, node.Children[index])) return false;
        }
        return false;
    }

    private static bool Asserts(ref Utf8JsonReader reader, FastNode node)
    {
        var token = reader.TokenType;
        if (node.HasType && (node.Types & KindOf(ref reader)) == 0) return false;
        if (node.Allowed is { } allowed)
        {
            if (token != JsonTokenType.String || reader.ValueIsEscaped) return false;
            var found = false;
            foreach (var value in allowed)
            {
                if (reader.ValueSpan.SequenceEqual(value))
                {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        switch (token)
        {
            case JsonTokenType.String:
                if (node.NonEmpty && reader.ValueSpan.IsEmpty) return false;
                if (node.Format is { } format && format(reader.GetString() ?? "") is not null) return false;
                return true;
            case JsonTokenType.Number:
                if (node.Minimum is { } minimum && Compare(ref reader, minimum) < 0) return false;
                if (node.Maximum is { } maximum && Compare(ref reader, maximum) > 0) return false;
                return true;
            default:
                return true;
        }
    }

    // As JsonNumberText.Compare(JsonElement, JsonElement?): as longs when both are, else as exact decimals.
    private static int Compare(ref Utf8JsonReader reader, Bound bound)
    {
        if (bound.Whole is { } whole && reader.TryGetInt64(out var value)) return value.CompareTo(whole);
        return JsonNumberText.Compare(reader.ValueSpan, bound.Text);
    }

    // As KindOf(JsonElement) and JsonNumberText.IsWholeAsDouble.
    private static JsonKinds KindOf(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: return JsonKinds.Object;
            case JsonTokenType.StartArray: return JsonKinds.Array;
            case JsonTokenType.String: return JsonKinds.String;
            case JsonTokenType.True or JsonTokenType.False: return JsonKinds.Boolean;
            case JsonTokenType.Null: return JsonKinds.Null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out _)) return JsonKinds.Number | JsonKinds.Integer;
                if (!reader.TryGetDouble(out var number)) return JsonKinds.Number | JsonKinds.Integer;
                return double.IsInfinity(number) || Math.Floor(number) == number ? JsonKinds.Number | JsonKinds.Integer : JsonKinds.Number;
            default:
                return JsonKinds.None;
        }
    }

    private sealed record Bound(long? Whole, byte[] Text);

    /// <summary>A <see cref="Node"/> in the form the single pass reads: names as UTF-8, required members as a bit mask.</summary>
    private sealed class FastNode
    {
        /// <summary>True when the pass cannot decide here (a rejected member, or a form it does not handle).</summary>
        public bool Refuses { get; private set; }

        public FastNode? Ref { get; private set; }

        public bool HasType { get; private set; }

        public JsonKinds Types { get; private set; }

        /// <summary>The enum's or the const's values, all strings, as UTF-8.</summary>
        public byte[][]? Allowed { get; private set; }

        public bool NonEmpty { get; private set; }

        public Bound? Minimum { get; private set; }

        public Bound? Maximum { get; private set; }

        public Func<string, string?>? Format { get; private set; }

        public byte[][] Names { get; private set; } = [];

        public FastNode?[] Children { get; private set; } = [];

        public ulong RequiredMask { get; private set; }

        public FastNode? Items { get; private set; }

        public static FastNode Build(Node root) => Build(root, new Dictionary<Node, FastNode>(ReferenceEqualityComparer.Instance));

        private static FastNode Build(Node node, Dictionary<Node, FastNode> built)
        {
            if (built.TryGetValue(node, out var done)) return done;
            var fast = new FastNode();
            built.Add(node, fast);
            if (node.Rejects)
            {
                fast.Refuses = true;
                return fast;
            }
            if (node.Ref is { } target)
            {
                if (target.Resolved is null) fast.Refuses = true;
                else fast.Ref = Build(target.Resolved, built);
                return fast;
            }
            foreach (var assertion in node.Assertions)
            {
                switch (assertion)
                {
                    case "type":
                        fast.HasType = true;
                        fast.Types = node.Types;
                        break;
                    case "enum":
                        fast.Allowed = Strings(node.Enum!);
                        if (fast.Allowed is null) fast.Refuses = true;
                        break;
                    case "const":
                        var only = Strings([node.Const]);
                        if (only is null || fast.Allowed is not null) fast.Refuses = true;
                        else fast.Allowed = only;
                        break;
                    case "minLength":
                        fast.NonEmpty = node.MinLength == 1;
                        break;
                    case "minimum":
                        fast.Minimum = BoundOf(node.Minimum!.Value);
                        break;
                    case "maximum":
                        fast.Maximum = BoundOf(node.Maximum!.Value);
                        break;
                    case "format":
                        fast.Format = node.Format;
                        break;
                    case "required":
                        break;
                    default:
                        fast.Refuses = true;
                        break;
                }
            }
            var properties = node.Properties ?? [];
            if (properties.Length > 64)
            {
                fast.Refuses = true;
                return fast;
            }
            fast.Names = [.. properties.Select(p => p.Utf8Name)];
            fast.Children = new FastNode?[properties.Length];
            for (var i = 0; i < properties.Length; i++) fast.Children[i] = Build(properties[i].Node, built);
            foreach (var name in node.Required ?? [])
            {
                var index = Array.FindIndex(properties, p => p.Name == name);
                if (index < 0) fast.Refuses = true;
                else fast.RequiredMask |= 1UL << index;
            }
            // A member not listed is refused (see Members) whether additionalProperties allows it or not: with it
            // allowed, its duplicate check is left to the full path; an object under a node listing none is left whole.
            if (node.Items is { } items) fast.Items = Build(items, built);
            return fast;
        }

        private static byte[][]? Strings(JsonElement[] values)
        {
            var bytes = new byte[values.Length][];
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i].ValueKind != JsonValueKind.String) return null;
                bytes[i] = Encoding.UTF8.GetBytes(values[i].GetString()!);
            }
            return bytes;
        }

        private static Bound BoundOf(JsonElement number) =>
            new(number.TryGetInt64(out var whole) ? whole : null, Encoding.UTF8.GetBytes(number.GetRawText()));
    }
}
