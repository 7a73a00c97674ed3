using System.Text.Json.Serialization;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The one source-generated serializer context of the library: every JSON read and write goes through it,
/// so nothing depends on reflection and the package stays trim- and AOT-safe.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    MaxDepth = ScholarlyJson.MaxSerializerDepth)]
[JsonSerializable(typeof(Chapter))]
internal sealed partial class ScholarlyJsonContext : JsonSerializerContext;
