using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Serialization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord;

/// <summary>
/// An International Standard Book Number (ISO 2108), held as its ISBN-13 and guaranteed to carry a
/// correct check digit.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Parse(string)"/> accepts an ISBN-10 or an ISBN-13, with or without separators (hyphen,
/// space, U+2010/U+2011 hyphens or U+2013 en dash, placed anywhere between digits: hyphen positions
/// are not checked on input), optionally behind a label such as <c>ISBN</c>, <c>ISBN:</c>,
/// <c>ISBN-10:</c> or <c>ISBN-13:</c> (any case), and optionally followed by one qualifier in parentheses
/// as library catalogues write it (<c>0-333-52918-7 (pbk.)</c>): the qualifier is not part of the value and
/// <see cref="TryParse(ReadOnlySpan{char}, out Isbn, out ReadOnlySpan{char})"/> gives it back. Only ASCII digits count; an ISBN-10 may end in
/// <c>X</c> or <c>x</c>. An ISBN-13 must start with 978 or 979, and 979-0 (the ISMN range for printed
/// music) is refused.
/// </para>
/// <para>
/// The value is stored as the 13 digits of the ISBN-13 in one <see cref="long"/>, so parsing from a
/// span allocates nothing. <see cref="ToString()"/> gives the 13 digits without separators;
/// <see cref="Isbn10"/> gives the ISBN-10 when one exists. Hyphenated output needs the International
/// ISBN Agency's range file and is not offered.
/// </para>
/// <para>
/// <c>default(Isbn)</c> is not an ISBN: its <see cref="ToString()"/> is the empty string,
/// <see cref="Isbn10"/> is null, it sorts before every real ISBN, and serializers refuse to write it.
/// </para>
/// </remarks>
[JsonConverter(typeof(TextValueJsonConverter<Isbn>))]
public readonly struct Isbn :
    ISpanParsable<Isbn>,
    ISpanFormattable,
    IUtf8SpanFormattable,
    IEquatable<Isbn>,
    IComparable<Isbn>,
    IComparisonOperators<Isbn, Isbn, bool>,
    ITextValue<Isbn>
{
    private const string Name = "ISBN";
    private const long TenDigits = 10_000_000_000;
    private const long Isbn13Length = 13;

    // The 13 digits of the ISBN-13 as a number (always >= 978 * 10^10); 0 only for default.
    private readonly long _value;

    private Isbn(long value) => _value = value;

    static string ITextValue<Isbn>.TypeName => Name;

    bool ITextValue<Isbn>.IsValid => _value != 0;

    /// <summary>
    /// The ISBN-10 form (ten characters, no separators, check character <c>0</c>-<c>9</c> or <c>X</c>),
    /// or null when none exists: ISBNs with the 979 prefix have no ISBN-10, and neither has <c>default</c>.
    /// </summary>
    public string? Isbn10
    {
        get
        {
            if (_value / TenDigits != 978) return null;
            var body = _value / 10 % 1_000_000_000;
            return string.Create(10, body, static (span, body) =>
            {
                var sum = 0;
                for (var i = 8; i >= 0; i--)
                {
                    var digit = (int)(body % 10);
                    body /= 10;
                    span[i] = (char)('0' + digit);
                    sum += digit * (10 - i);
                }
                span[9] = IdentifierText.CheckChar((11 - (sum % 11)) % 11);
            });
        }
    }

    /// <summary>Parses an ISBN-10 or ISBN-13.</summary>
    /// <param name="s">The text, such as <c>978-0-306-40615-7</c> or <c>ISBN 0-306-40615-2</c>.</param>
    /// <returns>The ISBN, held as its ISBN-13.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not an ISBN; the message says why.</exception>
    public static Isbn Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses an ISBN-10 or ISBN-13.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The ISBN, held as its ISBN-13.</returns>
    /// <exception cref="FormatException">The text is not an ISBN; the message says why.</exception>
    public static Isbn Parse(ReadOnlySpan<char> s)
    {
        if (!TryParseCore(s, out var result, out var failure, out _)) ThrowHelper.ThrowFormatException(Describe(failure, s));
        return result;
    }

    /// <summary>Tries to parse an ISBN-10 or ISBN-13; allocates nothing.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="result">The ISBN, or <c>default</c> when the text is not one.</param>
    /// <returns>True when the text is an ISBN.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out Isbn result) => TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse an ISBN-10 or ISBN-13; allocates nothing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The ISBN, or <c>default</c> when the text is not one.</param>
    /// <returns>True when the text is an ISBN.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out Isbn result) => TryParseCore(s, out result, out _, out _);

    /// <summary>Tries to parse an ISBN-10 or ISBN-13 and gives the qualifier written after it; allocates nothing.</summary>
    /// <param name="s">The text, such as <c>ISBN 0-333-52918-7 (pbk.)</c>.</param>
    /// <param name="result">The ISBN, or <c>default</c> when the text is not one.</param>
    /// <param name="qualifier">
    /// The text inside the trailing parentheses with white space around it trimmed, such as <c>pbk.</c>; empty
    /// when there is none or the text is not an ISBN.
    /// </param>
    /// <returns>True when the text is an ISBN.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out Isbn result, out ReadOnlySpan<char> qualifier)
    {
        if (TryParseCore(s, out result, out _, out var range))
        {
            qualifier = s[range];
            return true;
        }
        qualifier = default;
        return false;
    }

    /// <summary>Explains why the text is not an ISBN.</summary>
    /// <param name="s">The text.</param>
    /// <returns>Null when the text is an ISBN; otherwise the code (such as <c>checksum</c>), index and message.</returns>
    public static ParseError? Validate(ReadOnlySpan<char> s) => TryParseCore(s, out _, out var failure, out _) ? null : Describe(failure, s);

    /// <summary>Explains why the text is not an ISBN.</summary>
    /// <param name="s">The text, or null (reported as <c>empty</c>).</param>
    /// <returns>Null when the text is an ISBN; otherwise the code, index and message.</returns>
    public static ParseError? Validate(string? s) => Validate(s.AsSpan());

    static Isbn IParsable<Isbn>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Isbn>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Isbn result) => TryParse(s, out result);

    static Isbn ISpanParsable<Isbn>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Isbn>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Isbn result) => TryParse(s, out result);

    /// <summary>The 13 digits of the ISBN-13 without separators, such as <c>9780306406157</c>; empty for <c>default</c>.</summary>
    /// <returns>The canonical text.</returns>
    public override string ToString() => _value == 0 ? "" : _value.ToString(CultureInfo.InvariantCulture);

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

    /// <summary>Writes the canonical text (13 digits) into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Null, empty or <c>G</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (!IdentifierText.IsCanonicalFormat(format)) ThrowHelper.ThrowUnknownFormat(Name, format);
        if (_value == 0)
        {
            charsWritten = 0;
            return true;
        }
        return _value.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the canonical text (13 digits) as UTF-8 into <paramref name="utf8Destination"/>.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <param name="format">Null, empty or <c>G</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="utf8Destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (!IdentifierText.IsCanonicalFormat(format)) ThrowHelper.ThrowUnknownFormat(Name, format);
        if (_value == 0)
        {
            bytesWritten = 0;
            return true;
        }
        return _value.TryFormat(utf8Destination, out bytesWritten, default, CultureInfo.InvariantCulture);
    }

    /// <summary>True when both hold the same ISBN (an ISBN-10 equals its ISBN-13).</summary>
    /// <param name="other">The other ISBN.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Isbn other) => _value == other._value;

    /// <summary>True when <paramref name="obj"/> is an <see cref="Isbn"/> holding the same ISBN.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Isbn other && Equals(other);

    /// <summary>A hash of the ISBN-13.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Orders by the 13 digits (the same order as comparing the canonical texts ordinally); <c>default</c> sorts first.</summary>
    /// <param name="other">The other ISBN.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(Isbn other) => _value.CompareTo(other._value);

    /// <summary>True when both hold the same ISBN.</summary>
    /// <param name="left">The first ISBN.</param>
    /// <param name="right">The second ISBN.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Isbn left, Isbn right) => left.Equals(right);

    /// <summary>True when the ISBNs differ.</summary>
    /// <param name="left">The first ISBN.</param>
    /// <param name="right">The second ISBN.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(Isbn left, Isbn right) => !left.Equals(right);

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first ISBN.</param>
    /// <param name="right">The second ISBN.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(Isbn left, Isbn right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first ISBN.</param>
    /// <param name="right">The second ISBN.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(Isbn left, Isbn right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first ISBN.</param>
    /// <param name="right">The second ISBN.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(Isbn left, Isbn right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first ISBN.</param>
    /// <param name="right">The second ISBN.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(Isbn left, Isbn right) => left.CompareTo(right) >= 0;

    private static bool TryParseCore(ReadOnlySpan<char> input, out Isbn result, out ParseFailure failure, out Range qualifier)
    {
        result = default;
        qualifier = default;
        var s = IdentifierText.Trim(input, out var offset);
        if (s.IsEmpty)
        {
            failure = new(ParseErrorReasons.Empty, offset);
            return false;
        }

        var i = 0;
        var labelled = 0;
        if (IdentifierText.StartsWithAsciiIgnoreCase(s, "ISBN"))
        {
            i = 4;
            if (IdentifierText.StartsWithAsciiIgnoreCase(s[i..], "-10")) { labelled = 10; i += 3; }
            else if (IdentifierText.StartsWithAsciiIgnoreCase(s[i..], "-13")) { labelled = 13; i += 3; }
            i = IdentifierText.SkipSpaces(s, i);
            if (i < s.Length && s[i] == ':') i = IdentifierText.SkipSpaces(s, i + 1);
            if (i == s.Length)
            {
                failure = new(ParseErrorReasons.Empty, offset + i);
                return false;
            }
        }

        // A trailing qualifier in parentheses, such as "(pbk.)", ends the number; it must be the last thing.
        var end = s.Length;
        if (s[^1] == ')')
        {
            var open = s.LastIndexOf('(');
            if (open < i)
            {
                failure = new(ParseErrorReasons.InvalidQualifier, offset + s.Length - 1);
                return false;
            }
            var inner = IdentifierText.Trim(s[(open + 1)..^1], out var innerOffset);
            if (inner.IsEmpty || inner.Contains(')'))
            {
                failure = new(ParseErrorReasons.InvalidQualifier, offset + open);
                return false;
            }
            var qualifierStart = offset + open + 1 + innerOffset;
            qualifier = new Range(qualifierStart, qualifierStart + inner.Length);
            end = open;
            while (end > i && s[end - 1] is ' ' or '\t') end--;
            if (end == i)
            {
                failure = new(ParseErrorReasons.Empty, offset + i);
                return false;
            }
        }

        var digitsStart = i;
        long value = 0;          // every digit read, X excluded
        var count = 0;           // digits read, X included
        var last = 0;            // value of the last digit (10 for X)
        var lastIndex = 0;
        var sum10 = 0;           // ISBN-10 weighted sum of the first nine digits
        var sum13 = 0;           // EAN-13 weighted sum of the first twelve digits
        var fourthIndex = 0;
        for (; i < end; i++)
        {
            var c = s[i];
            if (IdentifierText.IsAsciiDigit(c))
            {
                if (count == Isbn13Length)
                {
                    failure = new(ParseErrorReasons.Length, offset + i, count + 1);
                    return false;
                }
                var digit = c - '0';
                if (count < 9) sum10 += digit * (10 - count);
                if (count < 12) sum13 += (count & 1) == 0 ? digit : digit * 3;
                if (count == 3) fourthIndex = i;
                value = (value * 10) + digit;
                last = digit;
                lastIndex = i;
                count++;
            }
            else if (c is 'X' or 'x')
            {
                if (count != 9 || i != end - 1)
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
                if (count == 0 || i == end - 1)
                {
                    failure = new(ParseErrorReasons.MisplacedSeparator, offset + i);
                    return false;
                }
            }
            else
            {
                failure = new(c is '(' or ')' ? ParseErrorReasons.InvalidQualifier : IdentifierText.IsOtherDigit(c) ? ParseErrorReasons.NonAsciiDigit : ParseErrorReasons.InvalidCharacter, offset + i);
                return false;
            }
        }

        if ((count != 10 && count != Isbn13Length) || (labelled != 0 && count != labelled))
        {
            failure = new(ParseErrorReasons.Length, offset + digitsStart, count, labelled);
            return false;
        }

        if (count == 10)
        {
            var expected = (11 - (sum10 % 11)) % 11;
            if (last != expected)
            {
                failure = new(ParseErrorReasons.Checksum, offset + lastIndex, last, expected);
                return false;
            }
            var body = last == 10 ? value : value / 10;
            var ean = (978 * 1_000_000_000L) + body;
            result = new Isbn((ean * 10) + Ean13Check(ean));
            failure = default;
            return true;
        }

        var prefix = value / TenDigits;
        if (prefix is not (978 or 979))
        {
            failure = new(ParseErrorReasons.PrefixNot978Or979, offset + digitsStart);
            return false;
        }
        if (prefix == 979 && value / 1_000_000_000 % 10 == 0)
        {
            failure = new(ParseErrorReasons.IsmnPrefix, offset + fourthIndex);
            return false;
        }
        var check = (10 - (sum13 % 10)) % 10;
        if (last != check)
        {
            failure = new(ParseErrorReasons.Checksum, offset + lastIndex, last, check);
            return false;
        }
        result = new Isbn(value);
        failure = default;
        return true;
    }

    // The EAN-13 check digit of twelve digits (weights 1, 3, 1, 3, ... from the left).
    private static int Ean13Check(long twelveDigits)
    {
        var sum = 0;
        for (var position = 11; position >= 0; position--)
        {
            var digit = (int)(twelveDigits % 10);
            twelveDigits /= 10;
            sum += (position & 1) == 0 ? digit : digit * 3;
        }
        return (10 - (sum % 10)) % 10;
    }

    private static ParseError Describe(ParseFailure failure, ReadOnlySpan<char> input)
    {
        var reason = failure.Reason switch
        {
            ParseErrorReasons.Empty => "ISBN is empty",
            ParseErrorReasons.Length when failure.Expected != 0 => $"ISBN labelled as ISBN-{failure.Expected} has {failure.Found} digits",
            ParseErrorReasons.Length => $"ISBN has {failure.Found} digits, expected 10 or 13",
            ParseErrorReasons.Checksum => $"ISBN check digit is {IdentifierText.CheckChar(failure.Found)}, expected {IdentifierText.CheckChar(failure.Expected)}",
            ParseErrorReasons.XNotInCheckPosition => "ISBN may hold 'X' only as the check character of an ISBN-10",
            ParseErrorReasons.NonAsciiDigit => "ISBN digits must be ASCII '0'-'9'",
            ParseErrorReasons.MisplacedSeparator => "ISBN separator must stand between digits",
            ParseErrorReasons.PrefixNot978Or979 => "ISBN-13 must start with 978 or 979",
            ParseErrorReasons.IsmnPrefix => "979-0 is the ISMN range for printed music, not an ISBN",
            ParseErrorReasons.InvalidQualifier => "ISBN may be followed only by one non-empty qualifier in parentheses at the end, such as (pbk.)",
            _ => "ISBN may hold only digits, 'X' and separators",
        };
        return new ParseError(failure.Reason, failure.Index, $"{reason}: {IdentifierText.Quote(input)}.");
    }
}
