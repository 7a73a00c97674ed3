using System.Runtime.InteropServices;
using System.Text.Json;

namespace ScholarlyRecord.Validation;

/// <summary>
/// JSON numbers compared as the exact decimals their text writes (no rounding, any exponent), and the "integer" test
/// JsonSchema.Net applies, so the compiled schema agrees with it on every number.
/// </summary>
internal static class JsonNumberText
{
    /// <summary>
    /// The "integer" type as JsonSchema.Net decides it: the number read as a double has no fraction. So
    /// <c>1.0000000000000000000001</c> and <c>1e400</c> count as integers; <c>2147483647.5</c> does not.
    /// </summary>
    public static bool IsWholeAsDouble(JsonElement number)
    {
        if (number.TryGetInt64(out _)) return true;
        if (!number.TryGetDouble(out var value)) return true; // beyond double's range: infinite, which has no fraction
        return double.IsInfinity(value) || Math.Floor(value) == value;
    }

    /// <summary>Compares two JSON numbers exactly: negative, zero or positive as <paramref name="a"/> is less, equal, greater.</summary>
    public static int Compare(JsonElement a, JsonElement? b)
    {
        var bound = b!.Value;
        if (a.TryGetInt64(out var x) && bound.TryGetInt64(out var y)) return x.CompareTo(y);
        return Compare(JsonMarshal.GetRawUtf8Value(a), JsonMarshal.GetRawUtf8Value(bound));
    }

    /// <summary>Compares two numbers written as JSON number text.</summary>
    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        // Numbers of any length are valid JSON; only short ones (all real data) get their digits on the stack.
        Span<byte> digitsA = a.Length <= 128 ? stackalloc byte[a.Length] : new byte[a.Length];
        Span<byte> digitsB = b.Length <= 128 ? stackalloc byte[b.Length] : new byte[b.Length];
        var left = Parse(a, digitsA);
        var right = Parse(b, digitsB);
        var signs = left.Sign.CompareTo(right.Sign);
        if (signs != 0 || left.Sign == 0) return signs;
        var magnitude = CompareMagnitude(left, digitsA[..left.Count], right, digitsB[..right.Count]);
        return left.Sign > 0 ? magnitude : -magnitude;
    }

    // |a| against |b| for non-zero values: first the place of the leading digit, then the digits themselves.
    private static int CompareMagnitude(Parsed a, ReadOnlySpan<byte> da, Parsed b, ReadOnlySpan<byte> db)
    {
        var places = (a.Exponent + a.Count).CompareTo(b.Exponent + b.Count);
        if (places != 0) return places;
        var common = Math.Min(da.Length, db.Length);
        var digits = da[..common].SequenceCompareTo(db[..common]);
        if (digits != 0) return Math.Sign(digits);
        // Trailing zeros were stripped, so the longer digit string has a non-zero digit left.
        return da.Length.CompareTo(db.Length);
    }

    /// <summary>Sign, significant digits (no leading or trailing zeros) and the power of ten of the last digit.</summary>
    private static Parsed Parse(ReadOnlySpan<byte> text, Span<byte> digits)
    {
        var i = 0;
        var sign = 1;
        if (i < text.Length && text[i] == '-')
        {
            sign = -1;
            i++;
        }
        var count = 0;
        long exponent = 0;
        var fraction = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                fraction = true;
                continue;
            }
            if (c is < (byte)'0' or > (byte)'9') break;
            if (fraction) exponent--;
            if (count == 0 && c == '0') continue;
            digits[count++] = c;
        }
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            var negative = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                negative = text[i] == '-';
                i++;
            }
            long power = 0;
            for (; i < text.Length; i++)
            {
                // Saturate: a power beyond ±10^15 already decides any comparison with a number of sane length.
                if (power < 1_000_000_000_000_000) power = power * 10 + (text[i] - '0');
            }
            exponent += negative ? -power : power;
        }
        while (count > 0 && digits[count - 1] == '0')
        {
            count--;
            exponent++;
        }
        return count == 0 ? new Parsed(0, 0, 0) : new Parsed(sign, count, exponent);
    }

    private readonly record struct Parsed(int Sign, int Count, long Exponent);
}
