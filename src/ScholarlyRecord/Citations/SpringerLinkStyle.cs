using System.Globalization;
using System.Text;

namespace ScholarlyRecord.Citations;

/// <summary>
/// SpringerLink's "Cite this chapter" line:
/// <c>Authors (Year). Title. In: Editors (eds) Book Title. Series, vol N. Publisher, Place. https://doi.org/…</c>.
/// Parts the chapter lacks are left out with their punctuation; docs/citation-styles.md gives every rule.
/// </summary>
internal sealed class SpringerLinkStyle() : CitationStyle("springer-link", "SpringerLink \"Cite this chapter\"", null)
{
    /// <summary>With more names than this, only the first is written, followed by " et al.".</summary>
    internal const int MaxNamesListed = 6;

    internal override string Format(Chapter chapter, CitationOutput output)
    {
        var writer = new CitationWriter(output == CitationOutput.Html);
        Write(chapter, writer);
        return writer.ToString();
    }

    private static void Write(Chapter chapter, CitationWriter writer)
    {
        var authors = WriteNames(writer, chapter.Contributors, ContributorRole.Author);
        if (authors == 0)
        {
            WriteTitle(writer, chapter.Title, chapter.Subtitle);
            writer.EndPart();
            WriteYear(writer, chapter);
            writer.Text(". ");
        }
        else
        {
            writer.Text(' ');
            WriteYear(writer, chapter);
            writer.Text(". ");
            WriteTitle(writer, chapter.Title, chapter.Subtitle);
            writer.EndPart();
        }

        var book = chapter.Book;
        if (book is not null)
        {
            var hasTitle = !string.IsNullOrEmpty(book.Title);
            if (hasTitle || HasRole(book.Contributors, ContributorRole.Editor))
            {
                writer.Text("In: ");
                var editors = WriteNames(writer, book.Contributors, ContributorRole.Editor);
                if (editors > 0) writer.Text(editors == 1 ? " (ed)" : " (eds)");
                if (hasTitle)
                {
                    if (editors > 0) writer.Text(' ');
                    WriteTitle(writer, book.Title, book.Subtitle);
                }

                writer.EndPart();
            }

            var series = book.Series;
            if (series is not null && !string.IsNullOrEmpty(series.Title))
            {
                writer.Text(series.Title);
                if (!string.IsNullOrEmpty(series.Volume)) writer.Text(", vol ").Text(series.Volume);
                writer.EndPart();
            }

            var publisher = book.Publisher;
            if (publisher is not null && (!string.IsNullOrEmpty(publisher.Name) || !string.IsNullOrEmpty(publisher.Location)))
            {
                writer.Text(publisher.Name);
                if (!string.IsNullOrEmpty(publisher.Name) && !string.IsNullOrEmpty(publisher.Location)) writer.Text(", ");
                writer.Text(publisher.Location);
                writer.EndPart();
            }
        }

        if (chapter.Doi is { } doi) writer.Url(doi.ToUri().AbsoluteUri);
    }

    private static void WriteYear(CitationWriter writer, Chapter chapter)
    {
        var date = chapter.PublicationDate ?? chapter.Book?.PublicationDate;
        if (date is { } d) writer.Text('(').Text(d.Year.ToString(CultureInfo.InvariantCulture)).Text(')');
        else writer.Text("(n.d.)");
    }

    private static void WriteTitle(CitationWriter writer, string? title, string? subtitle)
    {
        writer.Text(title);
        if (string.IsNullOrEmpty(subtitle)) return;
        if (!string.IsNullOrEmpty(title)) writer.Text(": ");
        writer.Text(subtitle);
    }

    private static bool HasRole(IReadOnlyList<Contributor> contributors, ContributorRole role)
    {
        for (var i = 0; i < contributors.Count; i++)
        {
            if (contributors[i].Role == role) return true;
        }

        return false;
    }

    // Writes "Smith, J., Jones, K." (all names up to MaxNamesListed, else "Smith, J. et al.") and returns how many
    // contributors had the role.
    private static int WriteNames(CitationWriter writer, IReadOnlyList<Contributor> contributors, ContributorRole role)
    {
        var count = 0;
        for (var i = 0; i < contributors.Count; i++)
        {
            if (contributors[i].Role == role) count++;
        }

        if (count == 0) return 0;
        var written = 0;
        for (var i = 0; i < contributors.Count; i++)
        {
            if (contributors[i].Role != role) continue;
            if (written > 0) writer.Text(", ");
            WriteName(writer, contributors[i].Name);
            written++;
            if (count > MaxNamesListed)
            {
                writer.Text(" et al.");
                break;
            }
        }

        return count;
    }

    // "Family, I." with the particle before the family name and the suffix after it: "van Gogh, V.", "King Jr., M.L.".
    private static void WriteName(CitationWriter writer, PersonName name)
    {
        if (!string.IsNullOrEmpty(name.Literal))
        {
            writer.Text(name.Literal);
            return;
        }

        var wroteFamily = false;
        if (!string.IsNullOrEmpty(name.Particle))
        {
            writer.Text(name.Particle);
            wroteFamily = true;
        }

        if (!string.IsNullOrEmpty(name.Family))
        {
            if (wroteFamily) writer.Text(' ');
            writer.Text(name.Family);
            wroteFamily = true;
        }

        if (!string.IsNullOrEmpty(name.Suffix) && wroteFamily) writer.Text(' ').Text(name.Suffix);
        if (string.IsNullOrEmpty(name.Given)) return;
        if (!wroteFamily)
        {
            // A name with only given names (a mononym such as "Plato") is written whole.
            writer.Text(name.Given);
            return;
        }

        var initials = Initials(name.Given);
        if (initials.Length == 0) return;
        writer.Text(", ").Text(initials);
    }

    /// <summary>
    /// The initials of given names as SpringerLink writes them: one letter and a full stop per name
    /// ("Mary Ann" and "M. A." give "M.A."), the parts of a hyphenated name run together before one full stop
    /// ("Jean-Paul" gives "JP.", "Tsung-Yi" gives "TY."). A part with no letter is skipped.
    /// </summary>
    internal static string Initials(string given)
    {
        var builder = new StringBuilder(8);
        var atWordStart = true;
        var wordHasInitial = false;
        var i = 0;
        while (i < given.Length)
        {
            var c = given[i];
            if (char.IsWhiteSpace(c) || c == '.')
            {
                if (wordHasInitial) builder.Append('.');
                wordHasInitial = false;
                atWordStart = true;
                i++;
                continue;
            }

            if (c is '-' or '\u2010' or '\u2011')
            {
                atWordStart = true;
                i++;
                continue;
            }

            if (Rune.DecodeFromUtf16(given.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                i++;
                continue;
            }

            if (atWordStart && Rune.IsLetter(rune))
            {
                builder.Append(given, i, consumed);
                wordHasInitial = true;
                atWordStart = false;
            }

            i += consumed;
        }

        if (wordHasInitial) builder.Append('.');
        return builder.ToString();
    }
}
