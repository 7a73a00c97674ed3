// STUB: replaced by the value-types work.
namespace ScholarlyRecord;

/// <summary>A name (stub).</summary>
public sealed record PersonName
{
    /// <summary>Given.</summary>
    public string? Given { get; init; }
    /// <summary>Family.</summary>
    public string? Family { get; init; }
    /// <summary>Particle.</summary>
    public string? Particle { get; init; }
    /// <summary>Suffix.</summary>
    public string? Suffix { get; init; }
    /// <summary>Literal.</summary>
    public string? Literal { get; init; }
}
