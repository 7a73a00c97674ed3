using System.Globalization;
using System.Text;

namespace ScholarlyRecord.Citations;

/// <summary>Names: name lists, et-al, and/delimiters, name forms, initials, particles, labels and substitution.</summary>
internal sealed partial class CslRenderer
{
    private CslNode? inheritedName;
    private CslNode? inheritedEtAl;
    private CslNode? inheritedLabel;
    private CslNode? inheritedNames;
    private bool firstNamesDone;

    /// <summary>An inheritable name option: the name element, then the citation/bibliography element, then the style.</summary>
    private string? Option(CslNode? name, string attribute, string? fallbackAttribute = null)
    {
        var value = name?.Get(attribute);
        if (value is not null)
        {
            return value;
        }

        var inherited = fallbackAttribute ?? attribute;
        return context?.Get(inherited) ?? engine.Style.Root.Get(inherited);
    }

    private Rt? RenderNames(CslNode node)
    {
        var nameNode = node.Child("name") ?? (node.Variable is null || node.Children.Count == 0 ? inheritedName : null);
        var etAlNode = node.Child("et-al") ?? (node.Children.Count == 0 ? inheritedEtAl : null);
        var labelNode = node.Child("label") ?? (node.Children.Count == 0 ? inheritedLabel : null);
        var labelFirst = false;
        foreach (var child in node.Children)
        {
            if (child.Name == "label")
            {
                labelFirst = true;
                break;
            }

            if (child.Name == "name")
            {
                break;
            }
        }

        if (node.Children.Count == 0 && inheritedNames is not null)
        {
            var parentLabel = inheritedNames.Children.FirstOrDefault(static c => c.Name is "label" or "name");
            labelFirst = parentLabel?.Name == "label";
        }

        var variables = (node.Variable ?? inheritedNames?.Variable ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var delimiter = node.Delimiter ?? Option(null, "names-delimiter");
        var outputs = new List<Rt>();
        var count = 0;
        var isCount = (nameNode?.Get("form") ?? Option(null, "name-form")) == "count";
        var handled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            variablesCalled++;
            if (handled.Contains(variable) || IsSuppressed(variable) || !item.Names.TryGetValue(variable, out var names))
            {
                continue;
            }

            variablesFound++;
            var labelVariable = variable;
            if (variable is "editor" or "translator" && variables.Contains("editor") && variables.Contains("translator")
                && item.Names.TryGetValue(variable == "editor" ? "translator" : "editor", out var other) && SameNames(names, other) && !IsSuppressed("editor") && !IsSuppressed("translator")
                && (labelNode is null || !string.IsNullOrEmpty(engine.Locale.Term("editortranslator", labelNode.Get("form") ?? "long"))))
            {
                handled.Add("editor");
                handled.Add("translator");
                labelVariable = "editortranslator";
            }

            handled.Add(variable);
            var (list, shown) = RenderNameList(nameNode, etAlNode, names, isCount);
            if (recording is not null && (list is not null || shown > 0))
            {
                suppressed ??= new HashSet<string>(StringComparer.Ordinal);
                suppressed.Add(variable);
                if (labelVariable == "editortranslator")
                {
                    suppressed.Add("editor");
                    suppressed.Add("translator");
                }
            }
            if (isCount)
            {
                count += shown;
                continue;
            }

            if (list is null)
            {
                continue;
            }

            if (!firstNamesDone)
            {
                FirstNamesShown = shown;
            }

            // A list whose names all render empty (a blank literal) is no output, not a null in the group.
            if (Rt.Wrap(nameNode ?? Empty, list) is not { } nameList)
            {
                continue;
            }

            if (!firstNamesDone && FirstNameList is null)
            {
                FirstNameList = nameList;
            }

            Rt? label = null;
            if (labelNode is not null && mode != CslMode.Sort)
            {
                label = RenderLabel(labelNode, labelVariable, names.Count);
            }

            outputs.Add(label is null ? nameList : labelFirst ? Rt.Group([label, nameList]) : Rt.Group([nameList, label]));
        }

        if (isCount)
        {
            if (count == 0)
            {
                return SubstituteOrNull(node, nameNode, etAlNode, labelNode);
            }

            var result = Finish(node, Rt.Leaf(count.ToString(CultureInfo.InvariantCulture)));
            MarkFirst(result);
            return result;
        }

        if (outputs.Count == 0)
        {
            return SubstituteOrNull(node, nameNode, etAlNode, labelNode);
        }

        var rendered = Rt.Wrap(node, outputs.Count == 1 ? outputs[0] : Rt.Group(outputs, delimiter));
        MarkFirst(rendered);
        return rendered;
    }

    private static readonly CslNode Empty = new("name", null, 0, 0);

    private void MarkFirst(Rt? rendered)
    {
        if (!firstNamesDone && rendered is not null)
        {
            firstNamesDone = true;
            FirstNames = rendered;
        }
    }

    private Rt? SubstituteOrNull(CslNode node, CslNode? nameNode, CslNode? etAlNode, CslNode? labelNode)
    {
        var substitute = node.Child("substitute");
        if (substitute is null)
        {
            return null;
        }

        var saved = (inheritedName, inheritedEtAl, inheritedLabel, inheritedNames);
        inheritedName = nameNode;
        inheritedEtAl = etAlNode;
        inheritedLabel = labelNode;
        inheritedNames = node;
        try
        {
            foreach (var child in substitute.Children)
            {
                var before = recording;
                recording = [];
                var result = Render(child);
                var used = recording;
                recording = before;
                if (result is not null && !result.IsEmpty)
                {
                    suppressed ??= new HashSet<string>(StringComparer.Ordinal);
                    foreach (var variable in used)
                    {
                        suppressed.Add(variable);
                    }

                    var wrapped = Rt.Wrap(node, result);
                    MarkFirst(wrapped);
                    return wrapped;
                }
            }
        }
        finally
        {
            (inheritedName, inheritedEtAl, inheritedLabel, inheritedNames) = saved;
        }

        return null;
    }

    private List<string>? recording;
    private bool firstListRecorded;

    /// <summary>The keys of the names shown by the first names element (for subsequent-author-substitute).</summary>
    public List<string>? FirstNameKeys;

    /// <summary>The names the first rendered name list shows (after et-al), for name disambiguation.</summary>
    public List<CslName>? FirstShownNames;

    /// <summary>The rendered name list (without its label) of the first names element.</summary>
    public Rt? FirstNameList;

    /// <summary>The rendered names of the first names element, one per name shown.</summary>
    public List<Rt>? FirstNameParts;

    private static bool SameNames(List<CslName> a, List<CslName> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Key() != b[i].Key())
            {
                return false;
            }
        }

        return true;
    }

    private (Rt? List, int Shown) RenderNameList(CslNode? name, CslNode? etAl, List<CslName> names, bool countOnly)
    {
        if (recording is not null)
        {
            foreach (var pair in item.Names)
            {
                if (ReferenceEquals(pair.Value, names))
                {
                    recording.Add(pair.Key);
                }
            }
        }

        var subsequent = mode == CslMode.Citation && cite.Position != CslPosition.First;
        var min = ParseInt(subsequent ? Option(name, "et-al-subsequent-min") ?? Option(name, "et-al-min") : Option(name, "et-al-min"));
        var useFirst = ParseInt(subsequent ? Option(name, "et-al-subsequent-use-first") ?? Option(name, "et-al-use-first") : Option(name, "et-al-use-first"));
        var useLast = Option(name, "et-al-use-last") == "true";
        if (mode == CslMode.Sort && SortEtAlMin is not null)
        {
            min = SortEtAlMin;
            useFirst = SortEtAlUseFirst;
            useLast = SortEtAlUseLast;
        }

        var shown = names.Count;
        var truncated = false;
        if (min is not null && useFirst is not null && names.Count >= min && useFirst < names.Count)
        {
            shown = Math.Max(0, useFirst.Value + state.AddNames);
            if (shown < names.Count)
            {
                truncated = true;
            }
            else
            {
                shown = names.Count;
            }
        }

        if (countOnly)
        {
            return (null, shown);
        }

        if (shown == 0)
        {
            return (null, 0);
        }

        var delimiter = name?.Delimiter ?? Option(null, "name-delimiter") ?? ", ";
        var and = Option(name, "and");
        var andTerm = mode == CslMode.Sort ? null : and switch
        {
            "text" => engine.Locale.Term("and"),
            "symbol" => "&",
            _ => null,
        };
        var parts = new List<Rt>();
        var inverted = new List<bool>();
        for (var i = 0; i < shown; i++)
        {
            var (rendered, isInverted) = RenderName(name, names[i], i);
            parts.Add(rendered);
            inverted.Add(isInverted);
        }

        if (!firstListRecorded && mode != CslMode.Sort)
        {
            firstListRecorded = true;
            FirstNameKeys = names.Take(shown).Select(static n => n.Key()).ToList();
            FirstShownNames = names.Take(shown).ToList();
            FirstNameParts = parts;
        }

        var useLastApplies = truncated && useLast && shown + 1 < names.Count;
        var kids = new List<Rt>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                if (i == parts.Count - 1 && andTerm is not null && !truncated)
                {
                    var precedes = Option(name, "delimiter-precedes-last") ?? "contextual";
                    var useDelimiter = precedes switch
                    {
                        "always" => true,
                        "never" => false,
                        "after-inverted-name" => inverted[i - 1],
                        _ => parts.Count >= 3,
                    };
                    kids.Add(Rt.Leaf(useDelimiter ? delimiter + andTerm + " " : " " + andTerm + " "));
                }
                else
                {
                    kids.Add(Rt.Leaf(delimiter));
                }
            }

            kids.Add(parts[i]);
        }

        if (truncated)
        {
            if (useLastApplies)
            {
                kids.Add(Rt.Leaf(delimiter + "… "));
                kids.Add(RenderName(name, names[^1], names.Count - 1).Rendered);
            }
            else
            {
                var term = mode == CslMode.Sort ? null : engine.Locale.Term(etAl?.Get("term") ?? "et-al");
                if (!string.IsNullOrEmpty(term))
                {
                    var precedes = Option(name, "delimiter-precedes-et-al") ?? "contextual";
                    var useDelimiter = precedes switch
                    {
                        "always" => true,
                        "never" => false,
                        "after-inverted-name" => inverted[^1],
                        _ => shown > 1,
                    };
                    kids.Add(Rt.Leaf(useDelimiter ? delimiter : " "));
                    var etAlText = Rt.Leaf(term);
                    kids.Add(etAl is null ? etAlText : Rt.Wrap(etAl, etAlText)!);
                }
            }
        }

        return (new Rt { Kids = kids }, shown);
    }

    private static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// A name suffix when initialize-with is set: its abbreviations (pieces ending in a full stop: "Jr.", the "D." and
    /// "R." of "D.R.") are written as initials already present in a given name are, with initialize-with after each
    /// ("Jr" and "DR" when it is empty, "D. R." when it is ". "); its whole words stay ("III", "Carbonell"). CSL 1.0.2 says
    /// nothing of suffixes here; this is what citeproc-js does (checked black-box: Vancouver prints "Jr" for "Jr.").
    /// </summary>
    internal static string SuffixInitials(string suffix, string initializeWith)
    {
        if (!suffix.Contains('.', StringComparison.Ordinal))
        {
            return suffix;
        }

        var pieces = new List<(string Text, bool Abbreviation)>();
        foreach (var token in suffix.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            for (var i = 0; i < token.Length; i++)
            {
                if (token[i] == '.')
                {
                    if (i > start)
                    {
                        pieces.Add((token[start..i], true));
                    }

                    start = i + 1;
                }
            }

            if (start < token.Length)
            {
                pieces.Add((token[start..], false));
            }
        }

        var trimmed = initializeWith.TrimEnd();
        var builder = new System.Text.StringBuilder(suffix.Length + 4);
        for (var i = 0; i < pieces.Count; i++)
        {
            var (text, abbreviation) = pieces[i];
            builder.Append(text);
            var last = i == pieces.Count - 1;
            if (abbreviation)
            {
                builder.Append(last ? trimmed : pieces[i + 1].Abbreviation ? initializeWith : trimmed + " ");
            }
            else if (!last)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private (Rt Rendered, bool Inverted) RenderName(CslNode? nameNode, CslName name, int index)
    {
        var form = nameNode?.Get("form") ?? Option(null, "name-form") ?? "long";
        var sortOrder = Option(nameNode, "name-as-sort-order");
        var inverted = mode == CslMode.Sort || sortOrder == "all" || (sortOrder == "first" && index == 0);
        var level = state.GivenLevels is { } levels && index < levels.Length ? levels[index] : state.GivenLevelAll;
        var initializeWith = Option(nameNode, "initialize-with");
        var initialize = Option(nameNode, "initialize") != "false";
        if (level >= 1 && form == "short")
        {
            form = "long";
            if (level == 1 && initializeWith is null)
            {
                initializeWith = null;
            }
        }

        if (level >= 2)
        {
            initializeWith = null;
        }

        if (mode == CslMode.Sort)
        {
            form = SortNames ? "long" : form;
        }

        if (name.IsLiteral)
        {
            var literal = CslRichText.Parse(name.LiteralText);
            return (ApplyPart(nameNode, "family", literal) ?? literal, false);
        }

        var family = name.Family ?? string.Empty;
        var given = name.Given;
        var script = ScriptOf(family, given);
        if (script == NameScript.FamilyFirst)
        {
            // A name in a family-name-first script (Chinese, Japanese, ...): family then given, no space, never
            // inverted, initialized or separated; the particles are written as one with the family name.
            var text = (name.NonDroppingParticle ?? string.Empty) + family + (form == "short" ? string.Empty : given ?? string.Empty);
            return (Rt.Leaf(text), false);
        }

        if (given is not null && initializeWith is not null)
        {
            given = InitializeMarked(given, initializeWith, initialize, Option(nameNode, "initialize-with-hyphen") != "false");
        }

        var suffix = name.Suffix is not null && initializeWith is not null ? SuffixInitials(name.Suffix, initializeWith) : name.Suffix;
        if (script == NameScript.Mixed)
        {
            // A family name in such a script with a given name in a given-name-first one: family first, then the given
            // name after a space, in every position; no sort separator, dropping particle or suffix.
            var shortText = Join(name.NonDroppingParticle, family);
            var text = form == "short" ? shortText : Join(shortText, given);
            return (Rt.Leaf(text), false);
        }

        var demote = engine.Style.Root.Get("demote-non-dropping-particle") ?? "display-and-sort";
        var ndp = name.NonDroppingParticle;
        var dp = name.DroppingParticle;
        if (form == "short")
        {
            var shortFamily = Join(ndp, family);
            var result = ApplyPart(nameNode, "family", CslRichText.Parse(shortFamily))!;
            return (result, false);
        }

        var sortSeparator = Option(nameNode, "sort-separator") ?? ", ";
        if (inverted && !name.StaticOrdering)
        {
            string familyText, givenText;
            if (demote == "display-and-sort" || (demote == "sort-only" && mode == CslMode.Sort))
            {
                familyText = family;
                givenText = Join(Join(given, dp), ndp);
            }
            else
            {
                familyText = Join(ndp, family);
                givenText = Join(given, dp);
            }

            var kids = new List<Rt> { ApplyPart(nameNode, "family", CslRichText.Parse(familyText))! };
            if (givenText.Length > 0)
            {
                kids.Add(Rt.Leaf(sortSeparator));
                kids.Add(ApplyPart(nameNode, "given", CslRichText.Parse(givenText))!);
            }

            if (suffix is not null)
            {
                kids.Add(Rt.Leaf(sortSeparator));
                kids.Add(Rt.Leaf(suffix));
            }

            return (new Rt { Kids = kids }, true);
        }

        {
            var kids = new List<Rt>();
            var givenText = Join(given, dp);
            if (!string.IsNullOrEmpty(given) && !name.StaticOrdering)
            {
                kids.Add(ApplyPart(nameNode, "given", CslRichText.Parse(given))!);
                if (!PartSuffixEndsInSpace(nameNode, "given"))
                {
                    // A given-name suffix that already ends in a space (a no-break space, say) separates the parts.
                    kids.Add(Rt.Leaf(" "));
                }
            }

            if (name.StaticOrdering)
            {
                kids.Clear();
                kids.Add(ApplyPart(nameNode, "family", CslRichText.Parse(Join(ndp, family)))!);
                if (givenText.Length > 0)
                {
                    kids.Add(Rt.Leaf(" "));
                    kids.Add(ApplyPart(nameNode, "given", CslRichText.Parse(givenText))!);
                }

                return (new Rt { Kids = kids }, false);
            }

            var familyText = Join(dp, Join(ndp, family));
            if (suffix is not null)
            {
                familyText += (name.CommaSuffix ? ", " : " ") + suffix;
            }

            var particles = Join(dp, ndp);
            if (particles.Length > 0 && FamilyPart(nameNode)?.TextCase is not null)
            {
                var familyOnly = CslRichText.Parse(suffix is null ? family : family + (name.CommaSuffix ? ", " : " ") + suffix);
                CslTextCase.Apply(familyOnly, FamilyPart(nameNode)!.TextCase!, ItemLanguage());
                var separator = particles[^1] is '\'' or '’' or '-' ? string.Empty : " ";
                kids.Add(Rt.Wrap(FamilyPart(nameNode)!, new Rt { Kids = [Rt.Leaf(particles + separator), familyOnly] })!);
                return (new Rt { Kids = kids }, false);
            }

            kids.Add(ApplyPart(nameNode, "family", CslRichText.Parse(familyText))!);
            return (new Rt { Kids = kids }, false);
        }
    }

    /// <summary>The cs:name-part element of a cs:name for the given part ("given" or "family"), if it has one.</summary>
    private static CslNode? NamePart(CslNode? nameNode, string part)
    {
        if (nameNode is not null)
        {
            foreach (var child in nameNode.Children)
            {
                if (child.Name == "name-part" && child.Get("name") == part)
                {
                    return child;
                }
            }
        }

        return null;
    }

    private static bool PartSuffixEndsInSpace(CslNode? nameNode, string part) =>
        NamePart(nameNode, part)?.Get("suffix") is { Length: > 0 } suffix && char.IsWhiteSpace(suffix[^1]);

    private static CslNode? FamilyPart(CslNode? nameNode) => NamePart(nameNode, "family");

    private Rt? ApplyPart(CslNode? nameNode, string part, Rt content)
    {
        if (NamePart(nameNode, part) is not { } child)
        {
            return content;
        }

        if (child.TextCase is not null)
        {
            CslTextCase.Apply(content, child.TextCase, ItemLanguage());
        }

        return Rt.Wrap(child, content) ?? content;
    }

    private static string Join(string? a, string? b)
    {
        if (string.IsNullOrEmpty(a))
        {
            return b ?? string.Empty;
        }

        if (string.IsNullOrEmpty(b))
        {
            return a;
        }

        return a[^1] is '\'' or '’' or '-' ? a + b : a + " " + b;
    }

    /// <summary>The display order a name's script calls for (see <see cref="ScriptOf"/>).</summary>
    internal enum NameScript
    {
        /// <summary>Given name first (Latin, Greek, Cyrillic, Arabic, ...): the CSL name-part orders apply.</summary>
        GivenFirst,

        /// <summary>A family name in a family-name-first script with a given name in a given-name-first one.</summary>
        Mixed,

        /// <summary>Family name first with no space between the parts (Chinese, Japanese, Korean, and any other text).</summary>
        FamilyFirst,
    }

    /// <summary>
    /// The spec orders names of "given-name family-name" scripts (Latin, Greek, Cyrillic, Arabic) one way and names
    /// in Asian scripts another. A name counts as given-name-first when its family name holds a letter of those
    /// scripts (or a digit or hyphen); when it does not, the given name decides: a given name that starts with such a
    /// letter gives the mixed order ("毛 J."), anything else (CJK, emoji, symbols) the family-name-first order. These
    /// are the letter ranges citeproc-js, the reference processor, treats alike (checked black-box).
    /// </summary>
    internal static NameScript ScriptOf(string family, string? given)
    {
        foreach (var c in family)
        {
            if (IsGivenFirstLetter(c) || char.IsAsciiDigit(c) || c == '-')
            {
                return NameScript.GivenFirst;
            }
        }

        if (family.Length == 0)
        {
            return NameScript.GivenFirst;
        }

        var start = given.AsSpan().TrimStart();
        return !start.IsEmpty && IsGivenFirstLetter(start[0]) ? NameScript.Mixed : NameScript.FamilyFirst;
    }

    /// <summary>A letter of a given-name-first script: basic and Latin-1/Extended-A Latin, Greek, Cyrillic, Arabic, Thai.</summary>
    internal static bool IsGivenFirstLetter(char c) =>
        char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u017F' or >= '\u0370' and <= '\u052F' or >= '\u1F00' and <= '\u1FFF'
            or >= '\u0600' and <= '\u06FF' or >= '\u0E00' and <= '\u0E7F';

    /// <summary>Turns given names into initials: <c>John Paul</c> with <c>. </c> gives <c>J. P.</c>.</summary>
    /// <summary>
    /// Initializes a given name that may carry in-text markup (<c>&lt;b&gt;John&lt;/b&gt; Quiggly</c>): the markup is
    /// set aside, the plain name initialized, and each marked word's initial wrapped in that word's tags again
    /// (<c>&lt;b&gt;J.&lt;/b&gt; Q.</c>).
    /// </summary>
    public static string InitializeMarked(string given, string with, bool initialize, bool hyphen)
    {
        if (!given.Contains('<', StringComparison.Ordinal))
        {
            return Initialize(given, with, initialize, hyphen);
        }

        var plain = new StringBuilder(given.Length);
        var marked = new List<(string Open, string Word, string Close)>();
        var i = 0;
        while (i < given.Length)
        {
            if (given[i] == '<' && MarkedWord(given, i) is { } found)
            {
                marked.Add((found.Open, found.Word, found.Close));
                plain.Append(found.Word);
                i = found.End;
                continue;
            }

            plain.Append(given[i]);
            i++;
        }

        var result = Initialize(plain.ToString(), with, initialize, hyphen);
        var from = 0;
        foreach (var (open, word, close) in marked)
        {
            var initial = Initialize(word, with, initialize, hyphen).TrimEnd();
            var at = initial.Length == 0 ? -1 : result.IndexOf(initial, from, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            result = result[..at] + open + initial + close + result[(at + initial.Length)..];
            from = at + open.Length + initial.Length + close.Length;
        }

        return result;
    }

    /// <summary>An opening tag at <paramref name="start"/>, plain text without tags, and the tag that closes it.</summary>
    private static (string Open, string Word, string Close, int End)? MarkedWord(string text, int start)
    {
        var openEnd = text.IndexOf('>', start);
        if (openEnd < 0)
        {
            return null;
        }

        var open = text[start..(openEnd + 1)];
        var space = open.IndexOf(' ', StringComparison.Ordinal);
        var tag = open[1..(space < 0 ? open.Length - 1 : space)];
        if (tag is not ("b" or "i" or "sc" or "sup" or "sub" or "span"))
        {
            return null;
        }

        var close = "</" + tag + ">";
        var closeAt = text.IndexOf(close, openEnd + 1, StringComparison.Ordinal);
        if (closeAt < 0 || text.AsSpan(openEnd + 1, closeAt - openEnd - 1).Contains('<'))
        {
            return null;
        }

        return (open, text[(openEnd + 1)..closeAt], close, closeAt + close.Length);
    }

    public static string Initialize(string given, string with, bool initialize, bool hyphen)
    {
        if (given.Length == 0 || !IsGivenFirstLetter(given[0]))
        {
            // A given name that does not start with a letter of a given-name-first script ("泽东 Jo", "1J") is not
            // initialized at all.
            return given;
        }

        var builder = new StringBuilder();
        var tokens = given.Replace(".", ". ", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var trimmedWith = with.TrimEnd();
        foreach (var token in tokens)
        {
            var core = token.TrimEnd('.');
            var hadPeriod = token.Length != core.Length;
            if (core.Length == 0)
            {
                continue;
            }

            if (core.Length > 1 && (!initialize || (hadPeriod && !core.Contains('-', StringComparison.Ordinal))))
            {
                // An abbreviation such as "Ph." or "Ts.", or a full name (also a hyphenated one such as "Hans-Georg")
                // when initialize is false, stays as written.
                if (builder.Length > 0 && builder[^1] != ' ' && (!hadPeriod || with.EndsWith(' ')))
                {
                    builder.Append(' ');
                }

                builder.Append(core).Append(hadPeriod ? with : " ");
                continue;
            }

            if (char.IsLower(core[0]) || (!IsGivenFirstLetter(core[0]) && core[0] != '-'))
            {
                // A lower-case word ("de", "j") stays as written, and so does one that starts with anything but a letter
                // of a given-name-first script (a digit, symbol, emoji, CJK or Hebrew letter, combining mark).
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                builder.Append(core).Append(' ');
                continue;
            }

            var pieces = core.Split('-', StringSplitOptions.RemoveEmptyEntries);
            var written = 0;
            for (var p = 0; p < pieces.Length; p++)
            {
                var piece = pieces[p];
                if (p > 0 && char.IsLower(piece[0]))
                {
                    continue;
                }

                var letter = char.IsHighSurrogate(piece[0]) && piece.Length > 1 ? piece[..2] : piece[..1];
                if (piece.Length > 2 && char.IsUpper(piece[0]) && char.IsUpper(piece[1]) && char.IsLower(piece[2]))
                {
                    // Two capitals before the lower-case letters ("THomas", "CHristian") ask for a two-letter initial:
                    // "Th.", "Ch." (the convention citeproc-js follows; black-box).
                    letter = string.Concat(piece.AsSpan(0, 1), char.ToLowerInvariant(piece[1]).ToString());
                }
                if (written > 0)
                {
                    if (hyphen)
                    {
                        if (builder.Length > 0 && builder[^1] == ' ')
                        {
                            builder.Length--;
                        }

                        builder.Append('-');
                    }
                    else if (builder.Length > 0 && builder[^1] != ' ' && with.EndsWith(' '))
                    {
                        builder.Append(' ');
                    }
                }

                builder.Append(char.IsLower(letter[0]) ? letter.ToUpperInvariant() : letter);
                builder.Append(p < pieces.Length - 1 && hyphen ? trimmedWith : with);
                written++;
            }
        }

        return builder.ToString().TrimEnd();
    }
}
