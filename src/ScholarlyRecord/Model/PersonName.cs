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
    /// <summary>Parses (stub).</summary>
    public static PersonName Parse(string s) => Parse(s.AsSpan(), null);
    /// <summary>Parses with a decoder applied to each part after splitting (stub).</summary>
    internal static PersonName Parse(ReadOnlySpan<char> s, Func<string, string>? decodePart) => throw new NotImplementedException("PersonName.Parse arrives with the value-types work: " + s.ToString() + decodePart);
}
