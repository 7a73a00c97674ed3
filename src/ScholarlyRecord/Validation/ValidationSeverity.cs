using System.Text.Json.Serialization;

namespace ScholarlyRecord.Validation;

/// <summary>How serious a <see cref="ValidationIssue"/> is.</summary>
public enum ValidationSeverity
{
    /// <summary>The record is wrong: the document does not match the schema, or a value contradicts another.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>The record is usable but probably incomplete or inconsistent; a person should look at it.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>Worth knowing, not a fault (for example a copyright year that differs from the publication year).</summary>
    [JsonStringEnumMemberName("info")]
    Info,
}
