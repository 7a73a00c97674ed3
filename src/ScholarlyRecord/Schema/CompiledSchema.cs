using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ScholarlyRecord.Validation;

/// <summary>
/// A validator compiled from a JSON Schema that uses only the keywords our chapter schema uses: a tree of small checks
/// walked once over a parsed document. It reports the same facts, in the same order, as JsonSchema.Net's list output
/// (see <see cref="SchemaIssueMapper"/>), and <see cref="TryCompile"/> refuses any schema it cannot match exactly, so
/// the caller falls back to JsonSchema.Net for it.
/// </summary>
/// <remarks>
/// Order of the facts: JsonSchema.Net lists failed keywords by depth in its evaluation tree (a node for each
/// <c>$ref</c>, each property, each rejected member and each array item), nodes of one depth in evaluation order:
/// properties in the schema's order, then rejected members in the document's order, items by index. Within a node the
/// assertions come in the schema text's order. <see cref="Collect"/> walks breadth first to give that order.
/// </remarks>
internal sealed partial class CompiledSchema
{
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    // Keywords that only annotate: they never fail, so the compiler skips them.
    private static readonly HashSet<string> Annotations =
        ["title", "description", "$comment", "default", "examples", "deprecated", "readOnly", "writeOnly"];

    private readonly Node _root;

    private CompiledSchema(Node root)
    {
        _root = root;
        _fastRoot = FastNode.Build(root);
    }

    /// <summary>Compiles <paramref name="schemaRoot"/>; null when it uses anything the compiler does not know.</summary>
    /// <param name="schemaRoot">The schema document's root.</param>
    /// <param name="formats">The format checks by name: null for a valid string, else the reason.</param>
    public static CompiledSchema? TryCompile(JsonElement schemaRoot, IReadOnlyDictionary<string, Func<string, string?>> formats)
    {
        if (schemaRoot.ValueKind != JsonValueKind.Object) return null;
        if (schemaRoot.TryGetProperty("$schema", out var dialect) && !(dialect.ValueKind == JsonValueKind.String && dialect.ValueEquals(Draft202012)))
        {
            return null;
        }
        var compiler = new Compiler(schemaRoot, formats);
        var root = compiler.Compile(schemaRoot);
        return root is null || compiler.Failed ? null : new CompiledSchema(root);
    }

    /// <summary>True when <paramref name="instance"/> matches; stops at the first failure and allocates little.</summary>
    public bool IsValid(JsonElement instance) => Check(_root, instance);

    /// <summary>Adds a diagnostic for every failed keyword, in JsonSchema.Net's order.</summary>
    public void Collect(JsonElement instance, List<Diagnostic> issues)
    {
        var queue = new Queue<(Node Node, JsonElement Value, string Pointer)>();
        queue.Enqueue((_root, instance, ""));
        while (queue.TryDequeue(out var item))
        {
            var (node, value, pointer) = item;
            if (node.Rejects)
            {
                SchemaIssueMapper.Describe(new SchemaFact(SchemaIssueMapper.AdditionalProperties, pointer, value, node.Owner, ""), issues);
                continue;
            }
            foreach (var assertion in node.Assertions)
            {
                if (!Holds(node, assertion, value, out var detail))
                {
                    SchemaIssueMapper.Describe(new SchemaFact(assertion, pointer, value, node.Schema, detail ?? ""), issues);
                }
            }
            if (node.Ref is { } target)
            {
                queue.Enqueue((target.Resolved!, value, pointer));
                continue;
            }
            switch (value.ValueKind)
            {
                case JsonValueKind.Object when node.Properties is { } properties:
                    foreach (var property in properties)
                    {
                        if (value.TryGetProperty(property.Name, out var member))
                        {
                            queue.Enqueue((property.Node, member, JsonPointerText.Append(pointer, property.Name)));
                        }
                    }
                    if (node.RejectOthers)
                    {
                        foreach (var member in value.EnumerateObject())
                        {
                            if (Find(properties, member) < 0)
                            {
                                queue.Enqueue((node.RejectNode!, member.Value, JsonPointerText.Append(pointer, member.Name)));
                            }
                        }
                    }
                    break;
                case JsonValueKind.Object when node.RejectOthers:
                    foreach (var member in value.EnumerateObject())
                    {
                        queue.Enqueue((node.RejectNode!, member.Value, JsonPointerText.Append(pointer, member.Name)));
                    }
                    break;
                case JsonValueKind.Array when node.Items is { } items:
                    var index = 0;
                    foreach (var element in value.EnumerateArray())
                    {
                        queue.Enqueue((items, element, JsonPointerText.Append(pointer, index++)));
                    }
                    break;
            }
        }
    }

    private static bool Check(Node node, JsonElement value)
    {
        while (node.Ref is { } target)
        {
            foreach (var assertion in node.Assertions)
            {
                if (!Holds(node, assertion, value, out _)) return false;
            }
            node = target.Resolved!;
        }
        if (node.Rejects) return false;
        foreach (var assertion in node.Assertions)
        {
            if (!Holds(node, assertion, value, out _)) return false;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when node.Properties is not null || node.RejectOthers:
                return CheckObject(node, value);
            case JsonValueKind.Array when node.Items is { } items:
                foreach (var element in value.EnumerateArray())
                {
                    if (!Check(items, element)) return false;
                }
                return true;
            default:
                return true;
        }
    }

    private static bool CheckObject(Node node, JsonElement value)
    {
        var properties = node.Properties ?? [];
        foreach (var member in value.EnumerateObject())
        {
            var found = Find(properties, member);
            if (found < 0)
            {
                if (node.RejectOthers) return false;
                continue;
            }
            if (!Check(properties[found].Node, member.Value)) return false;
        }
        return true;
    }

    // The index of the schema property a member names, or -1. Compares the member's UTF-8 name without unescaping it
    // when it holds no escape, which is the common case.
    private static int Find(Property[] properties, JsonProperty member)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(member);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            for (var i = 0; i < properties.Length; i++)
            {
                if (raw.SequenceEqual(properties[i].Utf8Name)) return i;
            }
            return -1;
        }
        for (var i = 0; i < properties.Length; i++)
        {
            if (member.NameEquals(properties[i].Utf8Name)) return i;
        }
        return -1;
    }

    private static bool Holds(Node node, string assertion, JsonElement value, out string? detail)
    {
        detail = null;
        switch (assertion)
        {
            case "type":
                return (node.Types & KindOf(value)) != 0;
            case "enum":
                foreach (var allowed in node.Enum!)
                {
                    if (SameValue(value, allowed)) return true;
                }
                return false;
            case "const":
                return SameValue(value, node.Const);
            case "minLength":
                // Only 0 and 1 are compiled, where every way of counting characters agrees: empty or not.
                return value.ValueKind != JsonValueKind.String || node.MinLength == 0 || !value.ValueEquals(""u8);
            case "minimum":
                return value.ValueKind != JsonValueKind.Number || JsonNumberText.Compare(value, node.Minimum!) >= 0;
            case "maximum":
                return value.ValueKind != JsonValueKind.Number || JsonNumberText.Compare(value, node.Maximum!) <= 0;
            case "format":
                if (value.ValueKind != JsonValueKind.String) return true;
                detail = node.Format!(value.GetString() ?? "");
                return detail is null;
            case "required":
                if (value.ValueKind != JsonValueKind.Object) return true;
                foreach (var name in node.Required!)
                {
                    if (!value.TryGetProperty(name, out _)) return false;
                }
                return true;
            default:
                return true;
        }
    }

    private static bool SameValue(JsonElement value, JsonElement allowed)
    {
        if (allowed.ValueKind == JsonValueKind.String)
        {
            return value.ValueKind == JsonValueKind.String && value.ValueEquals(allowed.GetString());
        }
        return JsonElement.DeepEquals(value, allowed);
    }

    private static JsonKinds KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => JsonKinds.Object,
        JsonValueKind.Array => JsonKinds.Array,
        JsonValueKind.String => JsonKinds.String,
        JsonValueKind.True or JsonValueKind.False => JsonKinds.Boolean,
        JsonValueKind.Null => JsonKinds.Null,
        JsonValueKind.Number => JsonNumberText.IsWholeAsDouble(value) ? JsonKinds.Number | JsonKinds.Integer : JsonKinds.Number,
        _ => JsonKinds.None,
    };

    [Flags]
    private enum JsonKinds
    {
        None = 0,
        Object = 1,
        Array = 2,
        String = 4,
        Boolean = 8,
        Null = 16,
        Number = 32,
        Integer = 64,
    }

    private sealed record Property(string Name, byte[] Utf8Name, Node Node);

    private sealed class RefTarget
    {
        public Node? Resolved { get; set; }
    }

    private sealed class Node
    {
        public JsonElement Schema { get; init; }

        /// <summary>The false schema of a member that <c>additionalProperties: false</c> rejects.</summary>
        public bool Rejects { get; init; }

        /// <summary>For <see cref="Rejects"/>: the subschema owning <c>properties</c>.</summary>
        public JsonElement Owner { get; init; }

        public List<string> Assertions { get; } = [];

        public RefTarget? Ref { get; set; }

        public JsonKinds Types { get; set; }

        public JsonElement[]? Enum { get; set; }

        public JsonElement Const { get; set; }

        public int MinLength { get; set; }

        public JsonElement? Minimum { get; set; }

        public JsonElement? Maximum { get; set; }

        public Func<string, string?>? Format { get; set; }

        public string[]? Required { get; set; }

        public Property[]? Properties { get; set; }

        public bool RejectOthers => RejectNode is not null;

        public Node? RejectNode { get; set; }

        public Node? Items { get; set; }
    }

    private sealed class Compiler(JsonElement schemaRoot, IReadOnlyDictionary<string, Func<string, string?>> formats)
    {
        private readonly Dictionary<string, RefTarget> _targets = new(StringComparer.Ordinal);
        private readonly List<(string Pointer, RefTarget Target)> _pending = [];

        public bool Failed { get; private set; }

        public Node? Compile(JsonElement schema)
        {
            var root = CompileNode(schema, isRoot: true);
            // Resolve references after the walk, so a reference may point at a subschema compiled later or at itself.
            for (var i = 0; i < _pending.Count && !Failed; i++)
            {
                var (pointer, target) = _pending[i];
                if (!JsonPointerText.TryResolve(schemaRoot, pointer, out var referenced)) return Fail();
                target.Resolved = CompileNode(referenced, isRoot: false);
            }
            return Failed ? null : root;
        }

        private Node? Fail()
        {
            Failed = true;
            return null;
        }

        private Node? CompileNode(JsonElement schema, bool isRoot)
        {
            if (Failed || schema.ValueKind != JsonValueKind.Object) return Fail();
            var node = new Node { Schema = schema };
            var hasRef = false;
            var hasOther = false;
            foreach (var keyword in schema.EnumerateObject())
            {
                var value = keyword.Value;
                switch (keyword.Name)
                {
                    case var name when Annotations.Contains(name):
                        break;
                    case "$schema" or "$id" when isRoot:
                        break;
                    case "$defs" when value.ValueKind == JsonValueKind.Object:
                        // Compiled when referenced; an unreferenced definition cannot fail anything.
                        break;
                    case "$ref" when value.ValueKind == JsonValueKind.String && (value.GetString() ?? "").StartsWith('#'):
                        hasRef = true;
                        var pointer = Uri.UnescapeDataString(value.GetString()![1..]);
                        if (!_targets.TryGetValue(pointer, out var target))
                        {
                            target = new RefTarget();
                            _targets.Add(pointer, target);
                            _pending.Add((pointer, target));
                        }
                        node.Ref = target;
                        break;
                    case "type":
                        hasOther = true;
                        node.Types = Types(value);
                        if (node.Types == JsonKinds.None) return Fail();
                        node.Assertions.Add("type");
                        break;
                    case "enum" when value.ValueKind == JsonValueKind.Array:
                        hasOther = true;
                        node.Enum = [.. value.EnumerateArray()];
                        node.Assertions.Add("enum");
                        break;
                    case "const":
                        hasOther = true;
                        node.Const = value;
                        node.Assertions.Add("const");
                        break;
                    case "minLength" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var least) && least is 0 or 1:
                        hasOther = true;
                        node.MinLength = least;
                        node.Assertions.Add("minLength");
                        break;
                    case "minimum" when value.ValueKind == JsonValueKind.Number:
                        hasOther = true;
                        node.Minimum = value;
                        node.Assertions.Add("minimum");
                        break;
                    case "maximum" when value.ValueKind == JsonValueKind.Number:
                        hasOther = true;
                        node.Maximum = value;
                        node.Assertions.Add("maximum");
                        break;
                    case "format" when value.ValueKind == JsonValueKind.String && formats.TryGetValue(value.GetString() ?? "", out var check):
                        hasOther = true;
                        node.Format = check;
                        node.Assertions.Add("format");
                        break;
                    case "required" when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(n => n.ValueKind == JsonValueKind.String):
                        hasOther = true;
                        node.Required = [.. value.EnumerateArray().Select(n => n.GetString()!)];
                        node.Assertions.Add("required");
                        break;
                    case "properties" when value.ValueKind == JsonValueKind.Object:
                        hasOther = true;
                        var properties = new List<Property>();
                        foreach (var property in value.EnumerateObject())
                        {
                            var child = CompileNode(property.Value, isRoot: false);
                            if (child is null) return null;
                            properties.Add(new Property(property.Name, Encoding.UTF8.GetBytes(property.Name), child));
                        }
                        node.Properties = [.. properties];
                        break;
                    case "additionalProperties" when value.ValueKind == JsonValueKind.False:
                        hasOther = true;
                        node.RejectNode = new Node { Rejects = true, Owner = schema };
                        break;
                    case "additionalProperties" when value.ValueKind == JsonValueKind.True:
                        break;
                    case "items" when value.ValueKind == JsonValueKind.Object:
                        hasOther = true;
                        node.Items = CompileNode(value, isRoot: false);
                        if (node.Items is null) return null;
                        break;
                    default:
                        // A keyword (or a form of one) this compiler does not know: JsonSchema.Net takes the schema.
                        return Fail();
                }
            }
            // A reference beside assertions or applicators would need JsonSchema.Net's keyword order; not compiled.
            return hasRef && hasOther ? Fail() : node;
        }

        private static JsonKinds Types(JsonElement type)
        {
            if (type.ValueKind == JsonValueKind.String) return Kind(type.GetString());
            if (type.ValueKind != JsonValueKind.Array) return JsonKinds.None;
            var kinds = JsonKinds.None;
            foreach (var name in type.EnumerateArray())
            {
                var kind = name.ValueKind == JsonValueKind.String ? Kind(name.GetString()) : JsonKinds.None;
                if (kind == JsonKinds.None) return JsonKinds.None;
                kinds |= kind;
            }
            return kinds;
        }

        private static JsonKinds Kind(string? name) => name switch
        {
            "object" => JsonKinds.Object,
            "array" => JsonKinds.Array,
            "string" => JsonKinds.String,
            "boolean" => JsonKinds.Boolean,
            "null" => JsonKinds.Null,
            "number" => JsonKinds.Number,
            "integer" => JsonKinds.Integer,
            _ => JsonKinds.None,
        };
    }
}
