// STUB: replaced by the value-types work.
namespace ScholarlyRecord;

/// <summary>A partial date (stub).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ScholarlyRecord.Internal.TextValueJsonConverter<PartialDate>))]
public readonly record struct PartialDate(int Year, int? Month = null, int? Day = null) : ScholarlyRecord.Internal.ITextValue<PartialDate>
{
    static string ScholarlyRecord.Internal.ITextValue<PartialDate>.TypeName => "partial date";
    bool ScholarlyRecord.Internal.ITextValue<PartialDate>.IsValid => Year != 0;
    /// <summary>Tries.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out PartialDate result) => TryParse(s.ToString(), out result);
    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();
    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        var s = ToString();
        if (!s.TryCopyTo(destination)) return false;
        charsWritten = s.Length;
        return true;
    }
    /// <summary>Parses.</summary>
    public static PartialDate Parse(string s) => TryParse(s, out var d) ? d : throw new FormatException("date");
    /// <summary>Tries.</summary>
    public static bool TryParse(string? s, out PartialDate result)
    {
        result = default;
        if (s is null) return false;
        var parts = s.Split('-');
        if (!int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var y)) return false;
        int? m = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : null;
        int? d = parts.Length > 2 ? int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : null;
        result = new PartialDate(y, m, d);
        return true;
    }
    /// <summary>Validates.</summary>
    public static ParseError? Validate(ReadOnlySpan<char> s) => TryParse(s, out _) ? null : new ParseError("syntax", 0, "not a date");
    /// <inheritdoc/>
    public override string ToString() => Day is { } d ? FormattableString.Invariant($"{Year:D4}-{Month:D2}-{d:D2}") : Month is { } m ? FormattableString.Invariant($"{Year:D4}-{m:D2}") : FormattableString.Invariant($"{Year:D4}");
}
