using System.Globalization;
using System.Text.Json;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Citations;

/// <summary>A personal or institutional name of a CSL item.</summary>
internal sealed class CslName
{
    public string? Family;

    public string? Given;

    public string? NonDroppingParticle;

    public string? DroppingParticle;

    public string? Suffix;

    public bool CommaSuffix;

    public string? Literal;

    public bool StaticOrdering;

    public bool IsLiteral => Literal is not null || Family is null;

    public string LiteralText => Literal ?? Family ?? Given ?? string.Empty;

    /// <summary>The name's parts joined by <c>|</c> (a null part is empty), to tell names apart.</summary>
    public string Key()
    {
        // Appended one by one, not string.Join with six arguments: that binds to a params span, whose inline-array
        // helpers are generic methods compiled on first use.
        var key = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(5, 6, CultureInfo.InvariantCulture);
        key.AppendFormatted(Family);
        key.AppendLiteral("|");
        key.AppendFormatted(Given);
        key.AppendLiteral("|");
        key.AppendFormatted(NonDroppingParticle);
        key.AppendLiteral("|");
        key.AppendFormatted(DroppingParticle);
        key.AppendLiteral("|");
        key.AppendFormatted(Suffix);
        key.AppendLiteral("|");
        key.AppendFormatted(Literal);
        return key.ToStringAndClear();
    }
}

/// <summary>One end of a date: year (negative before the common era), month (13–16 are seasons), day.</summary>
internal readonly record struct CslDatePart(int Year, int Month, int Day)
{
    public bool IsEmpty => Year == 0 && Month == 0 && Day == 0;
}

/// <summary>A date or date range of a CSL item.</summary>
internal sealed class CslDate
{
    public CslDatePart Start;

    public CslDatePart? End;

    public int Season;

    public bool Circa;

    public string? Literal;

    public bool HasParts => !Start.IsEmpty;

    /// <summary>A range with no end (<c>1987–</c>).</summary>
    public bool OpenEnd;
}

/// <summary>A CSL item's variables, typed for rendering: strings, name lists and dates.</summary>
internal sealed class CslItemData
{
    private CslItemData(CslItem item)
    {
        Item = item;
        Id = item.Id ?? string.Empty;
        Type = item.Type;
    }

    public readonly CslItem Item;

    public readonly string Id;

    public readonly string Type;

    public readonly Dictionary<string, string> Strings = new(StringComparer.Ordinal);

    public readonly Dictionary<string, List<CslName>> Names = new(StringComparer.Ordinal);

    public readonly Dictionary<string, CslDate> Dates = new(StringComparer.Ordinal);

    public string? Language => Strings.TryGetValue("language", out var language) ? language : null;

    public static CslItemData From(CslItem item)
    {
        var data = new CslItemData(item);
        foreach (var variable in item.Variables)
        {
            var name = variable.Key;
            var value = variable.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    {
                        var text = JsonTextCheck.GetTextLossy(value);
                        if (CslVariableNames.Dates.Contains(name))
                        {
                            if (text.Trim().Length > 0)
                            {
                                data.Dates[name] = ParseRawDate(text);
                            }
                        }
                        else if (CslVariableNames.Names.Contains(name))
                        {
                            // A blank string names nobody: the variable stays empty, so substitutes and groups see it so.
                            if (text.Trim().Length > 0)
                            {
                                data.Names[name] = [new CslName { Literal = text }];
                            }
                        }
                        else if (CslVariableNames.Numbers.Contains(name))
                        {
                            // A number variable is read as a number, so white space around it is no part of it
                            // ("ag " renders "ag, pp. 1–2", not "ag , pp. 1–2").
                            if (text.Trim() is { Length: > 0 } number)
                            {
                                data.Strings[name] = number;
                            }
                        }
                        else if (text.Length > 0)
                        {
                            data.Strings[name] = text;
                        }

                        break;
                    }

                case JsonValueKind.Number:
                    data.Strings[name] = value.GetRawText();
                    break;
                case JsonValueKind.Array when CslVariableNames.Names.Contains(name):
                    {
                        var names = new List<CslName>();
                        foreach (var element in value.EnumerateArray())
                        {
                            if (element.ValueKind == JsonValueKind.Object)
                            {
                                names.Add(ReadName(element));
                            }
                        }

                        if (names.Count > 0)
                        {
                            data.Names[name] = names;
                        }

                        break;
                    }

                case JsonValueKind.Object when CslVariableNames.Dates.Contains(name):
                    {
                        var date = ReadDate(value);
                        if (date is not null)
                        {
                            data.Dates[name] = date;
                        }

                        break;
                    }
            }
        }

        if (data.Strings.TryGetValue("note", out var note))
        {
            ReadNoteFields(data, note);
        }

        if (data.Strings.TryGetValue("page", out var page) && !data.Strings.ContainsKey("page-first"))
        {
            var end = page.AsSpan().IndexOfAny("-–—,&");
            data.Strings["page-first"] = (end < 0 ? page : page[..end]).Trim();
        }

        if (!data.Strings.ContainsKey("container-title-short") && data.Strings.TryGetValue("journalAbbreviation", out var abbreviation))
        {
            data.Strings["container-title-short"] = abbreviation;
        }

        if (!data.Strings.ContainsKey("title-short") && data.Strings.TryGetValue("shortTitle", out var shortTitle))
        {
            data.Strings["title-short"] = shortTitle;
        }

        return data;
    }

    /// <summary>
    /// Variables written in the note as <c>name: value</c> lines (as Zotero exports fields it has no slot for) fill
    /// variables the item does not have; dates are read as raw dates.
    /// </summary>
    private static void ReadNoteFields(CslItemData data, string note)
    {
        foreach (var raw in note.Split('\n'))
        {
            var line = raw.Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (value.Length == 0 || !CslVariableNames.IsKnown(name) || CslVariableNames.Names.Contains(name))
            {
                continue;
            }

            if (CslVariableNames.Dates.Contains(name))
            {
                data.Dates.TryAdd(name, ParseRawDate(value));
            }
            else if (name != "note")
            {
                data.Strings.TryAdd(name, value);
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        JsonTextCheck.TryGetProperty(element, name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => JsonTextCheck.GetTextLossy(value),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static CslName ReadName(JsonElement element)
    {
        var name = new CslName
        {
            Family = Blank(Text(element, "family")),
            Given = Blank(Text(element, "given")),
            NonDroppingParticle = Blank(Text(element, "non-dropping-particle")),
            DroppingParticle = Blank(Text(element, "dropping-particle")),
            Suffix = Blank(Text(element, "suffix")),
            Literal = Blank(Text(element, "literal")),
            CommaSuffix = JsonTextCheck.TryGetProperty(element, "comma-suffix", out var cs) && IsTrue(cs),
            StaticOrdering = JsonTextCheck.TryGetProperty(element, "static-ordering", out var so) && so.ValueKind == JsonValueKind.True,
        };
        if (JsonTextCheck.TryGetProperty(element, "isInstitution", out var institution) && IsTrue(institution) && name.Literal is null && name.Given is null)
        {
            name.Literal = name.Family;
            name.Family = null;
        }

        var parse = !JsonTextCheck.TryGetProperty(element, "parse-names", out var parseNames) || parseNames.ValueKind != JsonValueKind.False;
        if (parse && name.Literal is null)
        {
            ParseParticles(name);
        }

        return name;
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static void ParseParticles(CslName name)
    {
        if (name.Family is { } family && name.NonDroppingParticle is null)
        {
            if (family.Length > 1 && family[0] == '"' && family[^1] == '"')
            {
                name.Family = family[1..^1];
            }
            else
            {
                var words = family.Split(' ');
                var count = 0;
                while (count < words.Length - 1 && words[count].Length > 0 && char.IsLower(words[count][0]))
                {
                    count++;
                }

                if (count > 0)
                {
                    name.NonDroppingParticle = string.Join(' ', words[..count]);
                    name.Family = string.Join(' ', words[count..]);
                }
                else
                {
                    // An apostrophe particle joined to the family name, such as d'Alembert.
                    var apostrophe = family.IndexOfAny(['\'', '’', '-']);
                    if (apostrophe is > 0 and <= 3 && apostrophe < family.Length - 1 && char.IsLower(family[0]) && char.IsUpper(family[apostrophe + 1]))
                    {
                        name.NonDroppingParticle = family[..(apostrophe + 1)];
                        name.Family = family[(apostrophe + 1)..];
                    }
                }
            }
        }

        if (name.Given is { } given)
        {
            if (name.DroppingParticle is null)
            {
                var words = given.Split(' ');
                var count = 0;
                while (count < words.Length - 1 && words[^(count + 1)].Length > 0 && char.IsLower(words[^(count + 1)][0]))
                {
                    count++;
                }

                if (count > 0)
                {
                    name.DroppingParticle = string.Join(' ', words[^count..]);
                    name.Given = string.Join(' ', words[..^count]);
                }
            }

            if (name.Suffix is null)
            {
                var comma = name.Given.IndexOf(',', StringComparison.Ordinal);
                if (comma > 0)
                {
                    var suffix = name.Given[(comma + 1)..].Trim();
                    if (suffix.StartsWith('!'))
                    {
                        suffix = suffix[1..].Trim();
                        name.CommaSuffix = true;
                    }

                    name.Suffix = suffix;
                    name.Given = name.Given[..comma].Trim();
                }
            }
        }
    }

    // A flag as CSL-JSON writers give it: true, a number other than 0, or a string other than "false", "0" and "".
    private static bool IsTrue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => element.GetRawText() != "0",
        JsonValueKind.String => JsonTextCheck.GetTextLossy(element) is not ("false" or "0" or ""),
        _ => false,
    };

    private static int Number(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return element.TryGetInt32(out var n) ? n : 0;
            case JsonValueKind.String:
                return int.TryParse(JsonTextCheck.GetTextLossy(element).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var m) ? m : 0;
            default:
                return 0;
        }
    }

    private static CslDatePart Part(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return default;
        }

        int year = 0, month = 0, day = 0, index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var value = Number(element);
            switch (index++)
            {
                case 0:
                    year = value;
                    break;
                case 1:
                    month = value;
                    break;
                case 2:
                    day = value;
                    break;
            }
        }

        if (month is >= 21 and <= 24)
        {
            month -= 8;
        }

        if (month is < 0 or > 16 || (month > 12 && day != 0))
        {
            month = 0;
            day = 0;
        }

        if (day is < 0 or > 31)
        {
            day = 0;
        }

        return new CslDatePart(year, month, day);
    }

    private static CslDate? ReadDate(JsonElement element)
    {
        var circa = JsonTextCheck.TryGetProperty(element, "circa", out var c) && IsTrue(c);
        var season = 0;
        if (JsonTextCheck.TryGetProperty(element, "season", out var s))
        {
            season = Number(s);
            if (season == 0 && s.ValueKind == JsonValueKind.String)
            {
                season = JsonTextCheck.GetTextLossy(s).ToLowerInvariant() switch
                {
                    "spring" => 1,
                    "summer" => 2,
                    "autumn" or "fall" => 3,
                    "winter" => 4,
                    _ => 0,
                };
            }
        }

        if (JsonTextCheck.TryGetProperty(element, "date-parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
        {
            CslDatePart start = default;
            CslDatePart? end = null;
            var openEnd = false;
            var index = 0;
            foreach (var part in parts.EnumerateArray())
            {
                if (index == 0)
                {
                    start = Part(part);
                }
                else if (index == 1)
                {
                    var e = Part(part);
                    if (!e.IsEmpty && e != start)
                    {
                        end = e;
                    }
                    else if (e.IsEmpty)
                    {
                        openEnd = true;
                    }
                }

                index++;
            }

            if (!start.IsEmpty)
            {
                return new CslDate { Start = start, End = end, Season = season, Circa = circa, Literal = Text(element, "literal"), OpenEnd = openEnd };
            }
        }

        if (Text(element, "literal") is { Length: > 0 } literal)
        {
            return new CslDate { Literal = literal, Circa = circa };
        }

        if (Text(element, "raw") is { Length: > 0 } raw)
        {
            var date = ParseRawDate(raw);
            return new CslDate { Start = date.Start, End = date.End, Literal = date.Literal, Circa = circa, Season = season };
        }

        return null;
    }

    /// <summary>Reads simple raw dates: <c>2000</c>, <c>2000-03</c>, <c>2000-03-15</c>, <c>2000/2005</c>; otherwise a literal.</summary>
    private static CslDate ParseRawDate(string raw)
    {
        var text = raw.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && TryIso(text[..slash], out var a) && TryIso(text[(slash + 1)..], out var b))
        {
            return new CslDate { Start = a, End = b };
        }

        return TryIso(text, out var single) ? new CslDate { Start = single } : new CslDate { Literal = text };
    }

    private static bool TryIso(string text, out CslDatePart part)
    {
        part = default;
        var pieces = text.Trim().Split('-');
        if (pieces.Length is < 1 or > 3)
        {
            return false;
        }

        var values = new int[3];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (!int.TryParse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }

        part = new CslDatePart(values[0], values[1], values[2]);
        return values[0] != 0;
    }
}
