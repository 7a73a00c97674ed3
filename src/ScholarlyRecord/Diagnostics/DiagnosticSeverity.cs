using System.Text.Json.Serialization;

namespace ScholarlyRecord;

/// <summary>How serious a <see cref="Diagnostic"/> is. The values are ordered: <c>Info &lt; Warning &lt; Error</c>.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing, nothing lost: for example a record skipped because it is not a chapter.</summary>
    [JsonStringEnumMemberName("info")]
    Info = 0,

    /// <summary>Something was repaired, guessed or kept as written; the data may not be what the writer meant.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning = 1,

    /// <summary>Something is broken: a record could not be read whole or at all, or a chapter breaks a rule.</summary>
    [JsonStringEnumMemberName("error")]
    Error = 2,
}
