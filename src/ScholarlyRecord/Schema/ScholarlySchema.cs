using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace ScholarlyRecord.Validation;

/// <summary>
/// The published JSON Schema of a chapter document (JSON Schema draft 2020-12, <c>$id</c>
/// <see cref="Formats.ScholarlyJson.SchemaId"/>) and a validator of raw JSON against it.
/// </summary>
/// <remarks>
/// <para>
/// The schema describes exactly what <see cref="Formats.ScholarlyJson"/> writes: camelCase members, identifiers and partial
/// dates as strings with the custom formats <c>doi</c>, <c>isbn</c>, <c>issn</c>, <c>orcid</c>, <c>partial-date</c> and
/// <c>currency</c>, no unknown members at any depth. The formats are checked (check digits, calendar, ISO 4217), with the
/// library's own parsers, so a format failure says what is wrong (<c>ISBN check digit is 7, expected 8</c>).
/// </para>
/// <para>
/// Validation never throws on bad input. Text that is not JSON, not UTF-8, escapes a lone surrogate, repeats a member or
/// nests deeper than 64 levels gives one issue (<c>SR0001</c> or <c>SR0002</c>) whose message names the 1-based line
/// and byte. Otherwise every schema violation is listed with the JSON Pointer of the offending value. The schema is
/// built once, on first use, and is safe to use from several threads.
/// </para>
/// </remarks>
public static class ScholarlySchema
{
    private const string ResourceName = "ScholarlyRecord.Schema.chapter.schema.json";

    private static readonly Lazy<string> SchemaText = new(LoadText);
    private static readonly Lazy<SchemaEvaluator> Built = new(Build);

    /// <summary>The text of the schema (also shipped in the package as <c>schemas/chapter.schema.json</c>).</summary>
    public static string Text => SchemaText.Value;

    /// <summary>Validates a JSON document held in a string.</summary>
    /// <param name="json">The document; a leading byte order mark is skipped.</param>
    /// <returns>Every problem found; empty when the document matches the schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static ValidationReport Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problem = JsonPreflight.Transcode(json, out var utf8);
        return problem is not null ? new ValidationReport([problem]) : ValidateUtf8(utf8);
    }

    /// <summary>Validates a JSON document given as UTF-8 bytes.</summary>
    /// <param name="utf8Json">The bytes; a leading byte order mark is skipped.</param>
    /// <returns>Every problem found; empty when the document matches the schema.</returns>
    public static ValidationReport Validate(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8)) utf8Json = utf8Json[3..];
        return ValidateUtf8(utf8Json);
    }

    // A valid document takes one reader pass (CompiledSchema.IsCertainlyValid); any other goes through the preflight
    // and the full evaluation, which word every issue.
    private static ValidationReport ValidateUtf8(ReadOnlySpan<byte> utf8)
    {
        var built = Built.Value;
        if (built.IsCertainlyValid(utf8)) return ValidationReport.Empty;
        var problem = JsonPreflight.Check(utf8);
        return problem is not null ? new ValidationReport([problem]) : built.Evaluate(utf8);
    }

    /// <summary>Validates an element already parsed, typically the root of a <see cref="JsonDocument"/>.</summary>
    /// <param name="element">The element.</param>
    /// <returns>Every problem found; empty when the element matches the schema.</returns>
    /// <remarks>
    /// <see cref="JsonDocument"/> keeps duplicate members, invalid UTF-8 and lone surrogates unless told otherwise; they are
    /// reported here as for raw text (positions then count from the start of the element's own text).
    /// </remarks>
    public static ValidationReport Validate(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            return new ValidationReport([JsonPreflight.Malformed("The element holds no value", 0, 0)]);
        }

        string raw;
        try
        {
            raw = element.GetRawText();
        }
        catch (InvalidOperationException ex)
        {
            return new ValidationReport([JsonPreflight.Malformed("The element's text is not valid UTF-8: " + ex.Message, 0, 0)]);
        }
        return Validate(raw);
    }

    /// <summary>
    /// Validates through JsonSchema.Net alone, never the compiled path: the reference the differential tests and the
    /// benchmarks compare the compiled path with.
    /// </summary>
    internal static ValidationReport ValidateWithJsonSchemaNet(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8)) utf8Json = utf8Json[3..];
        var problem = JsonPreflight.Check(utf8Json);
        return problem is not null ? new ValidationReport([problem]) : Built.Value.EvaluateWithJsonSchemaNet(utf8Json);
    }

    /// <summary>The single reader pass alone (see <see cref="CompiledSchema.IsCertainlyValid"/>), for the differential tests.</summary>
    internal static bool IsCertainlyValid(ReadOnlySpan<byte> utf8Json) => Built.Value.IsCertainlyValid(utf8Json);

    /// <summary>True when the embedded schema compiled, so <see cref="Validate(ReadOnlySpan{byte})"/> takes the fast path.</summary>
    internal static bool UsesCompiledPath => Built.Value.IsCompiled;

    private static string LoadText()
    {
        using var stream = typeof(ScholarlySchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static SchemaEvaluator Build() => SchemaEvaluator.Create(SchemaText.Value);

    /// <summary>The checks behind the six custom formats: null for a valid value, else what is wrong with it.</summary>
    internal static IReadOnlyDictionary<string, Func<string, string?>> FormatChecks { get; } = new Dictionary<string, Func<string, string?>>(StringComparer.Ordinal)
    {
        ["doi"] = s => Doi.Validate(s)?.Message,
        ["isbn"] = s => Isbn.Validate(s)?.Message,
        ["issn"] = s => Issn.Validate(s)?.Message,
        ["orcid"] = s => Orcid.Validate(s)?.Message,
        ["partial-date"] = s => PartialDate.Validate(s)?.Message,
        ["currency"] = s => CurrencyCodes.IsActive(s) ? null : CurrencyCodes.Describe(s),
    };
}

/// <summary>
/// One schema made ready to validate: compiled into <see cref="CompiledSchema"/> when it uses only the keywords the
/// compiler knows, else evaluated by JsonSchema.Net. Both report through <see cref="SchemaIssueMapper"/>.
/// </summary>
internal sealed class SchemaEvaluator
{
    private readonly JsonSchema _schema;
    private readonly EvaluationOptions _options;
    private readonly JsonElement _schemaRoot;
    private readonly CompiledSchema? _compiled;

    private SchemaEvaluator(JsonSchema schema, EvaluationOptions options, JsonElement schemaRoot, CompiledSchema? compiled)
    {
        _schema = schema;
        _options = options;
        _schemaRoot = schemaRoot;
        _compiled = compiled;
    }

    /// <summary>True when the schema compiled; false when JsonSchema.Net evaluates it.</summary>
    public bool IsCompiled => _compiled is not null;

    /// <summary>Prepares <paramref name="schemaText"/> with the library's six formats.</summary>
    public static SchemaEvaluator Create(string schemaText)
    {
        // Local registries: nothing is added to JsonSchema.Net's global state, so an application's own schemas and
        // formats named "doi" or "isbn" are left alone.
        var formats = new FormatRegistry();
        foreach (var (key, explain) in ScholarlySchema.FormatChecks) formats.Register(TextFormat(key, explain));

        var schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var document = JsonDocument.Parse(schemaText);
        var root = document.RootElement.Clone();
        var options = new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
            FormatRegistry = formats,
            Culture = CultureInfo.InvariantCulture,
        };
        return new SchemaEvaluator(schema, options, root, CompiledSchema.TryCompile(root, ScholarlySchema.FormatChecks));
    }

    /// <summary>
    /// True only when <paramref name="utf8"/> certainly passes <see cref="JsonPreflight"/> and the schema, decided in one
    /// reader pass by the compiled path; false when it does not or the pass cannot tell (or there is no compiled path).
    /// </summary>
    public bool IsCertainlyValid(ReadOnlySpan<byte> utf8) => _compiled is not null && _compiled.IsCertainlyValid(utf8);

    /// <summary>Validates text that passed <see cref="JsonPreflight"/>, by the compiled path when there is one.</summary>
    public ValidationReport Evaluate(ReadOnlySpan<byte> utf8) =>
        _compiled is null ? EvaluateWithJsonSchemaNet(utf8) : Run(utf8, root =>
        {
            if (_compiled.IsValid(root)) return ValidationReport.Empty;
            var issues = new List<Diagnostic>();
            _compiled.Collect(root, issues);
            return new ValidationReport(issues);
        });

    /// <summary>Validates text that passed <see cref="JsonPreflight"/> with JsonSchema.Net.</summary>
    public ValidationReport EvaluateWithJsonSchemaNet(ReadOnlySpan<byte> utf8) => Run(utf8, root =>
    {
        var results = _schema.Evaluate(root, _options);
        return results.IsValid ? ValidationReport.Empty : new ValidationReport(SchemaIssueMapper.Map(results, root, _schemaRoot));
    });

    private static ValidationReport Run(ReadOnlySpan<byte> utf8, Func<JsonElement, ValidationReport> evaluate)
    {
        // The document reads a pooled copy of the bytes; it is disposed before the copy goes back to the pool, and the
        // report holds strings only.
        var copy = ArrayPool<byte>.Shared.Rent(utf8.Length);
        try
        {
            utf8.CopyTo(copy);
            using var document = JsonDocument.Parse(copy.AsMemory(0, utf8.Length), new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = JsonPreflight.MaxDepth });
            return evaluate(document.RootElement);
        }
        catch (JsonException ex)
        {
            return new ValidationReport([JsonPreflight.Malformed(ex.Message, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0)]);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonSchemaException)
        {
            return new ValidationReport([DiagnosticCatalogue.CreateAt(ValidationCodes.EvaluationFailed, "", "The document could not be evaluated: " + ex.Message)]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>A format over strings; <paramref name="explain"/> returns null for a valid value, else the reason.</summary>
    private static PredicateFormat TextFormat(string key, Func<string, string?> explain) =>
        new(key, (JsonElement element, out string? message) =>
        {
            message = null;
            if (element.ValueKind != JsonValueKind.String) return true;
            message = explain(element.GetString() ?? "");
            return message is null;
        });
}
