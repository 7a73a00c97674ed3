using System.Globalization;

namespace ScholarlyRecord.Formats;

/// <summary>The RIS date forms (docs/formats-ris.md, "Date rule").</summary>
internal static class RisDates
{
    private static readonly string[] SeasonNames = ["Spring", "Summer", "Autumn", "Winter"];

    /// <summary>The outcome of reading one date value.</summary>
    public enum Outcome
    {
        /// <summary>Not a date.</summary>
        Invalid,

        /// <summary>A date, every part understood.</summary>
        Date,

        /// <summary>A date whose trailing text was not a season and was ignored.</summary>
        DateWithIgnoredText,
    }

    /// <summary>Reads <c>YYYY</c>, <c>YYYY/MM/DD/other</c> (trailing parts may be empty) or an ISO partial date.</summary>
    public static Outcome TryParse(string value, out PartialDate date)
    {
        date = default;
        var text = value.AsSpan().Trim();
        if (text.IndexOf('/') < 0)
        {
            return PartialDate.TryParse(text, out date) ? Outcome.Date : Outcome.Invalid;
        }

        Span<Range> parts = stackalloc Range[5];
        var count = text.Split(parts, '/');
        if (count > 4)
        {
            // Everything after the third slash is the "other" part, slashes included.
            count = 4;
            var third = NthSlash(text, 3);
            parts[3] = (third + 1)..text.Length;
        }
        var year = text[parts[0]].Trim();
        if (year.Length != 4 || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1)
        {
            return Outcome.Invalid;
        }
        var monthText = count > 1 ? text[parts[1]].Trim() : [];
        var dayText = count > 2 ? text[parts[2]].Trim() : [];
        var other = count > 3 ? text[parts[3]].Trim() : [];

        int? month = null;
        int? day = null;
        if (!monthText.IsEmpty)
        {
            if (!TryNumber(monthText, out var m)) return Outcome.Invalid;
            month = m;
        }
        if (!dayText.IsEmpty)
        {
            if (!TryNumber(dayText, out var d)) return Outcome.Invalid;
            day = d;
        }
        if (!PartialDate.TryCreate(y, month, day, out date)) return Outcome.Invalid;
        if (other.IsEmpty) return Outcome.Date;
        if (month is null && SeasonOf(other) is { } season)
        {
            date = PartialDate.FromSeason(y, season);
            return Outcome.Date;
        }
        return Outcome.DateWithIgnoredText;
    }

    private static int NthSlash(ReadOnlySpan<char> text, int n)
    {
        var seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '/' && ++seen == n) return i;
        }
        return text.Length;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && text.Length <= 2;

    private static int? SeasonOf(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < SeasonNames.Length; i++)
        {
            if (text.Equals(SeasonNames[i], StringComparison.OrdinalIgnoreCase)) return i + 1;
        }
        return text.Equals("Fall", StringComparison.OrdinalIgnoreCase) ? 3 : null;
    }

    /// <summary>The <c>PY</c> value: the year.</summary>
    public static string Year(PartialDate date) => date.Year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The <c>DA</c> value for a date more precise than a year, or null for a year.</summary>
    public static string? Detail(PartialDate date) => date.Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}/{date.Month:D2}/{date.Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}/{date.Month:D2}"),
        DatePrecision.Season => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}///{SeasonNames[date.Season!.Value - 1]}"),
        _ => null,
    };

    /// <summary>True when <paramref name="detail"/> says more than <paramref name="main"/> and does not contradict it.</summary>
    public static bool Refines(PartialDate main, PartialDate detail)
    {
        if (detail.Year != main.Year || detail.Precision <= main.Precision) return false;
        return main.Precision switch
        {
            DatePrecision.Year => true,
            DatePrecision.Month => detail.Month == main.Month,
            _ => false,
        };
    }
}
