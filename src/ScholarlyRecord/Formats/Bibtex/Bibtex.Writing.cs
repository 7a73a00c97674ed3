using System.Buffers;
using System.Globalization;
using System.Text;

namespace ScholarlyRecord.Formats;

// Chapter -> entry text.
public static partial class Bibtex
{
    private static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "on", "in", "and", "for", "to", "at", "with", "from", "by",
        "der", "die", "das", "ein", "eine", "le", "la", "les", "un", "une", "des", "el", "los", "il", "lo",
    };

    private static void WriteEntry(Chapter chapter, TextWriter writer, EntryText entry, EmittedKeys keys)
    {
        var target = entry.Target;
        var book = chapter.Book;
        var authors = Of(chapter.Contributors, ContributorRole.Author);
        var bookAuthors = Of(book?.Contributors, ContributorRole.Author);
        var editors = Of(book?.Contributors, ContributorRole.Editor);

        // Entry type (docs/formats.md, "BibTeX entry types"). BibTeX: @incollection with booktitle for every chapter with
        // a title of its own, since the standard styles read @inbook's title as the book's and ignore booktitle; the
        // classic @inbook (title = the book's title) only for a chapter known by number or pages alone. BibLaTeX:
        // @incollection for a contribution to an edited book, @inbook otherwise (and whenever the book has authors:
        // biblatex's data model allows bookauthor only in @inbook); @incollection when there is no book title, since an
        // @inbook without booktitle reads as the classic one.
        var biblatex = entry.Options.Dialect == BibtexDialect.Biblatex;
        var classicInbook = !biblatex && chapter.Title.Length == 0 && chapter.Subtitle is null && book?.Title is not null;
        var inbook = biblatex ? book?.Title is not null && (!editors.Exists(HasText) || bookAuthors.Exists(HasText)) : classicInbook;
        // Only fields of biblatex's data model, unless the options ask for the others too.
        var dataModelOnly = biblatex && !entry.Options.IncludeNonstandardFields;
        // The chapter's own key when BibTeX can carry it, else one made from the names, year and title (docs/formats.md, "Citation keys").
        var key = keys.Unique(CitationKeys.IsBibtexKey(chapter.CitationKey) ? chapter.CitationKey! : GeneratedKey(chapter));
        entry.Start(inbook ? "@inbook{" : "@incollection{", key);

        NameList(entry, chapter, "author", authors);
        if (classicInbook)
        {
            entry.Text("title", book!.Title);
            entry.Text("subtitle", book.Subtitle);
        }
        else
        {
            entry.Text("title", chapter.Title);
            entry.Text("subtitle", chapter.Subtitle);
        }
        NameList(entry, chapter, "translator", Of(chapter.Contributors, ContributorRole.Translator));
        if (!classicInbook)
        {
            entry.Text("booktitle", book?.Title);
            entry.Text("booksubtitle", book?.Subtitle);
        }
        NameList(entry, chapter, "bookauthor", bookAuthors);
        NameList(entry, chapter, "editor", editors);
        entry.Text("edition", book?.Edition);
        entry.Text("series", book?.Series?.Title);
        entry.Text("shortseries", book?.Series?.Abbreviation);
        entry.Text("number", book?.Series?.Volume);
        if (book?.Publisher is { } publisher)
        {
            entry.Text("publisher", publisher.Name);
            entry.Text(entry.Options.Dialect == BibtexDialect.Bibtex ? "address" : "location", publisher.Location);
        }
        if ((chapter.PublicationDate ?? book?.PublicationDate) is { } date)
        {
            if (entry.Options.Dialect == BibtexDialect.Biblatex)
            {
                entry.Begin("date").Append('{').Append(CultureInfo.InvariantCulture, $"{date}").Append('}');
                entry.End();
            }
            else
            {
                entry.Begin("year").Append(CultureInfo.InvariantCulture, $"{date.Year:D4}");
                entry.End();
                if (date.Month is { } month)
                {
                    entry.Begin("month").Append(MonthMacros[month - 1]);
                    entry.End();
                }
                if (date.Day is { } day)
                {
                    entry.Begin("day").Append('{').Append(CultureInfo.InvariantCulture, $"{day}").Append('}');
                    entry.End();
                }
                if (date.Precision == DatePrecision.Season)
                {
                    entry.Begin("date").Append('{').Append(CultureInfo.InvariantCulture, $"{date}").Append('}');
                    entry.End();
                }
            }
        }
        entry.Text("chapter", chapter.Number);
        if (chapter.Pages is { } pages)
        {
            var sb = entry.Begin("pages").Append('{');
            LatexEncoder.Append(sb, pages.First, target);
            if (pages.Last is not null)
            {
                sb.Append("--");
                LatexEncoder.Append(sb, pages.Last, target);
            }
            sb.Append('}');
            entry.End();
        }
        // biblatex's isbn holds one ISBN (biber rejects a list): the first, unless the options ask for them all.
        if (book is not null) IdentifierList(entry, chapter, "isbn", dataModelOnly && book.Isbns.Count > 1 ? [book.Isbns[0]] : book.Isbns, static isbn => isbn.Value, merge: !dataModelOnly);
        // biblatex has no issn in @incollection or @inbook.
        if (book?.Series is { } series && !dataModelOnly) IdentifierList(entry, chapter, "issn", series.Issns, static issn => issn.Value, merge: true);
        if (chapter.Doi is { } doi) Verbatim(entry, "doi", doi.ToString());
        if (chapter.Url is { } url) Verbatim(entry, "url", url);
        if (chapter.Language is { } language) entry.Text("language", language);
        if (chapter.Abstract.Count > 0)
        {
            // Paragraphs are separated by a blank line.
            var sb = entry.Begin("abstract").Append('{');
            for (var i = 0; i < chapter.Abstract.Count; i++)
            {
                if (i > 0) sb.Append("\n\n");
                LatexEncoder.Append(sb, chapter.Abstract[i], target);
            }
            sb.Append('}');
            entry.End();
        }
        if (chapter.Keywords.Count > 0)
        {
            // Keywords are separated by ", ": a comma or semicolon inside one is braced.
            var sb = entry.Begin("keywords").Append('{');
            for (var i = 0; i < chapter.Keywords.Count; i++)
            {
                if (i > 0) sb.Append(", ");
                var at = sb.Length;
                LatexEncoder.Append(sb, chapter.Keywords[i], target);
                ProtectSeparators(sb, at);
            }
            sb.Append('}');
            entry.End();
        }
        if (!dataModelOnly) entry.Text("copyright", chapter.Copyright?.Statement);

        // Extra fields that came from BibTeX, raw; names the mapping already wrote are skipped (isbn and issn were merged
        // into the mapped field above).
        var extras = chapter.ExtraFields;
        for (var i = 0; i < extras.Count; i++)
        {
            if (!IsWritableExtra(extras[i].Name, out var name) || entry.Wrote(name)) continue;
            // A kept isbn value is one the reader could not take as an ISBN: biber would reject it too.
            if (dataModelOnly && (!BiblatexDataModel.Allows(name, inbook) || name.SequenceEqual("isbn"))) continue;
            var sb = entry.BeginExtra(name).Append('{');
            AppendExtraValue(sb, extras[i].Value, target);
            sb.Append('}');
            entry.End();
        }

        entry.Finish(writer);
    }

    // An extra field "bibtex:<name>" the writer can write back: the name BibTeX reads (see IsFieldName), not a "+others" marker.
    private static bool IsWritableExtra(string extraName, out ReadOnlySpan<char> name)
    {
        name = default;
        if (!extraName.StartsWith("bibtex:", StringComparison.Ordinal)) return false;
        name = extraName.AsSpan("bibtex:".Length);
        return IsFieldName(name) && !name.EndsWith("+others", StringComparison.Ordinal);
    }

    // A raw extra value as it was when it reads back unchanged, LaTeX-encoded otherwise.
    private static void AppendExtraValue(StringBuilder sb, string value, LatexTarget target)
    {
        if (IsWritableRaw(value)) sb.Append(value);
        else LatexEncoder.Append(sb, value, target);
    }

    // "isbn" or "issn": the identifiers joined with ", ", then (with merge) the values of the field's "bibtex:" extras;
    // no field when there is no identifier.
    private static void IdentifierList<TItem, TId>(EntryText entry, Chapter chapter, string field, IReadOnlyList<TItem> items, Func<TItem, TId> identifier, bool merge)
    {
        if (items.Count == 0) return;
        var sb = entry.Begin(field).Append('{');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(CultureInfo.InvariantCulture, $"{identifier(items[i])}");
        }
        if (merge) MergeExtras(entry, chapter, field);
        sb.Append('}');
        entry.End();
    }

    // The values of "bibtex:isbn" (or issn) extras, appended to the mapped field's list in their order.
    private static void MergeExtras(EntryText entry, Chapter chapter, string field)
    {
        var extras = chapter.ExtraFields;
        for (var i = 0; i < extras.Count; i++)
        {
            if (!IsWritableExtra(extras[i].Name, out var name) || !name.SequenceEqual(field)) continue;
            entry.Builder.Append(", ");
            AppendExtraValue(entry.Builder, extras[i].Value, entry.Target);
        }
    }

    // Names joined with " and ", then "others" when the chapter kept a "bibtex:<field>+others" marker; no field when
    // neither gives anything.
    private static void NameList(EntryText entry, Chapter chapter, string field, List<PersonName> names)
    {
        var sb = entry.Begin(field).Append('{');
        var written = 0;
        foreach (var n in names)
        {
            var before = sb.Length;
            if (written > 0) sb.Append(" and ");
            if (AppendName(sb, n, entry.Target)) written++;
            else sb.Length = before;
        }
        if (HasOthersMarker(chapter, field))
        {
            if (written > 0) sb.Append(" and ");
            sb.Append("others");
            written++;
        }
        if (written == 0)
        {
            entry.Cancel();
            return;
        }
        sb.Append('}');
        entry.End();
    }

    private static bool HasOthersMarker(Chapter chapter, string field)
    {
        var extras = chapter.ExtraFields;
        for (var i = 0; i < extras.Count; i++)
        {
            var name = extras[i].Name.AsSpan();
            if (name.Length == "bibtex:".Length + field.Length + "+others".Length && name.StartsWith("bibtex:", StringComparison.Ordinal)
                && name.EndsWith("+others", StringComparison.Ordinal) && name.Slice("bibtex:".Length, field.Length).SequenceEqual(field))
            {
                return true;
            }
        }
        return false;
    }

    // DOIs and URLs are verbatim fields (biber and the url package read them without LaTeX): written as they are, in
    // both dialects. Only what a braced value cannot hold is changed: when the braces are unbalanced (or a carriage
    // return or a final backslash is present) those characters are percent-encoded (%7B, %7D, %0D, %5C).
    private static void Verbatim(EntryText entry, string field, string value)
    {
        if (!IsWritableRaw(value))
        {
            value = value.Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal)
                .Replace("\r", "%0D", StringComparison.Ordinal);
            if (value.EndsWith('\\')) value = value[..^1] + "%5C";
        }
        entry.Begin(field).Append('{').Append(value).Append('}');
        entry.End();
    }

    /// <summary>
    /// The text of the entry being written: <c>@type{key,</c>, then one <c>name = value,</c> line per field, then the
    /// closing brace, built in one buffer that is reused from entry to entry and handed to the writer whole. A field is
    /// written as <see cref="Begin"/>, its value appended to <see cref="Builder"/>, then <see cref="End"/> (or
    /// <see cref="Cancel"/> when it turns out to have no value). The names of the mapped fields are remembered so that
    /// extra fields of the same name are not written twice.
    /// </summary>
    private sealed class EntryText(BibtexWriteOptions options)
    {
        private readonly List<string> _names = [];
        private string? _field;
        private int _fieldStart;
        private int _valueStart;

        public BibtexWriteOptions Options { get; } = options;

        public LatexTarget Target { get; } = options.Dialect == BibtexDialect.Bibtex ? LatexTarget.Mixed : LatexTarget.Unicode;

        public StringBuilder Builder { get; } = new(4096);

        public void Start(string type, string key)
        {
            Builder.Clear();
            _names.Clear();
            Builder.Append(type).Append(key).Append(',');
        }

        /// <summary>Starts the line of a mapped field.</summary>
        public StringBuilder Begin(string name)
        {
            _field = name;
            return BeginLine(name);
        }

        /// <summary>Starts the line of an extra field (not remembered: every extra of a name not mapped is written).</summary>
        public StringBuilder BeginExtra(ReadOnlySpan<char> name)
        {
            _field = null;
            return BeginLine(name);
        }

        /// <summary>Ends the field: its value's line feeds follow the newline option, and a comma closes the line.</summary>
        public void End()
        {
            if (_field is not null) _names.Add(_field);
            if (Options.NewLineText != "\n") Builder.Replace("\n", Options.NewLineText, _valueStart, Builder.Length - _valueStart);
            Builder.Append(',');
        }

        /// <summary>Removes the field begun last, as if it had never been started.</summary>
        public void Cancel() => Builder.Length = _fieldStart;

        /// <summary>A text field, braced and LaTeX-encoded; nothing when the value is null.</summary>
        public void Text(string name, string? value)
        {
            if (value is null) return;
            Begin(name).Append('{');
            LatexEncoder.Append(Builder, value, Target);
            Builder.Append('}');
            End();
        }

        /// <summary>Whether a mapped field of this name was written.</summary>
        public bool Wrote(ReadOnlySpan<char> name)
        {
            foreach (var written in _names)
            {
                if (name.SequenceEqual(written)) return true;
            }
            return false;
        }

        public void Finish(TextWriter writer)
        {
            Builder.Append(Options.NewLineText).Append('}').Append(Options.NewLineText);
            writer.Write(Builder);
        }

        private StringBuilder BeginLine(ReadOnlySpan<char> name)
        {
            _fieldStart = Builder.Length;
            Builder.Append(Options.NewLineText).Append(Options.Indent).Append(name).Append(" = ");
            _valueStart = Builder.Length;
            return Builder;
        }
    }

    private static List<PersonName> Of(IReadOnlyList<Contributor>? contributors, ContributorRole role)
    {
        var names = new List<PersonName>();
        if (contributors is null) return names;
        foreach (var c in contributors)
        {
            if (c.Role == role) names.Add(c.Name);
        }
        return names;
    }

    // "von Last, Jr, First" with each part braced unless it is plain; a literal in double braces. Appends nothing and
    // returns false when nothing is left.
    private static bool AppendName(StringBuilder sb, PersonName name, LatexTarget target)
    {
        if (name.Literal is not null)
        {
            var literal = NamePart(name.Literal, target);
            if (literal is null) return false;
            sb.Append(literal[0] == '\\' ? "{{}" : "{").Append(literal).Append('}');
            return true;
        }
        var given = NamePart(name.Given, target);
        var family = NamePart(name.Family, target);
        var particle = NamePart(name.Particle, target);
        var suffix = NamePart(name.Suffix, target);
        if (given is null && family is null && particle is null && suffix is null) return false;
        if (particle is not null && (family is null || !IsParticle(particle)))
        {
            // Not a run of lower-case words: it cannot stand as BibTeX's von part, so it joins the family name.
            family = family is null ? particle : particle + " " + family;
            particle = null;
        }
        if (family is null)
        {
            // A given name (and suffix) with no family name: BibTeX has no First part without a Last part, so it stands as
            // the name's only part.
            family = suffix is null ? given! : given is null ? suffix : given + ", " + suffix;
            given = null;
            suffix = null;
        }
        if (given is null)
        {
            // No First part. "von Last, Jr," would end with a comma, which bibtex refuses ("has a comma at the end"),
            // so the suffix joins the family name, braced: "van {X, Jr.}", which every style prints as it is.
            if (suffix is not null) family = family + ", " + suffix;
            if (particle is not null)
            {
                AppendBraced(sb.Append(particle).Append(' '), family, !IsPlainWord(family));
            }
            else if (IsOneNameToken(family))
            {
                // One word alone: bibtex's Last part, read back as the family name.
                sb.Append(family);
            }
            else
            {
                // More than one word alone must be braced, and one braced group is how BibTeX writes an organisation
                // too: it reads back as a literal name.
                sb.Append(family[0] == '\\' ? "{{}" : "{").Append(family).Append('}');
            }
            return true;
        }
        if (particle is not null) sb.Append(particle).Append(' ');
        AppendBraced(sb, family, !IsPlainWord(family));
        if (suffix is not null) AppendBraced(sb.Append(", "), suffix, !IsPlainWord(suffix));
        AppendBraced(sb.Append(", "), given, !IsPlainWords(given));
        return true;
    }

    // Whether an encoded name part is one token that bibtex and our reader both take as a last name alone: no space,
    // tie, hyphen or comma outside braces (bibtex splits names there), not wholly one braced group (read as a literal),
    // not the words "and" or "others" (the name list's separator and et-al marker), and not a word of a script without
    // letter case (the reader takes such a word alone as a literal: PersonName's rule).
    internal static bool IsOneNameToken(string encoded)
    {
        if (encoded.Length == 0 || encoded[0] == '{' || PersonName.IsCaselessScript(encoded)) return false;
        if (encoded.Equals("and", StringComparison.OrdinalIgnoreCase) || encoded.Equals("others", StringComparison.OrdinalIgnoreCase)) return false;
        var depth = 0;
        foreach (var c in encoded)
        {
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (depth == 0 && c is ' ' or '~' or '-' or ',') return false;
        }
        return true;
    }

    // Whether a name writes anything (a part that is not all white space).
    private static bool HasText(PersonName n) =>
        !string.IsNullOrWhiteSpace(n.Literal) || !string.IsNullOrWhiteSpace(n.Given) || !string.IsNullOrWhiteSpace(n.Family)
        || !string.IsNullOrWhiteSpace(n.Particle) || !string.IsNullOrWhiteSpace(n.Suffix);

    private static void AppendBraced(StringBuilder sb, string text, bool braced)
    {
        if (braced) sb.Append('{').Append(text).Append('}');
        else sb.Append(text);
    }

    // A name part trimmed and encoded; null when nothing is left.
    private static string? NamePart(string? part, LatexTarget target) =>
        part?.Trim() is { Length: > 0 } trimmed ? NameEncode(trimmed, target) : null;

    // Like LatexEncoder.Encode (whose brace escapes keep PersonName's brace count balanced), with white space other than the
    // space written as \char (a name's parts collapse every kind of white space).
    private static string NameEncode(string text, LatexTarget target)
    {
        var encoded = LatexEncoder.Encode(text, target);
        if (!HasOtherWhiteSpace(encoded)) return encoded;
        var sb = new StringBuilder(encoded.Length + 16);
        foreach (var c in encoded)
        {
            if (c != ' ' && char.IsWhiteSpace(c)) sb.Append("\\char").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append("{}");
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool HasOtherWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (c != ' ' && char.IsWhiteSpace(c)) return true;
        }
        return false;
    }

    // Each space-separated word (empty ones included, as string.Split(' ') gives them) starts with a lower-case ASCII
    // letter and has only ASCII letters.
    private static bool IsParticle(string text)
    {
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range);
            if (word.Length == 0 || !char.IsAsciiLetterLower(word[0]) || word.ContainsAnyExcept(AsciiLetters)) return false;
        }
        return true;
    }

    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> PlainWordChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-'");

    private static bool IsPlainWord(ReadOnlySpan<char> text) =>
        text.Length > 0 && char.IsAsciiLetterUpper(text[0]) && !text.ContainsAnyExcept(PlainWordChars)
        && !text.Contains("--", StringComparison.Ordinal) && !text.Contains("''", StringComparison.Ordinal);

    private static bool IsPlainWords(string text)
    {
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range);
            if (!IsPlainWord(word) || word.Equals("and", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    // Braces every comma and semicolon appended since `start` (a keyword's own separators, not the list's).
    private static void ProtectSeparators(StringBuilder sb, int start)
    {
        for (var i = start; i < sb.Length; i++)
        {
            if (sb[i] is ',' or ';')
            {
                sb.Insert(i, '{').Insert(i + 2, '}');
                i += 2;
            }
        }
    }

    // A field name BibTeX reads back: letters, digits and - _ : . + (not starting with a digit).
    private static bool IsFieldName(ReadOnlySpan<char> name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && !name.ContainsAnyExcept(FieldNameChars);

    private static readonly SearchValues<char> FieldNameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_:.+");

    // A raw value that reads back unchanged inside braces: braces balance (escaped ones as the scanner counts them),
    // no backslash escapes the closing brace, and no carriage return (readers turn it into a line feed).
    internal static bool IsWritableRaw(string raw)
    {
        var depth = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\')
            {
                if (i + 1 == raw.Length) return false;
                if (raw[i + 1] is '{' or '}' or '\\') i++;
                continue;
            }
            if (c == '\r') return false;
            if (c == '{') depth++;
            else if (c == '}' && --depth < 0) return false;
        }
        return depth == 0;
    }

    /// <summary>The key made up for a chapter without one: from the first author (else book author, else editor), the year and the title.</summary>
    internal static string GeneratedKey(Chapter chapter)
    {
        var authors = Of(chapter.Contributors, ContributorRole.Author);
        var names = authors.Count > 0 ? authors : Of(chapter.Book?.Contributors, ContributorRole.Author);
        return CitationKey(chapter, names.Count > 0 ? names : Of(chapter.Book?.Contributors, ContributorRole.Editor));
    }

    // haslam1992conclusions: first name's family (or literal) folded to ASCII lower case, the year, the first significant title word.
    internal static string CitationKey(Chapter chapter, List<PersonName> names)
    {
        var first = names.Count > 0 ? names[0] : null;
        var who = first?.Family is { } family ? Fold(family)
            : first?.Literal is { } literal && FirstWord(literal) is { Length: > 0 } word0 ? Fold(word0)
            : Fold(first?.Given ?? "");
        var year = (chapter.PublicationDate ?? chapter.Book?.PublicationDate) is { } date ? date.Year.ToString(CultureInfo.InvariantCulture) : "";
        var word = "";
        var title = chapter.Title.AsSpan();
        while (true)
        {
            // The next word: a run of characters that are not white space.
            var start = 0;
            while (start < title.Length && char.IsWhiteSpace(title[start])) start++;
            if (start == title.Length) break;
            var end = start;
            while (end < title.Length && !char.IsWhiteSpace(title[end])) end++;
            var folded = Fold(title[start..end]);
            title = title[end..];
            if (folded.Length == 0 || StopWords.Contains(folded)) continue;
            word = folded;
            break;
        }
        var key = who + year + word;
        return key.Length == 0 ? "chapter" : key;
    }

    // The first run of characters other than the space (empty when there is none).
    private static ReadOnlySpan<char> FirstWord(string text)
    {
        var span = text.AsSpan().TrimStart(' ');
        var space = span.IndexOf(' ');
        return space < 0 ? span : span[..space];
    }

    // ASCII lower-case letters and digits only: accents dropped (é -> e), special letters spelled out (ß -> ss), the rest removed.
    private static string Fold(ReadOnlySpan<char> text)
    {
        // Decomposition (slow) leaves ASCII unchanged, so only other text needs it before accents are dropped.
        var chars = Ascii.IsValid(text) ? text : TextNormalizer.Nfd(text.ToString()).AsSpan();
        var sb = new StringBuilder(chars.Length);
        foreach (var c in chars)
        {
            if (char.IsAsciiLetter(c) || char.IsAsciiDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c is 'ß') sb.Append("ss");
            else if (c is 'ø' or 'Ø') sb.Append('o');
            else if (c is 'æ' or 'Æ') sb.Append("ae");
            else if (c is 'œ' or 'Œ') sb.Append("oe");
            else if (c is 'ł' or 'Ł') sb.Append('l');
        }
        return sb.ToString();
    }
}
