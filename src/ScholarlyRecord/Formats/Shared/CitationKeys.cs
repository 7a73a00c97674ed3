namespace ScholarlyRecord.Formats;

/// <summary>
/// The citation-key rules every writer shares (docs/formats.md, "Citation keys"): a chapter's own
/// <see cref="Chapter.CitationKey"/> is written unchanged when the format can carry it, a key is made up (by the
/// format's own generator) only where the format needs one and the chapter has none, and a key already written in the
/// file gets the letter suffix of <see cref="EmittedKeys.Unique"/>.
/// </summary>
internal sealed class CitationKeys
{
    private readonly EmittedKeys _keys = new();

    /// <summary>The key to write for a format that always needs one (CSL-JSON): the chapter's own, else the one <paramref name="generate"/> makes; unique in the file.</summary>
    public string Required(Chapter chapter, Func<Chapter, string> generate) =>
        _keys.Unique(IsTextKey(chapter.CitationKey) ? chapter.CitationKey! : generate(chapter));

    /// <summary>The key to write for a format where the key is optional (RIS <c>ID</c>, EndNote <c>%F</c>): the chapter's own, unique in the file, or null.</summary>
    public string? Optional(Chapter chapter) =>
        IsTextKey(chapter.CitationKey) ? _keys.Unique(chapter.CitationKey!) : null;

    /// <summary>Whether a key can be written as one line of text: not empty, no control characters (line breaks included).</summary>
    public static bool IsTextKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return false;
        foreach (var c in key)
        {
            if (char.IsControl(c)) return false;
        }
        return true;
    }

    /// <summary>Whether BibTeX and biber read a key back as written: a text key without white space and without <c>, { } ( ) " # % ' = \ ~</c>.</summary>
    public static bool IsBibtexKey(string? key)
    {
        if (!IsTextKey(key)) return false;
        foreach (var c in key!)
        {
            if (char.IsWhiteSpace(c) || c is ',' or '{' or '}' or '(' or ')' or '"' or '#' or '%' or '\'' or '=' or '\\' or '~') return false;
        }
        return true;
    }

    /// <summary>A key as read: as it is, or null when empty or white space only.</summary>
    public static string? Read(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
