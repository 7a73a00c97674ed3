using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord;

/// <summary>
/// A calendar date of which only the year, the year and a season, the year and a month, or the full day is known,
/// as bibliographic dates usually are: <c>1992</c>, <c>Spring 1992</c>, <c>1992-03</c>, <c>1992-03-15</c>.
/// </summary>
/// <remarks>
/// <para>
/// A value can never be invalid: the year is 1 to 9999 (the proleptic Gregorian calendar of <see cref="DateOnly"/>;
/// years before the common era and year 0 are not supported), the month 1 to 12, the day exists in that month of that
/// year (leap years included), and a season (1 spring, 2 summer, 3 autumn, 4 winter, as in CSL) excludes a month.
/// Every constructor and factory checks this; <see cref="TryCreate"/> checks without throwing.
/// </para>
/// <para>
/// The text form is ISO 8601 / EDTF: <c>1992</c>, <c>1992-03</c>, <c>1992-03-15</c>, and for seasons the EDTF codes
/// 21 to 24 (<c>1992-21</c> is spring 1992). <see cref="Parse(string)"/> also accepts <c>Spring 1992</c>,
/// <c>Fall 1992</c> and the like (case-insensitive), zero placeholders meaning "unknown" (<c>1993-00-00</c> is
/// the year 1993, <c>1993-03-00</c> is March 1993) and surrounding white space. Only ASCII digits count as digits.
/// </para>
/// <para>
/// <c>default(PartialDate)</c> is not a date: its <see cref="Year"/> is 0, it formats as <c>0000</c>, sorts before
/// every real date, and the JSON serializer refuses to write it. Use <c>PartialDate?</c> for a date that may be missing.
/// </para>
/// <para>
/// Ordering follows the first day each value may denote, then the precision (a year sorts before a season, a season
/// before a month, a month before a day that starts on the same day), so it is a total order consistent with equality.
/// Winter is taken to span the whole year when finding its first and last day, because whether "Winter 1992" means
/// January 1992 or December 1992 depends on the publisher.
/// </para>
/// </remarks>
[JsonConverter(typeof(TextValueJsonConverter<PartialDate>))]
public readonly partial struct PartialDate :
    IEquatable<PartialDate>,
    IComparable<PartialDate>,
    IComparable,
    ISpanParsable<PartialDate>,
    ISpanFormattable,
    IUtf8SpanFormattable,
    ITextValue<PartialDate>
{
    private const int MaxYear = 9999;
    private const int MaxLength = 10;

    private readonly short _year;
    private readonly byte _month;
    private readonly byte _day;
    private readonly byte _season;

    /// <summary>Creates a year-only date.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1 to 9999.</exception>
    public PartialDate(int year)
        : this(year, null, null)
    {
    }

    /// <summary>Creates a year-and-month date.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year or the month is out of range.</exception>
    public PartialDate(int year, int month)
        : this(year, month, null)
    {
    }

    /// <summary>Creates a full calendar date.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day, which must exist in that month of that year.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year, the month or the day is out of range.</exception>
    public PartialDate(int year, int month, int day)
        : this(year, month, (int?)day)
    {
    }

    private PartialDate(int year, int? month, int? day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        if (month is { } m)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(m, 1, nameof(month));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(m, 12, nameof(month));
            _month = (byte)m;
        }

        if (day is { } d)
        {
            if (month is null)
            {
                throw new ArgumentException($"A day ({d}) needs a month.", nameof(day));
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(d, 1, nameof(day));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(d, DateTime.DaysInMonth(year, month.Value), nameof(day));
            _day = (byte)d;
        }

        _year = (short)year;
    }

    private PartialDate(DatePrecision precision, int year, int monthOrSeason, int day)
    {
        _year = (short)year;
        switch (precision)
        {
            case DatePrecision.Season:
                _season = (byte)monthOrSeason;
                break;
            case DatePrecision.Month:
                _month = (byte)monthOrSeason;
                break;
            case DatePrecision.Day:
                _month = (byte)monthOrSeason;
                _day = (byte)day;
                break;
            default:
                break;
        }
    }

    /// <summary>The year, 1 to 9999 (0 only for <c>default(PartialDate)</c>).</summary>
    public int Year => _year;

    /// <summary>The month, 1 to 12, or null when it is not known (always null for a season).</summary>
    public int? Month => _month == 0 ? null : _month;

    /// <summary>The day of the month, or null when it is not known.</summary>
    public int? Day => _day == 0 ? null : _day;

    /// <summary>The CSL season: 1 spring, 2 summer, 3 autumn, 4 winter; null unless <see cref="Precision"/> is <see cref="DatePrecision.Season"/>.</summary>
    public int? Season => _season == 0 ? null : _season;

    /// <summary>How much of the date is known.</summary>
    public DatePrecision Precision =>
        _day != 0 ? DatePrecision.Day
        : _month != 0 ? DatePrecision.Month
        : _season != 0 ? DatePrecision.Season
        : DatePrecision.Year;

    static string ITextValue<PartialDate>.TypeName => "partial date";

    bool ITextValue<PartialDate>.IsValid => _year != 0;

    /// <summary>The first day this value may denote (January 1 for a year). Not defined for <c>default</c>.</summary>
    internal DateOnly FirstDay => Precision switch
    {
        DatePrecision.Day => new DateOnly(_year, _month, _day),
        DatePrecision.Month => new DateOnly(_year, _month, 1),
        DatePrecision.Season => new DateOnly(_year, SeasonFirstMonth(_season), 1),
        _ => new DateOnly(_year, 1, 1),
    };

    /// <summary>The last day this value may denote (December 31 for a year). Not defined for <c>default</c>.</summary>
    internal DateOnly LastDay => Precision switch
    {
        DatePrecision.Day => new DateOnly(_year, _month, _day),
        DatePrecision.Month => new DateOnly(_year, _month, DateTime.DaysInMonth(_year, _month)),
        DatePrecision.Season => LastDayOfMonth(_year, SeasonLastMonth(_season)),
        _ => new DateOnly(_year, 12, 31),
    };

    /// <summary>Creates a date from numeric parts, as CSL <c>date-parts</c> and Crossref give them.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12, or null when unknown.</param>
    /// <param name="day">The day, or null when unknown; a day needs a month.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    /// <exception cref="ArgumentException">A day is given without a month.</exception>
    public static PartialDate FromDateParts(int year, int? month = null, int? day = null) => new(year, month, day);

    /// <summary>Creates a season date.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="season">The CSL season: 1 spring, 2 summer, 3 autumn, 4 winter.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or the season is out of range.</exception>
    public static PartialDate FromSeason(int year, int season)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(season, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(season, 4);
        return new PartialDate(DatePrecision.Season, year, season, 0);
    }

    /// <summary>Creates a date from numeric parts without throwing.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12, or null when unknown.</param>
    /// <param name="day">The day, or null when unknown; a day needs a month.</param>
    /// <param name="result">The date, or <c>default</c> when a part is out of range.</param>
    /// <returns>True when the parts make a date.</returns>
    public static bool TryCreate(int year, int? month, int? day, out PartialDate result)
    {
        result = default;
        if (year is < 1 or > MaxYear) return false;
        if (month is null)
        {
            if (day is not null) return false;
            result = new PartialDate(DatePrecision.Year, year, 0, 0);
            return true;
        }

        if (month.Value is < 1 or > 12) return false;
        if (day is null)
        {
            result = new PartialDate(DatePrecision.Month, year, month.Value, 0);
            return true;
        }

        if (day.Value < 1 || day.Value > DateTime.DaysInMonth(year, month.Value)) return false;
        result = new PartialDate(DatePrecision.Day, year, month.Value, day.Value);
        return true;
    }

    /// <summary>Parses a partial date (see the type's remarks for the accepted forms).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a partial date; <see cref="Validate(ReadOnlySpan{char})"/> says why.</exception>
    public static PartialDate Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return ParseOrThrow(s);
    }

    /// <summary>Parses a partial date; the format provider is ignored (the forms are culture-invariant).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a partial date.</exception>
    public static PartialDate Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return ParseOrThrow(s);
    }

    /// <summary>Parses a partial date (see the type's remarks for the accepted forms).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The date.</returns>
    /// <exception cref="FormatException">The text is not a partial date.</exception>
    public static PartialDate Parse(ReadOnlySpan<char> s) => ParseOrThrow(s);

    /// <summary>Parses a partial date; the format provider is ignored (the forms are culture-invariant).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The date.</returns>
    /// <exception cref="FormatException">The text is not a partial date.</exception>
    public static PartialDate Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => ParseOrThrow(s);

    private static PartialDate ParseOrThrow(ReadOnlySpan<char> s)
    {
        var error = ParseCore(s, out var result, out var index);
        return error == DateError.None ? result : throw ToError(error, index, s).ToException();
    }

    /// <summary>Tries to parse a partial date without allocating.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="result">The date, or <c>default</c> on failure.</param>
    /// <returns>True when the text is a partial date.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out PartialDate result) => TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse a partial date; the format provider is ignored.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The date, or <c>default</c> on failure.</param>
    /// <returns>True when the text is a partial date.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PartialDate result) => TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse a partial date without allocating.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The date, or <c>default</c> on failure.</param>
    /// <returns>True when the text is a partial date.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out PartialDate result) => ParseCore(s, out result, out _) == DateError.None;

    /// <summary>Tries to parse a partial date; the format provider is ignored.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The date, or <c>default</c> on failure.</param>
    /// <returns>True when the text is a partial date.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out PartialDate result) => TryParse(s, out result);

    /// <summary>
    /// Explains why the text is not a partial date, or returns null when it is. Codes: <c>empty</c>, <c>syntax</c>,
    /// <c>year-out-of-range</c> (year 0, a sign, or more than four digits), <c>month-out-of-range</c> (13 to 20 or
    /// above 24), <c>day-out-of-range</c> (a day that month does not have), <c>day-without-month</c> (<c>1993-00-15</c>).
    /// </summary>
    /// <param name="s">The text.</param>
    /// <returns>The error, or null.</returns>
    public static ParseError? Validate(ReadOnlySpan<char> s)
    {
        var error = ParseCore(s, out _, out var index);
        return error == DateError.None ? null : ToError(error, index, s);
    }

    /// <summary>Explains why the text is not a partial date, or returns null when it is; null text gives <c>empty</c>.</summary>
    /// <param name="s">The text, or null.</param>
    /// <returns>The error, or null.</returns>
    public static ParseError? Validate(string? s) => Validate(s.AsSpan());

    /// <summary>Formats the date as ISO 8601 / EDTF: <c>1992</c>, <c>1992-03</c>, <c>1992-03-15</c> or <c>1992-21</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var written = FormatCore(buffer);
        return new string(buffer[..written]);
    }

    /// <summary>Formats the date; the format and the provider are ignored (there is one canonical form).</summary>
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
        if (destination.Length < FormattedLength)
        {
            charsWritten = 0;
            return false;
        }

        charsWritten = FormatCore(destination);
        return true;
    }

    /// <summary>Writes the canonical text as UTF-8 into <paramref name="utf8Destination"/>; the format and the provider are ignored.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when the destination is too short.</returns>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        bytesWritten = 0;
        if (utf8Destination.Length < FormattedLength) return false;
        Span<char> buffer = stackalloc char[MaxLength];
        var written = FormatCore(buffer);
        for (var i = 0; i < written; i++) utf8Destination[i] = (byte)buffer[i];
        bytesWritten = written;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(PartialDate other) =>
        _year == other._year && _month == other._month && _day == other._day && _season == other._season;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (_year << 16) | (_month << 11) | (_day << 3) | _season;

    /// <summary>Compares by the first day each value may denote, then by precision (see the type's remarks).</summary>
    /// <param name="other">The other date.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(PartialDate other)
    {
        if (_year == 0 || other._year == 0) return (_year == 0 ? 0 : 1) - (other._year == 0 ? 0 : 1);
        var byDay = FirstDay.CompareTo(other.FirstDay);
        if (byDay != 0) return byDay;
        return Precision.CompareTo(other.Precision);
    }

    /// <summary>Compares with another boxed <see cref="PartialDate"/>; null sorts first.</summary>
    /// <param name="obj">The other value.</param>
    /// <returns>Negative, zero or positive.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="PartialDate"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        PartialDate other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a PartialDate.", nameof(obj)),
    };

    /// <summary>Equality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    /// <summary>Ordering (see <see cref="CompareTo(PartialDate)"/>).</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>True when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    /// <summary>Ordering (see <see cref="CompareTo(PartialDate)"/>).</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>True when <paramref name="left"/> sorts first or is equal.</returns>
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering (see <see cref="CompareTo(PartialDate)"/>).</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>True when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    /// <summary>Ordering (see <see cref="CompareTo(PartialDate)"/>).</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>True when <paramref name="left"/> sorts last or is equal.</returns>
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    private int FormattedLength => Precision switch
    {
        DatePrecision.Day => 10,
        DatePrecision.Year => 4,
        _ => 7,
    };

    private int FormatCore(Span<char> destination)
    {
        WriteDigits(destination, _year, 4);
        var part = _season != 0 ? _season + 20 : _month;
        if (part == 0) return 4;
        destination[4] = '-';
        WriteDigits(destination[5..], part, 2);
        if (_day == 0) return 7;
        destination[7] = '-';
        WriteDigits(destination[8..], _day, 2);
        return 10;
    }

    private static void WriteDigits(Span<char> destination, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static int SeasonFirstMonth(int season) => season switch
    {
        1 => 3,
        2 => 6,
        3 => 9,
        _ => 1,
    };

    private static int SeasonLastMonth(int season) => season switch
    {
        1 => 5,
        2 => 8,
        3 => 11,
        _ => 12,
    };

    private static DateOnly LastDayOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>What went wrong while parsing, without allocating.</summary>
    internal enum DateError : byte
    {
        None,
        Empty,
        Syntax,
        YearOutOfRange,
        MonthOutOfRange,
        DayOutOfRange,
        DayWithoutMonth,
    }

    /// <summary>The parser shared with <see cref="PartialDateRange"/>; <paramref name="index"/> is relative to <paramref name="s"/>.</summary>
    internal static DateError ParseCore(ReadOnlySpan<char> s, out PartialDate result, out int index)
    {
        result = default;
        var start = 0;
        var end = s.Length;
        while (start < end && char.IsWhiteSpace(s[start])) start++;
        while (end > start && char.IsWhiteSpace(s[end - 1])) end--;
        if (start == end)
        {
            index = 0;
            return DateError.Empty;
        }

        var text = s[start..end];
        var error = char.IsAsciiLetter(text[0])
            ? ParseSeasonWords(text, out result, out index)
            : ParseIso(text, out result, out index);
        index += start;
        return error;
    }

    private static DateError ParseIso(ReadOnlySpan<char> text, out PartialDate result, out int index)
    {
        result = default;
        index = 0;
        if (text[0] is '-' or '+')
        {
            return text.Length > 1 && char.IsAsciiDigit(text[1]) ? DateError.YearOutOfRange : DateError.Syntax;
        }

        var error = ParseYear(text, out var year, out var i);
        if (error != DateError.None)
        {
            index = i;
            return error;
        }

        if (i == text.Length)
        {
            result = new PartialDate(DatePrecision.Year, year, 0, 0);
            return DateError.None;
        }

        if (text[i] != '-' || !TryReadTwoDigits(text, i + 1, out var month))
        {
            index = text[i] == '-' ? i + 1 : i;
            return DateError.Syntax;
        }

        var monthIndex = i + 1;
        i += 3;
        if (month is >= 21 and <= 24)
        {
            if (i != text.Length)
            {
                index = i;
                return DateError.Syntax;
            }

            result = new PartialDate(DatePrecision.Season, year, month - 20, 0);
            return DateError.None;
        }

        if (month > 12)
        {
            index = monthIndex;
            return DateError.MonthOutOfRange;
        }

        var day = 0;
        var dayIndex = i + 1;
        if (i != text.Length)
        {
            if (text[i] != '-')
            {
                index = i;
                return DateError.Syntax;
            }

            if (!TryReadTwoDigits(text, i + 1, out day))
            {
                index = i + 1;
                return DateError.Syntax;
            }

            if (i + 3 != text.Length)
            {
                index = i + 3;
                return DateError.Syntax;
            }
        }

        if (month == 0)
        {
            if (day != 0)
            {
                index = dayIndex;
                return DateError.DayWithoutMonth;
            }

            result = new PartialDate(DatePrecision.Year, year, 0, 0);
            return DateError.None;
        }

        if (day == 0)
        {
            result = new PartialDate(DatePrecision.Month, year, month, 0);
            return DateError.None;
        }

        if (day > DateTime.DaysInMonth(year, month))
        {
            index = dayIndex;
            return DateError.DayOutOfRange;
        }

        result = new PartialDate(DatePrecision.Day, year, month, day);
        return DateError.None;
    }

    private static DateError ParseSeasonWords(ReadOnlySpan<char> text, out PartialDate result, out int index)
    {
        result = default;
        index = 0;
        var wordLength = 0;
        while (wordLength < text.Length && char.IsAsciiLetter(text[wordLength])) wordLength++;
        var word = text[..wordLength];
        int season;
        if (word.Equals("spring", StringComparison.OrdinalIgnoreCase)) season = 1;
        else if (word.Equals("summer", StringComparison.OrdinalIgnoreCase)) season = 2;
        else if (word.Equals("autumn", StringComparison.OrdinalIgnoreCase) || word.Equals("fall", StringComparison.OrdinalIgnoreCase)) season = 3;
        else if (word.Equals("winter", StringComparison.OrdinalIgnoreCase)) season = 4;
        else return DateError.Syntax;

        var i = wordLength;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        if (i == wordLength || i == text.Length)
        {
            index = i;
            return DateError.Syntax;
        }

        var error = ParseYear(text[i..], out var year, out var yearEnd);
        if (error != DateError.None)
        {
            index = i + yearEnd;
            return error;
        }

        if (i + yearEnd != text.Length)
        {
            index = i + yearEnd;
            return DateError.Syntax;
        }

        result = new PartialDate(DatePrecision.Season, year, season, 0);
        return DateError.None;
    }

    // Reads the four-digit year at the start; on success 'end' is just after it, on failure it is the error index.
    private static DateError ParseYear(ReadOnlySpan<char> text, out int year, out int end)
    {
        year = 0;
        var digits = LeadingDigits(text);
        if (digits < 4)
        {
            end = digits;
            return DateError.Syntax;
        }

        end = 0;
        if (digits > 4) return DateError.YearOutOfRange;
        year = ((text[0] - '0') * 1000) + ((text[1] - '0') * 100) + ((text[2] - '0') * 10) + (text[3] - '0');
        if (year == 0) return DateError.YearOutOfRange;
        end = 4;
        return DateError.None;
    }

    private static int LeadingDigits(ReadOnlySpan<char> text)
    {
        var n = 0;
        while (n < text.Length && char.IsAsciiDigit(text[n])) n++;
        return n;
    }

    // Exactly two ASCII digits at 'at', not followed by a third.
    private static bool TryReadTwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        value = 0;
        if (at + 2 > text.Length || !char.IsAsciiDigit(text[at]) || !char.IsAsciiDigit(text[at + 1])) return false;
        if (at + 2 < text.Length && char.IsAsciiDigit(text[at + 2])) return false;
        value = ((text[at] - '0') * 10) + (text[at + 1] - '0');
        return true;
    }

    internal static ParseError ToError(DateError error, int index, ReadOnlySpan<char> s)
    {
        var shown = Shown(s);
        return error switch
        {
            DateError.Empty => new ParseError(ParseErrorReasons.Empty, index, "A partial date was expected, but the text is empty."),
            DateError.YearOutOfRange => new ParseError(ParseErrorReasons.YearOutOfRange, index, $"'{shown}' is not a partial date: the year must be 0001 to 9999."),
            DateError.MonthOutOfRange => new ParseError(ParseErrorReasons.MonthOutOfRange, index, $"'{shown}' is not a partial date: the month must be 01 to 12 (or 21 to 24 for a season)."),
            DateError.DayOutOfRange => new ParseError(ParseErrorReasons.DayOutOfRange, index, $"'{shown}' is not a partial date: that month has no such day."),
            DateError.DayWithoutMonth => new ParseError(ParseErrorReasons.DayWithoutMonth, index, $"'{shown}' is not a partial date: a day needs a month."),
            _ => new ParseError(ParseErrorReasons.Syntax, index, $"'{shown}' is not a partial date: expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-21..24 or a season and a year, such as 'Spring 1992'."),
        };
    }

    internal static string Shown(ReadOnlySpan<char> s) =>
        s.Length <= 64 ? s.ToString() : string.Concat(s[..64], "…");
}
