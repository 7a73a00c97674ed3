namespace ScholarlyRecord.Formats;

/// <summary>
/// The names of a name field (<c>author</c>, <c>editor</c>, ...), split on <c>and</c> at brace depth 0.
/// A final <c>and others</c> is not a name: it sets <see cref="EtAl"/> instead.
/// </summary>
public sealed class BibtexNameList
{
    internal static readonly BibtexNameList Empty = new([], false);

    internal BibtexNameList(IReadOnlyList<PersonName> names, bool etAl)
    {
        Names = names;
        EtAl = etAl;
    }

    /// <summary>The names in order, without the <c>others</c> marker.</summary>
    public IReadOnlyList<PersonName> Names { get; }

    /// <summary>True when the list ended with <c>and others</c> (BibTeX's "et al.").</summary>
    public bool EtAl { get; }
}
