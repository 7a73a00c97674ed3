// STUB: replaced by the identifiers work.
using System.Text.Json.Serialization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord;

/// <summary>A Issn (stub).</summary>
[JsonConverter(typeof(TextValueJsonConverter<Issn>))]
public readonly struct Issn : IEquatable<Issn>, ITextValue<Issn>
{
    private readonly string? _value;
    private Issn(string value) => _value = value;
    static string ITextValue<Issn>.TypeName => "Issn";
    bool ITextValue<Issn>.IsValid => _value is not null;
    /// <summary>Parses.</summary>
    public static Issn Parse(string s) => TryParse(s, out var d) ? d : throw new FormatException("Not a Issn: " + s);
    /// <summary>Tries.</summary>
    public static bool TryParse(string? s, out Issn result) => TryParse(s.AsSpan(), out result);
    /// <summary>Tries.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out Issn result)
    {
        result = default;
        if (s.IsEmpty) return false;
        result = new Issn(s.ToString());
        return true;
    }
    /// <summary>Validates.</summary>
    public static ParseError? Validate(ReadOnlySpan<char> s) => TryParse(s, out _) ? null : new ParseError("syntax", 0, "not a Issn");
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
    public bool Equals(Issn other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Issn d && Equals(d);
    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(_value ?? "");
    /// <summary>Eq.</summary>
    public static bool operator ==(Issn a, Issn b) => a.Equals(b);
    /// <summary>Neq.</summary>
    public static bool operator !=(Issn a, Issn b) => !a.Equals(b);
}
