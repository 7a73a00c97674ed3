using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord;

/// <summary>
/// A Digital Object Identifier (ISO 26324), such as <c>10.1007/978-1-349-05679-8_7</c>: the prefix
/// <c>10.</c> and a registrant code, a slash, and an opaque suffix.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Parse(string)"/> accepts the bare name and the usual wrappings, with white space around
/// them trimmed: a <c>doi:</c> or <c>urn:doi:</c> label (any case, optional space after the colon), the
/// info URI <c>info:doi/…</c> (RFC 4452, any case), and
/// resolver URLs such as <c>https://doi.org/…</c>, <c>http://dx.doi.org/…</c>, <c>doi.org/…</c>,
/// <c>www.doi.org/…</c> or <c>hdl.handle.net/…</c> (scheme optional, host in any case, optionally followed
/// by <c>urn:doi:</c> or <c>doi:</c>). The URL and info URI forms are percent-decoded exactly once, as UTF-8; characters
/// that a strict URL parser would treat as delimiters (such as a raw <c>#</c>) are kept as part of the
/// name, because real DOIs contain them. The bare and labelled forms are never percent-decoded.
/// </para>
/// <para>
/// The registrant code is ASCII digits with optional dot-separated subcodes (<c>10.1000.10</c>). The suffix
/// must be non-empty and may hold any graphic Unicode character; white space (code <c>whitespace</c>) and
/// control, format, unassigned or unpaired surrogate characters such as U+200B (code
/// <c>non-graphic-character</c>) are refused anywhere in the name.
/// </para>
/// <para>
/// <see cref="ToString()"/> gives the bare name with the case it was given in. Equality, hashing and ordering
/// ignore the case of ASCII letters only: <c>10.1000/ABC</c> equals <c>10.1000/abc</c>, but non-ASCII
/// letters compare exactly and U+2010 HYPHEN is not <c>-</c>.
/// </para>
/// <para>
/// <c>default(Doi)</c> is not a DOI: its <see cref="ToString()"/>, <see cref="Prefix"/> and <see cref="Suffix"/>
/// are empty strings, <see cref="ToUri"/> throws, it sorts before every real DOI, and serializers refuse to write it.
/// </para>
/// </remarks>
[JsonConverter(typeof(TextValueJsonConverter<Doi>))]
public readonly struct Doi :
    ISpanParsable<Doi>,
    ISpanFormattable,
    IUtf8SpanFormattable,
    IEquatable<Doi>,
    IComparable<Doi>,
    IComparisonOperators<Doi, Doi, bool>,
    ITextValue<Doi>
{
    private const string Name = "DOI";
    private const string ResolverPrefix = "https://doi.org/";
    private const int StackLimit = 256;

    // Resolver hosts recognised in URL forms (after an optional http:// or https://).
    private static readonly string[] ResolverHosts = ["doi.org/", "dx.doi.org/", "www.doi.org/", "hdl.handle.net/"];

    // ASCII characters that a URL must (% " # space ?) or should (< > { } ^ [ ] ` | \ +) percent-encode.
    private static readonly SearchValues<char> UriEscaped = SearchValues.Create("%\"# ?<>{}^[]`|\\+");

    // The bare name, as given (case kept); null only for default.
    private readonly string? _value;

    private Doi(string value) => _value = value;

    static string ITextValue<Doi>.TypeName => Name;

    bool ITextValue<Doi>.IsValid => _value is not null;

    /// <summary>The prefix: <c>10.</c> and the registrant code, such as <c>10.1007</c>; empty for <c>default</c>.</summary>
    public string Prefix => _value is null ? "" : _value[.._value.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The suffix after the first slash, case kept, such as <c>978-1-349-05679-8_7</c>; empty for <c>default</c>.</summary>
    public string Suffix => _value is null ? "" : _value[(_value.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>Parses a DOI in any of the accepted forms (see <see cref="Doi"/>).</summary>
    /// <param name="s">The text, such as <c>10.1000/xyz</c>, <c>doi:10.1000/xyz</c> or <c>https://doi.org/10.1000/xyz</c>.</param>
    /// <returns>The DOI.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a DOI; the message says why.</exception>
    public static Doi Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!TryParseCore(s, s, materialize: true, out var result, out var failure)) ThrowHelper.ThrowFormatException(Describe(failure, s));
        return result;
    }

    /// <summary>Parses a DOI in any of the accepted forms (see <see cref="Doi"/>).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The DOI.</returns>
    /// <exception cref="FormatException">The text is not a DOI; the message says why.</exception>
    public static Doi Parse(ReadOnlySpan<char> s)
    {
        if (!TryParseCore(s, null, materialize: true, out var result, out var failure)) ThrowHelper.ThrowFormatException(Describe(failure, s));
        return result;
    }

    /// <summary>
    /// Tries to parse a DOI. On failure nothing is allocated; on success only the stored name is (and not
    /// even that when <paramref name="s"/> already is the bare name).
    /// </summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="result">The DOI, or <c>default</c> when the text is not one.</param>
    /// <returns>True when the text is a DOI.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out Doi result) => TryParseCore(s, s, materialize: true, out result, out _);

    /// <summary>Tries to parse a DOI. On failure nothing is allocated; on success only the stored name is.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The DOI, or <c>default</c> when the text is not one.</param>
    /// <returns>True when the text is a DOI.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out Doi result) => TryParseCore(s, null, materialize: true, out result, out _);

    /// <summary>Explains why the text is not a DOI.</summary>
    /// <param name="s">The text.</param>
    /// <returns>
    /// Null when the text is a DOI; otherwise the code (such as <c>whitespace</c>), index and message. For a
    /// percent-encoded URL form the index counts decoded characters from the start of the name.
    /// </returns>
    public static ParseError? Validate(ReadOnlySpan<char> s) =>
        TryParseCore(s, null, materialize: false, out _, out var failure) ? null : Describe(failure, s);

    /// <summary>Explains why the text is not a DOI.</summary>
    /// <param name="s">The text, or null (reported as <c>empty</c>).</param>
    /// <returns>Null when the text is a DOI; otherwise the code, index and message.</returns>
    public static ParseError? Validate(string? s) => Validate(s.AsSpan());

    static Doi IParsable<Doi>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Doi>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Doi result) => TryParse(s, out result);

    static Doi ISpanParsable<Doi>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Doi>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Doi result) => TryParse(s, out result);

    /// <summary>
    /// Finds the DOIs in running text, in order of appearance. A DOI starts at <c>10.</c> (not inside a
    /// longer number or word) and may be preceded by a label or resolver URL; its suffix ends at white space
    /// or a non-graphic character. Trailing prose punctuation (<c>. , ; : ' "</c>) and unbalanced closing
    /// brackets (<c>) ] } &gt;</c>) are not part of it; balanced brackets inside the suffix are kept.
    /// </summary>
    /// <param name="text">The text to search.</param>
    /// <returns>The DOIs found (duplicates included), or an empty list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static IReadOnlyList<Doi> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Doi>();
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var relative = span[i..].IndexOf("10.", StringComparison.Ordinal);
            if (relative < 0) break;
            var start = i + relative;
            i = start + 1;
            if (start > 0 && (char.IsLetterOrDigit(span[start - 1]) || span[start - 1] is '.' or '-' or '_')) continue;

            var inUrl = EndsWithResolver(span[..start]);
            var j = start + 3;
            var registrantOk = true;
            while (true)
            {
                var digits = 0;
                while (j < span.Length && IdentifierText.IsAsciiDigit(span[j])) { j++; digits++; }
                if (digits == 0 || j == span.Length) { registrantOk = false; break; }
                if (span[j] == '.') { j++; continue; }
                break;
            }
            if (!registrantOk) continue;
            int suffixStart;
            if (span[j] == '/') suffixStart = j + 1;
            else if (inUrl && span[j..].StartsWith("%2F", StringComparison.OrdinalIgnoreCase)) suffixStart = j + 3;
            else continue;

            var end = suffixStart;
            while (end < span.Length && !EndsProseRun(span[end])) end++;
            end = TrimProsePunctuation(span, suffixStart, end);
            if (end == suffixStart) continue;

            if (TryCreate(span[start..end], null, inUrl, start, materialize: true, out var doi, out _))
            {
                found.Add(doi);
                i = end;
            }
        }
        return found;
    }

    /// <summary>
    /// The resolver URL <c>https://doi.org/&lt;prefix&gt;/&lt;suffix&gt;</c>, with the suffix percent-encoded
    /// where a URL needs it: <c>% " # ? &lt; &gt; { } ^ [ ] ` | \ +</c> and space, and every non-ASCII
    /// character as its UTF-8 bytes; a suffix segment that is just <c>.</c> or <c>..</c> has its dots escaped
    /// so that URI normalisation cannot remove it. Slashes inside the suffix are kept. <see cref="Parse(string)"/> of the
    /// URL's <see cref="Uri.AbsoluteUri"/> gives this DOI back.
    /// </summary>
    /// <returns>The URI.</returns>
    /// <exception cref="InvalidOperationException">This is <c>default(Doi)</c>.</exception>
    public Uri ToUri()
    {
        if (_value is null) ThrowHelper.ThrowDefaultValue(Name);
        var slash = _value.IndexOf('/', StringComparison.Ordinal);
        var suffix = _value.AsSpan(slash + 1);
        if (suffix.IndexOfAny(UriEscaped) < 0 && Ascii.IsValid(suffix) && !HasDotSegment(suffix)) return new Uri(ResolverPrefix + _value, UriKind.Absolute);

        var builder = new StringBuilder(ResolverPrefix.Length + _value.Length + 16);
        builder.Append(ResolverPrefix).Append(_value.AsSpan(0, slash + 1));
        Span<byte> utf8 = stackalloc byte[4];
        var rest = suffix;
        var keepPath = false;
        while (true)
        {
            var next = rest.IndexOf('/');
            var segment = next < 0 ? rest : rest[..next];
            if (segment is "." or "..")
            {
                // A URI parser would drop or climb over a "." or ".." segment (System.Uri even after
                // unescaping %2E), so these are escaped and the Uri below is built without path canonicalisation.
                foreach (var _ in segment) builder.Append("%2E");
                keepPath = true;
            }
            else
            {
                foreach (var rune in segment.EnumerateRunes())
                {
                    if (rune.IsAscii && !UriEscaped.Contains((char)rune.Value))
                    {
                        builder.Append((char)rune.Value);
                        continue;
                    }
                    var length = rune.EncodeToUtf8(utf8);
                    foreach (var b in utf8[..length]) builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            if (next < 0) break;
            builder.Append('/');
            rest = rest[(next + 1)..];
        }
        // Every character that needs escaping already is, so skipping canonicalisation changes nothing else.
        return keepPath
            ? new Uri(builder.ToString(), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true })
            : new Uri(builder.ToString(), UriKind.Absolute);
    }

    // True when a slash-separated segment of the suffix is "." or "..".
    private static bool HasDotSegment(ReadOnlySpan<char> suffix)
    {
        foreach (var range in suffix.Split('/'))
        {
            if (suffix[range] is "." or "..") return true;
        }
        return false;
    }

    /// <summary>The bare name, such as <c>10.1000/ABC</c>, with its case kept; empty for <c>default</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => _value ?? "";

    /// <summary>The bare name; the only format is the canonical one (null, empty or <c>G</c>).</summary>
    /// <param name="format">Null, empty or <c>G</c>.</param>
    /// <param name="formatProvider">Ignored: the text does not depend on culture.</param>
    /// <returns>The name.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (!IdentifierText.IsCanonicalFormat(format)) ThrowHelper.ThrowUnknownFormat(Name, format);
        return ToString();
    }

    /// <summary>Writes the bare name into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Null, empty or <c>G</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (!IdentifierText.IsCanonicalFormat(format)) ThrowHelper.ThrowUnknownFormat(Name, format);
        var value = _value.AsSpan();
        if (!value.TryCopyTo(destination))
        {
            charsWritten = 0;
            return false;
        }
        charsWritten = value.Length;
        return true;
    }

    /// <summary>Writes the bare name as UTF-8 into <paramref name="utf8Destination"/>.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <param name="format">Null, empty or <c>G</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="utf8Destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (!IdentifierText.IsCanonicalFormat(format)) ThrowHelper.ThrowUnknownFormat(Name, format);
        if (Utf8.FromUtf16(_value.AsSpan(), utf8Destination, out _, out bytesWritten) == OperationStatus.Done) return true;
        bytesWritten = 0;
        return false;
    }

    /// <summary>True when both hold the same DOI, ignoring the case of ASCII letters only.</summary>
    /// <param name="other">The other DOI.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Doi other) =>
        _value is null || other._value is null
            ? ReferenceEquals(_value, other._value)
            : IdentifierText.AsciiEqualsIgnoreCase(_value, other._value);

    /// <summary>True when <paramref name="obj"/> is a <see cref="Doi"/> holding the same DOI.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Doi other && Equals(other);

    /// <summary>A hash that ignores the case of ASCII letters, consistent with <see cref="Equals(Doi)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        if (_value is null) return 0;
        var hash = new HashCode();
        foreach (var c in _value) hash.Add(IdentifierText.FoldAscii(c));
        return hash.ToHashCode();
    }

    /// <summary>Orders ordinally by the names with ASCII letters folded; <c>default</c> sorts first.</summary>
    /// <param name="other">The other DOI.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(Doi other)
    {
        if (_value is null) return other._value is null ? 0 : -1;
        if (other._value is null) return 1;
        return IdentifierText.AsciiCompareIgnoreCase(_value, other._value);
    }

    /// <summary>True when both hold the same DOI (ASCII case ignored).</summary>
    /// <param name="left">The first DOI.</param>
    /// <param name="right">The second DOI.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Doi left, Doi right) => left.Equals(right);

    /// <summary>True when the DOIs differ.</summary>
    /// <param name="left">The first DOI.</param>
    /// <param name="right">The second DOI.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(Doi left, Doi right) => !left.Equals(right);

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first DOI.</param>
    /// <param name="right">The second DOI.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(Doi left, Doi right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first DOI.</param>
    /// <param name="right">The second DOI.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(Doi left, Doi right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first DOI.</param>
    /// <param name="right">The second DOI.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(Doi left, Doi right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first DOI.</param>
    /// <param name="right">The second DOI.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(Doi left, Doi right) => left.CompareTo(right) >= 0;

    // Strips the label or resolver URL, then checks (and for URLs decodes) the name.
    private static bool TryParseCore(ReadOnlySpan<char> input, string? original, bool materialize, out Doi result, out ParseFailure failure)
    {
        result = default;
        var s = IdentifierText.Trim(input, out var offset);
        var i = 0;
        var scheme = false;
        var isUrl = false;
        if (IdentifierText.StartsWithAsciiIgnoreCase(s, "https://")) { i = 8; scheme = true; }
        else if (IdentifierText.StartsWithAsciiIgnoreCase(s, "http://")) { i = 7; scheme = true; }
        foreach (var host in ResolverHosts)
        {
            if (IdentifierText.StartsWithAsciiIgnoreCase(s[i..], host))
            {
                i += host.Length;
                isUrl = true;
                break;
            }
        }
        if (scheme && !isUrl)
        {
            failure = new(ParseErrorReasons.NotADoiResolver, offset);
            return false;
        }
        if (!isUrl && IdentifierText.StartsWithAsciiIgnoreCase(s, "info:doi/"))
        {
            // The info URI (RFC 4452) is a URI, so its name is percent-decoded as the resolver URLs are.
            i = 9;
            isUrl = true;
        }
        if (IdentifierText.StartsWithAsciiIgnoreCase(s[i..], "urn:doi:")) i += 8;
        else if (IdentifierText.StartsWithAsciiIgnoreCase(s[i..], "doi:")) i += 4;
        if (!isUrl) i = IdentifierText.SkipSpaces(s, i);

        var name = s[i..];
        // Reuse the caller's string when it already is the bare name.
        var reusable = original is not null && name.Length == original.Length ? original : null;
        return TryCreate(name, reusable, isUrl, offset + i, materialize, out result, out failure);
    }

    // Checks a bare name (percent-decoding it first when it came from a URL) and stores it.
    private static bool TryCreate(ReadOnlySpan<char> name, string? reusable, bool percentDecode, int baseIndex, bool materialize, out Doi result, out ParseFailure failure)
    {
        result = default;
        if (!percentDecode || !name.Contains('%'))
        {
            if (!Check(name, baseIndex, out failure)) return false;
            if (materialize) result = new Doi(reusable ?? name.ToString());
            return true;
        }

        char[]? rented = null;
        var buffer = name.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(name.Length));
        try
        {
            if (!PercentDecode(name, buffer, out var written, out var badIndex))
            {
                failure = new(ParseErrorReasons.InvalidPercentEncoding, baseIndex + badIndex);
                return false;
            }
            var decoded = buffer[..written];
            if (!Check(decoded, baseIndex, out failure)) return false;
            if (materialize) result = new Doi(decoded.ToString());
            return true;
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    // The structural rules: "10." + registrant (digits, dot-separated) + "/" + non-empty suffix, graphic characters only.
    private static bool Check(ReadOnlySpan<char> name, int baseIndex, out ParseFailure failure)
    {
        if (name.IsEmpty)
        {
            failure = new(ParseErrorReasons.Empty, baseIndex);
            return false;
        }
        if (!name.StartsWith("10.", StringComparison.Ordinal))
        {
            failure = new(ParseErrorReasons.MissingPrefix, baseIndex);
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is > ' ' and < '\u007F') continue;
            var code = ClassifyNonPrintable(name, ref i);
            if (code is not null)
            {
                failure = new(code, baseIndex + i);
                return false;
            }
        }

        var j = 3;
        while (true)
        {
            var digits = 0;
            while (j < name.Length && IdentifierText.IsAsciiDigit(name[j])) { j++; digits++; }
            if (digits == 0 || (j < name.Length && name[j] is not ('.' or '/')))
            {
                failure = new(ParseErrorReasons.InvalidRegistrant, baseIndex + j);
                return false;
            }
            if (j == name.Length)
            {
                failure = new(ParseErrorReasons.MissingSuffix, baseIndex + j);
                return false;
            }
            if (name[j] == '/') break;
            j++;
        }
        if (j == name.Length - 1)
        {
            failure = new(ParseErrorReasons.EmptySuffix, baseIndex + j + 1);
            return false;
        }
        failure = default;
        return true;
    }

    // Null for a graphic character (advancing past a surrogate pair); otherwise the failure code.
    private static string? ClassifyNonPrintable(ReadOnlySpan<char> s, ref int i)
    {
        var c = s[i];
        if (char.IsWhiteSpace(c)) return ParseErrorReasons.Whitespace;
        UnicodeCategory category;
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1]));
            if (!IsNonGraphic(category)) i++;
        }
        else
        {
            category = CharUnicodeInfo.GetUnicodeCategory(c);
        }
        if (category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator) return ParseErrorReasons.Whitespace;
        return IsNonGraphic(category) ? ParseErrorReasons.NonGraphicCharacter : null;
    }

    private static bool IsNonGraphic(UnicodeCategory category) =>
        category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    // Decodes %XX escapes once; the bytes of each escaped sequence must be valid UTF-8.
    private static bool PercentDecode(ReadOnlySpan<char> source, Span<char> destination, out int written, out int badIndex)
    {
        Span<byte> bytes = stackalloc byte[4];
        written = 0;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c != '%')
            {
                destination[written++] = c;
                i++;
                continue;
            }
            badIndex = i;
            var first = ReadEscape(source, i);
            if (first < 0) return false;
            var length = first switch
            {
                < 0x80 => 1,
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (length == 0) return false;
            bytes[0] = (byte)first;
            for (var k = 1; k < length; k++)
            {
                var next = ReadEscape(source, i + (3 * k));
                if (next < 0) return false;
                bytes[k] = (byte)next;
            }
            if (Utf8.ToUtf16(bytes[..length], destination[written..], out _, out var chars, replaceInvalidSequences: false) != OperationStatus.Done) return false;
            written += chars;
            i += 3 * length;
        }
        badIndex = 0;
        return true;
    }

    // The byte of the %XX escape at index i, or -1.
    private static int ReadEscape(ReadOnlySpan<char> s, int i)
    {
        if (i + 2 >= s.Length || s[i] != '%') return -1;
        var high = IdentifierText.HexValue(s[i + 1]);
        var low = IdentifierText.HexValue(s[i + 2]);
        return high < 0 || low < 0 ? -1 : (high << 4) | low;
    }

    private static bool EndsWithResolver(ReadOnlySpan<char> before)
    {
        if (before.EndsWith("urn:doi:", StringComparison.OrdinalIgnoreCase)) before = before[..^8];
        else if (before.EndsWith("doi:", StringComparison.OrdinalIgnoreCase)) before = before[..^4];
        return before.EndsWith("doi.org/", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("hdl.handle.net/", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("info:doi/", StringComparison.OrdinalIgnoreCase);
    }

    private static bool EndsProseRun(char c) =>
        char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format;

    // Drops trailing prose punctuation and closing brackets that have no opening partner in the suffix.
    private static int TrimProsePunctuation(ReadOnlySpan<char> text, int start, int end)
    {
        while (end > start)
        {
            var last = text[end - 1];
            if (last is '.' or ',' or ';' or ':' or '\'' or '"')
            {
                end--;
                continue;
            }
            var open = last switch { ')' => '(', ']' => '[', '}' => '{', '>' => '<', _ => '\0' };
            if (open != '\0' && text[start..end].Count(last) > text[start..end].Count(open))
            {
                end--;
                continue;
            }
            break;
        }
        return end;
    }

    private static ParseError Describe(ParseFailure failure, ReadOnlySpan<char> input)
    {
        var reason = failure.Reason switch
        {
            ParseErrorReasons.Empty => "DOI is empty",
            ParseErrorReasons.MissingPrefix => "DOI must start with \"10.\"",
            ParseErrorReasons.InvalidRegistrant => "DOI registrant code must be ASCII digits, optionally in dot-separated parts",
            ParseErrorReasons.MissingSuffix => "DOI needs a '/' and a suffix after the registrant code",
            ParseErrorReasons.EmptySuffix => "DOI suffix after '/' is empty",
            ParseErrorReasons.Whitespace => "DOI may not contain white space",
            ParseErrorReasons.NonGraphicCharacter => "DOI may not contain control, format or unassigned characters",
            ParseErrorReasons.InvalidPercentEncoding => "DOI URL has a malformed percent escape or escapes that are not UTF-8",
            ParseErrorReasons.NotADoiResolver => "DOI URL must be on a DOI resolver such as https://doi.org/",
            _ => "DOI is not valid",
        };
        return new ParseError(failure.Reason, failure.Index, $"{reason}: {IdentifierText.Quote(input)}.");
    }
}
