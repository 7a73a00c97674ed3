using System.Text;

namespace ScholarlyRecord.Citations;

/// <summary>
/// Reads the markup allowed inside CSL data values (<c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;sup&gt;</c>,
/// <c>&lt;sub&gt;</c>, <c>&lt;span style="font-variant:small-caps;"&gt;</c>, <c>&lt;span class="nocase"&gt;</c>) and
/// straight or curly quotes into a rendered tree. Unmatched markup stays literal; an apostrophe becomes ’.
/// </summary>
internal static class CslRichText
{
    private sealed class Frame(Rt node, string opener, string? closer)
    {
        public Rt Node { get; } = node;

        public string Opener { get; } = opener;

        public string? Closer { get; } = closer;

        public bool NoCase { get; init; }
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("<\"'“”‘’");

    public static Rt Parse(string text, bool quotes = true)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return Rt.Leaf(text);
        }

        var root = new Rt { Kids = [] };
        var stack = new List<Frame> { new(root, string.Empty, null) };
        var buffer = new StringBuilder();

        void Flush()
        {
            if (buffer.Length > 0)
            {
                var top = stack[^1];
                top.Node.Kids!.Add(Rt.Leaf(buffer.ToString(), stack.Any(static f => f.NoCase)));
                buffer.Clear();
            }
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<')
            {
                var end = text.IndexOf('>', i);
                if (end > 0)
                {
                    var tag = text[i..(end + 1)];
                    var opened = OpenTag(tag);
                    if (opened is not null)
                    {
                        Flush();
                        var (node, closer, noCase) = opened.Value;
                        stack[^1].Node.Kids!.Add(node);
                        stack.Add(new Frame(node, tag, closer) { NoCase = noCase });
                        i = end + 1;
                        continue;
                    }

                    if (tag.StartsWith("</", StringComparison.Ordinal))
                    {
                        var index = stack.FindLastIndex(f => f.Closer == tag);
                        if (index > 0)
                        {
                            Flush();
                            Close(stack, index);
                            i = end + 1;
                            continue;
                        }
                    }
                }
            }
            else if (c is '"' or '“' or '”' or '\'' or '‘' or '’')
            {
                var previous = i == 0 ? ' ' : text[i - 1];
                var next = i + 1 < text.Length ? text[i + 1] : ' ';
                var single = c is '\'' or '‘' or '’';
                var closerName = single ? "'" : "\"";
                var opening = char.IsWhiteSpace(previous) || previous is '(' or '[' or '{' or '-' or '/' or '“' or '‘' or '"'
                    || (previous == '>' && text.LastIndexOf('<', i - 1) is var lt && lt >= 0 && lt + 1 < text.Length && text[lt + 1] != '/');
                if (!quotes && c is '“' or '”' or '‘' or '’')
                {
                    buffer.Append(c);
                    i++;
                    continue;
                }

                var index = stack.FindLastIndex(f => f.Closer == closerName);
                if (c is not '“' and not '‘' && index > 0 && !char.IsLetterOrDigit(next) && (!opening || i == text.Length - 1))
                {
                    Flush();
                    Close(stack, index);
                    i++;
                    continue;
                }

                if (c is not '”' and not '’' && (opening || (i == 0)) && !char.IsWhiteSpace(next) && HasCloser(text, i + 1, single))
                {
                    Flush();
                    var node = new Rt { Kids = [], Quotes = true };
                    stack[^1].Node.Kids!.Add(node);
                    stack.Add(new Frame(node, c.ToString(), closerName));
                    i++;
                    continue;
                }

                if (single)
                {
                    buffer.Append('’');
                    i++;
                    continue;
                }
            }

            buffer.Append(c);
            i++;
        }

        Flush();
        while (stack.Count > 1)
        {
            // Unclosed: put the opener back as text and lift the children into the parent.
            var frame = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            var parent = stack[^1].Node.Kids!;
            var at = parent.IndexOf(frame.Node);
            parent.RemoveAt(at);
            var opener = frame.Opener == "'" ? "’" : frame.Opener;
            parent.Insert(at, Rt.Leaf(opener));
            parent.InsertRange(at + 1, frame.Node.Kids!);
        }

        return root.Kids!.Count == 1 && root.Kids[0].Text is not null ? root.Kids[0] : root;
    }

    private static bool HasCloser(string text, int from, bool single)
    {
        for (var j = from; j < text.Length; j++)
        {
            var c = text[j];
            var next = j + 1 < text.Length ? text[j + 1] : ' ';
            if ((single ? c is '\'' or '’' : c is '"' or '”') && !char.IsLetterOrDigit(next))
            {
                return true;
            }
        }

        return false;
    }

    private static void Close(List<Frame> stack, int index)
    {
        stack.RemoveRange(index, stack.Count - index);
    }

    private static (Rt Node, string Closer, bool NoCase)? OpenTag(string tag) => tag switch
    {
        "<i>" => (new Rt { Kids = [], FontStyle = "italic" }, "</i>", false),
        "<b>" => (new Rt { Kids = [], FontWeight = "bold" }, "</b>", false),
        "<sup>" => (new Rt { Kids = [], VerticalAlign = "sup" }, "</sup>", true),
        "<sub>" => (new Rt { Kids = [], VerticalAlign = "sub" }, "</sub>", true),
        "<sc>" => (new Rt { Kids = [], FontVariant = "small-caps" }, "</sc>", true),
        "<span style=\"font-variant:small-caps;\">" or "<span style=\"font-variant: small-caps;\">" => (new Rt { Kids = [], FontVariant = "small-caps" }, "</span>", true),
        "<span class=\"nodecor\">" => (new Rt { Kids = [], FontStyle = "normal", FontWeight = "normal", FontVariant = "normal" }, "</span>", true),
        "<span class=\"nocase\">" => (new Rt { Kids = [] }, "</span>", true),
        "<span style=\"font-style:normal;\">" => (new Rt { Kids = [], FontStyle = "normal" }, "</span>", false),
        _ => null,
    };
}
