namespace ScholarlyRecord;

/// <summary>A person or organisation that contributed to a chapter or a book, in one role.</summary>
public sealed record Contributor
{
    /// <summary>The contributor's name.</summary>
    public required PersonName Name { get; init; }

    /// <summary>What the contributor did. Defaults to <see cref="ContributorRole.Author"/>.</summary>
    public ContributorRole Role { get; init; }

    /// <summary>The contributor's ORCID iD.</summary>
    public Orcid? Orcid { get; init; }

    /// <summary>The contributor's affiliations, as the source gives them.</summary>
    public IReadOnlyList<string> Affiliations { get; init => field = ValueList.From(value); } = ValueList<string>.Empty;
}

/// <summary>The part a contributor played.</summary>
public enum ContributorRole
{
    /// <summary>Wrote the work.</summary>
    Author,

    /// <summary>Edited the work.</summary>
    Editor,

    /// <summary>Translated the work.</summary>
    Translator,

    /// <summary>Edited the series.</summary>
    SeriesEditor,

    /// <summary>Contributed in another way.</summary>
    Contributor,
}
