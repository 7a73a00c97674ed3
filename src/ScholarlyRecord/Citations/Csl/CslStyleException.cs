namespace ScholarlyRecord.Citations;

/// <summary>A CSL style or locale that cannot be used: malformed XML, a broken grammar, a missing macro or parent.</summary>
public sealed class CslStyleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The <see cref="CitationCodes"/> code.</param>
    /// <param name="message">What was wrong and what was expected.</param>
    /// <param name="line">The 1-based line, or 0.</param>
    /// <param name="column">The 1-based column, or 0.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public CslStyleException(string code, string message, int line, int column, Exception? innerException = null)
        : base(line > 0 ? $"{line}:{column}: {code}: {message}" : $"{code}: {message}", innerException)
    {
        Code = code;
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public CslStyleException()
        : this(CitationCodes.InvalidStyle, "Invalid style.", 0, 0)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public CslStyleException(string message)
        : this(CitationCodes.InvalidStyle, message, 0, 0)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CslStyleException(string message, Exception innerException)
        : this(CitationCodes.InvalidStyle, message, 0, 0, innerException)
    {
    }

    /// <summary>The <see cref="CitationCodes"/> code.</summary>
    public string Code { get; }

    /// <summary>The 1-based line of the problem, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem, or 0 when unknown.</summary>
    public int Column { get; }
}
