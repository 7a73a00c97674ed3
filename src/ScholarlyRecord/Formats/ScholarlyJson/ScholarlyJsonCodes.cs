namespace ScholarlyRecord.Formats;

/// <summary>
/// The stable diagnostic codes of the library's own JSON and JSON Lines. Each is in
/// <see cref="DiagnosticCatalogue"/> and docs/diagnostics.md.
/// </summary>
public static class ScholarlyJsonCodes
{
    /// <summary>A JSON document is not a chapter in the library's JSON (syntax, a type, a missing member).</summary>
    public const string InvalidDocument = "JSON101";

    /// <summary>A JSON Lines line is not a chapter in the library's JSON; the line is skipped.</summary>
    public const string InvalidLine = "JSON102";

    /// <summary>A JSON Lines line is longer than the reader's limit (16 MiB by default); the line is skipped.</summary>
    public const string LineTooLong = "JSON103";

    /// <summary>A document or JSON Lines line nests arrays and objects deeper than <see cref="ScholarlyJsonReadOptions.MaxDepth"/>; it is skipped (in JSON Lines, the other lines are read).</summary>
    public const string NestingTooDeep = "JSON104";

    /// <summary>A chapter has more names than <see cref="ScholarlyJsonReadOptions.MaxNames"/>; the names past the limit are dropped and the chapter is read.</summary>
    public const string TooManyNames = "JSON201";

    /// <summary>A chapter was left out of the library's JSON: its schema refuses it, or a JSON document already holds a chapter.</summary>
    public const string ChapterNotWritten = "JSON301";
}
