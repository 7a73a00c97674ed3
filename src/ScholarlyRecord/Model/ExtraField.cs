namespace ScholarlyRecord;

/// <summary>
/// A field that a source carried and the model has no slot for, kept so that a round trip loses nothing.
/// </summary>
public sealed record ExtraField
{
    /// <summary>The field's name, prefixed with the format it came from, such as <c>ris:M3</c> or <c>bibtex:timestamp</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The field's value as the source gave it.</summary>
    public required string Value { get; init; }
}
