using System.Globalization;
using System.Text;

namespace ScholarlyRecord.Validation;

/// <summary>
/// Checks a <see cref="Chapter"/> for what a schema cannot see: clean text, plausible years, consistent identifiers,
/// page order, prices, note numbering, URLs and contributors. Codes SR1001 and up; see docs/validation-rules.md.
/// </summary>
/// <remarks>
/// Paths are JSON Pointers into the chapter's <see cref="Formats.ScholarlyJson"/> document, the same pointers
/// <see cref="ScholarlySchema"/> reports. The rules never throw on any chapter the model can hold.
/// </remarks>
public static class ChapterValidator
{
    /// <summary>The earliest plausible year (printing with movable type in Europe).</summary>
    public const int EarliestYear = 1450;

    /// <summary>Validates a chapter.</summary>
    /// <param name="chapter">The chapter.</param>
    /// <param name="timeProvider">The clock that decides "next year" for the year rules; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>Every issue found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chapter"/> is <see langword="null"/>.</exception>
    public static ValidationReport Validate(Chapter chapter, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        var latestYear = (timeProvider ?? TimeProvider.System).GetUtcNow().Year + 1;
        var rules = new ChapterRules(latestYear);
        rules.Run(chapter);
        return new ValidationReport(rules.Issues);
    }
}
