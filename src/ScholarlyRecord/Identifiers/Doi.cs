// STUB: replaced by the identifiers work.
using System.Text.Json.Serialization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord;

/// <summary>A DOI (stub).</summary>
[JsonConverter(typeof(TextValueJsonConverter<Doi>))]
public readonly struct Doi : IEquatable<Doi>, ITextValue<Doi>
{
    private readonly string? _value;
    private Doi(string value) => _value = value;
    static string ITextValue<Doi>.TypeName => "DOI";
    bool ITextValue<Doi>.IsValid => _value is not null;
    /// <summary>Parses.</summary>
    public static Doi Parse(string s) => TryParse(s, out var d) ? d : throw new FormatException("Not a DOI: " + s);
    /// <summary>Tries.</summary>
    public static bool TryParse(string? s, out Doi result) => TryParse(s.AsSpan(), out result);
    /// <summary>Tries.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out Doi result)
    {
        result = default;
        if (!s.StartsWith("10.") || s.IndexOf('/') < 0) return false;
        result = new Doi(s.ToString());
        return true;
    }
    /// <summary>Validates.</summary>
    public static ParseError? Validate(ReadOnlySpan<char> s) => TryParse(s, out _) ? null : new ParseError("syntax", 0, "not a DOI");
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
    public bool Equals(Doi other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Doi d && Equals(d);
    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(_value ?? "");
    /// <summary>Eq.</summary>
    public static bool operator ==(Doi a, Doi b) => a.Equals(b);
    /// <summary>Neq.</summary>
    public static bool operator !=(Doi a, Doi b) => !a.Equals(b);
}
