using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Turns the LaTeX of a BibTeX value into Unicode text (NFC). Rules:
/// accents in every form (<c>{\"o}</c>, <c>\"o</c>, <c>\"{o}</c>, <c>\c c</c>, <c>{\'\i}</c>, nested <c>\^{\d{e}}</c>; the tie <c>\t{oo}</c> marks its first letter) become
/// precomposed letters; special letters (<c>\ss \o \ae \l \aa \i</c>, the rest of T1 ...) and text symbols (<c>\textendash \ldots</c>, textcomp ...) their
/// characters; escapes <c>\&amp; \% \$ \# \_ \{ \}</c> their character; <c>--</c> and <c>---</c> en and em dash; <c>``</c> and <c>''</c>
/// curly double quotes; <c>~</c> a no-break space (U+00A0, BibTeX's tie); <c>\ </c> a space that is kept; <c>\-</c> a soft hyphen;
/// <c>\char</c>n and <c>\symbol{</c>n<c>}</c> the character n; protective braces are removed; formatting commands (<c>\emph</c>, <c>\textbf</c>, <c>\mbox</c>, <c>{\em</c> ...)
/// are dropped and their text kept; math (<c>$...$</c>) and unknown commands (with a directly following braced argument) are kept
/// verbatim; runs of white space become one space and leading and trailing white space is dropped. Never recursive, never throws.
/// </summary>
internal static class LatexDecoder
{
    private const char Plain = '\0';
    private const char Keep = '\u0001';

    private static readonly SearchValues<char> Specials = SearchValues.Create("\\{}$~-`'\t\n\r\f\v");

    // Where a run of ordinary characters ends: anything the decoder's switch treats specially, and the space.
    private static readonly SearchValues<char> RunStops = SearchValues.Create("\\{}$~-`' \t\n\r\f\v");

    private static readonly FrozenDictionary<char, char> SymbolAccents = new Dictionary<char, char>
    {
        ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['~'] = '\u0303',
        ['='] = '\u0304', ['.'] = '\u0307', ['"'] = '\u0308',
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, char> LetterAccents = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["c"] = '\u0327', ["v"] = '\u030C', ["u"] = '\u0306', ["H"] = '\u030B',
        ["k"] = '\u0328', ["r"] = '\u030A', ["d"] = '\u0323', ["b"] = '\u0331', ["textcommabelow"] = '\u0326', ["t"] = '\u0361',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ",
        ["aa"] = "å", ["AA"] = "Å", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ",
        ["dh"] = "ð", ["DH"] = "Ð", ["th"] = "þ", ["TH"] = "Þ", ["ng"] = "ŋ", ["NG"] = "Ŋ", ["dj"] = "đ", ["DJ"] = "Đ",
        ["textendash"] = "–", ["textemdash"] = "—",
        ["textquoteleft"] = "‘", ["textquoteright"] = "’", ["textquotedblleft"] = "“", ["textquotedblright"] = "”",
        ["ldots"] = "…", ["dots"] = "…", ["textellipsis"] = "…",
        ["textbackslash"] = "\\", ["textasciitilde"] = "~", ["textasciicircum"] = "^", ["textunderscore"] = "_",
        ["textbar"] = "|", ["textless"] = "<", ["textgreater"] = ">", ["textbraceleft"] = "{", ["textbraceright"] = "}",
        ["S"] = "§", ["P"] = "¶", ["copyright"] = "©", ["textcopyright"] = "©", ["textregistered"] = "®", ["texttrademark"] = "™",
        ["pounds"] = "£", ["textsterling"] = "£", ["euro"] = "€", ["texteuro"] = "€", ["textdegree"] = "°",
        ["dag"] = "†", ["ddag"] = "‡", ["guillemotleft"] = "«", ["guillemotright"] = "»",
        ["textbullet"] = "•", ["textperiodcentered"] = "·", ["textexclamdown"] = "¡", ["textquestiondown"] = "¿",

        // The rest of the T1 letters and the textcomp (TS1) text symbols, as real exporters (citation-js) write them.
        ["IJ"] = "Ĳ", ["ij"] = "ĳ", ["SS"] = "ẞ", ["Hwithstroke"] = "Ħ", ["hwithstroke"] = "ħ", ["guillemetleft"] = "«", ["guillemetright"] = "»",
        ["guilsinglleft"] = "‹", ["guilsinglright"] = "›", ["quotesinglbase"] = "‚", ["quotedblbase"] = "„",
        ["textquotesingle"] = "'", ["textquotedbl"] = "\"", ["textasciigrave"] = "`", ["textdollar"] = "$",
        ["textcent"] = "¢", ["textcurrency"] = "¤", ["textyen"] = "¥", ["textbrokenbar"] = "¦", ["textsection"] = "§",
        ["textasciidieresis"] = "¨", ["textordfeminine"] = "ª", ["textordmasculine"] = "º", ["textlnot"] = "¬",
        ["textasciimacron"] = "¯", ["textpm"] = "±", ["texttwosuperior"] = "²", ["textthreesuperior"] = "³",
        ["textonesuperior"] = "¹", ["textasciiacute"] = "´", ["textmu"] = "µ", ["textparagraph"] = "¶",
        ["textonequarter"] = "¼", ["textonehalf"] = "½", ["textthreequarters"] = "¾", ["texttimes"] = "×", ["textdiv"] = "÷",
        ["textflorin"] = "ƒ", ["textasciicaron"] = "ˇ", ["textasciibreve"] = "˘", ["textacutedbl"] = "˝",
        ["textgravedbl"] = "\u02F5", ["texttildelow"] = "\u02F7", ["textbaht"] = "฿", ["textcompwordmark"] = "\u200C",
        ["textbardbl"] = "‖", ["textdagger"] = "†", ["textdaggerdbl"] = "‡", ["textperthousand"] = "‰",
        ["textpertenthousand"] = "‱", ["textreferencemark"] = "※", ["textinterrobang"] = "‽", ["textinterrobangdown"] = "⸘",
        ["textfractionsolidus"] = "⁄", ["textlquill"] = "⁅", ["textrquill"] = "⁆", ["textdiscount"] = "⁒",
        ["textcolonmonetary"] = "₡", ["textlira"] = "₤", ["textnaira"] = "₦", ["textwon"] = "₩", ["textdong"] = "₫",
        ["textpeso"] = "₱", ["textcelsius"] = "℃", ["textnumero"] = "№", ["textcircledP"] = "℗", ["textrecipe"] = "℞",
        ["textservicemark"] = "℠", ["textohm"] = "Ω", ["textmho"] = "℧", ["textestimated"] = "℮",
        ["textleftarrow"] = "←", ["textuparrow"] = "↑", ["textrightarrow"] = "→", ["textdownarrow"] = "↓", ["textminus"] = "−",
        ["textasteriskcentered"] = "∗", ["textsurd"] = "√", ["textlangle"] = "〈", ["textrangle"] = "〉", ["textblank"] = "␢",
        ["textvisiblespace"] = "␣", ["textopenbullet"] = "◦", ["textbigcircle"] = "◯", ["textmusicalnote"] = "♪",
        ["textmarried"] = "⚭", ["textdivorced"] = "⚮",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Commands dropped with their text kept: formatting with an argument, and font switches.
    private static readonly FrozenSet<string> Dropped = new[]
    {
        "emph", "textit", "textbf", "textsc", "textrm", "textsf", "texttt", "textup", "textsl", "textmd", "textnormal",
        "mbox", "text", "hbox", "url", "NoCaseChange", "nocase",
        "em", "it", "bf", "sc", "rm", "sf", "tt", "sl", "up", "md", "normalfont", "itshape", "bfseries", "scshape",
        "upshape", "mdseries", "slshape", "rmfamily", "sffamily", "ttfamily", "relax",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SymbolLookup = Symbols.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> LetterAccentLookup = LetterAccents.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DroppedLookup = Dropped.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Decodes <paramref name="raw"/> (the raw text of a value) to Unicode text.</summary>
    public static string Decode(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var span = raw.AsSpan();
        if (span.IndexOfAny(Specials) < 0 && (span.Length == 0 || (span[0] != ' ' && span[^1] != ' ' && !span.Contains("  ", StringComparison.Ordinal))))
        {
            return TextNormalizer.Nfc(raw);
        }
        var sb = RentBuilder();
        DecodeSlow(span, sb);
        var buffer = ArrayPool<char>.Shared.Rent(sb.Length);
        try
        {
            sb.CopyTo(0, buffer, sb.Length);
            return TextNormalizer.Nfc(buffer.AsSpan(0, sb.Length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            ReturnBuilder(sb);
        }
    }

    // One builder per thread, reused from value to value (taken while in use, so a nested use would get a new one).
    [ThreadStatic]
    private static StringBuilder? t_builder;

    private static StringBuilder RentBuilder()
    {
        var sb = t_builder ?? new StringBuilder(256);
        t_builder = null;
        return sb.Clear();
    }

    private static void ReturnBuilder(StringBuilder sb)
    {
        // A builder grown for an unusually large value is let go rather than kept for the thread's lifetime.
        if (sb.Capacity <= 64 * 1024) t_builder = sb;
    }

    private static void DecodeSlow(ReadOnlySpan<char> s, StringBuilder sb)
    {
        var o = new Output(sb, stackalloc char[16]);
        List<char>? groups = null;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r' or '\f' or '\v':
                    o.PendingSpace = true;
                    i++;
                    break;
                case '{':
                    (groups ??= []).Add(Plain);
                    i++;
                    break;
                case '}':
                    if (groups is null || groups.Count == 0)
                    {
                        o.Unit('}');
                    }
                    else
                    {
                        var action = groups[^1];
                        groups.RemoveAt(groups.Count - 1);
                        if (action == Keep) o.Sb.Append('}');
                        else if (action != Plain) o.Mark(action);
                    }
                    i++;
                    break;
                case '$':
                {
                    var j = i + 1;
                    while (j < s.Length && s[j] != '$') j += s[j] == '\\' ? 2 : 1;
                    var end = Math.Min(j + 1, s.Length);
                    o.Unit(s[i..end]);
                    i = end;
                    break;
                }
                case '~':
                    o.Unit('\u00A0');
                    i++;
                    break;
                case '-':
                {
                    var n = 1;
                    while (i + n < s.Length && s[i + n] == '-') n++;
                    i += n;
                    while (n >= 3) { o.Unit('—'); n -= 3; }
                    if (n == 2) o.Unit('–');
                    else if (n == 1) o.Unit('-');
                    break;
                }
                case '`' when i + 1 < s.Length && s[i + 1] == '`':
                    o.Unit('“');
                    i += 2;
                    break;
                case '\'' when i + 1 < s.Length && s[i + 1] == '\'':
                    o.Unit('”');
                    i += 2;
                    break;
                case '\\':
                    i = Command(s, i, ref o, ref groups);
                    break;
                default:
                    if (o.HasMarks)
                    {
                        // The pending accents go on this one character (or surrogate pair) only.
                        var unit = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
                        o.Unit(s.Slice(i, unit));
                        i += unit;
                    }
                    else
                    {
                        // A run of ordinary characters is copied in one piece: same output as one unit per character.
                        // A single space between two ordinary characters stays in the run (the pending space it would
                        // set is written as one space before the next character anyway), so prose is copied in long
                        // runs, not word by word.
                        var end = i + 1;
                        while (true)
                        {
                            var run = s[end..].IndexOfAny(RunStops);
                            end = run < 0 ? s.Length : end + run;
                            if (end + 1 >= s.Length || s[end] != ' ' || RunStops.Contains(s[end + 1])) break;
                            end += 2;
                        }
                        o.Unit(s[i..end]);
                        i = end;
                    }
                    break;
            }
        }
    }

    // Decodes the command at s[i] == '\\'; returns the offset after it.
    private static int Command(ReadOnlySpan<char> s, int i, ref Output o, ref List<char>? groups)
    {
        if (i + 1 >= s.Length)
        {
            o.Unit('\\');
            return i + 1;
        }
        var n = s[i + 1];
        if (char.IsAsciiLetter(n))
        {
            var j = i + 1;
            while (j < s.Length && char.IsAsciiLetter(s[j])) j++;
            var name = s[(i + 1)..j];
            var k = SkipSpace(s, j);
            if (LetterAccentLookup.TryGetValue(name, out var mark)) return Accent(s, i, k, mark, ref o, ref groups);
            if (name.SequenceEqual("char"))
            {
                var d = k;
                var value = 0;
                while (d < s.Length && char.IsAsciiDigit(s[d]) && value <= 0x10FFFF) value = (value * 10) + (s[d++] - '0');
                if (d > k && value <= 0x10FFFF && value is < 0xD800 or > 0xDFFF)
                {
                    if (value < 0x10000) o.Unit((char)value);
                    else o.Unit(char.ConvertFromUtf32(value));
                    return d;
                }
            }
            else if (name.SequenceEqual("symbol") && k < s.Length && s[k] == '{')
            {
                // LaTeX's \symbol{n}: the character n (decimal), as the BibLaTeX dialect writes control characters.
                var d = k + 1;
                var value = 0;
                while (d < s.Length && char.IsAsciiDigit(s[d]) && value <= 0x10FFFF) value = (value * 10) + (s[d++] - '0');
                if (d > k + 1 && d < s.Length && s[d] == '}' && value <= 0x10FFFF && value is < 0xD800 or > 0xDFFF)
                {
                    if (value < 0x10000) o.Unit((char)value);
                    else o.Unit(char.ConvertFromUtf32(value));
                    return d + 1;
                }
            }
            else if (SymbolLookup.TryGetValue(name, out var symbol))
            {
                o.Unit(symbol);
                return k;
            }
            else if (DroppedLookup.Contains(name))
            {
                return k;
            }
            // Unknown: kept verbatim, with a directly following braced argument kept braced.
            if (j < s.Length && s[j] == '{')
            {
                o.Unit(s[i..(j + 1)]);
                (groups ??= []).Add(Keep);
                return j + 1;
            }
            o.Unit(s[i..j]);
            return j;
        }
        if (SymbolAccents.TryGetValue(n, out var symbolMark)) return Accent(s, i, SkipSpace(s, i + 2), symbolMark, ref o, ref groups);
        switch (n)
        {
            case '&' or '%' or '$' or '#' or '_' or '{' or '}':
                o.Unit(n);
                return i + 2;
            case ' ' or '\t' or '\n':
                o.Unit(' ');
                return i + 2;
            case '-':
                o.Unit('\u00AD');
                return i + 2;
            case ',':
                o.Unit('\u2009');
                return i + 2;
            case '/' or '@':
                return i + 2;
            default:
                o.Unit(s.Slice(i, 2));
                return i + 2;
        }
    }

    // An accent at s[i..] whose argument starts at k.
    private static int Accent(ReadOnlySpan<char> s, int i, int k, char mark, ref Output o, ref List<char>? groups)
    {
        if (k >= s.Length || s[k] == '}')
        {
            o.Unit(s[i..k]);
            return k;
        }
        if (s[k] == '{')
        {
            if (k + 1 < s.Length && s[k + 1] == '}')
            {
                o.Unit(Spacing(mark));
                return k + 2;
            }
            if (mark == '\u0361')
            {
                // The tie joins the first two letters of its argument (\t{oo}): its mark follows the first.
                (groups ??= []).Add(Plain);
                o.PushMark(mark);
                return k + 1;
            }
            (groups ??= []).Add(mark);
            return k + 1;
        }
        o.PushMark(mark);
        return k;
    }

    private static char Spacing(char mark) => mark switch
    {
        '\u0303' => '~',
        '\u0302' => '^',
        '\u0301' => '\u00B4',
        '\u0308' => '\u00A8',
        '\u0300' => '`',
        '\u0304' => '\u00AF',
        '\u0307' => '\u02D9',
        '\u0327' => '\u00B8',
        _ => mark,
    };

    private static int SkipSpace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v') i++;
        return i;
    }

    private ref struct Output
    {
        public readonly StringBuilder Sb;
        public bool PendingSpace;
        private readonly Span<char> _marks;
        private int _markCount;

        public Output(StringBuilder sb, Span<char> marks)
        {
            Sb = sb;
            _marks = marks;
        }

        public readonly bool HasMarks => _markCount > 0;

        public void Unit(char c)
        {
            Space();
            Sb.Append(c);
            FlushMarks();
        }

        public void Unit(scoped ReadOnlySpan<char> text)
        {
            Space();
            Sb.Append(text);
            FlushMarks();
        }

        public void Mark(char mark)
        {
            if (Sb.Length > 0)
            {
                if (Sb[^1] == 'ı') Sb[^1] = 'i';
                else if (Sb[^1] == 'ȷ') Sb[^1] = 'j';
            }
            Sb.Append(mark);
        }

        public void PushMark(char mark)
        {
            if (_markCount < _marks.Length) _marks[_markCount++] = mark;
        }

        private void Space()
        {
            if (PendingSpace)
            {
                if (Sb.Length > 0) Sb.Append(' ');
                PendingSpace = false;
            }
        }

        private void FlushMarks()
        {
            while (_markCount > 0) Mark(_marks[--_markCount]);
        }
    }
}
