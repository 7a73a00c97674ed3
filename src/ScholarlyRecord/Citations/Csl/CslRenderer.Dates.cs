using System.Globalization;

namespace ScholarlyRecord.Citations;

/// <summary>Dates: localized and non-localized forms, date parts, ranges, seasons, eras and the year suffix.</summary>
internal sealed partial class CslRenderer
{
    private bool yearSuffixUsed;

    /// <summary>The first rendered issued date (for year-suffix collapsing).</summary>
    public Rt? FirstYear;

    private Rt? RenderDate(CslNode node)
    {
        var variable = node.Variable!;
        variablesCalled++;
        if (IsSuppressed(variable) || !item.Dates.TryGetValue(variable, out var date))
        {
            return null;
        }

        recording?.Add(variable);
        if (mode == CslMode.Sort)
        {
            variablesFound++;
        }

        var result = RenderDateValue(node, variable, date);
        if (result is not null && !result.IsEmpty && mode != CslMode.Sort)
        {
            variablesFound++;
        }

        return result;
    }

    private Rt? RenderDateValue(CslNode node, string variable, CslDate date)
    {
        if (mode == CslMode.Sort)
        {
            return date.HasParts ? Rt.Leaf(SortKey(date, node)) : Rt.Leaf(date.Literal ?? string.Empty);
        }

        if (!date.HasParts || (date.Literal is not null && !date.HasParts))
        {
            return date.Literal is null ? null : Finish(node, CslRichText.Parse(date.Literal));
        }

        var form = node.Get("form");
        List<CslNode> parts;
        string? delimiter;
        if (form is not null && engine.Locale.DateFormat(form) is { } localized)
        {
            var wanted = node.Get("date-parts") ?? "year-month-day";
            parts = [];
            foreach (var part in localized.Children)
            {
                if (part.Name != "date-part")
                {
                    continue;
                }

                var name = part.Get("name");
                if ((name == "month" && wanted == "year") || (name == "day" && wanted != "year-month-day"))
                {
                    continue;
                }

                var overrideNode = node.Children.FirstOrDefault(c => c.Name == "date-part" && c.Get("name") == name);
                parts.Add(overrideNode is null ? part : Merge(part, overrideNode));
            }

            delimiter = localized.Delimiter;
        }
        else
        {
            parts = node.Children.Where(static c => c.Name == "date-part").ToList();
            delimiter = node.Delimiter;
        }

        Rt? content;
        if (date.End is { } end && !end.IsEmpty)
        {
            content = RenderRange(parts, delimiter, date, end);
        }
        else
        {
            content = RenderParts(parts, delimiter, date.Start, date.Season, 0, parts.Count, true, true);
            if (content is not null && date.OpenEnd)
            {
                var yearPart = parts.FirstOrDefault(static p => p.Get("name") == "year");
                content = new Rt { Kids = [content, Rt.Leaf(yearPart?.Get("range-delimiter") ?? "–")] };
            }
        }

        if (content is null)
        {
            return null;
        }

        if (node.TextCase is not null)
        {
            CslTextCase.Apply(content, node.TextCase, ItemLanguage());
        }

        // A localized date keeps the style date element's affixes and formatting, not its delimiter.
        var wrappedDate = Rt.Wrap(node, content);
        if (variable == "issued" && FirstYear is null)
        {
            FirstYear = content;
        }

        return wrappedDate;
    }

    private static CslNode Merge(CslNode localized, CslNode style)
    {
        var attributes = new Dictionary<string, string>(localized.Attributes, StringComparer.Ordinal);
        foreach (var (key, value) in style.Attributes)
        {
            if (key is not "prefix" and not "suffix")
            {
                attributes[key] = value;
            }
        }

        return new CslNode("date-part", attributes, style.Line, style.Column);
    }

    private Rt? RenderRange(List<CslNode> parts, string? delimiter, CslDate date, CslDatePart end)
    {
        var start = date.Start;
        var largest = start.Year != end.Year ? "year" : start.Month != end.Month ? "month" : "day";
        var differing = largest switch
        {
            "year" => new HashSet<string> { "year", "month", "day" },
            "month" => ["month", "day"],
            _ => ["day"],
        };
        var rangeNode = parts.FirstOrDefault(p => p.Get("name") == largest);
        var rangeDelimiter = rangeNode?.Get("range-delimiter") ?? "–";
        var indices = Enumerable.Range(0, parts.Count).Where(i => differing.Contains(parts[i].Get("name")!) && PartPresent(parts[i], start) ).ToList();
        if (indices.Count == 0)
        {
            return RenderParts(parts, delimiter, start, date.Season, 0, parts.Count, true, true);
        }

        int from = indices[0], to = indices[^1] + 1;
        var kids = new List<Rt>();
        var before = RenderParts(parts, delimiter, start, date.Season, 0, from, true, true);
        var first = RenderParts(parts, delimiter, start, date.Season, from, to, from == 0 || true, false);
        var second = RenderParts(parts, delimiter, end, 0, from, to, false, true);
        var after = RenderParts(parts, delimiter, start, date.Season, to, parts.Count, true, true);
        if (before is not null)
        {
            kids.Add(before);
        }

        if (first is not null && second is not null)
        {
            kids.Add(new Rt { Kids = [first, Rt.Leaf(rangeDelimiter), second] });
        }
        else if (first is not null)
        {
            kids.Add(first);
        }

        if (after is not null)
        {
            kids.Add(after);
        }

        if (kids.Count == 0)
        {
            return null;
        }

        // The pieces before and after the range keep the date's delimiter between them.
        var group = new Rt { Kids = [], Delimiter = null };
        for (var i = 0; i < kids.Count; i++)
        {
            if (i > 0 && delimiter is not null)
            {
                group.Kids!.Add(Rt.Leaf(delimiter));
            }

            group.Kids!.Add(kids[i]);
        }

        return group;
    }

    private static bool PartPresent(CslNode part, CslDatePart date) => part.Get("name") switch
    {
        "month" => date.Month != 0,
        "day" => date.Day != 0 && date.Month is > 0 and <= 12,
        _ => date.Year != 0,
    };

    private Rt? RenderParts(List<CslNode> parts, string? delimiter, CslDatePart date, int season, int from, int to, bool keepPrefix, bool keepSuffix)
    {
        var kids = new List<Rt>();
        for (var i = from; i < to; i++)
        {
            var part = parts[i];
            var name = part.Get("name");
            string? text = null;
            switch (name)
            {
                case "year":
                    if (date.Year != 0)
                    {
                        text = Year(date.Year, part.Get("form"));
                    }

                    break;
                case "month":
                    if (date.Month is > 0 and <= 12)
                    {
                        text = Month(date.Month, part);
                    }
                    else if (date.Month is >= 13 and <= 16 || season is >= 1 and <= 4)
                    {
                        var s = date.Month >= 13 ? date.Month - 12 : season;
                        text = engine.Locale.Term("season-" + s.ToString("00", CultureInfo.InvariantCulture));
                    }

                    break;
                case "day":
                    if (date.Day != 0 && date.Month is > 0 and <= 12)
                    {
                        text = Day(date.Day, part);
                    }

                    break;
            }

            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var leaf = Rt.Leaf(text);
            if (part.TextCase is not null)
            {
                CslTextCase.Apply(leaf, part.TextCase, ItemLanguage());
            }

            if (part.StripPeriods)
            {
                leaf.Text = leaf.Text!.Replace(".", string.Empty, StringComparison.Ordinal);
            }

            var wrapped = Rt.Wrap(part, leaf)!;
            if (name == "year" && state.YearSuffix is not null && !yearSuffixUsed && !engine.UsesYearSuffixVariable && mode == CslMode.Citation | mode == CslMode.Bibliography)
            {
                yearSuffixUsed = true;
                wrapped = new Rt { Kids = [wrapped, Rt.Leaf(state.YearSuffix)] };
            }

            kids.Add(wrapped);
        }

        if (kids.Count == 0)
        {
            return null;
        }

        if (!keepPrefix && kids[0].Prefix is not null)
        {
            kids[0] = new Rt { Kids = kids[0].Kids, Text = kids[0].Text, Suffix = kids[0].Suffix, FontStyle = kids[0].FontStyle, FontWeight = kids[0].FontWeight, FontVariant = kids[0].FontVariant, VerticalAlign = kids[0].VerticalAlign, TextDecoration = kids[0].TextDecoration };
        }

        if (!keepSuffix && kids[^1].Suffix is not null)
        {
            var last = kids[^1];
            kids[^1] = new Rt { Kids = last.Kids, Text = last.Text, Prefix = last.Prefix, FontStyle = last.FontStyle, FontWeight = last.FontWeight, FontVariant = last.FontVariant, VerticalAlign = last.VerticalAlign, TextDecoration = last.TextDecoration };
        }

        return Rt.Group(kids, delimiter);
    }

    private string Year(int year, string? form)
    {
        var value = Math.Abs(year);
        var text = form == "short" ? (value % 100).ToString("00", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
        if (year < 0)
        {
            return text + (engine.Locale.Term("bc") ?? "BC");
        }

        if (year < 1000 && form != "short")
        {
            return text + (engine.Locale.Term("ad") ?? "AD");
        }

        return text;
    }

    private string Month(int month, CslNode part)
    {
        var form = part.Get("form") ?? "long";
        return form switch
        {
            "numeric" => month.ToString(CultureInfo.InvariantCulture),
            "numeric-leading-zeros" => month.ToString("00", CultureInfo.InvariantCulture),
            _ => engine.Locale.Term("month-" + month.ToString("00", CultureInfo.InvariantCulture), form == "short" ? "short" : "long") ?? month.ToString(CultureInfo.InvariantCulture),
        };
    }

    private string Day(int day, CslNode part)
    {
        var form = part.Get("form") ?? "numeric";
        return form switch
        {
            "numeric-leading-zeros" => day.ToString("00", CultureInfo.InvariantCulture),
            "ordinal" when !engine.Locale.LimitDayOrdinals || day == 1 => engine.Locale.Ordinal(day, engine.Locale.Gender("month-01")),
            _ => day.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string SortKey(CslDate date, CslNode node)
    {
        var wanted = node.Get("date-parts") ?? "year-month-day";
        if (node.Get("form") is null && node.Children.Count > 0)
        {
            var names = node.Children.Select(static c => c.Get("name")).ToHashSet();
            wanted = names.Contains("day") ? "year-month-day" : names.Contains("month") ? "year-month" : "year";
        }

        string Key(CslDatePart p) => string.Create(CultureInfo.InvariantCulture, $"{p.Year + 100000:D6}{(wanted == "year" ? 0 : p.Month > 12 ? 0 : p.Month):D2}{(wanted == "year-month-day" ? p.Day : 0):D2}");
        return date.End is { } end ? Key(date.Start) + "-" + Key(end) : Key(date.Start);
    }
}
