// STUB: replaced by the value-types work.
namespace ScholarlyRecord;

/// <summary>A page range (stub).</summary>
public sealed record PageRange
{
    /// <summary>First.</summary>
    public required string First { get; init; }
    /// <summary>Last.</summary>
    public string? Last { get; init; }
}
