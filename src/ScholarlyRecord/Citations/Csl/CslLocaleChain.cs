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
    private CultureInfo? culture;

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
        // The first locale in the chain that says wins, for the ordinals and for each option (a loop, not LINQ over
        // bool?, whose generic instantiations would each be compiled on the cold path).
        bool? punctuationInQuote = null, limitDayOrdinals = null;
        foreach (var data in list)
        {
            if (ordinals is null && data.HasOrdinals)
            {
                ordinals = data;
            }

            punctuationInQuote ??= data.PunctuationInQuote;
            limitDayOrdinals ??= data.LimitDayOrdinals;
        }

        PunctuationInQuote = punctuationInQuote ?? false;
        LimitDayOrdinals = limitDayOrdinals ?? false;
        _ = styleCount;
    }

    /// <summary>
    /// The culture of the locale's language, for sorting: made on first use, because the culture data and the ICU
    /// collator behind it cost milliseconds to set up and a document of one item never compares two keys.
    /// </summary>
    public CultureInfo Culture
    {
        get
        {
            // Two threads may both make it the first time; either result is the same culture, so the race is harmless.
            if (culture is null)
            {
                try
                {
                    culture = CultureInfo.GetCultureInfo(Tag);
                }
                catch (CultureNotFoundException)
                {
                    culture = CultureInfo.InvariantCulture;
                }
            }

            return culture;
        }
    }

    public readonly string Tag;


    public readonly bool PunctuationInQuote;

    public readonly bool LimitDayOrdinals;

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
