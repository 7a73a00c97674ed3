using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The hand-written block parser behind <see cref="BibtexReader"/>. It reads one block at a time from a window of
/// text whose line breaks are already normalised to <c>\n</c>. A block that runs into the end of a window that is not
/// the end of the input is abandoned (nothing committed) and parsed again once more text has been read. No recursion:
/// brace nesting is an explicit counter with a limit.
/// </summary>
internal sealed class BibtexScanner
{
    private static readonly SearchValues<char> BracedStops = SearchValues.Create("{}\\");
    private static readonly SearchValues<char> ParenStops = SearchValues.Create("{}()\\");
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("{}\"\\");
    private static readonly SearchValues<char> NotNameChars = SearchValues.Create("\"#%'(),={}@\\ \t\n\r\f\v");

    // The entry types and field names most files use, as written in lower case: a name found here is not allocated again
    // for every entry (a 10,000-entry file names "author" 10,000 times). Any other spelling is allocated as before.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonNames = new[]
    {
        "incollection", "inbook", "book", "article", "misc", "inproceedings", "collection", "bookinbook", "suppbook",
        "author", "title", "subtitle", "booktitle", "booksubtitle", "maintitle", "bookauthor", "editor", "translator",
        "year", "date", "month", "pages", "chapter", "publisher", "address", "location", "series", "volume", "number",
        "edition", "isbn", "issn", "doi", "url", "urldate", "abstract", "keywords", "language", "langid", "note", "crossref",
        "eprint", "file", "organization", "institution", "howpublished", "type", "timestamp", "owner",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private readonly int _maxBraceDepth;
    private readonly Dictionary<string, string> _macros = new(StringComparer.OrdinalIgnoreCase);
    // Keys seen so far, as 64-bit hashes (see EmittedKeys) so a stream of millions of entries stays small; a collision
    // (about 3 in 100 million for a million keys) could only add a needless duplicate-key warning.
    private readonly EmittedKeys _keys = new();
    private readonly List<Diagnostic> _pending = [];
    private readonly List<BibtexValuePart> _parts = [];
    private readonly List<BibtexField> _fields = [];
    private bool _touchedEnd;
    private int _blockLine;
    private int _blockColumn;

    // Position tracking: the offset the cursor stands at, its line, and the offset where that line starts.
    private int _offset;
    private int _line = 1;
    private int _lineStart;

    /// <summary>Creates a scanner that refuses braces nested deeper than <paramref name="maxBraceDepth"/> (counting a value's own braces).</summary>
    public BibtexScanner(int maxBraceDepth = BibtexReader.MaxBraceDepth) => _maxBraceDepth = maxBraceDepth;

    /// <summary>The diagnostics of the last block returned by <see cref="Next"/>.</summary>
    public List<Diagnostic> BlockDiagnostics => _pending;

    /// <summary>The macros defined so far (lower-case name to raw value).</summary>
    public IReadOnlyDictionary<string, string> Macros => _macros;

    /// <summary>Moves positions back by <paramref name="shift"/> after the reader discarded consumed text.</summary>
    public void Shift(int shift)
    {
        _offset -= shift;
        _lineStart -= shift;
    }

    /// <summary>
    /// Parses the block at <paramref name="start"/> in <paramref name="text"/>. Returns false when more text is needed
    /// (nothing is committed then); otherwise <paramref name="block"/> is the block (null at the end of the input) and
    /// <paramref name="next"/> the offset after it.
    /// </summary>
    public bool Next(ReadOnlySpan<char> text, int start, bool final, out BibtexBlock? block, out int next)
    {
        var saveOffset = _offset;
        var saveLine = _line;
        var saveLineStart = _lineStart;
        _touchedEnd = false;
        _pending.Clear();
        _parts.Clear();
        _fields.Clear();
        block = ParseBlock(text, start, out next, out var commit);
        if (_touchedEnd && !final)
        {
            _offset = saveOffset;
            _line = saveLine;
            _lineStart = saveLineStart;
            _pending.Clear();
            return false;
        }
        commit?.Invoke();
        if (block is not null) Advance(text, next);
        return true;
    }

    private BibtexBlock? ParseBlock(ReadOnlySpan<char> s, int p, out int next, out Action? commit)
    {
        commit = null;
        // Free text up to the next '@' that starts a block.
        var at = p;
        while (true)
        {
            var k = at < s.Length ? s[at..].IndexOf('@') : -1;
            if (k < 0)
            {
                _touchedEnd = true;
                at = s.Length;
                break;
            }
            at += k;
            if (StartsBlock(s, at)) break;
            at++;
        }
        if (at > p)
        {
            var free = s[p..at];
            var trimmedStart = 0;
            while (trimmedStart < free.Length && IsSpace(free[trimmedStart])) trimmedStart++;
            next = at;
            if (trimmedStart == free.Length)
            {
                if (at >= s.Length) return null;
                // Only white space: skip it and parse the block that follows.
                return ParseBlock(s, at, out next, out commit);
            }
            var body = free[trimmedStart..].TrimEnd(" \t\n\r\f\v");
            var (line, column) = PositionOf(s, p + trimmedStart);
            return new BibtexComment(BibtexCommentKind.Implicit, body.ToString(), line, column);
        }
        if (at >= s.Length)
        {
            next = at;
            return null;
        }
        return ParseAt(s, at, out next, out commit);
    }

    // True when the '@' at 'at' begins a block: '@', optional blanks, a name, optional blanks and '{' or '(';
    // or '@comment' in any form; or any '@name' that stands first on its line (then it is a malformed block);
    // never when a '%' precedes it on its line.
    private bool StartsBlock(ReadOnlySpan<char> s, int at)
    {
        // A '%' earlier on the line makes the line a comment (as biber reads it): '%@article{...' is commented out.
        var lineStart = at > 0 ? s[..at].LastIndexOf('\n') + 1 : 0;
        if (s[lineStart..at].Contains('%')) return false;
        var i = SkipSpace(s, at + 1);
        var nameEnd = ScanName(s, i);
        if (nameEnd == i) return false;
        if (s[i..nameEnd].Equals("comment", StringComparison.OrdinalIgnoreCase)) return true;
        var j = SkipSpace(s, nameEnd);
        if (j >= s.Length)
        {
            _touchedEnd = true;
            return AtLineStart(s, at);
        }
        return s[j] is '{' or '(' || AtLineStart(s, at);
    }

    private BibtexBlock? ParseAt(ReadOnlySpan<char> s, int a, out int next, out Action? commit)
    {
        commit = null;
        var (line, column) = PositionOf(s, a);
        _blockLine = line;
        _blockColumn = column;
        var i = SkipSpace(s, a + 1);
        var typeStart = i;
        i = ScanName(s, i);
        var rawType = s[typeStart..i];

        if (rawType.Equals("comment", StringComparison.OrdinalIgnoreCase))
        {
            var j = i;
            while (j < s.Length && s[j] is ' ' or '\t') j++;
            if (j < s.Length && s[j] is '{' or '(')
            {
                var close = ScanToCloser(s, j + 1, s[j] == '{' ? '}' : ')', out var deepAt);
                if (close < 0) return Fail(s, a, close == -2 ? deepAt : a, close == -2 ? BibtexCodes.NestingTooDeep : BibtexCodes.UnterminatedBlock,
                    close == -2 ? "braces are nested too deep" : "@comment is not closed", j + 1, out next);
                next = close + 1;
                return new BibtexComment(BibtexCommentKind.Braced, s[(j + 1)..close].ToString(), line, column);
            }
            var eol = j < s.Length ? s[j..].IndexOf('\n') : -1;
            if (eol < 0) _touchedEnd = true;
            var end = eol < 0 ? s.Length : j + eol;
            next = end;
            return new BibtexComment(BibtexCommentKind.Line, s[j..end].TrimEnd(" \t\f\v").ToString(), line, column);
        }

        i = SkipSpace(s, i);
        if (i >= s.Length) return Fail(s, a, a, BibtexCodes.UnterminatedBlock, "the input ends after the entry type", i, out next);
        if (s[i] is not ('{' or '('))
        {
            return Fail(s, a, i, BibtexCodes.ExpectedOpeningDelimiter, "expected '{' or '(' after '@" + rawType.ToString() + "'", i, out next);
        }
        var closer = s[i] == '{' ? '}' : ')';
        i++;
        if (rawType.Equals("string", StringComparison.OrdinalIgnoreCase)) return ParseString(s, a, i, closer, line, column, out next, out commit);
        if (rawType.Equals("preamble", StringComparison.OrdinalIgnoreCase)) return ParsePreamble(s, a, i, closer, line, column, out next);
        return ParseEntry(s, a, i, closer, Pooled(rawType), line, column, out next, out commit);
    }

    private BibtexBlock? ParseString(ReadOnlySpan<char> s, int a, int i, char closer, int line, int column, out int next, out Action? commit)
    {
        commit = null;
        i = SkipSpace(s, i);
        if (i >= s.Length) return Fail(s, a, a, BibtexCodes.UnterminatedBlock, "@string is not closed", i, out next);
        var nameEnd = ScanName(s, i);
        if (nameEnd == i) return Fail(s, a, i, BibtexCodes.ExpectedName, "expected a macro name", i, out next);
        var name = s[i..nameEnd].ToString();
        i = SkipSpace(s, nameEnd);
        if (i >= s.Length) return Fail(s, a, a, BibtexCodes.UnterminatedBlock, "@string is not closed", i, out next);
        if (s[i] != '=') return Fail(s, a, i, BibtexCodes.ExpectedEquals, "expected '=' after the macro name", i, out next);
        if (!ParseValue(s, a, i + 1, out i, out var error, out next)) return error;
        i = SkipSpace(s, i);
        if (i < s.Length && s[i] == ',') i = SkipSpace(s, i + 1);
        if (i >= s.Length) return Fail(s, a, a, BibtexCodes.UnterminatedBlock, "@string is not closed", i, out next);
        if (s[i] != closer) return Fail(s, a, i, BibtexCodes.ExpectedCommaOrClose, "expected '" + closer + "' to close @string", i, out next);
        next = i + 1;
        var macro = new BibtexMacro(name, [.. _parts], line, column);
        if (_macros.ContainsKey(name))
        {
            _pending.Add(Warning(BibtexCodes.MacroRedefined, "macro '" + name + "' is defined again; the new value applies from here", line, column));
        }
        commit = () => _macros[macro.Name] = macro.RawValue;
        return macro;
    }

    private BibtexBlock? ParsePreamble(ReadOnlySpan<char> s, int a, int i, char closer, int line, int column, out int next)
    {
        if (!ParseValue(s, a, i, out i, out var error, out next)) return error;
        i = SkipSpace(s, i);
        if (i >= s.Length) return Fail(s, a, a, BibtexCodes.UnterminatedBlock, "@preamble is not closed", i, out next);
        if (s[i] != closer) return Fail(s, a, i, BibtexCodes.ExpectedCommaOrClose, "expected '" + closer + "' to close @preamble", i, out next);
        next = i + 1;
        return new BibtexPreamble([.. _parts], line, column);
    }

    private BibtexBlock? ParseEntry(ReadOnlySpan<char> s, int a, int i, char closer, string rawType, int line, int column, out int next, out Action? commit)
    {
        commit = null;
        i = SkipSpace(s, i);
        var keyStart = i;
        while (i < s.Length && !IsSpace(s[i]) && s[i] is not (',' or '{' or '}' or '=' or '"') && s[i] != closer) i++;
        if (i >= s.Length) return Fail(s, a, a, BibtexCodes.UnterminatedBlock, "the entry is not closed", i, out next);
        var key = s[keyStart..i].ToString();
        if (key.Length == 0)
        {
            var (kl, kc) = PositionOf(s, keyStart);
            _pending.Add(Error(BibtexCodes.MissingKey, "the entry has no citation key", kl, kc));
        }
        i = SkipSpace(s, i);
        if (i >= s.Length) return Fail(s, a, a, BibtexCodes.UnterminatedBlock, "the entry is not closed", i, out next);
        if (s[i] != ',' && s[i] != closer)
        {
            return Fail(s, a, i, BibtexCodes.ExpectedCommaOrClose, "expected ',' after the key '" + key + "'", i, out next);
        }
        while (true)
        {
            // At a ',' or the closer.
            if (s[i] == closer) break;
            i = SkipSpace(s, i + 1);
            while (i < s.Length && s[i] == ',') i = SkipSpace(s, i + 1);
            if (i >= s.Length) return Fail(s, a, a, BibtexCodes.UnterminatedBlock, "the entry is not closed", i, out next);
            if (s[i] == closer) break;
            var nameEnd = ScanName(s, i);
            if (nameEnd == i) return Fail(s, a, i, BibtexCodes.ExpectedName, "expected a field name", i, out next);
            var (fl, fc) = PositionOf(s, i);
            var rawName = Pooled(s[i..nameEnd]);
            i = SkipSpace(s, nameEnd);
            if (i >= s.Length) return Fail(s, a, a, BibtexCodes.UnterminatedBlock, "the entry is not closed", i, out next);
            if (s[i] != '=') return Fail(s, a, i, BibtexCodes.ExpectedEquals, "expected '=' after the field name '" + rawName + "'", i, out next);
            if (!ParseValue(s, a, i + 1, out i, out var error, out next)) return error;
            var field = new BibtexField(rawName, [.. _parts], fl, fc);
            foreach (var earlier in _fields)
            {
                if (string.Equals(earlier.Name, field.Name, StringComparison.Ordinal))
                {
                    _pending.Add(Warning(BibtexCodes.DuplicateField, "field '" + field.Name + "' occurs again in entry '" + key + "'; the first is used", fl, fc));
                    break;
                }
            }
            _fields.Add(field);
            i = SkipSpace(s, i);
            if (i >= s.Length) return Fail(s, a, a, BibtexCodes.UnterminatedBlock, "the entry is not closed", i, out next);
            if (s[i] != ',' && s[i] != closer)
            {
                return Fail(s, a, i, BibtexCodes.ExpectedCommaOrClose, "expected ',' or '" + closer + "' after the value of '" + rawName + "'", i, out next);
            }
        }
        next = i + 1;
        if (key.Length > 0 && _keys.Contains(key))
        {
            _pending.Add(Warning(BibtexCodes.DuplicateKey, "citation key '" + key + "' is used again; the first entry is kept first", line, column));
        }
        var entry = new BibtexEntry(rawType, key, [.. _fields], line, column);
        if (key.Length > 0) commit = () => _keys.Add(key);
        return entry;
    }

    // Parses 'piece (# piece)*' from i. On success 'end' is the offset after the value and _parts holds the pieces.
    private bool ParseValue(ReadOnlySpan<char> s, int a, int i, out int end, out BibtexBlock? error, out int next)
    {
        _parts.Clear();
        error = null;
        next = 0;
        while (true)
        {
            i = SkipSpace(s, i);
            if (i >= s.Length)
            {
                error = Fail(s, a, a, BibtexCodes.UnterminatedBlock, "the input ends where a value was expected", i, out next);
                end = i;
                return false;
            }
            var c = s[i];
            if (c is '{' or '"')
            {
                var (vl, vc) = PositionOf(s, i);
                var close = ScanToCloser(s, i + 1, c == '{' ? '}' : '"', out var deepAt);
                if (close == -2)
                {
                    error = Fail(s, a, deepAt, BibtexCodes.NestingTooDeep, "braces are nested deeper than " + _maxBraceDepth.ToString(CultureInfo.InvariantCulture), deepAt, out next);
                    end = i;
                    return false;
                }
                if (close < 0)
                {
                    error = FailAt(s, a, vl, vc, BibtexCodes.UnterminatedValue, c == '{' ? "the braced value is not closed" : "the quoted value is not closed", i + 1, out next);
                    end = i;
                    return false;
                }
                var text = s[(i + 1)..close].ToString();
                _parts.Add(new BibtexValuePart(c == '{' ? BibtexValueKind.Braced : BibtexValueKind.Quoted, text, text));
                i = close + 1;
            }
            else
            {
                var tokenEnd = ScanName(s, i);
                if (tokenEnd == i)
                {
                    error = Fail(s, a, i, BibtexCodes.ExpectedValue, "expected a value", i, out next);
                    end = i;
                    return false;
                }
                if (tokenEnd >= s.Length) _touchedEnd = true;
                var token = s[i..tokenEnd];
                if (token.IndexOfAnyExceptInRange('0', '9') < 0)
                {
                    var digits = token.ToString();
                    _parts.Add(new BibtexValuePart(BibtexValueKind.Number, digits, digits));
                }
                else if (char.IsAsciiDigit(token[0]))
                {
                    var literal = token.ToString();
                    var (bl, bc) = PositionOf(s, i);
                    _pending.Add(Warning(BibtexCodes.BareValue, "bare value '" + literal + "' is neither a number nor a macro name; kept as written", bl, bc));
                    _parts.Add(new BibtexValuePart(BibtexValueKind.Number, literal, literal));
                }
                else
                {
                    var name = token.ToString();
                    if (_macros.TryGetValue(name, out var expansion))
                    {
                        _parts.Add(new BibtexValuePart(BibtexValueKind.Macro, name, expansion));
                    }
                    else if (MonthIndex(token) is var m and >= 0)
                    {
                        _parts.Add(new BibtexValuePart(BibtexValueKind.Macro, name, MonthNames[m]));
                    }
                    else
                    {
                        var (ml, mc) = PositionOf(s, i);
                        _pending.Add(Warning(BibtexCodes.UndefinedMacro, "macro '" + name + "' is not defined; its name is kept as the value", ml, mc));
                        _parts.Add(new BibtexValuePart(BibtexValueKind.Macro, name, name, IsDefined: false));
                    }
                }
                i = tokenEnd;
            }
            var after = SkipSpace(s, i);
            if (after < s.Length && s[after] == '#')
            {
                i = after + 1;
                continue;
            }
            end = i;
            return true;
        }
    }

    private static int MonthIndex(ReadOnlySpan<char> name)
    {
        if (name.Length != 3) return -1;
        for (var m = 0; m < MonthMacros.Length; m++)
        {
            if (name.Equals(MonthMacros[m], StringComparison.OrdinalIgnoreCase)) return m;
        }
        return -1;
    }

    // Scans from just after an opening delimiter to its closer at brace depth 0: '}' for '{', ')' for '(', '"' for '"'
    // (in a quoted value a backslash does not escape '"', and an unmatched '}' ends the value badly).
    // Returns the closer's offset, -1 when the text ends first (or a quoted value meets an unmatched '}'),
    // -2 when nesting exceeds the limit (deepAt = that brace).
    private int ScanToCloser(ReadOnlySpan<char> s, int i, char closer, out int deepAt)
    {
        deepAt = -1;
        var depth = 0;
        var stops = closer switch
        {
            ')' => ParenStops,
            '"' => QuotedStops,
            _ => BracedStops,
        };
        while (true)
        {
            var k = i < s.Length ? s[i..].IndexOfAny(stops) : -1;
            if (k < 0)
            {
                _touchedEnd = true;
                return -1;
            }
            i += k;
            var c = s[i];
            if (c == '\\')
            {
                if (i + 1 >= s.Length)
                {
                    _touchedEnd = true;
                    return -1;
                }
                i += s[i + 1] is '{' or '}' or '\\' ? 2 : 1;
                continue;
            }
            if (c == '{')
            {
                if (++depth >= _maxBraceDepth)
                {
                    deepAt = i;
                    return -2;
                }
            }
            else if (c == '}')
            {
                if (depth > 0) depth--;
                else if (closer == '}') return i;
                else if (closer == '"') return -1;
            }
            else if (c == closer && depth == 0)
            {
                return i;
            }
            i++;
        }
    }

    private BibtexComment Fail(ReadOnlySpan<char> s, int a, int at, string code, string message, int resyncFrom, out int next)
    {
        var (line, column) = at == a ? (_blockLine, _blockColumn) : PositionOf(s, at);
        return FailAt(s, a, line, column, code, message, resyncFrom, out next);
    }

    // A broken block: exactly one error, the text kept as an unparsed comment, and reading resumes at the next line
    // that starts with '@' (after optional blanks) from 'resyncFrom' on.
    private BibtexComment FailAt(ReadOnlySpan<char> s, int a, int line, int column, string code, string message, int resyncFrom, out int next)
    {
        _pending.Clear();
        _pending.Add(Error(code, message, line, column));
        next = Resync(s, Math.Max(resyncFrom, a + 1));
        return new BibtexComment(BibtexCommentKind.Unparsed, s[a..next].TrimEnd(" \t\n\r\f\v").ToString(), _blockLine, _blockColumn);
    }

    private int Resync(ReadOnlySpan<char> s, int from)
    {
        var i = from;
        while (i < s.Length)
        {
            var k = s[i..].IndexOf('@');
            if (k < 0) break;
            i += k;
            if (AtLineStart(s, i)) return i;
            i++;
        }
        _touchedEnd = true;
        return s.Length;
    }

    private static bool AtLineStart(ReadOnlySpan<char> s, int at)
    {
        var j = at - 1;
        while (j >= 0 && s[j] is ' ' or '\t') j--;
        return j < 0 || s[j] == '\n';
    }

    private int ScanName(ReadOnlySpan<char> s, int i)
    {
        if (i >= s.Length)
        {
            _touchedEnd = true;
            return i;
        }
        var k = s[i..].IndexOfAny(NotNameChars);
        if (k < 0)
        {
            _touchedEnd = true;
            return s.Length;
        }
        return i + k;
    }

    private int SkipSpace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && IsSpace(s[i])) i++;
        if (i >= s.Length) _touchedEnd = true;
        return i;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    // Positions are asked for in increasing offsets within a parse; the cursor moves forward counting '\n'.
    private (int Line, int Column) PositionOf(ReadOnlySpan<char> s, int offset)
    {
        Advance(s, offset);
        return (_line, offset - _lineStart + 1);
    }

    private void Advance(ReadOnlySpan<char> s, int offset)
    {
        if (offset <= _offset) return;
        var end = Math.Min(offset, s.Length);
        var span = s[_offset..end];
        var count = span.Count('\n');
        if (count > 0)
        {
            _line += count;
            _lineStart = _offset + span.LastIndexOf('\n') + 1;
        }
        _offset = end;
    }

    private static Diagnostic Error(string code, string message, int line, int column) => DiagnosticCatalogue.Create(code, message, line, column);

    private static Diagnostic Warning(string code, string message, int line, int column) => DiagnosticCatalogue.Create(code, message, line, column);

    private static string Pooled(ReadOnlySpan<char> name) => CommonNames.TryGetValue(name, out var pooled) ? pooled : name.ToString();
}
