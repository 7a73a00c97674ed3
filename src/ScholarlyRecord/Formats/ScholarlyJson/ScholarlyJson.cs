using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScholarlyRecord.Internal;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The library's own JSON format for a <see cref="Chapter"/>: read and write single documents and JSON Lines.
/// </summary>
/// <remarks>
/// <para>
/// Output is camelCase, opens with a <c>"$schema"</c> member naming <see cref="SchemaId"/>, omits nulls and empty lists,
/// writes identifiers as their canonical strings, partial dates as <c>"1992"</c>, <c>"1992-03"</c> or
/// <c>"1992-03-15"</c>, and money as a number with its currency code. Non-ASCII text is written as is (UTF-8), not escaped.
/// </para>
/// <para>
/// Input is strict: duplicate members, unknown members, comments, trailing commas, <see langword="null"/> where a value is
/// required, numbers where strings belong, enum values that are not names, non-finite or overflowing numbers, invalid
/// UTF-8 and lone surrogates are all rejected with a <see cref="JsonException"/> that names the JSON path, the 0-based line
/// and the byte in that line. A UTF-8 byte order mark is skipped by every entry point alike. Nesting is limited to 64 levels.
/// </para>
/// </remarks>
public static partial class ScholarlyJson
{
    /// <summary>
    /// The <c>$id</c> of the chapter JSON Schema; every document this class writes names it in its <c>"$schema"</c> member.
    /// </summary>
    public const string SchemaId = "https://scholarlyrecord.org/schemas/chapter/v1.json";

    private const string SchemaMember = "$schema";

    private static readonly JsonSerializerOptions IndentedOptions = CreateOptions(indented: true);
    private static readonly JsonSerializerOptions CompactOptions = CreateOptions(indented: false);

    private static JsonTypeInfo<Chapter> IndentedInfo { get; } = (JsonTypeInfo<Chapter>)IndentedOptions.GetTypeInfo(typeof(Chapter));

    /// <summary>The compact metadata of one part of a chapter (a note, an offer, ...), with the conventions of the whole document.</summary>
    internal static JsonTypeInfo<T> PartInfo<T>() => (JsonTypeInfo<T>)CompactOptions.GetTypeInfo(typeof(T));

    private static JsonTypeInfo<Chapter> CompactInfo { get; } = (JsonTypeInfo<Chapter>)CompactOptions.GetTypeInfo(typeof(Chapter));

    /// <summary>Serializes a chapter to indented JSON text.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <returns>The JSON document, with <c>\n</c> line endings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chapter"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The chapter holds a value JSON cannot carry, such as a <c>default</c> identifier.</exception>
    public static string Serialize(Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return JsonSerializer.Serialize(chapter, IndentedInfo);
    }

    /// <summary>Serializes a chapter to indented UTF-8 JSON bytes.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <returns>The UTF-8 bytes of the document, without a byte order mark.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chapter"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The chapter holds a value JSON cannot carry.</exception>
    public static byte[] SerializeToUtf8Bytes(Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return JsonSerializer.SerializeToUtf8Bytes(chapter, IndentedInfo);
    }

    /// <summary>Writes a chapter as compact JSON to a <see cref="Utf8JsonWriter"/>, for embedding in a larger document.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="chapter">The chapter.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The chapter holds a value JSON cannot carry.</exception>
    public static void Serialize(Utf8JsonWriter writer, Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(chapter);
        JsonSerializer.Serialize(writer, chapter, CompactInfo);
    }

    /// <summary>Serializes a chapter as indented UTF-8 JSON to a stream.</summary>
    /// <param name="utf8Json">The stream to write to; it is left open.</param>
    /// <param name="chapter">The chapter.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The chapter holds a value JSON cannot carry.</exception>
    public static void Serialize(Stream utf8Json, Chapter chapter)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(chapter);
        JsonSerializer.Serialize(utf8Json, chapter, IndentedInfo);
    }

    /// <summary>Serializes a chapter as indented UTF-8 JSON to a stream, asynchronously.</summary>
    /// <param name="utf8Json">The stream to write to; it is left open.</param>
    /// <param name="chapter">The chapter.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The chapter holds a value JSON cannot carry.</exception>
    public static Task SerializeAsync(Stream utf8Json, Chapter chapter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(chapter);
        return JsonSerializer.SerializeAsync(utf8Json, chapter, IndentedInfo, cancellationToken);
    }

    /// <summary>Reads a chapter from JSON text.</summary>
    /// <param name="json">The JSON document.</param>
    /// <returns>The chapter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a valid chapter document; the message names the path, line and byte.</exception>
    public static Chapter Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var text = json.AsSpan();
        if (!text.IsEmpty && text[0] == '\uFEFF') text = text[1..];
        if (JsonTextCheck.IndexOfLoneSurrogate(text) is var lone and >= 0)
        {
            var (line, column) = JsonTextCheck.Position(text, lone);
            throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"The text holds a lone surrogate (not valid Unicode) at line {line}, character {column}."),
                path: null, lineNumber: line - 1, bytePositionInLine: null);
        }
        try
        {
            return JsonSerializer.Deserialize(text, CompactInfo) ?? throw NullDocument();
        }
        catch (JsonException ex)
        {
            throw Located(ex, jsonLine: null);
        }
    }

    /// <summary>Reads a chapter from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The UTF-8 bytes of the document; a leading byte order mark is skipped.</param>
    /// <returns>The chapter.</returns>
    /// <exception cref="JsonException">The bytes are not a valid chapter document; the message names the path, line and byte.</exception>
    public static Chapter Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8)) utf8Json = utf8Json[3..];
        try
        {
            return JsonSerializer.Deserialize(utf8Json, CompactInfo) ?? throw NullDocument();
        }
        catch (JsonException ex)
        {
            throw Located(ex, jsonLine: null);
        }
    }

    /// <summary>Reads a chapter from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream; a leading byte order mark is skipped. It is left open.</param>
    /// <returns>The chapter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The stream does not hold a valid chapter document; the message names the path, line and byte.</exception>
    public static Chapter Deserialize(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        try
        {
            return JsonSerializer.Deserialize(utf8Json, CompactInfo) ?? throw NullDocument();
        }
        catch (JsonException ex)
        {
            throw Located(ex, jsonLine: null);
        }
    }

    /// <summary>Reads a chapter from a stream of UTF-8 JSON, asynchronously.</summary>
    /// <param name="utf8Json">The stream; a leading byte order mark is skipped. It is left open.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The chapter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The stream does not hold a valid chapter document; the message names the path, line and byte.</exception>
    public static ValueTask<Chapter> DeserializeAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return DeserializeCoreAsync(utf8Json, cancellationToken);
    }

    private static async ValueTask<Chapter> DeserializeCoreAsync(Stream utf8Json, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(utf8Json, CompactInfo, cancellationToken).ConfigureAwait(false) ?? throw NullDocument();
        }
        catch (JsonException ex)
        {
            throw Located(ex, jsonLine: null);
        }
    }

    private static JsonException NullDocument() => new("Expected a chapter object, found null.", "$", 0, 0);

    /// <summary>
    /// Rewrites a serializer exception so that its message starts with the place: the JSON path, the line and the byte.
    /// For JSON Lines, <paramref name="jsonLine"/> is the 1-based line of the file, which becomes the exception's line.
    /// </summary>
    private static JsonException Located(JsonException ex, long? jsonLine)
    {
        var path = ex.Path ?? "$";
        var line = jsonLine is { } l ? l - 1 : ex.LineNumber ?? 0;
        var bytePosition = ex.BytePositionInLine ?? 0;
        var reason = StripLocationSuffix(ex.Message);
        var message = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{path}: {reason} (line {line + 1}, byte {bytePosition + 1})");
        return new JsonException(message, path, line, bytePosition, ex);
    }

    // The serializer appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 3." to its own messages; we state the place once, up front.
    private static string StripLocationSuffix(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static void SetConverter(JsonTypeInfo typeInfo, string jsonName, JsonConverter converter)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (string.Equals(property.Name, jsonName, StringComparison.Ordinal))
            {
                property.CustomConverter = converter;
                return;
            }
        }
        throw new InvalidOperationException($"{typeInfo.Type.Name} has no JSON member {jsonName}.");
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(ScholarlyJsonContext.Default.Options)
        {
            WriteIndented = indented,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = ScholarlyJsonContext.Default.WithAddedModifier(ApplyConventions),
        };
        options.Converters.Add(new JsonStringEnumConverter<ContributorRole>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<PublicationMedium>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<OfferKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new StrictStringConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The conventions the attributes cannot express: empty lists are left out, and a chapter opens with "$schema".</summary>
    private static void ApplyConventions(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object) return;

        foreach (var property in typeInfo.Properties)
        {
            var type = property.PropertyType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                property.ShouldSerialize = static (_, value) => value is not IValueList { Count: 0 };
            }
        }

        if (typeInfo.Type == typeof(Money))
        {
            SetConverter(typeInfo, "amount", MemberConverters.NonNegativeAmount);
            SetConverter(typeInfo, "currency", MemberConverters.CurrencyCode);
        }

        if (typeInfo.Type == typeof(Chapter))
        {
            SetConverter(typeInfo, "title", MemberConverters.NonEmptyText);

            // Built with the same metadata API the source generator uses, so it stays trim- and AOT-safe.
            var schema = JsonMetadataServices.CreatePropertyInfo(typeInfo.Options, new JsonPropertyInfoValues<string>
            {
                IsProperty = true,
                IsPublic = true,
                DeclaringType = typeof(Chapter),
                PropertyName = SchemaMember,
                JsonPropertyName = SchemaMember,
                Getter = static _ => SchemaId,
                Setter = static (_, value) =>
                {
                    if (!string.Equals(value, SchemaId, StringComparison.Ordinal))
                    {
                        throw new JsonException($"Expected \"$schema\" to be \"{SchemaId}\", found \"{value}\".");
                    }
                },
            });
            schema.Order = int.MinValue;
            typeInfo.Properties.Insert(0, schema);
        }
    }
}
