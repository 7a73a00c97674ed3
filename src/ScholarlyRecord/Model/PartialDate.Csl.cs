using System.Text.Json;

namespace ScholarlyRecord;

// Reading CSL-JSON date objects ({"date-parts": [[1992, 3]], "season": 1, "raw": "...", "literal": "..."}),
// which Crossref also uses. Shared by the CSL-JSON and Crossref readers.
public readonly partial struct PartialDate
{
    private enum PartsKind
    {
        Missing,
        Date,
        Invalid,
    }

    /// <summary>
    /// Reads a CSL-JSON date object. Returns false only when the object is malformed (a part that is neither a number
    /// nor a numeric string, a year outside 1 to 9999, a month or day out of range, more than two parts arrays, an end
    /// before the start); true otherwise, with <paramref name="date"/> null when the object holds no date
    /// (<c>[[null]]</c>, <c>[]</c>, no <c>date-parts</c>, a <c>literal</c> only).
    /// </summary>
    /// <remarks>
    /// Parts may be numbers or numeric strings. A month of 13 to 16 (citeproc-js) or 21 to 24 (EDTF) is a season, and
    /// so is a <c>season</c> member (1 to 4, a numeric string or a season name) when the date has only a year; a
    /// month wins over a <c>season</c> member. A zero month or day means unknown. Without <c>date-parts</c> the
    /// <c>raw</c> member is parsed as a <see cref="PartialDate"/> or a <see cref="PartialDateRange"/>. For an interval
    /// (two parts arrays) <paramref name="range"/> is set and <paramref name="date"/> is its start; for a single date
    /// <paramref name="range"/> is null.
    /// </remarks>
    internal static bool TryFromCslDateParts(JsonElement dateObject, out PartialDate? date, out PartialDateRange? range)
    {
        date = null;
        range = null;
        if (dateObject.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return true;
        if (dateObject.ValueKind != JsonValueKind.Object) return false;

        if (!dateObject.TryGetProperty("date-parts", out var parts))
        {
            return TryFromRaw(dateObject, out date, out range);
        }

        if (parts.ValueKind == JsonValueKind.Null) return TryFromRaw(dateObject, out date, out range);
        if (parts.ValueKind != JsonValueKind.Array) return false;
        var count = parts.GetArrayLength();
        if (count == 0) return true;
        if (count > 2) return false;

        var startKind = ReadParts(parts[0], out var start);
        if (startKind == PartsKind.Invalid) return false;
        PartialDate end = default;
        var endKind = count == 2 ? ReadParts(parts[1], out end) : PartsKind.Missing;
        if (endKind == PartsKind.Invalid) return false;
        if (startKind == PartsKind.Missing) return endKind == PartsKind.Missing;

        if (start.Precision == DatePrecision.Year && dateObject.TryGetProperty("season", out var seasonElement))
        {
            var season = ReadSeason(seasonElement);
            if (season < 0) return false;
            if (season > 0) start = new PartialDate(DatePrecision.Season, start.Year, season, 0);
        }

        date = start;
        if (endKind == PartsKind.Date)
        {
            if (PartialDateRange.IsDescending(start, end))
            {
                date = null;
                return false;
            }

            range = new PartialDateRange(start, end);
        }

        return true;
    }

    private static bool TryFromRaw(JsonElement dateObject, out PartialDate? date, out PartialDateRange? range)
    {
        date = null;
        range = null;
        if (!dateObject.TryGetProperty("raw", out var raw) || raw.ValueKind != JsonValueKind.String) return true;
        var text = raw.GetString().AsSpan();
        if (TryParse(text, out var single))
        {
            date = single;
            return true;
        }

        if (PartialDateRange.TryParse(text, out var interval))
        {
            range = interval;
            date = interval.Start;
            return true;
        }

        return false;
    }

    private static PartsKind ReadParts(JsonElement element, out PartialDate value)
    {
        value = default;
        if (element.ValueKind == JsonValueKind.Null) return PartsKind.Missing;
        if (element.ValueKind != JsonValueKind.Array) return PartsKind.Invalid;
        var length = element.GetArrayLength();
        if (length > 3) return PartsKind.Invalid;

        Span<int> numbers = stackalloc int[3];
        var known = 0;
        for (var i = 0; i < length; i++)
        {
            var item = element[i];
            if (item.ValueKind == JsonValueKind.Null)
            {
                // A null ends the known parts; anything known after it is contradictory.
                for (var j = i + 1; j < length; j++)
                {
                    if (element[j].ValueKind != JsonValueKind.Null) return PartsKind.Invalid;
                }

                break;
            }

            if (!TryReadNumber(item, out numbers[i])) return PartsKind.Invalid;
            known++;
        }

        if (known == 0) return PartsKind.Missing;
        var year = numbers[0];
        int? month = known > 1 && numbers[1] != 0 ? numbers[1] : null;
        int? day = known > 2 && numbers[2] != 0 ? numbers[2] : null;
        if (month is { } m && (m is >= 13 and <= 16 || m is >= 21 and <= 24))
        {
            if (day is not null || year is < 1 or > MaxYear) return PartsKind.Invalid;
            value = new PartialDate(DatePrecision.Season, year, m >= 21 ? m - 20 : m - 12, 0);
            return PartsKind.Date;
        }

        return TryCreate(year, month, day, out value) ? PartsKind.Date : PartsKind.Invalid;
    }

    // 1 to 4 for a season, 0 for none given, -1 for something that is not a season.
    private static int ReadSeason(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null) return 0;
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString().AsSpan().Trim();
            if (text.IsEmpty) return 0;
            if (text.Equals("spring", StringComparison.OrdinalIgnoreCase)) return 1;
            if (text.Equals("summer", StringComparison.OrdinalIgnoreCase)) return 2;
            if (text.Equals("autumn", StringComparison.OrdinalIgnoreCase) || text.Equals("fall", StringComparison.OrdinalIgnoreCase)) return 3;
            if (text.Equals("winter", StringComparison.OrdinalIgnoreCase)) return 4;
        }

        if (!TryReadNumber(element, out var number)) return -1;
        return number switch
        {
            >= 1 and <= 4 => number,
            >= 21 and <= 24 => number - 20,
            _ => -1,
        };
    }

    // A JSON integer, or a string of one to nine ASCII digits (white space around allowed).
    private static bool TryReadNumber(JsonElement item, out int number)
    {
        number = 0;
        if (item.ValueKind == JsonValueKind.Number) return item.TryGetInt32(out number);
        if (item.ValueKind != JsonValueKind.String) return false;
        var text = item.GetString().AsSpan().Trim();
        if (text.IsEmpty || text.Length > 9) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            number = (number * 10) + (c - '0');
        }

        return true;
    }
}
