namespace ScholarlyRecord;

/// <summary>
/// Why a piece of text is not a valid identifier or value: a stable <see cref="Reason"/> for programs,
/// the <see cref="Index"/> where the text went wrong, and a <see cref="Message"/> for people.
/// </summary>
/// <remarks>
/// <c>TryParse</c> never builds one of these (it stays allocation-free); the <c>Validate</c> methods do,
/// for callers who need the reason.
/// </remarks>
public sealed class ParseError
{
    /// <summary>Creates a parse error.</summary>
    /// <param name="reason">The stable, kebab-case reason, one of <see cref="ParseErrorReasons"/>, such as <c>checksum</c>.</param>
    /// <param name="index">The zero-based index into the input where the problem was found.</param>
    /// <param name="message">The explanation for people.</param>
    public ParseError(string reason, int index, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentException.ThrowIfNullOrEmpty(message);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Reason = reason;
        Index = index;
        Message = message;
    }

    /// <summary>
    /// Why the text failed, as a stable kebab-case word from <see cref="ParseErrorReasons"/>, such as <c>checksum</c> or
    /// <c>length</c>. Reasons are the contract; messages may be reworded. They are not diagnostic codes: a reader that
    /// meets a bad identifier reports its own area's code and quotes the message.
    /// </summary>
    public string Reason { get; }

    /// <summary>The zero-based index into the input where the problem was found.</summary>
    public int Index { get; }

    /// <summary>The explanation for people, such as "ISBN check digit is 7, expected 8".</summary>
    public string Message { get; }

    /// <summary>Returns the message.</summary>
    public override string ToString() => Message;

    /// <summary>Creates the <see cref="FormatException"/> that <c>Parse</c> throws for this error.</summary>
    /// <returns>The exception.</returns>
    public FormatException ToException() => new(Message);
}
