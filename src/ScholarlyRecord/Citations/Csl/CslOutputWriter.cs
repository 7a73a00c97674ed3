using System.Text;

namespace ScholarlyRecord.Citations;

/// <summary>
/// Writes a rendered tree in one output format. It keeps the state that spans elements: which formatting is on (so
/// italics inside italics flip to normal), the quote depth (outer and inner quotes alternate), and the last plain
/// character (so that punctuation is not doubled and, where the locale says so, moves inside closing quotes).
/// </summary>
internal sealed class CslOutputWriter
{
    private readonly CslOutputFormat format;
    private readonly StringBuilder builder = new();
    private readonly string openQuote;
    private readonly string closeQuote;
    private readonly string openInner;
    private readonly string closeInner;
    private readonly bool punctuationInQuote;
    private bool italic;
    private bool bold;
    private bool smallCaps;
    private int quoteDepth;
    private char lastPlain;
    private char beforeQuote;
    private int closeQuoteAt = -1;
    private int closeQuoteEnd = -1;
    private int lastPlainIndex = -1;

    public CslOutputWriter(CslOutputFormat format, CslLocaleChain? locale)
    {
        this.format = format;
        openQuote = locale?.Term("open-quote") ?? "“";
        closeQuote = locale?.Term("close-quote") ?? "”";
        openInner = locale?.Term("open-inner-quote") ?? "‘";
        closeInner = locale?.Term("close-inner-quote") ?? "’";
        punctuationInQuote = locale?.PunctuationInQuote ?? false;
    }

    public char LastPlain => lastPlain;

    public int Length => builder.Length;

    public override string ToString() => builder.ToString();

    public void Write(Rt node)
    {
        if (node.IsEmpty)
        {
            return;
        }

        (string Open, string Close)? display = node.Display is null ? null : format.Display(node.Display);
        if (display is { } d)
        {
            builder.Append(d.Open);
        }

        if (node.Prefix is not null)
        {
            Plain(node.Prefix);
        }

        bool savedItalic = italic, savedBold = bold, savedSmallCaps = smallCaps;
        var closes = new List<string>(2);
        Format("font-weight", node.FontWeight, ref bold, closes);
        Format("font-style", node.FontStyle, ref italic, closes);
        Format("font-variant", node.FontVariant, ref smallCaps, closes);
        var none = false;
        Format("text-decoration", node.TextDecoration, ref none, closes);
        none = false;
        Format("vertical-align", node.VerticalAlign, ref none, closes);

        if (node.Quotes)
        {
            Plain(quoteDepth % 2 == 0 ? openQuote : openInner);
            quoteDepth++;
        }

        if (node.Text is not null)
        {
            if (node.Raw)
            {
                builder.Append(node.Text);
            }
            else
            {
                Plain(node.Text);
            }
        }
        else if (node.Kids is not null)
        {
            var first = true;
            foreach (var kid in node.Kids)
            {
                if (kid.IsEmpty)
                {
                    continue;
                }

                if (!first && node.Delimiter is not null)
                {
                    Plain(node.Delimiter);
                }

                first = false;
                Write(kid);
            }
        }

        if (node.Quotes)
        {
            quoteDepth--;
            var close = quoteDepth % 2 == 0 ? closeQuote : closeInner;
            var justClosed = closeQuoteEnd >= 0 && closeQuoteEnd <= builder.Length && lastPlainIndex == closeQuoteEnd - 1 && OnlyMarkupSince(closeQuoteEnd);
            if (!justClosed)
            {
                // A quote that closes right after an inner one keeps the inner position: moved punctuation goes inside both.
                beforeQuote = lastPlain;
                closeQuoteAt = builder.Length;
            }

            Plain(close);
            closeQuoteEnd = builder.Length;
        }

        for (var i = closes.Count - 1; i >= 0; i--)
        {
            builder.Append(closes[i]);
        }

        italic = savedItalic;
        bold = savedBold;
        smallCaps = savedSmallCaps;
        if (node.Suffix is not null)
        {
            Plain(node.Suffix);
        }

        if (display is { } e)
        {
            if (node.Display == "right-inline")
            {
                while (builder.Length > 0 && builder[^1] == ' ')
                {
                    builder.Length--;
                }
            }

            builder.Append(e.Close);
        }
    }

    private void Format(string attribute, string? value, ref bool state, List<string> closes)
    {
        if (value is null)
        {
            return;
        }

        var markup = format.Formatting(attribute, value, state);
        if (markup is { } m)
        {
            builder.Append(m.Open);
            closes.Add(m.Close);
        }

        if (attribute is "font-style" or "font-weight" or "font-variant")
        {
            var on = value is "italic" or "oblique" or "bold" or "small-caps";
            state = on ? !state : (value == "normal" ? false : state);
        }
    }

    private enum Merge
    {
        KeepBoth,
        DropNew,
        ReplaceOld,
    }

    /// <summary>How a mark meets the mark before it (the test-suite's punctuation table).</summary>
    private static Merge MergeMarks(char last, char next) => (last, next) switch
    {
        _ when last == next => Merge.DropNew,
        ('!' or '?' or ';', ':') => Merge.DropNew,
        (':' or ';' or '!' or '?', '.') => Merge.DropNew,
        (':' or ';', '!' or '?') => Merge.ReplaceOld,
        _ => Merge.KeepBoth,
    };

    /// <summary>Appends text, merging punctuation with what precedes it.</summary>
    public void Plain(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var c = text[0];
        if (IsPunctuation(c))
        {
            if (lastPlain != '\0' && IsPunctuation(lastPlain))
            {
                switch (MergeMarks(lastPlain, c))
                {
                    case Merge.DropNew:
                        text = text[1..];
                        if (text.Length == 0)
                        {
                            return;
                        }

                        c = text[0];
                        break;
                    case Merge.ReplaceOld:
                        if (lastPlainIndex >= 0 && lastPlainIndex < builder.Length && builder[lastPlainIndex] == lastPlain)
                        {
                            builder.Remove(lastPlainIndex, 1);
                            lastPlain = lastPlainIndex == closeQuoteEnd ? '”' : '\0';
                            lastPlainIndex = lastPlain == '\0' ? -1 : closeQuoteEnd - 1;
                        }

                        break;
                }
            }

            var afterQuote = closeQuoteEnd >= 0 && closeQuoteEnd <= builder.Length && lastPlainIndex < closeQuoteEnd && OnlyMarkupSince(closeQuoteEnd);
            if (afterQuote && punctuationInQuote && c is '.' or ',')
            {
                var merge = IsPunctuation(beforeQuote) ? MergeMarks(beforeQuote, c) : Merge.KeepBoth;
                if (merge != Merge.DropNew)
                {
                    var mark = new StringBuilder();
                    format.Escape(mark, c.ToString());
                    builder.Insert(closeQuoteAt, mark.ToString());
                    closeQuoteAt += mark.Length;
                    closeQuoteEnd += mark.Length;
                    beforeQuote = c;
                }

                text = text[1..];
                if (text.Length == 0)
                {
                    return;
                }

                c = text[0];
            }
        }

        if (c == ' ' && lastPlain == ' ')
        {
            text = text.TrimStart(' ');
            if (text.Length == 0)
            {
                return;
            }
        }

        format.Escape(builder, text);
        lastPlain = text[^1];
        lastPlainIndex = builder.Length - 1;
    }

    private bool OnlyMarkupSince(int position)
    {
        var inTag = false;
        for (var i = position; i < builder.Length; i++)
        {
            var ch = builder[i];
            if (ch == '<')
            {
                inTag = true;
            }
            else if (ch == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPunctuation(char c) => c is '.' or ',' or ';' or ':' or '!' or '?';
}
