namespace ScholarlyRecord.Formats;

/// <summary>How RIS is written (<see cref="Ris"/>, <see cref="RisDocument.Write(TextWriter, RisWriteOptions?)"/>).</summary>
public sealed record RisWriteOptions
{
    /// <summary>The defaults: CR LF line endings, as the RIS specification asks.</summary>
    public static RisWriteOptions Default { get; } = new();

    /// <summary>The line break after each line: <see cref="LineEnding.CrLf"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="LineEnding"/>.</exception>
    public LineEnding NewLine { get; init => field = LineEndings.Checked(value, nameof(value)); } = LineEnding.CrLf;

    internal string NewLineText => LineEndings.Text(NewLine);
}

/// <summary>How RIS is read (<see cref="Ris"/>, <see cref="RisDocument"/>, <see cref="RisReader"/>); nothing to set yet.</summary>
public sealed record RisReadOptions
{
    /// <summary>The defaults.</summary>
    public static RisReadOptions Default { get; } = new();
}
