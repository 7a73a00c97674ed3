using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Formats;

public static partial class ScholarlyJson
{
    /// <summary>
    /// Reads a chapter and validates it in one call: the schema (<see cref="ScholarlySchema"/>), then deserialization,
    /// then the model rules (<see cref="ChapterValidator"/>). Never throws on bad input.
    /// </summary>
    /// <param name="json">The JSON document; a leading byte order mark is skipped.</param>
    /// <param name="chapter">The chapter, or null when the schema or deserialization failed.</param>
    /// <param name="report">The schema issues, or the deserialization issue, followed by the model issues.</param>
    /// <param name="timeProvider">The clock for the year rules; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>True when a chapter was read and the report holds no error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static bool TryRead(string json, [NotNullWhen(true)] out Chapter? chapter, out ValidationReport report, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        chapter = null;
        report = ScholarlySchema.Validate(json);
        if (!report.IsValid) return false;

        try
        {
            chapter = Deserialize(json);
        }
        catch (JsonException ex)
        {
            // The schema and the deserializer agree by design; this catches what only the deserializer checks.
            var issue = DiagnosticCatalogue.CreateAt(ValidationCodes.NotAChapter, JsonPointerText.FromJsonPath(ex.Path), ex.Message);
            report = report.Merge(new ValidationReport([issue]));
            return false;
        }

        report = report.Merge(ChapterValidator.Validate(chapter, timeProvider));
        return report.IsValid;
    }
}
