namespace ScholarlyRecord.Citations;

/// <summary>A term's text: singular, plural, and its grammatical gender (for ordinals).</summary>
internal sealed record CslTerm(string Single, string Multiple, string? Gender, string? GenderForm, string? Match);

/// <summary>The content of one locale element, indexed for look-up.</summary>
internal sealed class CslLocaleData
{
    public CslLocaleData(CslNode root)
    {
        foreach (var child in root.Children)
        {
            switch (child.Name)
            {
                case "terms":
                    foreach (var term in child.Children)
                    {
                        if (term.Name != "term" || term.Get("name") is not { } name)
                        {
                            continue;
                        }

                        var form = term.Get("form") ?? "long";
                        string single, multiple;
                        var s = term.Child("single");
                        if (s is not null)
                        {
                            single = s.Text;
                            multiple = term.Child("multiple")?.Text ?? single;
                        }
                        else
                        {
                            single = multiple = term.Text;
                        }

                        if (name.StartsWith("ordinal", StringComparison.Ordinal) || name.StartsWith("long-ordinal", StringComparison.Ordinal))
                        {
                            HasOrdinals = true;
                        }

                        var genderForm = term.Get("gender-form");
                        Terms[Key(name, form, genderForm)] = new CslTerm(single, multiple, term.Get("gender"), genderForm, term.Get("match"));
                    }

                    break;
                case "date":
                    if (child.Get("form") is { } dateForm)
                    {
                        Dates[dateForm] = child;
                    }

                    break;
                case "style-options":
                    if (child.Get("punctuation-in-quote") is { } piq)
                    {
                        PunctuationInQuote = piq == "true";
                    }

                    if (child.Get("limit-day-ordinals-to-day-1") is { } limit)
                    {
                        LimitDayOrdinals = limit == "true";
                    }

                    break;
            }
        }
    }

    public readonly Dictionary<string, CslTerm> Terms = new(StringComparer.Ordinal);

    public readonly Dictionary<string, CslNode> Dates = new(StringComparer.Ordinal);

    public readonly bool? PunctuationInQuote;

    public readonly bool? LimitDayOrdinals;

    public readonly bool HasOrdinals;

    public static string Key(string name, string form, string? genderForm) =>
        genderForm is null ? string.Concat(name, "|", form) : string.Concat(name, "|", form, "|", genderForm);
}
