namespace ScholarlyRecord.Formats;

/// <summary>How EndNote text is read. Immutable; there is nothing to set yet (kept so that every format has both option records).</summary>
public sealed record EndnoteReadOptions
{
    /// <summary>The defaults.</summary>
    public static EndnoteReadOptions Default { get; } = new();
}

/// <summary>How EndNote text is written. Immutable: change it with <c>with</c>.</summary>
public sealed record EndnoteWriteOptions
{
    /// <summary>The defaults: CRLF line endings.</summary>
    public static EndnoteWriteOptions Default { get; } = new();

    /// <summary>The line break after each line: <see cref="LineEnding.CrLf"/> by default, as EndNote writes on Windows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="LineEnding"/>.</exception>
    public LineEnding NewLine { get; init => field = LineEndings.Checked(value, nameof(value)); } = LineEnding.CrLf;

    internal string NewLineText => LineEndings.Text(NewLine);
}
