using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace ScholarlyRecord.Validation;

/// <summary>
/// Turns failed schema keywords into <see cref="Diagnostic"/>s: one per failed keyword, with a stable code, the
/// instance pointer, and a message built from the schema and the value (not the evaluator's generic text). Both
/// validators feed it the same <see cref="SchemaFact"/>s: JsonSchema.Net's list output through <see cref="Map"/>, the
/// compiled validator (<see cref="CompiledSchema"/>) directly.
/// </summary>
internal static class SchemaIssueMapper
{
    /// <summary>The keyword name a fact carries for a member that <c>additionalProperties: false</c> rejects.</summary>
    public const string AdditionalProperties = "additionalProperties";

    public static List<Diagnostic> Map(EvaluationResults results, JsonElement instance, JsonElement schemaRoot)
    {
        var issues = new List<Diagnostic>();
        var seen = new HashSet<(string, string, string)>();
        Add(results);
        if (results.Details is { } details)
        {
            foreach (var node in details) Add(node);
        }
        return issues;

        void Add(EvaluationResults node)
        {
            if (node.Errors is null) return;
            var pointer = node.InstanceLocation.ToString();
            var evaluationPath = node.EvaluationPath.ToString();
            foreach (var (keyword, message) in node.Errors)
            {
                if (!seen.Add((pointer, evaluationPath, keyword))) continue;
                Describe(ToFact(keyword, message, pointer, evaluationPath, SchemaFragment(node), instance, schemaRoot), issues);
            }
        }
    }

    private static string SchemaFragment(EvaluationResults node)
    {
        var fragment = node.SchemaLocation.Fragment;
        return fragment.Length <= 1 ? "" : Uri.UnescapeDataString(fragment[1..]);
    }

    // Turns one evaluator error into the facts both validators share: which keyword, where in the instance, the value
    // there, the subschema that holds the keyword (for a rejected member: the subschema that owns "properties").
    private static SchemaFact ToFact(
        string keyword, string evaluatorMessage, string pointer, string evaluationPath, string schemaFragment, JsonElement instance, JsonElement schemaRoot)
    {
        JsonPointerText.TryResolve(instance, pointer, out var value);
        if (keyword.Length == 0 && evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal))
        {
            var owner = schemaFragment.IndexOf("/additionalProperties", StringComparison.Ordinal);
            if (owner < 0) owner = schemaFragment.StartsWith("additionalProperties", StringComparison.Ordinal) ? 0 : schemaFragment.Length;
            JsonPointerText.TryResolve(schemaRoot, schemaFragment[..owner], out var ownerSchema);
            return new SchemaFact(AdditionalProperties, pointer, value, ownerSchema, evaluatorMessage);
        }
        JsonPointerText.TryResolve(schemaRoot, schemaFragment, out var subschema);
        return new SchemaFact(keyword, pointer, value, subschema, evaluatorMessage);
    }

    /// <summary>Adds the diagnostics for one failed keyword to <paramref name="issues"/>.</summary>
    public static void Describe(in SchemaFact fact, List<Diagnostic> issues)
    {
        var pointer = fact.Pointer;
        var value = fact.Value;
        var subschema = fact.Subschema;
        var keyword = fact.Keyword;
        var shown = pointer.Length == 0 ? "/" : pointer;

        switch (keyword)
        {
            case AdditionalProperties:
            {
                var slash = pointer.LastIndexOf('/');
                var name = pointer[(slash + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                var parent = slash <= 0 ? "the chapter" : pointer[..slash];
                issues.Add(Issue(ValidationCodes.UnknownMember, pointer, $"Unknown member \"{name}\" in {parent}{Allowed(subschema)}"));
                break;
            }
            case "required":
                var any = false;
                if (value.ValueKind == JsonValueKind.Object && Keyword(subschema, "required") is { ValueKind: JsonValueKind.Array } required)
                {
                    foreach (var member in required.EnumerateArray())
                    {
                        var name = member.GetString() ?? "";
                        if (value.TryGetProperty(name, out _)) continue;
                        any = true;
                        issues.Add(Issue(ValidationCodes.MissingMember, JsonPointerText.Append(pointer, name), $"The member \"{name}\" is required in {shown}"));
                    }
                }
                if (!any) issues.Add(Issue(ValidationCodes.MissingMember, pointer, fact.Detail));
                break;
            case "type":
                issues.Add(Issue(ValidationCodes.WrongType, pointer, $"Expected {Expected(Keyword(subschema, "type"))} at {shown}, found {Found(value)}"));
                break;
            case "enum":
                issues.Add(Issue(ValidationCodes.NotAllowed, pointer, $"{Found(value)} is not allowed at {shown}; expected one of {List(Keyword(subschema, "enum"))}"));
                break;
            case "const":
                issues.Add(Issue(ValidationCodes.NotAllowed, pointer, $"{Found(value)} is not allowed at {shown}; expected {Keyword(subschema, "const")?.GetRawText()}"));
                break;
            case "minLength" when value.ValueKind == JsonValueKind.String && value.GetString()?.Length == 0:
                issues.Add(Issue(ValidationCodes.OutOfRange, pointer, $"The text at {shown} must not be empty"));
                break;
            case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "minLength" or "maxLength" or "minItems" or "maxItems":
                issues.Add(Issue(ValidationCodes.OutOfRange, pointer, $"{Found(value)} at {shown} is out of range: {keyword} is {Keyword(subschema, keyword)?.GetRawText()}"));
                break;
            case "format":
                var format = Keyword(subschema, "format")?.GetString() ?? "";
                issues.Add(Issue(FormatCode(format), pointer, $"{FormatMessage(fact.Detail, format)} (at {shown})"));
                break;
            default:
                issues.Add(Issue(ValidationCodes.Other, pointer, fact.Detail));
                break;
        }
    }

    private static Diagnostic Issue(string code, string pointer, string message) => DiagnosticCatalogue.CreateAt(code, pointer, message);

    private static string FormatCode(string format) => format switch
    {
        "doi" => ValidationCodes.InvalidDoi,
        "isbn" => ValidationCodes.InvalidIsbn,
        "issn" => ValidationCodes.InvalidIssn,
        "orcid" => ValidationCodes.InvalidOrcid,
        "partial-date" => ValidationCodes.InvalidDate,
        "currency" => ValidationCodes.InvalidCurrency,
        _ => ValidationCodes.Other,
    };

    // The evaluator wraps a format's own message ("Value does not match format "isbn": <detail>"); keep the detail.
    private static string FormatMessage(string evaluatorMessage, string format)
    {
        var marker = evaluatorMessage.IndexOf("\": ", StringComparison.Ordinal);
        return marker >= 0 && evaluatorMessage.Contains(format, StringComparison.Ordinal) ? evaluatorMessage[(marker + 3)..] : evaluatorMessage;
    }

    private static JsonElement? Keyword(JsonElement subschema, string name) =>
        subschema.ValueKind == JsonValueKind.Object && subschema.TryGetProperty(name, out var value) ? value : null;

    // For an unknown member, list the members the enclosing object allows (from the subschema that owns "properties").
    private static string Allowed(JsonElement subschema)
    {
        if (Keyword(subschema, "properties") is not { ValueKind: JsonValueKind.Object } properties) return "";
        var names = new StringBuilder();
        foreach (var property in properties.EnumerateObject())
        {
            if (names.Length > 0) names.Append(", ");
            names.Append(property.Name);
        }
        return "; allowed: " + names;
    }

    private static string Expected(JsonElement? type) => type?.ValueKind switch
    {
        JsonValueKind.String => Article(type.Value.GetString() ?? ""),
        JsonValueKind.Array => string.Join(" or ", type.Value.EnumerateArray().Select(t => Article(t.GetString() ?? ""))),
        _ => "another type",
    };

    private static string Article(string type) => type switch
    {
        "object" or "array" or "integer" => "an " + type,
        _ => "a " + type,
    };

    private static string Found(JsonElement value)
    {
        var raw = value.ValueKind == JsonValueKind.Undefined ? "nothing" : value.GetRawText();
        if (raw.Length > 60) raw = raw[..57] + "...";
        return value.ValueKind switch
        {
            JsonValueKind.String => raw,
            JsonValueKind.Number => string.Create(CultureInfo.InvariantCulture, $"the number {raw}"),
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => raw,
        };
    }

    private static string List(JsonElement? values)
    {
        if (values is not { ValueKind: JsonValueKind.Array } array) return "the listed values";
        return string.Join(", ", array.EnumerateArray().Select(v => v.GetRawText()));
    }
}

/// <summary>One failed keyword, as both validators report it.</summary>
/// <param name="Keyword">The keyword (<see cref="SchemaIssueMapper.AdditionalProperties"/> for a rejected member).</param>
/// <param name="Pointer">The JSON Pointer of the instance value.</param>
/// <param name="Value">The instance value at <paramref name="Pointer"/>.</param>
/// <param name="Subschema">The subschema holding the keyword; for a rejected member, the one owning <c>properties</c>.</param>
/// <param name="Detail">The evaluator's own text: a format's explanation, or the fallback message.</param>
internal readonly record struct SchemaFact(string Keyword, string Pointer, JsonElement Value, JsonElement Subschema, string Detail);
