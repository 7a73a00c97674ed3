using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ScholarlyRecord;

/// <summary>
/// A person's name split into the parts citation styles need (<see cref="Given"/>, <see cref="Particle"/>,
/// <see cref="Family"/>, <see cref="Suffix"/>), or kept whole as a <see cref="Literal"/> (an organisation, or a
/// name that cannot be split safely).
/// </summary>
/// <remarks>
/// <para>
/// When <see cref="Literal"/> is set the other parts are null. <see cref="Parse(string)"/> guarantees this; a name
/// built with an object initializer is not checked here (the chapter validator reports it).
/// </para>
/// <para>
/// <see cref="Parse(string)"/> reads one name in the three BibTeX forms: <c>First von Last</c>,
/// <c>von Last, First</c> and <c>von Last, Jr, First</c>. Words are separated by white space or <c>~</c> outside
/// braces (a hyphenated word stays one word). The von part (<see cref="Particle"/>) is the run of words whose first
/// letter outside braces is lower case, as BibTeX decides it: a braced group such as <c>{van Gogh}</c> is one word whose
/// case does not count, while a special character such as <c>{\'E}</c> or <c>\'e</c> counts by the letter after the
/// command (or by the command itself for <c>\oe</c>, <c>\ae</c>, <c>\aa</c>, <c>\o</c>, <c>\l</c>, <c>\ss</c>, <c>\i</c>,
/// <c>\j</c>). In the form without commas the last word is always part of the family name, so
/// <c>Jean de La Fontaine</c> is given <c>Jean</c>, particle <c>de</c>, family <c>La Fontaine</c>.
/// </para>
/// <para>
/// Two inputs become a <see cref="Literal"/>: a name wholly inside one pair of braces
/// (<c>{World Health Organization}</c>), and a single word with no case-bearing letter but at least one letter
/// of a script without letter case (Han, kana, Hangul, Thai, Arabic, ...), such as <c>山田太郎</c>: without spaces
/// or commas, where the family name ends cannot be known without knowing the language.
/// </para>
/// <para>
/// Parsing does not split lists of names (<c>A and B</c>); the BibTeX reader does that. The public parse removes
/// grouping braces and turns <c>~</c> into a space; LaTeX commands are kept as written.
/// </para>
/// </remarks>
public sealed record PersonName
{
    /// <summary>The given names, such as <c>Martin Luther</c>; null when not known.</summary>
    public string? Given { get; init; }

    /// <summary>The family name without its particle, such as <c>La Fontaine</c> or <c>García Márquez</c>; null when not known.</summary>
    public string? Family { get; init; }

    /// <summary>The lower-case particle before the family name (BibTeX's von part), such as <c>van</c> or <c>de</c>; null when there is none.</summary>
    public string? Particle { get; init; }

    /// <summary>The suffix (BibTeX's Jr part), such as <c>Jr.</c> or <c>III</c>; null when there is none.</summary>
    public string? Suffix { get; init; }

    /// <summary>The whole name when it is not split: an organisation or an unsplittable name. When set, the other parts are null.</summary>
    public string? Literal { get; init; }

    /// <summary>Creates a name kept whole, such as an organisation.</summary>
    /// <param name="literal">The name.</param>
    /// <returns>A name whose <see cref="Literal"/> is <paramref name="literal"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="literal"/> is null, empty or white space.</exception>
    public static PersonName FromLiteral(string literal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(literal);
        return new PersonName { Literal = literal };
    }

    /// <summary>Parses one name in a BibTeX form (see the type's remarks).</summary>
    /// <param name="s">The name.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a name; <see cref="Validate(ReadOnlySpan{char})"/> says why.</exception>
    public static PersonName Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), null);
    }

    /// <summary>Parses one name in a BibTeX form (see the type's remarks).</summary>
    /// <param name="s">The name.</param>
    /// <returns>The name.</returns>
    /// <exception cref="FormatException">The text is not a name.</exception>
    public static PersonName Parse(ReadOnlySpan<char> s) => Parse(s, null);

    /// <summary>Tries to parse one name in a BibTeX form.</summary>
    /// <param name="s">The name, or null.</param>
    /// <param name="result">The name, or null on failure.</param>
    /// <returns>True when the text is a name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, [NotNullWhen(true)] out PersonName? result) => TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse one name in a BibTeX form.</summary>
    /// <param name="s">The name.</param>
    /// <param name="result">The name, or null on failure.</param>
    /// <returns>True when the text is a name.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, [NotNullWhen(true)] out PersonName? result)
    {
        ParseCore(s, null, out result, out _);
        return result is not null;
    }

    /// <summary>
    /// Explains why the text is not a name, or returns null when it is. Codes: <c>empty</c> (nothing but white space,
    /// braces or commas), <c>unbalanced-braces</c>, <c>too-many-commas</c> (more than two commas outside braces).
    /// </summary>
    /// <param name="s">The text.</param>
    /// <returns>The error, or null.</returns>
    public static ParseError? Validate(ReadOnlySpan<char> s)
    {
        var code = ParseCore(s, null, out _, out var index);
        return code is null ? null : ToError(code, index, s);
    }

    /// <summary>Explains why the text is not a name, or returns null when it is; null text gives <c>empty</c>.</summary>
    /// <param name="s">The text, or null.</param>
    /// <returns>The error, or null.</returns>
    public static ParseError? Validate(string? s) => Validate(s.AsSpan());

    /// <summary>
    /// The name for display: the literal as is, otherwise given, particle and family separated by spaces, then
    /// <c>, </c> and the suffix: <c>Jean de La Fontaine</c>, <c>Martin Luther King, Jr.</c>.
    /// </summary>
    /// <returns>The text; empty when no part is set.</returns>
    public override string ToString()
    {
        if (Literal is not null) return Literal;
        var builder = new StringBuilder();
        foreach (var part in (ReadOnlySpan<string?>)[Given, Particle, Family])
        {
            if (string.IsNullOrEmpty(part)) continue;
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(part);
        }

        if (!string.IsNullOrEmpty(Suffix)) builder.Append(", ").Append(Suffix);
        return builder.ToString();
    }

    /// <summary>
    /// Parses the raw BibTeX text of one name (braces and LaTeX commands intact). Each finished part's raw text
    /// (white space runs made single spaces) goes through <paramref name="decodePart"/>, such as a LaTeX-to-Unicode
    /// decoder; when it is null, grouping braces are removed and <c>~</c> becomes a space.
    /// </summary>
    /// <exception cref="FormatException">The text is not a name.</exception>
    internal static PersonName Parse(ReadOnlySpan<char> s, Func<string, string>? decodePart)
    {
        var code = ParseCore(s, decodePart, out var result, out var index);
        return code is null ? result! : throw ToError(code, index, s).ToException();
    }

    private enum WordCase
    {
        None,
        Lower,
        Upper,
    }

    private static string? ParseCore(ReadOnlySpan<char> s, Func<string, string>? decodePart, out PersonName? result, out int index)
    {
        result = null;
        index = 0;
        var start = 0;
        var end = s.Length;
        while (start < end && char.IsWhiteSpace(s[start])) start++;
        while (end > start && char.IsWhiteSpace(s[end - 1])) end--;
        if (start == end) return ParseErrorReasons.Empty;

        // Braces must balance; commas outside braces split the name into at most three parts.
        Span<int> commas = stackalloc int[2];
        var commaCount = 0;
        var depth = 0;
        var openedAt = -1;
        for (var i = start; i < end; i++)
        {
            switch (s[i])
            {
                case '{':
                    if (depth++ == 0) openedAt = i;
                    break;
                case '}':
                    if (--depth < 0)
                    {
                        index = i;
                        return ParseErrorReasons.UnbalancedBraces;
                    }

                    break;
                case ',' when depth == 0:
                    if (commaCount == 2)
                    {
                        index = i;
                        return ParseErrorReasons.TooManyCommas;
                    }

                    commas[commaCount++] = i;
                    break;
                default:
                    break;
            }
        }

        if (depth != 0)
        {
            index = openedAt;
            return ParseErrorReasons.UnbalancedBraces;
        }

        var decode = decodePart ?? RemoveGrouping;

        // {World Health Organization}: one group around the whole name (not a special character like {\"O}).
        if (s[start] == '{' && s[end - 1] == '}' && MatchingBrace(s, start) == end - 1 && (end - start < 2 || s[start + 1] != '\\'))
        {
            var literal = DecodePart(s[(start + 1)..(end - 1)], decode);
            if (literal is null) return ParseErrorReasons.Empty;
            result = new PersonName { Literal = literal };
            return null;
        }

        if (commaCount == 0)
        {
            var words = Words(s, start, end);
            if (words.Count == 0) return ParseErrorReasons.Empty;
            if (words.Count == 1 && IsCaselessScript(s[words[0]]))
            {
                result = new PersonName { Literal = DecodePart(s[words[0]], decode) };
                return result.Literal is null ? Empty(out result) : null;
            }

            result = FirstVonLast(s, words, decode);
        }
        else
        {
            var vonLast = Words(s, start, commas[0]);
            var firstStart = commas[commaCount - 1] + 1;
            var suffix = commaCount == 2 ? JoinAll(s, Words(s, commas[0] + 1, commas[1]), decode) : null;
            var given = JoinAll(s, Words(s, firstStart, end), decode);
            var lastVon = -1;
            for (var i = vonLast.Count - 2; i >= 0; i--)
            {
                if (CaseOf(s[vonLast[i]]) == WordCase.Lower)
                {
                    lastVon = i;
                    break;
                }
            }

            result = new PersonName
            {
                Given = given,
                Particle = lastVon >= 0 ? Join(s, vonLast, 0, lastVon, decode) : null,
                Family = Join(s, vonLast, lastVon + 1, vonLast.Count - 1, decode),
                Suffix = suffix,
            };
        }

        return result is { Given: null, Family: null, Particle: null, Suffix: null } ? Empty(out result) : null;
    }

    private static string Empty(out PersonName? result)
    {
        result = null;
        return ParseErrorReasons.Empty;
    }

    private static PersonName FirstVonLast(ReadOnlySpan<char> s, List<Range> words, Func<string, string> decode)
    {
        var last = words.Count - 1;
        var firstVon = -1;
        var lastVon = -1;
        for (var i = 0; i < last; i++)
        {
            if (CaseOf(s[words[i]]) != WordCase.Lower) continue;
            if (firstVon < 0) firstVon = i;
            lastVon = i;
        }

        if (firstVon < 0)
        {
            return new PersonName
            {
                Given = Join(s, words, 0, last - 1, decode),
                Family = Join(s, words, last, last, decode),
            };
        }

        return new PersonName
        {
            Given = Join(s, words, 0, firstVon - 1, decode),
            Particle = Join(s, words, firstVon, lastVon, decode),
            Family = Join(s, words, lastVon + 1, last, decode),
        };
    }

    // The words in [start, end): split on white space and '~' outside braces.
    private static List<Range> Words(ReadOnlySpan<char> s, int start, int end)
    {
        var words = new List<Range>();
        var depth = 0;
        var wordStart = -1;
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            var separates = depth == 0 && (char.IsWhiteSpace(c) || (c == '~' && (i == 0 || s[i - 1] != '\\')));
            if (c == '{') depth++;
            else if (c == '}') depth--;
            if (separates)
            {
                if (wordStart >= 0) words.Add(wordStart..i);
                wordStart = -1;
            }
            else if (wordStart < 0)
            {
                wordStart = i;
            }
        }

        if (wordStart >= 0) words.Add(wordStart..end);
        return words;
    }

    // Words from..to inclusive, as their raw text (separators kept), decoded; null when there are none.
    private static string? Join(ReadOnlySpan<char> s, List<Range> words, int from, int to, Func<string, string> decode)
    {
        if (from > to || from < 0 || to >= words.Count) return null;
        var start = words[from].Start.GetOffset(s.Length);
        var end = words[to].End.GetOffset(s.Length);
        return DecodePart(s[start..end], decode);
    }

    private static string? JoinAll(ReadOnlySpan<char> s, List<Range> words, Func<string, string> decode) =>
        Join(s, words, 0, words.Count - 1, decode);

    private static string? DecodePart(ReadOnlySpan<char> raw, Func<string, string> decode)
    {
        var builder = new StringBuilder(raw.Length);
        var space = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }

        var decoded = decode(builder.ToString()).Trim();
        return decoded.Length == 0 ? null : decoded;
    }

    // The default decoder: drops grouping braces (not \{ or \}) and turns a tie (~, not \~) into a space.
    private static string RemoveGrouping(string raw)
    {
        if (raw.AsSpan().IndexOfAny('{', '}', '~') < 0) return raw;
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            var escaped = i > 0 && raw[i - 1] == '\\';
            if (c is '{' or '}' && !escaped) continue;
            builder.Append(c == '~' && !escaped ? ' ' : c);
        }

        return builder.ToString();
    }

    private static int MatchingBrace(ReadOnlySpan<char> s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == '{') depth++;
            else if (s[i] == '}' && --depth == 0) return i;
        }

        return -1;
    }

    // BibTeX's rule: the first letter outside braces decides; a braced group is skipped unless it is a special
    // character ({\'E}), which counts by the letter after its command; a bare command (\'e) counts the same way.
    private static WordCase CaseOf(ReadOnlySpan<char> word)
    {
        var i = 0;
        while (i < word.Length)
        {
            var c = word[i];
            if (c == '{')
            {
                var close = MatchingBrace(word, i);
                if (close < 0) close = word.Length - 1;
                if (i + 1 < word.Length && word[i + 1] == '\\')
                {
                    var found = CaseAfterCommand(word[(i + 2)..close]);
                    if (found != WordCase.None) return found;
                }

                i = close + 1;
                continue;
            }

            if (c == '\\')
            {
                var found = CaseAfterCommand(word[(i + 1)..]);
                if (found != WordCase.None) return found;
                i++;
                continue;
            }

            var letterCase = LetterCase(c);
            if (letterCase != WordCase.None) return letterCase;
            i++;
        }

        return WordCase.None;
    }

    // The text right after a backslash: \oe-like commands count by themselves, accents by the letter they carry.
    private static WordCase CaseAfterCommand(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return WordCase.None;
        var i = 0;
        if (char.IsAsciiLetter(text[0]))
        {
            while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
            var name = text[..i];
            if (name is "oe" or "OE" or "ae" or "AE" or "aa" or "AA" or "o" or "O" or "l" or "L" or "ss" or "SS" or "i" or "j")
            {
                return LetterCase(name[0]);
            }
        }
        else
        {
            i = 1;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '{' or '}') continue;
            return LetterCase(c);
        }

        return WordCase.None;
    }

    private static WordCase LetterCase(char c) =>
        char.IsLower(c) ? WordCase.Lower
        : char.IsUpper(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter ? WordCase.Upper
        : WordCase.None;

    // A word with no cased letter and at least one letter of a script without case (Han, kana, Hangul, Thai, ...).
    internal static bool IsCaselessScript(ReadOnlySpan<char> word)
    {
        var caseless = false;
        var i = 0;
        while (i < word.Length)
        {
            if (Rune.DecodeFromUtf16(word[i..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                i++;
                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                    return false;
                case UnicodeCategory.OtherLetter:
                    caseless = true;
                    break;
                default:
                    break;
            }

            i += consumed;
        }

        return caseless;
    }

    private static ParseError ToError(string code, int index, ReadOnlySpan<char> s)
    {
        var shown = PartialDate.Shown(s);
        return code switch
        {
            ParseErrorReasons.UnbalancedBraces => new ParseError(code, index, $"'{shown}' is not a name: its braces do not balance."),
            ParseErrorReasons.TooManyCommas => new ParseError(code, index, $"'{shown}' is not a name: BibTeX names have at most two commas (von Last, Jr, First)."),
            _ => new ParseError(ParseErrorReasons.Empty, index, "A name was expected, but the text is empty."),
        };
    }
}
