// STUB: replaced by the identifiers work.
using System.Text.Json.Serialization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord;

/// <summary>A Isbn (stub).</summary>
[JsonConverter(typeof(TextValueJsonConverter<Isbn>))]
public readonly struct Isbn : IEquatable<Isbn>, ITextValue<Isbn>
{
    private readonly string? _value;
    private Isbn(string value) => _value = value;
    static string ITextValue<Isbn>.TypeName => "Isbn";
    bool ITextValue<Isbn>.IsValid => _value is not null;
    /// <summary>Parses.</summary>
    public static Isbn Parse(string s) => TryParse(s, out var d) ? d : throw new FormatException("Not a Isbn: " + s);
    /// <summary>Tries.</summary>
    public static bool TryParse(string? s, out Isbn result) => TryParse(s.AsSpan(), out result);
    /// <summary>Tries.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out Isbn result)
    {
        result = default;
        if (s.IsEmpty) return false;
        result = new Isbn(s.ToString());
        return true;
    }
    /// <summary>Validates.</summary>
    public static ParseError? Validate(ReadOnlySpan<char> s) => TryParse(s, out _) ? null : new ParseError("syntax", 0, "not a Isbn");
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
    public bool Equals(Isbn other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Isbn d && Equals(d);
    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(_value ?? "");
    /// <summary>Eq.</summary>
    public static bool operator ==(Isbn a, Isbn b) => a.Equals(b);
    /// <summary>Neq.</summary>
    public static bool operator !=(Isbn a, Isbn b) => !a.Equals(b);
}
