namespace ScholarlyRecord.Internal;

/// <summary>
/// A value written as one string in every format (identifiers, partial dates): what the shared JSON converter needs.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
internal interface ITextValue<TSelf> : ISpanFormattable
    where TSelf : struct, ITextValue<TSelf>
{
    /// <summary>The name used in messages, such as "ISBN".</summary>
    static abstract string TypeName { get; }

    /// <summary>Parses without allocating; false when the text is not valid.</summary>
    static abstract bool TryParse(ReadOnlySpan<char> s, out TSelf result);

    /// <summary>Explains why the text is not valid, or returns null when it is.</summary>
    static abstract ParseError? Validate(ReadOnlySpan<char> s);

    /// <summary>False for <c>default(TSelf)</c> where that is not a real value.</summary>
    bool IsValid { get; }
}
