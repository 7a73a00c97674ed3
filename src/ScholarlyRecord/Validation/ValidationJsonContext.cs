using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScholarlyRecord.Validation;

/// <summary>The JSON shape of a <see cref="ValidationReport"/>.</summary>
internal sealed record ValidationReportDocument(bool IsValid, int Errors, int Warnings, int Infos, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>The source-generated context that writes validation reports (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ValidationReportDocument))]
internal sealed partial class ValidationJsonContext : JsonSerializerContext
{
    /// <summary>The context writing compact output without escaping non-ASCII text.</summary>
    internal static ValidationJsonContext Compact { get; } = new(CreateOptions(indented: false));

    /// <summary>The context writing indented output without escaping non-ASCII text.</summary>
    internal static ValidationJsonContext Indented { get; } = new(CreateOptions(indented: true));

    private static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
