// STUB: replaced by the identifiers work.
using System.Text.Json.Serialization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord;

/// <summary>A Orcid (stub).</summary>
[JsonConverter(typeof(TextValueJsonConverter<Orcid>))]
public readonly struct Orcid : IEquatable<Orcid>, ITextValue<Orcid>
{
    private readonly string? _value;
    private Orcid(string value) => _value = value;
    static string ITextValue<Orcid>.TypeName => "Orcid";
    bool ITextValue<Orcid>.IsValid => _value is not null;
    /// <summary>Parses.</summary>
    public static Orcid Parse(string s) => TryParse(s, out var d) ? d : throw new FormatException("Not a Orcid: " + s);
    /// <summary>Tries.</summary>
    public static bool TryParse(string? s, out Orcid result) => TryParse(s.AsSpan(), out result);
    /// <summary>Tries.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out Orcid result)
    {
        result = default;
        if (s.IsEmpty) return false;
        result = new Orcid(s.ToString());
        return true;
    }
    /// <summary>Validates.</summary>
    public static ParseError? Validate(ReadOnlySpan<char> s) => TryParse(s, out _) ? null : new ParseError("syntax", 0, "not a Orcid");
    /// <inheritdoc/>
    public override string ToString() => _value ?? "";
    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();
    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (!ToString().TryCopyTo(destination)) return false;
        charsWritten = ToString().Length;
        return true;
    }
    /// <inheritdoc/>
    public bool Equals(Orcid other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Orcid d && Equals(d);
    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(_value ?? "");
    /// <summary>Eq.</summary>
    public static bool operator ==(Orcid a, Orcid b) => a.Equals(b);
    /// <summary>Neq.</summary>
    public static bool operator !=(Orcid a, Orcid b) => !a.Equals(b);
}
