namespace ScholarlyRecord.Citations;

/// <summary>
/// Hands a style or locale to the XML reader with a plain UTF-8 XML declaration turned into spaces. The reader is
/// given text, not bytes, so such a declaration changes nothing in how it reads; but checking the declared encoding
/// costs the XML reader a few milliseconds on its first use in a process (it loads the runtime's encoding tables and
/// resource strings), the largest single cost of parsing the first style. Spaces keep every line and column where
/// they were, and white space before the root element is well-formed. Any other declaration (another version or
/// encoding, standalone, line breaks, a malformed one) is passed on as written, so the XML reader still judges it.
/// </summary>
internal sealed class CslXmlProlog : TextReader
{
    private const int Lookahead = 64;

    private static readonly string[] PlainDeclarations =
    [
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version='1.0' encoding='utf-8'?>",
        "<?xml version='1.0' encoding='UTF-8'?>",
        "<?xml version=\"1.0\"?>",
        "<?xml version='1.0'?>",
    ];

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
        var end = PlainDeclarationEnd(head, read);
        for (var i = 0; i < end; i++)
        {
            if (head[i] is not ('\n' or '\r'))
            {
                head[i] = ' ';
            }
        }
    }

    /// <summary>
    /// The length of a leading plain declaration (version 1.0, UTF-8 or no encoding, either kind of quotes: the
    /// declarations of the CSL styles and locales), or 0 when the text starts with anything else. Compared character by
    /// character against a short list, not parsed: this runs once per style, before the first entry, where every span
    /// helper it called would be one more generic method to compile.
    /// </summary>
    internal static int PlainDeclarationEnd(char[] text, int length)
    {
        foreach (var declaration in PlainDeclarations)
        {
            if (length < declaration.Length)
            {
                continue;
            }

            var i = 0;
            while (i < declaration.Length && text[i] == declaration[i])
            {
                i++;
            }

            if (i == declaration.Length)
            {
                return i;
            }
        }

        return 0;
    }
}
