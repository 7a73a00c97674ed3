using System.Collections.Frozen;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Citations;

/// <summary>Checks a parsed style against the parts of the CSL grammar the renderer relies on, and links macros.</summary>
internal static class CslStyleValidator
{
    private static readonly FrozenSet<string> RenderingElements = FrozenSet.ToFrozenSet(
        ["text", "number", "label", "date", "names", "group", "choose"], StringComparer.Ordinal);

    public static void Validate(CslNode root, List<Diagnostic> diagnostics)
    {
        if (root.Name != "style")
        {
            throw Error(root, $"expected the root element <style>, found <{root.Name}>");
        }

        var macros = new Dictionary<string, CslNode>(StringComparer.Ordinal);
        foreach (var child in root.Children)
        {
            if (child.Name == "macro")
            {
                var name = child.Get("name") ?? throw Error(child, "<macro> needs a name attribute");
                macros.TryAdd(name, child);
            }
        }

        var citation = root.Child("citation");
        var dependent = root.Child("info")?.Children.Any(static l => l.Name == "link" && l.Get("rel") == "independent-parent") == true;
        if (citation is null)
        {
            if (!dependent)
            {
                throw Error(root, "expected a <citation> element in an independent style");
            }

            return;
        }

        if (citation.Child("layout") is null)
        {
            throw Error(citation, "expected a <layout> element in <citation>");
        }

        var bibliography = root.Child("bibliography");
        if (bibliography is not null && bibliography.Child("layout") is null)
        {
            throw Error(bibliography, "expected a <layout> element in <bibliography>");
        }

        foreach (var child in root.Children)
        {
            if (child.Name is "macro" or "citation" or "bibliography")
            {
                Check(child, macros, diagnostics);
            }
        }

        // Cycle detection over the macro call graph, iteratively: 0 = unvisited, 1 = on the stack, 2 = done.
        var state = new Dictionary<CslNode, int>();
        foreach (var macro in macros.Values)
        {
            Visit(macro, state);
        }
    }

    private static void Visit(CslNode start, Dictionary<CslNode, int> state)
    {
        if (state.TryGetValue(start, out var seen) && seen == 2)
        {
            return;
        }

        // Three parallel stacks of reference types and ints (not a stack of tuples, whose value-type instantiation the
        // JIT would compile for this one use): the macro, the <text macro> calls found in it, the next call to follow.
        var macros = new List<CslNode> { start };
        var calls = new List<List<CslNode>> { Calls(start) };
        var next = new List<int> { 0 };
        state[start] = 1;
        while (macros.Count > 0)
        {
            var top = macros.Count - 1;
            var pending = calls[top];
            if (next[top] == pending.Count)
            {
                state[macros[top]] = 2;
                macros.RemoveAt(top);
                calls.RemoveAt(top);
                next.RemoveAt(top);
                continue;
            }

            var call = pending[next[top]++];
            var target = call.Macro!;
            state.TryGetValue(target, out var mark);
            switch (mark)
            {
                case 1:
                    throw new CslStyleException(CitationCodes.CyclicMacro, $"The macro '{target.Get("name")}' calls itself (through <text macro> at {call.Line}:{call.Column}); macros must not be cyclic.", call.Line, call.Column);
                case 0:
                    state[target] = 1;
                    macros.Add(target);
                    calls.Add(Calls(target));
                    next.Add(0);
                    break;
            }
        }
    }

    /// <summary>The <c>text macro</c> nodes inside a node, in document order.</summary>
    private static List<CslNode> Calls(CslNode node)
    {
        var result = new List<CslNode>();
        var pending = new Stack<CslNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current.Macro is not null)
            {
                result.Add(current);
            }

            for (var i = current.Children.Count - 1; i >= 0; i--)
            {
                pending.Push(current.Children[i]);
            }
        }

        return result;
    }

    private static void Check(CslNode node, Dictionary<string, CslNode> macros, List<Diagnostic> diagnostics)
    {
        var pending = new Stack<CslNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            switch (current.Name)
            {
                case "text":
                    {
                        var macro = current.Get("macro");
                        if (macro is not null)
                        {
                            current.Macro = macros.TryGetValue(macro, out var target)
                                ? target
                                : throw new CslStyleException(CitationCodes.UnknownMacro, $"The macro '{macro}' is not defined; expected one of the style's <macro name> values.", current.Line, current.Column);
                        }
                        else if (current.Variable is null && current.Get("term") is null && current.Get("value") is null)
                        {
                            throw Error(current, "<text> needs one of the attributes variable, macro, term or value");
                        }

                        break;
                    }

                case "number" or "date" or "names" when current.Variable is null && current.Name != "names":
                    throw Error(current, $"<{current.Name}> needs a variable attribute");
                case "layout" or "group" or "if" or "else-if" or "else" or "substitute" or "macro" or "citation" or "bibliography" or "sort" or "key" or "choose" or "names" or "name" or "et-al" or "label" or "name-part" or "date" or "date-part" or "number":
                    break;
                default:
                    throw Error(current, $"unknown element <{current.Name}>; expected a CSL rendering element ({string.Join(", ", RenderingElements)})");
            }

            if (current.Variable is not null)
            {
                foreach (var name in current.Variable.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!CslVariableNames.IsKnown(name))
                    {
                        diagnostics.Add(CslDiagnostics.Create(CitationCodes.UnknownVariable, $"Unknown variable '{name}'; it renders as empty.", current.Line, current.Column));
                    }
                }
            }

            foreach (var child in current.Children)
            {
                pending.Push(child);
            }
        }
    }

    private static CslStyleException Error(CslNode node, string message) =>
        new(CitationCodes.InvalidStyle, message + ".", node.Line, node.Column);
}
