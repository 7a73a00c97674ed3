namespace ScholarlyRecord.Citations;

/// <summary>One cite in a citation: an item id with an optional locator, label and affixes.</summary>
/// <param name="Id">The id of a registered item.</param>
public sealed record CslCite(string Id)
{
    /// <summary>The locator, such as <c>12-15</c>.</summary>
    public string? Locator { get; init; }

    /// <summary>The locator's type (a CSL locator term such as <c>page</c>, <c>chapter</c>); null means page.</summary>
    public string? Label { get; init; }

    /// <summary>Text before the cite (may hold the CSL rich-text markup).</summary>
    public string? Prefix { get; init; }

    /// <summary>Text after the cite.</summary>
    public string? Suffix { get; init; }

    /// <summary>Leave the author out (for <c>Doe says (2020)</c>).</summary>
    public bool SuppressAuthor { get; init; }

    /// <summary>A position forced by the caller (0 first, 1 subsequent, 2 ibid, 3 ibid-with-locator), as the test-suite gives.</summary>
    internal int? ForcedPosition { get; init; }

    /// <summary>A near-note flag forced by the caller.</summary>
    internal bool? ForcedNearNote { get; init; }
}

/// <summary>A citation: one or more cites rendered together, with its footnote number for note styles.</summary>
public sealed class CslCitation
{
    /// <summary>Creates a citation.</summary>
    /// <param name="cites">The cites, in the order written.</param>
    /// <param name="noteIndex">The footnote number (0 when the citation is in the text).</param>
    public CslCitation(IEnumerable<CslCite> cites, int noteIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(cites);
        Cites = cites.ToArray();
        NoteIndex = noteIndex;
    }

    /// <summary>The cites.</summary>
    public IReadOnlyList<CslCite> Cites { get; }

    /// <summary>The footnote number, or 0.</summary>
    public int NoteIndex { get; }
}
