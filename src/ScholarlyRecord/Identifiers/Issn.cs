using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text.Json.Serialization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord;

/// <summary>
/// An International Standard Serial Number (ISO 3297), guaranteed to carry a correct check character.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Parse(string)"/> accepts eight characters, seven ASCII digits and a check character
/// (<c>0</c>-<c>9</c>, <c>X</c> or <c>x</c>), with or without one hyphen (or U+2010/U+2011/U+2013, or a
/// space as in <c>0028 0836</c>) after the fourth digit, optionally behind the label <c>ISSN</c> or <c>ISSN:</c> (any case). The check
/// character is mod 11 with weights 8..2 (remainder 0 gives 0, 10 gives X).
/// </para>
/// <para>
/// The value is stored as a number, so parsing from a span allocates nothing. <see cref="ToString()"/>
/// gives the display form <c>NNNN-NNNC</c> with an upper-case X.
/// </para>
/// <para>
/// <c>default(Issn)</c> is not an ISSN: its <see cref="ToString()"/> is the empty string, it sorts
/// before every real ISSN, and serializers refuse to write it.
/// </para>
/// </remarks>
[JsonConverter(typeof(TextValueJsonConverter<Issn>))]
public readonly struct Issn :
    ISpanParsable<Issn>,
    ISpanFormattable,
    IUtf8SpanFormattable,
    IEquatable<Issn>,
    IComparable<Issn>,
    IComparisonOperators<Issn, Issn, bool>,
    ITextValue<Issn>
{
    private const string Name = "ISSN";
    private const int TextLength = 9;

    // The seven digits before the check character, plus one (so that default, 0, holds nothing).
    private readonly int _packed;

    private Issn(int body) => _packed = body + 1;

    static string ITextValue<Issn>.TypeName => Name;

    bool ITextValue<Issn>.IsValid => _packed != 0;

    /// <summary>Parses an ISSN.</summary>
    /// <param name="s">The text, such as <c>0378-5955</c>, <c>03785955</c> or <c>ISSN 2434-561x</c>.</param>
    /// <returns>The ISSN.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not an ISSN; the message says why.</exception>
    public static Issn Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses an ISSN.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The ISSN.</returns>
    /// <exception cref="FormatException">The text is not an ISSN; the message says why.</exception>
    public static Issn Parse(ReadOnlySpan<char> s)
    {
        if (!TryParseCore(s, out var result, out var failure)) ThrowHelper.ThrowFormatException(Describe(failure, s));
        return result;
    }

    /// <summary>Tries to parse an ISSN; allocates nothing.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="result">The ISSN, or <c>default</c> when the text is not one.</param>
    /// <returns>True when the text is an ISSN.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out Issn result) => TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse an ISSN; allocates nothing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The ISSN, or <c>default</c> when the text is not one.</param>
    /// <returns>True when the text is an ISSN.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out Issn result) => TryParseCore(s, out result, out _);

    /// <summary>Explains why the text is not an ISSN.</summary>
    /// <param name="s">The text.</param>
    /// <returns>Null when the text is an ISSN; otherwise the code (such as <c>checksum</c>), index and message.</returns>
    public static ParseError? Validate(ReadOnlySpan<char> s) => TryParseCore(s, out _, out var failure) ? null : Describe(failure, s);

    /// <summary>Explains why the text is not an ISSN.</summary>
    /// <param name="s">The text, or null (reported as <c>empty</c>).</param>
    /// <returns>Null when the text is an ISSN; otherwise the code, index and message.</returns>
    public static ParseError? Validate(string? s) => Validate(s.AsSpan());

    static Issn IParsable<Issn>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Issn>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Issn result) => TryParse(s, out result);

    static Issn ISpanParsable<Issn>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Issn>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Issn result) => TryParse(s, out result);

    /// <summary>The display form <c>NNNN-NNNC</c>, such as <c>2434-561X</c>; empty for <c>default</c>.</summary>
    /// <returns>The canonical text.</returns>
    public override string ToString() =>
        _packed == 0 ? "" : string.Create(TextLength, this, static (span, issn) => issn.Write(span));

    /// <summary>The canonical text; the only format is the canonical one (null, empty or <c>G</c>).</summary>
    /// <param name="format">Null, empty or <c>G</c>.</param>
    /// <param name="formatProvider">Ignored: the text does not depend on culture.</param>
    /// <returns>The canonical text.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (!IdentifierText.IsCanonicalFormat(format)) ThrowHelper.ThrowUnknownFormat(Name, format);
        return ToString();
    }

    /// <summary>Writes the canonical text into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Null, empty or <c>G</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryWrite(destination, out charsWritten, format);

    /// <summary>Writes the canonical text as UTF-8 into <paramref name="utf8Destination"/>.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <param name="format">Null, empty or <c>G</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="utf8Destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryWrite(utf8Destination, out bytesWritten, format);

    /// <summary>True when both hold the same ISSN.</summary>
    /// <param name="other">The other ISSN.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Issn other) => _packed == other._packed;

    /// <summary>True when <paramref name="obj"/> is an <see cref="Issn"/> holding the same ISSN.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Issn other && Equals(other);

    /// <summary>A hash of the ISSN.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _packed;

    /// <summary>Orders as the canonical texts compare ordinally; <c>default</c> sorts first.</summary>
    /// <param name="other">The other ISSN.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(Issn other) => _packed.CompareTo(other._packed);

    /// <summary>True when both hold the same ISSN.</summary>
    /// <param name="left">The first ISSN.</param>
    /// <param name="right">The second ISSN.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Issn left, Issn right) => left.Equals(right);

    /// <summary>True when the ISSNs differ.</summary>
    /// <param name="left">The first ISSN.</param>
    /// <param name="right">The second ISSN.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(Issn left, Issn right) => !left.Equals(right);

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first ISSN.</param>
    /// <param name="right">The second ISSN.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(Issn left, Issn right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first ISSN.</param>
    /// <param name="right">The second ISSN.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(Issn left, Issn right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first ISSN.</param>
    /// <param name="right">The second ISSN.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(Issn left, Issn right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first ISSN.</param>
    /// <param name="right">The second ISSN.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(Issn left, Issn right) => left.CompareTo(right) >= 0;

    private bool TryWrite<TChar>(Span<TChar> destination, out int written, ReadOnlySpan<char> format)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (!IdentifierText.IsCanonicalFormat(format)) ThrowHelper.ThrowUnknownFormat(Name, format);
        written = 0;
        if (_packed == 0) return true;
        if (destination.Length < TextLength) return false;
        Write(destination);
        written = TextLength;
        return true;
    }

    private void Write<TChar>(Span<TChar> destination)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var body = _packed - 1;
        var sum = 0;
        for (var position = 6; position >= 0; position--)
        {
            var digit = body % 10;
            body /= 10;
            sum += digit * (8 - position);
            destination[position < 4 ? position : position + 1] = TChar.CreateTruncating('0' + digit);
        }
        destination[4] = TChar.CreateTruncating('-');
        destination[8] = TChar.CreateTruncating(IdentifierText.CheckChar((11 - (sum % 11)) % 11));
    }

    private static bool TryParseCore(ReadOnlySpan<char> input, out Issn result, out ParseFailure failure)
    {
        result = default;
        var s = IdentifierText.Trim(input, out var offset);
        var i = 0;
        if (IdentifierText.StartsWithAsciiIgnoreCase(s, "ISSN"))
        {
            i = IdentifierText.SkipSpaces(s, 4);
            if (i < s.Length && s[i] == ':') i = IdentifierText.SkipSpaces(s, i + 1);
        }
        if (i == s.Length)
        {
            failure = new(ParseErrorReasons.Empty, offset + i);
            return false;
        }

        var digitsStart = i;
        var body = 0;
        var sum = 0;
        var count = 0;
        var last = 0;
        var lastIndex = 0;
        var separated = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (IdentifierText.IsAsciiDigit(c))
            {
                if (count == 8)
                {
                    failure = new(ParseErrorReasons.Length, offset + i, count + 1);
                    return false;
                }
                var digit = c - '0';
                if (count < 7)
                {
                    body = (body * 10) + digit;
                    sum += digit * (8 - count);
                }
                last = digit;
                lastIndex = i;
                count++;
            }
            else if (c is 'X' or 'x')
            {
                if (count != 7 || i != s.Length - 1)
                {
                    failure = new(ParseErrorReasons.XNotInCheckPosition, offset + i);
                    return false;
                }
                last = 10;
                lastIndex = i;
                count++;
            }
            else if (IdentifierText.IsGroupSeparator(c))
            {
                if (count != 4 || separated)
                {
                    failure = new(ParseErrorReasons.MisplacedSeparator, offset + i);
                    return false;
                }
                separated = true;
            }
            else
            {
                failure = new(IdentifierText.IsOtherDigit(c) ? ParseErrorReasons.NonAsciiDigit : ParseErrorReasons.InvalidCharacter, offset + i);
                return false;
            }
        }

        if (count != 8)
        {
            failure = new(ParseErrorReasons.Length, offset + digitsStart, count);
            return false;
        }
        var expected = (11 - (sum % 11)) % 11;
        if (last != expected)
        {
            failure = new(ParseErrorReasons.Checksum, offset + lastIndex, last, expected);
            return false;
        }
        result = new Issn(body);
        failure = default;
        return true;
    }

    private static ParseError Describe(ParseFailure failure, ReadOnlySpan<char> input)
    {
        var reason = failure.Reason switch
        {
            ParseErrorReasons.Empty => "ISSN is empty",
            ParseErrorReasons.Length => $"ISSN has {failure.Found} digits, expected 8",
            ParseErrorReasons.Checksum => $"ISSN check character is {IdentifierText.CheckChar(failure.Found)}, expected {IdentifierText.CheckChar(failure.Expected)}",
            ParseErrorReasons.XNotInCheckPosition => "ISSN may hold 'X' only as its last (check) character",
            ParseErrorReasons.NonAsciiDigit => "ISSN digits must be ASCII '0'-'9'",
            ParseErrorReasons.MisplacedSeparator => "ISSN may hold one hyphen, after the fourth digit",
            _ => "ISSN may hold only digits, 'X' and one hyphen",
        };
        return new ParseError(failure.Reason, failure.Index, $"{reason}: {IdentifierText.Quote(input)}.");
    }
}
