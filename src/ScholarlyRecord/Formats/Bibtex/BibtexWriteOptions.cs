namespace ScholarlyRecord.Formats;

/// <summary>Which flavour of BibTeX <see cref="Bibtex"/> writes.</summary>
public enum BibtexDialect
{
    /// <summary>
    /// Classic BibTeX: ASCII only (every other character LaTeX-escaped), <c>year</c>/<c>month</c>, <c>address</c>, page ranges with <c>--</c>.
    /// </summary>
    Bibtex,

    /// <summary>BibLaTeX (read by biber): UTF-8 text, an ISO 8601/EDTF <c>date</c>, <c>location</c>.</summary>
    Biblatex,
}

/// <summary>
/// How <see cref="Bibtex"/> writes chapters. Immutable: change a copy with <c>with</c>, such as
/// <c>BibtexWriteOptions.Default with { Dialect = BibtexDialect.Biblatex }</c>.
/// </summary>
public sealed record BibtexWriteOptions
{
    /// <summary>The defaults: <see cref="BibtexDialect.Bibtex"/>, line breaks <c>\n</c>, fields indented by two spaces.</summary>
    public static BibtexWriteOptions Default { get; } = new();

    /// <summary>The dialect; <see cref="BibtexDialect.Bibtex"/> by default.</summary>
    public BibtexDialect Dialect { get; init; } = BibtexDialect.Bibtex;

    /// <summary>The line break between lines: <see cref="LineEnding.Lf"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="LineEnding"/>.</exception>
    public LineEnding NewLine { get; init => field = LineEndings.Checked(value, nameof(value)); } = LineEnding.Lf;

    internal string NewLineText => LineEndings.Text(NewLine);

    /// <summary>
    /// Whether the <see cref="BibtexDialect.Biblatex"/> dialect also writes fields that biblatex's data model does not have
    /// for <c>@incollection</c> and <c>@inbook</c>: <c>copyright</c>, the series' <c>issn</c>, an <c>isbn</c> with more than
    /// one ISBN (biblatex's holds one: without this option only the book's first ISBN is written), and extra fields read
    /// from BibTeX under other names (such as JabRef's <c>timestamp</c>) or with an <c>isbn</c> that was not an ISBN. Off by default, so that
    /// <c>biber --validate-datamodel</c> accepts the output without a warning and those values are left out; on, the
    /// output keeps them (and reads back with them) but biber warns about each such field. The
    /// <see cref="BibtexDialect.Bibtex"/> dialect always writes them: BibTeX's styles ignore fields they do not use.
    /// </summary>
    public bool IncludeNonstandardFields { get; init; }

    /// <summary>What each field line starts with; two spaces by default.</summary>
    public string Indent { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = "  ";
}
