using System.Text;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The RIS name rule (docs/formats-ris.md): <c>[Particle ]Family, Given[, Suffix]</c> for people,
/// <c>Name,</c> for organisations, and <c>Given Family</c> accepted on input.
/// </summary>
internal static class RisNames
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "des",
        "le", "la", "ten", "ter", "te", "zu", "dos", "das", "do",
    };

    /// <summary>The name as one RIS value.</summary>
    public static string Format(PersonName name)
    {
        if (name.Literal is not null)
        {
            return RisText.SingleLine(name.Literal) + ",";
        }
        var builder = new StringBuilder();
        if (!string.IsNullOrEmpty(name.Particle))
        {
            builder.Append(Part(name.Particle));
            if (name.Family is not null) builder.Append(' ');
        }
        if (name.Family is not null) builder.Append(Part(name.Family));
        builder.Append(", ");
        if (name.Given is not null) builder.Append(Part(name.Given));
        if (!string.IsNullOrEmpty(name.Suffix))
        {
            builder.Append(", ").Append(Part(name.Suffix));
        }
        return builder.ToString();
    }

    private static string Part(string part) => RisText.SingleLine(part).Replace(',', ' ');

    /// <summary>Reads one RIS name; null when the value holds no name.</summary>
    public static PersonName? Parse(string value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var firstComma = value.IndexOf(',', StringComparison.Ordinal);
        if (firstComma < 0) return ParseGivenFirst(value);
        if (value[^1] == ',')
        {
            var literal = value[..^1];
            return string.IsNullOrWhiteSpace(literal) ? null : new PersonName { Literal = literal };
        }

        var familyPart = value[..firstComma];
        var rest = AfterComma(value, firstComma);
        var secondComma = rest.IndexOf(',', StringComparison.Ordinal);
        string given;
        string? suffix = null;
        if (secondComma < 0)
        {
            given = rest;
        }
        else
        {
            given = rest[..secondComma];
            suffix = AfterComma(rest, secondComma);
        }
        var (particle, family) = SplitParticle(familyPart);
        var name = new PersonName
        {
            Particle = particle,
            Family = NullIfEmpty(family),
            Given = NullIfEmpty(given),
            Suffix = NullIfEmpty(suffix),
        };
        return name is { Family: null, Given: null, Particle: null, Suffix: null } ? null : name;
    }

    private static string AfterComma(string value, int comma)
    {
        var start = comma + 1;
        if (start < value.Length && value[start] == ' ') start++;
        return value[start..];
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Leading known particles of the family part, each followed by one space and not the last word.</summary>
    private static (string? Particle, string Family) SplitParticle(string familyPart)
    {
        var end = 0;
        while (true)
        {
            var space = familyPart.IndexOf(' ', end);
            if (space <= end) break;
            var word = familyPart[end..space];
            if (!Particles.Contains(word) || space + 1 >= familyPart.Length) break;
            end = space + 1;
        }
        return end == 0 ? (null, familyPart) : (familyPart[..(end - 1)], familyPart[end..]);
    }

    private static PersonName ParseGivenFirst(string value)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 1) return new PersonName { Family = words[0] };
        var last = words.Length - 1;
        var particleStart = last;
        while (particleStart > 0 && Particles.Contains(words[particleStart - 1])) particleStart--;
        return new PersonName
        {
            Given = particleStart > 0 ? string.Join(' ', words, 0, particleStart) : null,
            Particle = particleStart < last ? string.Join(' ', words, particleStart, last - particleStart) : null,
            Family = words[last],
        };
    }
}
