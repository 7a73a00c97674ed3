namespace ScholarlyRecord.Formats;

/// <summary>The line and record limits of a tagged format's read options (RIS, EndNote), with the format's codes.</summary>
internal readonly record struct TaggedLimits(int MaxLineLength, int MaxRecordLength, string LineCode, string RecordCode, string OptionsName)
{
    /// <summary>The default longest line, in characters: 1 Mi, far above any real field.</summary>
    public const int DefaultMaxLineLength = 1024 * 1024;

    /// <summary>The default largest record, in characters: 16 Mi, as BibTeX's block limit.</summary>
    public const int DefaultMaxRecordLength = 16 * 1024 * 1024;
}
