using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord;

/// <summary>
/// An interval of partial dates, written as an EDTF / ISO 8601-2 interval: <c>1992-03/1992-05</c>, or with an
/// open end, <c>1992/..</c>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Start"/> is always a real date; <see cref="End"/> is null for an open-ended interval. An interval whose
/// end lies wholly before its start (the last day the end may denote is before the first day the start may denote)
/// cannot be created: <c>1992-05/1992-03</c> is rejected with <c>descending-range</c>, while <c>1992/1992-03</c>
/// and <c>1992-03/1992</c> are accepted because the two overlap. Open starts (<c>../1992</c>) are not supported.
/// </para>
/// <para>
/// Parsing accepts every form <see cref="PartialDate"/> accepts on each side of the slash, white space around the
/// slash, and for the open end <c>..</c> or nothing (<c>1992/</c>, as biblatex writes it). Formatting always writes
/// the canonical EDTF form, with <c>..</c> for an open end.
/// </para>
/// <para><c>default(PartialDateRange)</c> is not an interval: its start is <c>default(PartialDate)</c>.</para>
/// </remarks>
[JsonConverter(typeof(TextValueJsonConverter<PartialDateRange>))]
public readonly struct PartialDateRange :
    IEquatable<PartialDateRange>,
    ISpanParsable<PartialDateRange>,
    ISpanFormattable,
    ITextValue<PartialDateRange>
{
    private const int MaxLength = 21;
    private readonly PartialDate _end;

    /// <summary>Creates an interval.</summary>
    /// <param name="start">The start; must not be <c>default</c>.</param>
    /// <param name="end">The end, or null for an open end; must not lie wholly before <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException">A date is <c>default</c>, or the end lies before the start.</exception>
    public PartialDateRange(PartialDate start, PartialDate? end)
    {
        if (start.Year == 0) throw new ArgumentException("The start is default(PartialDate), which is not a date.", nameof(start));
        if (end is { } e)
        {
            if (e.Year == 0) throw new ArgumentException("The end is default(PartialDate), which is not a date.", nameof(end));
            if (IsDescending(start, e)) throw new ArgumentException($"The end {e} lies before the start {start}.", nameof(end));
            _end = e;
        }

        Start = start;
    }

    /// <summary>The first date of the interval.</summary>
    public PartialDate Start { get; }

    /// <summary>The last date of the interval, or null when the interval is open-ended.</summary>
    public PartialDate? End => _end.Year == 0 ? null : _end;

    static string ITextValue<PartialDateRange>.TypeName => "partial date range";

    bool ITextValue<PartialDateRange>.IsValid => Start.Year != 0;

    /// <summary>Parses an interval such as <c>1992-03/1992-05</c> or <c>1992/..</c>.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not an interval; <see cref="Validate(ReadOnlySpan{char})"/> says why.</exception>
    public static PartialDateRange Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return ParseOrThrow(s);
    }

    /// <summary>Parses an interval; the format provider is ignored.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not an interval.</exception>
    public static PartialDateRange Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return ParseOrThrow(s);
    }

    /// <summary>Parses an interval such as <c>1992-03/1992-05</c> or <c>1992/..</c>.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="FormatException">The text is not an interval.</exception>
    public static PartialDateRange Parse(ReadOnlySpan<char> s) => ParseOrThrow(s);

    /// <summary>Parses an interval; the format provider is ignored.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="FormatException">The text is not an interval.</exception>
    public static PartialDateRange Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => ParseOrThrow(s);

    /// <summary>Tries to parse an interval without allocating.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="result">The interval, or <c>default</c> on failure.</param>
    /// <returns>True when the text is an interval.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out PartialDateRange result) => TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse an interval; the format provider is ignored.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The interval, or <c>default</c> on failure.</param>
    /// <returns>True when the text is an interval.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PartialDateRange result) => TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse an interval without allocating.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The interval, or <c>default</c> on failure.</param>
    /// <returns>True when the text is an interval.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out PartialDateRange result) => ParseCore(s, out result, out _, out _) is null;

    /// <summary>Tries to parse an interval; the format provider is ignored.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The interval, or <c>default</c> on failure.</param>
    /// <returns>True when the text is an interval.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out PartialDateRange result) => TryParse(s, out result);

    /// <summary>
    /// Explains why the text is not an interval, or returns null when it is. Codes: those of
    /// <see cref="PartialDate.Validate(ReadOnlySpan{char})"/> for either side, <c>syntax</c> when there is no slash
    /// or more than one, and <c>descending-range</c> when the end lies before the start.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <returns>The error, or null.</returns>
    public static ParseError? Validate(ReadOnlySpan<char> s)
    {
        var code = ParseCore(s, out _, out var dateError, out var index);
        return code is null ? null : ToError(code, dateError, index, s);
    }

    /// <summary>Explains why the text is not an interval, or returns null when it is; null text gives <c>empty</c>.</summary>
    /// <param name="s">The text, or null.</param>
    /// <returns>The error, or null.</returns>
    public static ParseError? Validate(string? s) => Validate(s.AsSpan());

    /// <summary>Formats the interval as EDTF: <c>1992-03/1992-05</c>, or <c>1992/..</c> when open-ended.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[MaxLength];
        TryFormat(buffer, out var written, default, null);
        return new string(buffer[..written]);
    }

    /// <summary>Formats the interval; the format and the provider are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The same text as <see cref="ToString()"/>.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the canonical text into <paramref name="destination"/>; the format and the provider are ignored.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when the destination is too short.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (!Start.TryFormat(destination, out var first, default, null)) return false;
        if (first >= destination.Length) return false;
        destination[first] = '/';
        var rest = destination[(first + 1)..];
        int second;
        if (End is { } end)
        {
            if (!end.TryFormat(rest, out second, default, null)) return false;
        }
        else
        {
            if (!"..".TryCopyTo(rest)) return false;
            second = 2;
        }

        charsWritten = first + 1 + second;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(PartialDateRange other) => Start == other.Start && _end == other._end;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PartialDateRange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, _end);

    /// <summary>Equality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(PartialDateRange left, PartialDateRange right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(PartialDateRange left, PartialDateRange right) => !left.Equals(right);

    /// <summary>True when <paramref name="end"/> lies wholly before <paramref name="start"/>.</summary>
    internal static bool IsDescending(PartialDate start, PartialDate end) => end.LastDay < start.FirstDay;

    private static PartialDateRange ParseOrThrow(ReadOnlySpan<char> s)
    {
        var code = ParseCore(s, out var result, out var dateError, out var index);
        return code is null ? result : throw ToError(code, dateError, index, s).ToException();
    }

    // Returns null on success, "date" when a side is not a date (dateError says why), or a code of its own.
    private static string? ParseCore(ReadOnlySpan<char> s, out PartialDateRange result, out PartialDate.DateError dateError, out int index)
    {
        result = default;
        dateError = PartialDate.DateError.None;
        index = 0;
        if (s.IsWhiteSpace()) return ParseErrorReasons.Empty;
        var slash = s.IndexOf('/');
        if (slash < 0)
        {
            index = s.Length - s.TrimStart().Length;
            return ParseErrorReasons.Syntax;
        }

        var second = s[(slash + 1)..];
        var extra = second.IndexOf('/');
        if (extra >= 0)
        {
            index = slash + 1 + extra;
            return ParseErrorReasons.Syntax;
        }

        var startText = s[..slash];
        if (startText.Trim() is "..")
        {
            index = s.Length - s.TrimStart().Length;
            return ParseErrorReasons.Syntax;
        }

        dateError = PartialDate.ParseCore(startText, out var start, out index);
        if (dateError != PartialDate.DateError.None) return "date";

        var endText = second.Trim();
        if (endText.IsEmpty || endText is "..")
        {
            result = new PartialDateRange(start, null);
            return null;
        }

        dateError = PartialDate.ParseCore(second, out var end, out index);
        index += slash + 1;
        if (dateError != PartialDate.DateError.None) return "date";
        if (IsDescending(start, end))
        {
            index = slash + 1 + (second.Length - second.TrimStart().Length);
            return ParseErrorReasons.DescendingRange;
        }

        result = new PartialDateRange(start, end);
        return null;
    }

    private static ParseError ToError(string code, PartialDate.DateError dateError, int index, ReadOnlySpan<char> s)
    {
        if (code == "date") return PartialDate.ToError(dateError, index, s);
        var shown = PartialDate.Shown(s);
        return code switch
        {
            ParseErrorReasons.Empty => new ParseError(ParseErrorReasons.Empty, 0, "A date range was expected, but the text is empty."),
            ParseErrorReasons.DescendingRange => new ParseError(ParseErrorReasons.DescendingRange, index, $"'{shown}' is not a date range: the end lies before the start."),
            _ => new ParseError(ParseErrorReasons.Syntax, index, $"'{shown}' is not a date range: expected two partial dates separated by one '/', such as '1992-03/1992-05', or an open end, '1992/..'."),
        };
    }
}
