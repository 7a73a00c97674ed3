namespace ScholarlyRecord.Citations;

/// <summary>
/// Hands a style or locale to the XML reader with a plain UTF-8 XML declaration turned into spaces. The reader is
/// given text, not bytes, so such a declaration changes nothing in how it reads; but checking the declared encoding
/// costs the XML reader a few milliseconds on its first use in a process (it loads the runtime's encoding tables and
/// resource strings), the largest single cost of parsing the first style. Spaces keep every line and column where
/// they were, and white space before the root element is well-formed. Any other declaration (another version or
/// encoding, a malformed one) is passed on as written, so the XML reader still judges it.
/// </summary>
internal sealed class CslXmlProlog : TextReader
{
    private const int Lookahead = 256;
    private readonly TextReader inner;
    private char[]? head;
    private int headPosition;
    private int headLength;

    public CslXmlProlog(TextReader inner) => this.inner = inner;

    public override int Peek()
    {
        Fill();
        return headPosition < headLength ? head![headPosition] : inner.Peek();
    }

    public override int Read()
    {
        Fill();
        return headPosition < headLength ? head![headPosition++] : inner.Read();
    }

    public override int Read(char[] buffer, int index, int count)
    {
        Fill();
        if (headPosition < headLength)
        {
            var n = Math.Min(count, headLength - headPosition);
            Array.Copy(head!, headPosition, buffer, index, n);
            headPosition += n;
            return n;
        }

        return inner.Read(buffer, index, count);
    }

    /// <summary>Reads the first characters once and blanks a plain declaration among them.</summary>
    private void Fill()
    {
        if (head is not null)
        {
            return;
        }

        head = new char[Lookahead];
        var read = 0;
        while (read < Lookahead)
        {
            var n = inner.Read(head, read, Lookahead - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        headLength = read;
        var end = PlainDeclarationEnd(head.AsSpan(0, read));
        for (var i = 0; i < end; i++)
        {
            if (head[i] is not ('\n' or '\r'))
            {
                head[i] = ' ';
            }
        }
    }

    /// <summary>
    /// The length of a leading <c>&lt;?xml version="1.0" [encoding="utf-8"] [standalone="yes|no"]?&gt;</c>
    /// (quotes either kind, encoding in any case), or 0 when the text does not start with exactly such a declaration.
    /// </summary>
    internal static int PlainDeclarationEnd(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return 0;
        }

        var i = 5;
        if (!Attribute(text, ref i, "version", out var version) || version is not "1.0")
        {
            return 0;
        }

        var save = i;
        if (Attribute(text, ref i, "encoding", out var encoding))
        {
            if (!encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }
        }
        else
        {
            i = save;
        }

        save = i;
        if (Attribute(text, ref i, "standalone", out var standalone))
        {
            if (standalone is not ("yes" or "no"))
            {
                return 0;
            }
        }
        else
        {
            i = save;
        }

        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }

        return i + 1 < text.Length && text[i] == '?' && text[i + 1] == '>' ? i + 2 : 0;
    }

    // White space, the name, optional white space, '=', optional white space and a quoted value.
    private static bool Attribute(ReadOnlySpan<char> text, ref int i, string name, out ReadOnlySpan<char> value)
    {
        value = default;
        var start = i;
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }

        if (i == start || !text[i..].StartsWith(name, StringComparison.Ordinal))
        {
            return false;
        }

        i += name.Length;
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length || text[i] != '=')
        {
            return false;
        }

        i++;
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length || text[i] is not ('"' or '\''))
        {
            return false;
        }

        var quote = text[i++];
        var close = text[i..].IndexOf(quote);
        if (close < 0)
        {
            return false;
        }

        value = text.Slice(i, close);
        i += close + 1;
        return true;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';
}
