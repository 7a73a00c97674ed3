using System.Collections.Frozen;
using System.Text;
using System.Xml;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>How turning a JATS fragment into paragraphs went.</summary>
internal enum JatsOutcome
{
    /// <summary>The fragment parsed as XML.</summary>
    Parsed,

    /// <summary>The fragment is not well-formed XML; the paragraphs come from stripping its tags.</summary>
    Malformed,

    /// <summary>The fragment holds a document type or entity declaration, which is refused; no paragraphs.</summary>
    DtdProhibited,
}

/// <summary>
/// Turns a JATS fragment, as Crossref delivers abstracts (<c>&lt;jats:p&gt;…&lt;/jats:p&gt;</c>, undeclared prefix,
/// no root, HTML entities such as <c>&amp;nbsp;</c>), into plain-text paragraphs with no markup left.
/// </summary>
/// <remarks>
/// Paragraphs are the text of the block elements (<c>p</c>, <c>title</c>, <c>sec</c>, list items, captions, quotes);
/// inline elements (<c>italic</c>, <c>sub</c>, MathML…) contribute their text only. White space is collapsed to
/// single spaces (a no-break space counts as white space) and trimmed; empty paragraphs are dropped, and so is a
/// heading that only says "Abstract". Text outside any element forms paragraphs too. The walk is iterative.
/// </remarks>
internal static class JatsText
{
    private static readonly FrozenSet<string> BlockElements = FrozenSet.Create(
        StringComparer.Ordinal,
        "p", "title", "sec", "list", "list-item", "def-list", "def-item", "def", "term", "disp-quote", "boxed-text",
        "fig", "caption", "table-wrap", "statement", "abstract", "trans-abstract", "label", "ack");

    /// <summary>Converts <paramref name="jats"/> to paragraphs.</summary>
    /// <param name="jats">The fragment.</param>
    /// <param name="outcome">How the conversion went.</param>
    /// <param name="error">The XML parser's message when <paramref name="outcome"/> is not <see cref="JatsOutcome.Parsed"/>.</param>
    internal static List<string> ToParagraphs(string jats, out JatsOutcome outcome, out string? error)
    {
        error = null;
        if (jats.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || jats.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
        {
            outcome = JatsOutcome.DtdProhibited;
            error = "a document type or entity declaration is not allowed in an abstract";
            return [];
        }

        var prepared = HtmlEntities.Replace(jats);
        try
        {
            outcome = JatsOutcome.Parsed;
            return ParseXml(prepared);
        }
        catch (XmlException ex)
        {
            outcome = ex.Message.Contains("DTD", StringComparison.Ordinal) ? JatsOutcome.DtdProhibited : JatsOutcome.Malformed;
            error = ex.Message;
            return outcome == JatsOutcome.DtdProhibited ? [] : StripTags(prepared);
        }
    }

    private static List<string> ParseXml(string text)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        var titleStart = -1;
        using var reader = SafeXml.CreateJatsFragmentReader(text);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (BlockElements.Contains(reader.LocalName))
                    {
                        Flush(current, paragraphs, isTitle: false);
                        if (string.Equals(reader.LocalName, "title", StringComparison.Ordinal) && !reader.IsEmptyElement) titleStart = 0;
                    }
                    else if (reader.IsEmptyElement)
                    {
                        // <break/>, <inline-graphic/> and the like separate words.
                        current.Append(' ');
                    }
                    break;
                case XmlNodeType.EndElement:
                    if (BlockElements.Contains(reader.LocalName))
                    {
                        var isTitle = titleStart >= 0 && string.Equals(reader.LocalName, "title", StringComparison.Ordinal);
                        Flush(current, paragraphs, isTitle);
                        if (isTitle) titleStart = -1;
                    }
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    current.Append(reader.Value);
                    break;
            }
        }

        Flush(current, paragraphs, isTitle: false);
        return paragraphs;
    }

    // Best effort for text that is not XML: tags are removed (a block tag ends a paragraph), the five XML entities
    // and numeric character references are decoded, everything else is kept as written.
    private static List<string> StripTags(string text)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<')
            {
                var end = text.IndexOf('>', i + 1);
                if (end < 0)
                {
                    // A lone '<' is text.
                    current.Append(c);
                    i++;
                    continue;
                }

                if (IsBlockTag(text.AsSpan(i + 1, end - i - 1))) Flush(current, paragraphs, isTitle: false);
                else current.Append(' ');
                i = end + 1;
                continue;
            }

            if (c == '&' && TryDecodeXmlEntity(text, i, out var decoded, out var length))
            {
                current.Append(decoded);
                i += length;
                continue;
            }

            current.Append(c);
            i++;
        }

        Flush(current, paragraphs, isTitle: false);
        return paragraphs;
    }

    private static bool IsBlockTag(ReadOnlySpan<char> tag)
    {
        tag = tag.TrimStart('/').Trim();
        var end = tag.IndexOfAny(' ', '/', '\t');
        if (end >= 0) tag = tag[..end];
        tag = tag.TrimEnd('\n').TrimEnd('\r');
        var colon = tag.IndexOf(':');
        if (colon >= 0) tag = tag[(colon + 1)..];
        return BlockElements.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tag);
    }

    private static bool TryDecodeXmlEntity(string text, int start, out string decoded, out int length)
    {
        decoded = "";
        length = 0;
        var end = text.IndexOf(';', start + 1);
        if (end < 0 || end - start > 12) return false;
        var name = text.AsSpan(start + 1, end - start - 1);
        length = end - start + 1;
        switch (name)
        {
            case "amp": decoded = "&"; return true;
            case "lt": decoded = "<"; return true;
            case "gt": decoded = ">"; return true;
            case "quot": decoded = "\""; return true;
            case "apos": decoded = "'"; return true;
        }

        if (name.Length > 1 && name[0] == '#')
        {
            var digits = name[1..];
            var style = System.Globalization.NumberStyles.None;
            if (digits[0] is 'x' or 'X')
            {
                digits = digits[1..];
                style = System.Globalization.NumberStyles.AllowHexSpecifier;
            }

            if (int.TryParse(digits, style, System.Globalization.CultureInfo.InvariantCulture, out var code)
                && code is > 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF)
            {
                decoded = char.ConvertFromUtf32(code);
                return true;
            }
        }

        return false;
    }

    private static void Flush(StringBuilder current, List<string> paragraphs, bool isTitle)
    {
        var text = Normalize(current);
        current.Clear();
        if (text.Length == 0) return;
        if (isTitle && string.Equals(text, "Abstract", StringComparison.OrdinalIgnoreCase)) return;
        paragraphs.Add(text);
    }

    /// <summary>
    /// Collapses runs of layout white space (spaces, tabs, line breaks) into one space, trims the ends, and brings the
    /// text to Unicode form C. A no-break space is content, not layout: the author put it there (often as
    /// <c>&amp;nbsp;</c>), so it is kept as U+00A0.
    /// </summary>
    internal static string Normalize(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    pendingSpace = result.Length > 0;
                    continue;
                }

                if (pendingSpace) result.Append(' ');
                pendingSpace = false;
                result.Append(c);
            }
        }

        var normalized = result.ToString();
        return TextNormalizer.Nfc(normalized);
    }
}
