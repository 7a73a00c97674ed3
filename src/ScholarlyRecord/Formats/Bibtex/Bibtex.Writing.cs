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

    private static void WriteEntry(Chapter chapter, TextWriter writer, BibtexWriteOptions options, EmittedKeys keys)
    {
        var target = options.Dialect == BibtexDialect.Bibtex ? LatexTarget.Mixed : LatexTarget.Unicode;
        var fields = new List<(string Name, string Value)>();
        void Text(string name, string? value)
        {
            if (value is not null) fields.Add((name, "{" + LatexEncoder.Encode(value, target) + "}"));
        }

        var book = chapter.Book;
        var authors = Of(chapter.Contributors, ContributorRole.Author);
        var bookAuthors = Of(book?.Contributors, ContributorRole.Author);
        var editors = Of(book?.Contributors, ContributorRole.Editor);

        NameList("author", authors);
        Text("title", chapter.Title);
        Text("subtitle", chapter.Subtitle);
        NameList("translator", Of(chapter.Contributors, ContributorRole.Translator));
        Text("booktitle", book?.Title);
        Text("booksubtitle", book?.Subtitle);
        NameList("bookauthor", bookAuthors);
        NameList("editor", editors);
        Text("edition", book?.Edition);
        Text("series", book?.Series?.Title);
        Text("shortseries", book?.Series?.Abbreviation);
        Text("number", book?.Series?.Volume);
        if (book?.Publisher is { } publisher)
        {
            Text("publisher", publisher.Name);
            Text(options.Dialect == BibtexDialect.Bibtex ? "address" : "location", publisher.Location);
        }
        if ((chapter.PublicationDate ?? book?.PublicationDate) is { } date)
        {
            if (options.Dialect == BibtexDialect.Biblatex)
            {
                fields.Add(("date", "{" + date.ToString() + "}"));
            }
            else
            {
                fields.Add(("year", date.Year.ToString("D4", CultureInfo.InvariantCulture)));
                if (date.Month is { } month) fields.Add(("month", MonthMacros[month - 1]));
                if (date.Day is { } day) fields.Add(("day", "{" + day.ToString(CultureInfo.InvariantCulture) + "}"));
                if (date.Precision == DatePrecision.Season) fields.Add(("date", "{" + date.ToString() + "}"));
            }
        }
        Text("chapter", chapter.Number);
        if (chapter.Pages is { } pages)
        {
            var first = LatexEncoder.Encode(pages.First, target);
            fields.Add(("pages", pages.Last is null ? "{" + first + "}" : "{" + first + "--" + LatexEncoder.Encode(pages.Last, target) + "}"));
        }
        Identifiers("isbn", book?.Isbns.Select(i => i.Value.ToString()));
        Identifiers("issn", book?.Series?.Issns.Select(i => i.Value.ToString()));
        if (chapter.Doi is { } doi) Verbatim("doi", doi.ToString());
        if (chapter.Url is { } url) Verbatim("url", url);
        if (chapter.Language is { } language) Text("language", language);
        if (chapter.Abstract.Count > 0)
        {
            fields.Add(("abstract", chapter.Abstract.Count == 1
                ? "{" + LatexEncoder.Encode(chapter.Abstract[0], target) + "}"
                : "{" + string.Join("\n\n", chapter.Abstract.Select(p => LatexEncoder.Encode(p, target))) + "}"));
        }
        if (chapter.Keywords.Count > 0)
        {
            fields.Add(("keywords", "{" + string.Join(", ", chapter.Keywords.Select(k => ProtectSeparators(LatexEncoder.Encode(k, target)))) + "}"));
        }
        Text("copyright", chapter.Copyright?.Statement);

        // Extra fields that came from BibTeX, raw; names the mapping already wrote are skipped (isbn and issn are merged).
        var mapped = fields.Count;
        foreach (var extra in chapter.ExtraFields)
        {
            if (!extra.Name.StartsWith("bibtex:", StringComparison.Ordinal)) continue;
            var name = extra.Name["bibtex:".Length..];
            if (!IsFieldName(name) || name.EndsWith("+others", StringComparison.Ordinal)) continue;
            var value = IsWritableRaw(extra.Value) ? extra.Value : LatexEncoder.Encode(extra.Value, target);
            var at = fields.FindIndex(0, mapped, f => string.Equals(f.Name, name, StringComparison.Ordinal));
            if (at < 0) fields.Add((name, "{" + value + "}"));
            else if (name is "isbn" or "issn") fields[at] = (name, fields[at].Value[..^1] + ", " + value + "}");
        }

        // Entry type: @incollection for a contribution to an edited book, @inbook for a part of a book by the same authors.
        var inbook = book?.Title is not null && editors.Count == 0 && (bookAuthors.Count == 0 || SameNames(authors, bookAuthors));
        var key = UniqueKey(CitationKey(chapter, authors.Count > 0 ? authors : bookAuthors.Count > 0 ? bookAuthors : editors), keys);

        writer.Write(inbook ? "@inbook{" : "@incollection{");
        writer.Write(key);
        writer.Write(',');
        foreach (var (name, value) in fields)
        {
            writer.Write(options.NewLine);
            writer.Write(options.Indent);
            writer.Write(name);
            writer.Write(" = ");
            writer.Write(options.NewLine == "\n" ? value : value.Replace("\n", options.NewLine, StringComparison.Ordinal));
            writer.Write(',');
        }
        writer.Write(options.NewLine);
        writer.Write('}');
        writer.Write(options.NewLine);

        void NameList(string name, List<PersonName> names)
        {
            var written = new List<string>();
            foreach (var n in names)
            {
                if (NameText(n, target) is { } text) written.Add(text);
            }
            if (chapter.ExtraFields.Any(e => string.Equals(e.Name, "bibtex:" + name + "+others", StringComparison.Ordinal))) written.Add("others");
            if (written.Count > 0) fields.Add((name, "{" + string.Join(" and ", written) + "}"));
        }

        void Identifiers(string name, IEnumerable<string>? values)
        {
            var list = values?.ToList();
            if (list is { Count: > 0 }) fields.Add((name, "{" + string.Join(", ", list) + "}"));
        }

        // DOIs and URLs are verbatim fields (biber and the url package read them without LaTeX): written as they are, in
        // both dialects. Only what a braced value cannot hold is changed: when the braces are unbalanced (or a carriage
        // return or a final backslash is present) those characters are percent-encoded (%7B, %7D, %0D, %5C).
        void Verbatim(string name, string value)
        {
            if (!IsWritableRaw(value))
            {
                value = value.Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal)
                    .Replace("\r", "%0D", StringComparison.Ordinal);
                if (value.EndsWith('\\')) value = value[..^1] + "%5C";
            }
            fields.Add((name, "{" + value + "}"));
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

    private static bool SameNames(List<PersonName> a, List<PersonName> b) => a.Count == b.Count && a.SequenceEqual(b);

    // "von Last, Jr, First" with each part braced unless it is plain; a literal in double braces; null when nothing is left.
    internal static string? NameText(PersonName name, LatexTarget target)
    {
        string? Part(string? part) => part?.Trim() is { Length: > 0 } trimmed ? NameEncode(trimmed, target) : null;
        if (name.Literal is not null)
        {
            var literal = Part(name.Literal);
            if (literal is null) return null;
            return literal[0] == '\\' ? "{{}" + literal + "}" : "{" + literal + "}";
        }
        var given = Part(name.Given);
        var family = Part(name.Family);
        var particle = Part(name.Particle);
        var suffix = Part(name.Suffix);
        if (given is null && family is null && particle is null && suffix is null) return null;
        if (particle is not null && (family is null || !IsParticle(particle)))
        {
            // Not a run of lower-case words: it cannot stand as BibTeX's von part, so it joins the family name.
            family = family is null ? particle : particle + " " + family;
            particle = null;
        }
        var sb = new StringBuilder();
        if (particle is not null) sb.Append(particle).Append(' ');
        var familyText = family is null ? "" : IsPlainWord(family) ? family : "{" + family + "}";
        sb.Append(familyText);
        if (given is null && suffix is null)
        {
            // One braced word alone would read as a literal: close the von-Last part with a comma.
            if (particle is null && familyText.StartsWith('{')) sb.Append(',');
            return sb.ToString();
        }
        if (suffix is not null) sb.Append(", ").Append(IsPlainWord(suffix) ? suffix : "{" + suffix + "}");
        sb.Append(", ");
        if (given is not null) sb.Append(IsPlainWords(given) ? given : "{" + given + "}");
        return sb.ToString();
    }

    // Like LatexEncoder.Encode (whose brace escapes keep PersonName's brace count balanced), with white space other than the
    // space written as \char (a name's parts collapse every kind of white space).
    private static string NameEncode(string text, LatexTarget target)
    {
        var encoded = LatexEncoder.Encode(text, target);
        if (!encoded.Any(c => c != ' ' && char.IsWhiteSpace(c))) return encoded;
        var sb = new StringBuilder(encoded.Length + 16);
        foreach (var c in encoded)
        {
            if (c != ' ' && char.IsWhiteSpace(c)) sb.Append("\\char").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append("{}");
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsParticle(string text)
    {
        foreach (var word in text.Split(' '))
        {
            if (word.Length == 0 || !char.IsAsciiLetterLower(word[0]) || !word.All(char.IsAsciiLetter)) return false;
        }
        return true;
    }

    private static bool IsPlainWord(string text) =>
        text.Length > 0 && char.IsAsciiLetterUpper(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '\'')
        && !text.Contains("--", StringComparison.Ordinal) && !text.Contains("''", StringComparison.Ordinal);

    private static bool IsPlainWords(string text)
    {
        foreach (var word in text.Split(' '))
        {
            if (!IsPlainWord(word) || word.Equals("and", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    private static string ProtectSeparators(string encoded) =>
        encoded.Replace(",", "{,}", StringComparison.Ordinal).Replace(";", "{;}", StringComparison.Ordinal);

    // A field name BibTeX reads back: letters, digits and - _ : . + (not starting with a digit).
    private static bool IsFieldName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or ':' or '.' or '+');

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

    // haslam1992conclusions: first name's family (or literal) folded to ASCII lower case, the year, the first significant title word.
    internal static string CitationKey(Chapter chapter, List<PersonName> names)
    {
        var first = names.Count > 0 ? names[0] : null;
        var who = Fold(first?.Family ?? first?.Literal?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? first?.Given ?? "");
        var year = (chapter.PublicationDate ?? chapter.Book?.PublicationDate) is { } date ? date.Year.ToString(CultureInfo.InvariantCulture) : "";
        var word = "";
        foreach (var w in chapter.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = Fold(w);
            if (folded.Length == 0 || StopWords.Contains(folded)) continue;
            word = folded;
            break;
        }
        var key = who + year + word;
        return key.Length == 0 ? "chapter" : key;
    }

    private static string UniqueKey(string key, EmittedKeys keys)
    {
        if (keys.Add(key)) return key;
        for (var n = 1; ; n++)
        {
            var suffix = new StringBuilder();
            for (var k = n; k > 0; k = (k - 1) / 26) suffix.Insert(0, (char)('a' + ((k - 1) % 26)));
            var candidate = key + suffix;
            if (keys.Add(candidate)) return candidate;
        }
    }

    // ASCII lower-case letters and digits only: accents dropped (é -> e), special letters spelled out (ß -> ss), the rest removed.
    private static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
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
