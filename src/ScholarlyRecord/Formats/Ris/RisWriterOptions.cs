namespace ScholarlyRecord.Formats;

/// <summary>The line ending a RIS writer uses.</summary>
public enum RisNewLine
{
    /// <summary>CR LF, as the RIS specification asks (the default).</summary>
    CrLf,

    /// <summary>LF alone.</summary>
    Lf,
}

/// <summary>How RIS text is written. Immutable: change it with <c>with</c>.</summary>
public sealed record RisWriterOptions
{
    /// <summary>The defaults: CRLF line endings.</summary>
    public static RisWriterOptions Default { get; } = new();

    /// <summary>The line ending; <see cref="RisNewLine.CrLf"/> by default.</summary>
    public RisNewLine NewLine { get; init; } = RisNewLine.CrLf;

    internal string NewLineText => NewLine switch
    {
        RisNewLine.CrLf => "\r\n",
        RisNewLine.Lf => "\n",
        _ => Invalid(),
    };

    private string Invalid()
    {
        RisThrow.InvalidNewLine(NewLine);
        return "";
    }
}
