namespace ScholarlyRecord;

/// <summary>A publisher and its place of publication.</summary>
public sealed record Publisher
{
    /// <summary>The publisher's name, such as "Palgrave Macmillan".</summary>
    public required string Name { get; init; }

    /// <summary>The place of publication, such as "London".</summary>
    public string? Location { get; init; }
}
