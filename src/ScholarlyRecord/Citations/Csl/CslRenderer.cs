using System.Globalization;

namespace ScholarlyRecord.Citations;

/// <summary>What is being rendered: a citation, a bibliography entry, or a sort key.</summary>
internal enum CslMode
{
    Citation,
    Bibliography,
    Sort,
}

/// <summary>The position of a cite in the document.</summary>
internal enum CslPosition
{
    First,
    Subsequent,
    Ibid,
    IbidWithLocator,
}

/// <summary>One cite as the renderer sees it: the item plus locator, position and disambiguation state.</summary>
internal sealed class CslCiteInfo
{
    public static readonly CslCiteInfo None = new();

    public string? Locator { get; init; }

    public string? Label { get; init; }

    public CslPosition Position { get; init; }

    public bool NearNote { get; init; }

    public int FirstReferenceNoteNumber { get; init; }
}

/// <summary>Per item state of one document: citation number, year suffix and the disambiguation steps taken.</summary>
internal sealed class CslItemState
{
    public int CitationNumber;

    public string? YearSuffix;

    public int AddNames;

    /// <summary>Given-name expansion per name index (0 as styled, 1 initials, 2 full) for the first names element.</summary>
    public int[]? GivenLevels;

    public int GivenLevelAll;

    public bool Disambiguate;
}

/// <summary>
/// Renders one item through a layout into a <see cref="Rt"/> tree. A renderer is created per rendering and is not
/// shared; everything it reads (style, locale, item) is immutable.
/// </summary>
internal sealed partial class CslRenderer
{
    private readonly CslEngine engine;
    private readonly CslItemData item;
    private readonly CslCiteInfo cite;
    private readonly CslItemState state;
    private readonly CslMode mode;
    private readonly CslNode? context;
    private HashSet<string>? suppressed;
    private int variablesCalled;

    /// <summary>The delimiter of the innermost group being rendered (a choose inside it uses it too); null in a macro.</summary>
    private string? groupDelimiter;
    private int variablesFound;
    private int depth;

    public CslRenderer(CslEngine engine, CslItemData item, CslCiteInfo cite, CslItemState state, CslMode mode, CslNode? context)
    {
        this.engine = engine;
        this.item = item;
        this.cite = cite;
        this.state = state;
        this.mode = mode;
        this.context = context;
    }

    /// <summary>The first rendered names element (for subsequent-author-substitute and disambiguation).</summary>
    public Rt? FirstNames;

    /// <summary>The names shown by the first names element, after et-al.</summary>
    public int FirstNamesShown;

    /// <summary>Sort key read from a variable: names forced to the long form (a macro key keeps the form its cs:name sets).</summary>
    public bool SortNames;

    /// <summary>et-al overrides from a sort key.</summary>
    public int? SortEtAlMin;

    public int? SortEtAlUseFirst;

    public bool SortEtAlUseLast;

    /// <summary>When set, names render as this many names for disambiguation checks.</summary>
    public bool SuppressAuthor;

    public CslItemData Item => item;

    public Rt? RenderLayout(CslNode layout)
    {
        return RenderChildren(layout, null);
    }

    public Rt? RenderChildren(CslNode node, string? delimiter)
    {
        List<Rt>? kids = null;
        foreach (var child in node.Children)
        {
            var rendered = Render(child);
            if (rendered is not null && !rendered.IsEmpty)
            {
                (kids ??= []).Add(rendered);
            }
        }

        return kids is null ? null : kids.Count == 1 && delimiter is null ? kids[0] : Rt.Group(kids, delimiter);
    }

    public Rt? Render(CslNode node)
    {
        if (++depth > 200)
        {
            depth--;
            return null;
        }

        try
        {
            return node.Name switch
            {
                "text" => RenderText(node),
                "number" => RenderNumber(node),
                "label" => RenderLabel(node, node.Variable, null),
                "date" => RenderDate(node),
                "names" => RenderNames(node),
                "group" => RenderGroup(node),
                "choose" => RenderChoose(node),
                _ => null,
            };
        }
        finally
        {
            depth--;
        }
    }

    private Rt? Finish(CslNode node, Rt? content, bool applyCase = true)
    {
        if (content is null || content.IsEmpty)
        {
            return null;
        }

        if (applyCase && node.TextCase is not null)
        {
            // A term (cs:label, cs:text term) is in the locale's language, not the item's, so its case follows the locale.
            var language = node.Name == "label" || (node.Name == "text" && node.Get("term") is not null)
                ? engine.Locale.Tag
                : ItemLanguage();
            CslTextCase.Apply(content, node.TextCase, language);
        }

        if (node.StripPeriods)
        {
            foreach (var leaf in content.Leaves())
            {
                leaf.Text = leaf.Text!.Replace(".", string.Empty, StringComparison.Ordinal);
            }
        }

        return Rt.Wrap(node, content);
    }

    /// <summary>The language of the item's text, whose case rules apply to it: its own, else the locale's.</summary>
    private string ItemLanguage() => string.IsNullOrEmpty(item.Language) ? engine.Locale.Tag : item.Language;

    private bool IsSuppressed(string variable) => suppressed is not null && suppressed.Contains(variable);

    /// <summary>A string variable's value, or null; counts the call for group suppression.</summary>
    private string? Variable(string name, string? form = null)
    {
        var value = RawVariable(name, form);
        if (name == "year-suffix" && string.IsNullOrEmpty(value))
        {
            // An empty year suffix does not suppress its group: it is only there in case disambiguation adds one.
            return null;
        }

        variablesCalled++;
        if (!string.IsNullOrEmpty(value))
        {
            variablesFound++;
            if (recording is not null)
            {
                recording.Add(name);
                (suppressed ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            }

            return value;
        }

        return null;
    }

    public string? RawVariable(string name, string? form = null)
    {
        if (IsSuppressed(name))
        {
            return null;
        }

        switch (name)
        {
            case "locator":
                return cite.Locator;
            case "citation-number":
                return state.CitationNumber > 0 ? state.CitationNumber.ToString(CultureInfo.InvariantCulture) : null;
            case "year-suffix":
                return state.YearSuffix;
            case "citation-label":
                return ((item.Strings.TryGetValue("citation-label", out var given) ? given : null) ?? Trigraph()) is { Length: > 0 } label ? label + (engine.UsesYearSuffixVariable ? string.Empty : state.YearSuffix) : null;
            case "first-reference-note-number":
                return cite.FirstReferenceNoteNumber > 0 && cite.Position != CslPosition.First ? cite.FirstReferenceNoteNumber.ToString(CultureInfo.InvariantCulture) : null;
        }

        if (form == "short")
        {
            var shortName = name switch
            {
                "title" => "title-short",
                "container-title" => "container-title-short",
                "collection-title" => "collection-title-short",
                _ => name + "-short",
            };
            if (item.Strings.TryGetValue(shortName, out var shortValue))
            {
                return shortValue;
            }
        }

        return item.Strings.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>The default citation label: letters of the authors' family names and a two-digit year (Asth00, BrCh98, DEFG26).</summary>
    private string? Trigraph()
    {
        var names = item.Names.TryGetValue("author", out var authors) ? authors : item.Names.TryGetValue("editor", out var editors) ? editors : null;
        if (names is null)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder();
        var take = names.Count == 1 ? 4 : names.Count == 2 ? 2 : 1;
        foreach (var name in names.Take(4))
        {
            var family = (name.Family ?? name.LiteralText).Trim();
            var letters = new string(family.Where(char.IsLetter).Take(take).ToArray());
            if (letters.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
            }
        }

        if (item.Dates.TryGetValue("issued", out var date) && date.Start.Year != 0)
        {
            builder.Append((Math.Abs(date.Start.Year) % 100).ToString("00", CultureInfo.InvariantCulture));
        }

        if (state.YearSuffix is not null && !engine.UsesYearSuffixVariable)
        {
            yearSuffixUsed = true;
        }

        return builder.ToString();
    }

    private Rt? RenderText(CslNode node)
    {
        if (node.Macro is not null)
        {
            // A macro is suppressed as a group is: one that calls variables, all of them empty, renders nothing (the
            // term it puts beside an empty variable goes with it: group_SuppressTermInMacro) and counts as an empty
            // variable for the enclosing group (magic_SubsequentAuthorSubstituteNotFooled); a non-empty one counts as
            // found, also when it calls no variable (a term chosen by a condition: bugreports_UndefinedStr).
            var content = RenderSuppressible(node.Macro, null);
            return Finish(node, content);
        }

        if (node.Variable is { } variable)
        {
            var form = node.Get("form");
            if (CslVariableNames.Dates.Contains(variable) || CslVariableNames.Names.Contains(variable))
            {
                return null;
            }

            var value = Variable(variable, form);
            if (value is null)
            {
                return null;
            }

            Rt content;
            if ((variable == "page" || (variable == "locator" && cite.Label is null or "page")) && engine.PageRangeFormat is { } format)
            {
                content = Rt.Leaf(CslNumbers.PageRange(value, format, engine.PageRangeDelimiter));
            }
            else if (variable is "page" or "locator")
            {
                content = Rt.Leaf(CslNumbers.DashRanges(value, engine.PageRangeDelimiter));
            }
            else if (variable is "URL" or "DOI" or "PMID" or "PMCID" or "ISBN" or "ISSN")
            {
                content = Rt.Leaf(value);
            }
            else if (variable == "citation-number" && mode == CslMode.Sort)
            {
                content = Rt.Leaf(state.CitationNumber.ToString("D8", CultureInfo.InvariantCulture));
            }
            else
            {
                content = CslRichText.Parse(value);
            }

            return Finish(node, content);
        }

        if (node.Get("term") is { } term)
        {
            var text = engine.Locale.Term(term, node.Get("form") ?? "long", node.Get("plural") == "true");
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            var termContent = CslRichText.Parse(text);
            foreach (var leaf in termContent.Leaves())
            {
                leaf.IsTerm = true;
            }

            return Finish(node, termContent);
        }

        if (node.Get("value") is { } literal)
        {
            return Finish(node, CslRichText.Parse(literal));
        }

        return null;
    }

    private Rt? RenderGroup(CslNode node)
    {
        var content = RenderSuppressible(node, node.Delimiter);
        if (content is null)
        {
            return null;
        }

        if (content.Delimiter is null && content.Kids is not null && node.Delimiter is not null)
        {
            content = Rt.Group([content]);
        }

        return Finish(node, content, applyCase: false);
    }

    /// <summary>
    /// Renders a group's or a macro's children with their own count of the variables they call, and applies the
    /// spec's implicit condition (cs:group): the output is dropped when it is empty, or when its children called
    /// variables and all of them were empty. To the enclosing group the result counts as one variable, found when
    /// the output is kept.
    /// </summary>
    private Rt? RenderSuppressible(CslNode parent, string? delimiter)
    {
        int calledBefore = variablesCalled, foundBefore = variablesFound;
        variablesCalled = 0;
        variablesFound = 0;
        var outerDelimiter = groupDelimiter;
        groupDelimiter = delimiter;
        var content = RenderChildren(parent, delimiter);
        groupDelimiter = outerDelimiter;
        int called = variablesCalled, found = variablesFound;
        variablesCalled = calledBefore;
        variablesFound = foundBefore;
        if (content is null || content.IsEmpty || (called > 0 && found == 0))
        {
            if (called > 0)
            {
                variablesCalled++;
            }

            return null;
        }

        variablesCalled++;
        variablesFound++;
        return content;
    }

    private Rt? RenderChoose(CslNode node)
    {
        foreach (var branch in node.Children)
        {
            if (branch.Name == "else" || Test(branch))
            {
                // A choose is transparent: the delimiter of the group around it also separates the branch's children.
                return RenderChildren(branch, groupDelimiter);
            }
        }

        return null;
    }

    private bool Test(CslNode branch)
    {
        var match = branch.Get("match") ?? "all";
        var any = false;
        var all = true;
        foreach (var (attribute, values) in branch.Attributes)
        {
            if (attribute == "match")
            {
                continue;
            }

            foreach (var value in values.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var result = Condition(attribute, value);
                any |= result;
                all &= result;
            }
        }

        return match switch
        {
            "any" => any,
            "none" => !any,
            _ => all,
        };
    }

    private bool Condition(string attribute, string value)
    {
        switch (attribute)
        {
            case "type":
                return item.Type == value;
            case "variable":
                return HasVariable(value);
            case "is-numeric":
                {
                    var text = RawVariable(value);
                    return text is not null && CslNumbers.IsNumeric(text);
                }

            case "is-uncertain-date":
                return item.Dates.TryGetValue(value, out var date) && date.Circa;
            case "locator":
                {
                    if (cite.Locator is null)
                    {
                        return false;
                    }

                    var label = cite.Label ?? "page";
                    return label == value || (label is "sub verbo" or "sub-verbo" && value is "sub verbo" or "sub-verbo");
                }

            case "position":
                if (mode != CslMode.Citation)
                {
                    return false;
                }

                return value switch
                {
                    "first" => cite.Position == CslPosition.First,
                    "subsequent" => cite.Position != CslPosition.First,
                    "ibid" => cite.Position is CslPosition.Ibid or CslPosition.IbidWithLocator,
                    "ibid-with-locator" => cite.Position == CslPosition.IbidWithLocator,
                    "near-note" => cite.Position != CslPosition.First && cite.NearNote,
                    _ => false,
                };
            case "disambiguate":
                return value == "true" && state.Disambiguate;
            default:
                return false;
        }
    }

    private bool HasVariable(string name)
    {
        if (IsSuppressed(name))
        {
            return false;
        }

        if (CslVariableNames.Names.Contains(name))
        {
            return item.Names.ContainsKey(name);
        }

        if (CslVariableNames.Dates.Contains(name))
        {
            return item.Dates.TryGetValue(name, out var date) && (date.HasParts || !string.IsNullOrEmpty(date.Literal));
        }

        return !string.IsNullOrEmpty(RawVariable(name));
    }

    private Rt? RenderNumber(CslNode node)
    {
        var variable = node.Variable!;
        var value = Variable(variable);
        if (value is null)
        {
            return null;
        }

        var form = node.Get("form") ?? "numeric";
        var gender = engine.Locale.Gender(variable);
        Rt content;
        if (mode == CslMode.Sort && CslNumbers.IsNumeric(value))
        {
            content = Rt.Leaf(CslNumbers.SortKey(value));
        }
        else if (CslNumbers.IsNumeric(value))
        {
            content = Rt.Leaf(CslNumbers.Format(value, form, engine.Locale, gender, variable is "page" or "locator" ? engine.PageRangeDelimiter : "–"));
        }
        else
        {
            content = CslRichText.Parse(value);
        }

        return Finish(node, content);
    }

    private Rt? RenderLabel(CslNode node, string? variable, int? count)
    {
        if (variable is null)
        {
            return null;
        }

        string term = variable;
        bool plural;
        var pluralAttribute = node.Get("plural") ?? "contextual";
        if (count is not null)
        {
            plural = count > 1;
        }
        else
        {
            var value = RawVariable(variable);
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (variable == "locator")
            {
                term = cite.Label ?? "page";
                if (term == "sub verbo")
                {
                    term = "sub-verbo";
                }
            }

            plural = variable is "number-of-pages" or "number-of-volumes"
                ? CslNumbers.LeadingNumber(value) > 1
                : CslNumbers.IsPlural(value) || CslNumbers.HasAnd(value, engine.Locale.Term("and"));
        }

        plural = pluralAttribute switch
        {
            "always" => true,
            "never" => false,
            _ => plural,
        };
        var form = node.Get("form") ?? "long";
        var text = engine.Locale.Term(term, form, plural);
        if (text is null && term == "sub-verbo")
        {
            text = engine.Locale.Term("sub verbo", form, plural);
        }

        return string.IsNullOrEmpty(text) ? null : Finish(node, CslRichText.Parse(text));
    }
}
