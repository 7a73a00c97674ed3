using System.Globalization;

namespace ScholarlyRecord.Citations;

/// <summary>
/// The locales a processor looks terms up in, in the specification's order: the style's own locales (exact tag, then
/// language, then untagged), then the locale file for the tag, its primary dialect, and en-US.
/// </summary>
internal sealed class CslLocaleChain
{
    private readonly CslLocaleData[] chain;
    private readonly CslLocaleData? ordinals;

    public CslLocaleChain(CslStyle style, string tag, CslLocale? explicitLocale)
    {
        var x = tag.IndexOf("-x-", StringComparison.OrdinalIgnoreCase);
        if (x > 0)
        {
            tag = tag[..x];
        }

        Tag = tag;
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        var language = dash < 0 ? tag : tag[..dash];
        var list = new List<CslLocaleData>();
        foreach (var node in style.Locales)
        {
            if (string.Equals(node.Get("xml:lang"), tag, StringComparison.OrdinalIgnoreCase))
            {
                list.Add(new CslLocaleData(node));
            }
        }

        foreach (var node in style.Locales)
        {
            var lang = node.Get("xml:lang");
            if (lang is not null && !string.Equals(lang, tag, StringComparison.OrdinalIgnoreCase) && string.Equals(lang, language, StringComparison.OrdinalIgnoreCase))
            {
                list.Add(new CslLocaleData(node));
            }
        }

        foreach (var node in style.Locales)
        {
            if (string.IsNullOrEmpty(node.Get("xml:lang")))
            {
                list.Add(new CslLocaleData(node));
            }
        }

        var styleCount = list.Count;
        if (explicitLocale is not null)
        {
            list.Add(explicitLocale.Data);
        }
        else
        {
            var file = CslLocale.TryEmbedded(tag);
            if (file is not null)
            {
                list.Add(file.Data);
            }

            var primary = CslLocale.PrimaryDialect(tag);
            if (primary is not null && CslLocale.TryEmbedded(primary) is { } p && !list.Contains(p.Data))
            {
                list.Add(p.Data);
            }
        }

        var english = CslLocale.TryEmbedded("en-US")!;
        if (!list.Contains(english.Data))
        {
            list.Add(english.Data);
        }

        chain = [.. list];
        ordinals = list.FirstOrDefault(static l => l.HasOrdinals);
        PunctuationInQuote = list.Select(static l => l.PunctuationInQuote).FirstOrDefault(static v => v.HasValue) ?? false;
        LimitDayOrdinals = list.Select(static l => l.LimitDayOrdinals).FirstOrDefault(static v => v.HasValue) ?? false;
        try
        {
            Culture = CultureInfo.GetCultureInfo(tag);
        }
        catch (CultureNotFoundException)
        {
            Culture = CultureInfo.InvariantCulture;
        }

        _ = styleCount;
    }

    public string Tag { get; }

    public CultureInfo Culture { get; }

    public bool PunctuationInQuote { get; }

    public bool LimitDayOrdinals { get; }

    public CslNode? DateFormat(string form)
    {
        foreach (var data in chain)
        {
            if (data.Dates.TryGetValue(form, out var node))
            {
                return node;
            }
        }

        return null;
    }

    public CslTerm? FindTerm(string name, string form = "long", string? genderForm = null)
    {
        var current = form;
        while (true)
        {
            foreach (var data in chain)
            {
                if (data.Terms.TryGetValue(CslLocaleData.Key(name, current, genderForm), out var term))
                {
                    return term;
                }
            }

            current = current switch
            {
                "verb-short" => "verb",
                "symbol" => "short",
                "verb" or "short" => "long",
                _ => null!,
            };
            if (current is null)
            {
                return null;
            }
        }
    }

    public string? Term(string name, string form = "long", bool plural = false)
    {
        var term = FindTerm(name, form);
        return term is null ? null : plural ? term.Multiple : term.Single;
    }

    public string? Gender(string name) => FindTerm(name)?.Gender;

    public string Ordinal(long number, string? gender)
    {
        var data = ordinals;
        if (data is null)
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        var suffix = OrdinalSuffix(data, number, gender) ?? OrdinalSuffix(data, number, null) ?? string.Empty;
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    public string LongOrdinal(long number, string? gender)
    {
        if (number is >= 1 and <= 10 && ordinals is { } data)
        {
            var name = "long-ordinal-" + number.ToString("00", CultureInfo.InvariantCulture);
            if ((gender is not null && data.Terms.TryGetValue(CslLocaleData.Key(name, "long", gender), out var t)) || data.Terms.TryGetValue(CslLocaleData.Key(name, "long", null), out t))
            {
                return t.Single;
            }
        }

        return Ordinal(number, gender);
    }

    private static string? OrdinalSuffix(CslLocaleData data, long number, string? gender)
    {
        var lastTwo = number % 100;
        if (lastTwo >= 10)
        {
            var name = "ordinal-" + lastTwo.ToString("00", CultureInfo.InvariantCulture);
            if (data.Terms.TryGetValue(CslLocaleData.Key(name, "long", gender), out var t) && (t.Match != "whole-number" || number == lastTwo))
            {
                return t.Single;
            }
        }

        for (var digit = 0; digit < 10; digit++)
        {
            var name = "ordinal-0" + digit.ToString(CultureInfo.InvariantCulture);
            if (!data.Terms.TryGetValue(CslLocaleData.Key(name, "long", gender), out var t))
            {
                continue;
            }

            var matches = t.Match switch
            {
                "last-two-digits" => lastTwo == digit,
                "whole-number" => number == digit,
                _ => number % 10 == digit,
            };
            if (matches)
            {
                return t.Single;
            }
        }

        return data.Terms.TryGetValue(CslLocaleData.Key("ordinal", "long", gender), out var general) ? general.Single : null;
    }
}
