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

    /// <summary>The line ending; <see cref="RisNewLine.CrLf"/> by default, as EndNote writes on Windows.</summary>
    public RisNewLine NewLine
    {
        get;
        init
        {
            if (value is not (RisNewLine.CrLf or RisNewLine.Lf)) throw new ArgumentOutOfRangeException(nameof(value), value, "EndNote line endings are CrLf or Lf.");
            field = value;
        }
    } = RisNewLine.CrLf;

    internal string NewLineText => NewLine == RisNewLine.Lf ? "\n" : "\r\n";
}
