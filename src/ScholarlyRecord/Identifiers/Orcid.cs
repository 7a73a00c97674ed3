using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text.Json.Serialization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord;

/// <summary>
/// An ORCID iD (Open Researcher and Contributor ID), guaranteed to carry a correct ISO/IEC 7064
/// MOD 11-2 check character.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Parse(string)"/> accepts 16 characters (15 ASCII digits and a check character <c>0</c>-<c>9</c>
/// or <c>X</c>; a lower-case <c>x</c> is accepted too), either bare or hyphenated in four groups of four,
/// optionally as the URL <c>https://orcid.org/…</c> (also <c>http</c>, <c>www.orcid.org</c>, or no scheme;
/// host in any case; the URL may end in one slash, the bare iD may not). Only the check character is verified: ranges are not, because range checks
/// broke validators when ORCID opened the 0009 block in 2023.
/// </para>
/// <para>
/// The value is stored as a number, so parsing from a span allocates nothing. <see cref="ToString()"/>
/// gives <c>0000-0002-1825-0097</c>; <see cref="ToUri"/> gives the preferred <c>https://orcid.org/</c> form.
/// </para>
/// <para>
/// <c>default(Orcid)</c> is not an ORCID iD: its <see cref="ToString()"/> is the empty string,
/// <see cref="ToUri"/> throws, it sorts before every real iD, and serializers refuse to write it.
/// </para>
/// </remarks>
[JsonConverter(typeof(TextValueJsonConverter<Orcid>))]
public readonly struct Orcid :
    ISpanParsable<Orcid>,
    ISpanFormattable,
    IUtf8SpanFormattable,
    IEquatable<Orcid>,
    IComparable<Orcid>,
    IComparisonOperators<Orcid, Orcid, bool>,
    ITextValue<Orcid>
{
    private const string Name = "ORCID iD";
    private const int TextLength = 19;
    private const int Digits = 16;
    private const string UriPrefix = "https://orcid.org/";

    // The fifteen digits before the check character, plus one (so that default, 0, holds nothing).
    private readonly long _packed;

    private Orcid(long body) => _packed = body + 1;

    static string ITextValue<Orcid>.TypeName => Name;

    bool ITextValue<Orcid>.IsValid => _packed != 0;

    /// <summary>Parses an ORCID iD.</summary>
    /// <param name="s">The text, such as <c>0000-0002-1825-0097</c> or <c>https://orcid.org/0000-0002-1825-0097</c>.</param>
    /// <returns>The ORCID iD.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not an ORCID iD; the message says why.</exception>
    public static Orcid Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses an ORCID iD.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The ORCID iD.</returns>
    /// <exception cref="FormatException">The text is not an ORCID iD; the message says why.</exception>
    public static Orcid Parse(ReadOnlySpan<char> s)
    {
        if (!TryParseCore(s, out var result, out var failure)) ThrowHelper.ThrowFormatException(Describe(failure, s));
        return result;
    }

    /// <summary>Tries to parse an ORCID iD; allocates nothing.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="result">The iD, or <c>default</c> when the text is not one.</param>
    /// <returns>True when the text is an ORCID iD.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out Orcid result) => TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse an ORCID iD; allocates nothing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The iD, or <c>default</c> when the text is not one.</param>
    /// <returns>True when the text is an ORCID iD.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out Orcid result) => TryParseCore(s, out result, out _);

    /// <summary>Explains why the text is not an ORCID iD.</summary>
    /// <param name="s">The text.</param>
    /// <returns>Null when the text is an ORCID iD; otherwise the code (such as <c>checksum</c>), index and message.</returns>
    public static ParseError? Validate(ReadOnlySpan<char> s) => TryParseCore(s, out _, out var failure) ? null : Describe(failure, s);

    /// <summary>Explains why the text is not an ORCID iD.</summary>
    /// <param name="s">The text, or null (reported as <c>empty</c>).</param>
    /// <returns>Null when the text is an ORCID iD; otherwise the code, index and message.</returns>
    public static ParseError? Validate(string? s) => Validate(s.AsSpan());

    static Orcid IParsable<Orcid>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Orcid>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Orcid result) => TryParse(s, out result);

    static Orcid ISpanParsable<Orcid>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Orcid>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Orcid result) => TryParse(s, out result);

    /// <summary>The preferred URI form, such as <c>https://orcid.org/0000-0002-1825-0097</c>.</summary>
    /// <returns>The URI.</returns>
    /// <exception cref="InvalidOperationException">This is <c>default(Orcid)</c>.</exception>
    public Uri ToUri()
    {
        if (_packed == 0) ThrowHelper.ThrowDefaultValue(Name);
        return new Uri(string.Create(UriPrefix.Length + TextLength, this, static (span, orcid) =>
        {
            UriPrefix.CopyTo(span);
            orcid.Write(span[UriPrefix.Length..]);
        }));
    }

    /// <summary>The hyphenated form, such as <c>0000-0002-1825-0097</c>; empty for <c>default</c>.</summary>
    /// <returns>The canonical text.</returns>
    public override string ToString() =>
        _packed == 0 ? "" : string.Create(TextLength, this, static (span, orcid) => orcid.Write(span));

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

    /// <summary>True when both hold the same iD.</summary>
    /// <param name="other">The other iD.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Orcid other) => _packed == other._packed;

    /// <summary>True when <paramref name="obj"/> is an <see cref="Orcid"/> holding the same iD.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Orcid other && Equals(other);

    /// <summary>A hash of the iD.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _packed.GetHashCode();

    /// <summary>Orders as the canonical texts compare ordinally; <c>default</c> sorts first.</summary>
    /// <param name="other">The other iD.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(Orcid other) => _packed.CompareTo(other._packed);

    /// <summary>True when both hold the same iD.</summary>
    /// <param name="left">The first iD.</param>
    /// <param name="right">The second iD.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Orcid left, Orcid right) => left.Equals(right);

    /// <summary>True when the iDs differ.</summary>
    /// <param name="left">The first iD.</param>
    /// <param name="right">The second iD.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(Orcid left, Orcid right) => !left.Equals(right);

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first iD.</param>
    /// <param name="right">The second iD.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(Orcid left, Orcid right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first iD.</param>
    /// <param name="right">The second iD.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(Orcid left, Orcid right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first iD.</param>
    /// <param name="right">The second iD.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(Orcid left, Orcid right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first iD.</param>
    /// <param name="right">The second iD.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(Orcid left, Orcid right) => left.CompareTo(right) >= 0;

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
        for (var position = 14; position >= 0; position--)
        {
            var digit = (int)(body % 10);
            body /= 10;
            destination[position + (position / 4)] = TChar.CreateTruncating('0' + digit);
        }
        destination[4] = destination[9] = destination[14] = TChar.CreateTruncating('-');
        destination[18] = TChar.CreateTruncating(IdentifierText.CheckChar(CheckValue(_packed - 1)));
    }

    // ISO/IEC 7064 MOD 11-2 over the fifteen digits of the body.
    private static int CheckValue(long body)
    {
        Span<int> digits = stackalloc int[15];
        for (var position = 14; position >= 0; position--)
        {
            digits[position] = (int)(body % 10);
            body /= 10;
        }
        var total = 0;
        foreach (var digit in digits) total = (total + digit) * 2 % 11;
        return (12 - total) % 11;
    }

    private static bool TryParseCore(ReadOnlySpan<char> input, out Orcid result, out ParseFailure failure)
    {
        result = default;
        var s = IdentifierText.Trim(input, out var offset);
        var i = SkipUrlPrefix(s, out var schemeWithoutHost);
        if (schemeWithoutHost)
        {
            failure = new(ParseErrorReasons.NotAnOrcidUrl, offset);
            return false;
        }
        // A URL form may end in one slash (as browsers and some exports write it); the bare iD may not.
        if (i > 0 && s.Length > i && s[^1] == '/') s = s[..^1];
        if (i == s.Length)
        {
            failure = new(ParseErrorReasons.Empty, offset + i);
            return false;
        }

        var digitsStart = i;
        long body = 0;
        var total = 0;
        var count = 0;
        var last = 0;
        var lastIndex = 0;
        var hyphens = 0;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (IdentifierText.IsAsciiDigit(c))
            {
                if (count == Digits)
                {
                    failure = new(ParseErrorReasons.Length, offset + i, count + 1);
                    return false;
                }
                var digit = c - '0';
                if (count < Digits - 1)
                {
                    body = (body * 10) + digit;
                    total = (total + digit) * 2 % 11;
                }
                last = digit;
                lastIndex = i;
                count++;
            }
            else if (c is 'X' or 'x')
            {
                if (count != Digits - 1 || i != s.Length - 1)
                {
                    failure = new(ParseErrorReasons.XNotInCheckPosition, offset + i);
                    return false;
                }
                last = 10;
                lastIndex = i;
                count++;
            }
            else if (c == '-')
            {
                if (count != (hyphens + 1) * 4 || count == Digits)
                {
                    failure = new(ParseErrorReasons.MisplacedSeparator, offset + i);
                    return false;
                }
                hyphens++;
            }
            else
            {
                failure = new(IdentifierText.IsOtherDigit(c) ? ParseErrorReasons.NonAsciiDigit : ParseErrorReasons.InvalidCharacter, offset + i);
                return false;
            }
        }

        if (count != Digits)
        {
            failure = new(ParseErrorReasons.Length, offset + digitsStart, count);
            return false;
        }
        if (hyphens is not (0 or 3))
        {
            failure = new(ParseErrorReasons.MisplacedSeparator, offset + digitsStart);
            return false;
        }
        var expected = (12 - total) % 11;
        if (last != expected)
        {
            failure = new(ParseErrorReasons.Checksum, offset + lastIndex, last, expected);
            return false;
        }
        result = new Orcid(body);
        failure = default;
        return true;
    }

    // Skips "https://", "http://", "www." and "orcid.org/"; a scheme with another host is reported.
    private static int SkipUrlPrefix(ReadOnlySpan<char> s, out bool schemeWithoutHost)
    {
        var i = 0;
        var scheme = false;
        if (IdentifierText.StartsWithAsciiIgnoreCase(s, "https://")) { i = 8; scheme = true; }
        else if (IdentifierText.StartsWithAsciiIgnoreCase(s, "http://")) { i = 7; scheme = true; }
        var host = i;
        if (IdentifierText.StartsWithAsciiIgnoreCase(s[i..], "www.")) i += 4;
        if (IdentifierText.StartsWithAsciiIgnoreCase(s[i..], "orcid.org/"))
        {
            schemeWithoutHost = false;
            return i + 10;
        }
        schemeWithoutHost = scheme;
        return host == 0 ? 0 : host;
    }

    private static ParseError Describe(ParseFailure failure, ReadOnlySpan<char> input)
    {
        var reason = failure.Reason switch
        {
            ParseErrorReasons.Empty => "ORCID iD is empty",
            ParseErrorReasons.Length => $"ORCID iD has {failure.Found} digits, expected 16",
            ParseErrorReasons.Checksum => $"ORCID iD check character is {IdentifierText.CheckChar(failure.Found)}, expected {IdentifierText.CheckChar(failure.Expected)}",
            ParseErrorReasons.XNotInCheckPosition => "ORCID iD may hold 'X' only as its last (check) character",
            ParseErrorReasons.NonAsciiDigit => "ORCID iD digits must be ASCII '0'-'9'",
            ParseErrorReasons.MisplacedSeparator => "ORCID iD hyphens must split it into four groups of four",
            ParseErrorReasons.NotAnOrcidUrl => "ORCID iD URL must be on orcid.org",
            _ => "ORCID iD may hold only digits, 'X' and hyphens",
        };
        return new ParseError(failure.Reason, failure.Index, $"{reason}: {IdentifierText.Quote(input)}.");
    }
}
