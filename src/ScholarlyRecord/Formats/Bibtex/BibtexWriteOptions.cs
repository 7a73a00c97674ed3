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

    /// <summary>What each field line starts with; two spaces by default.</summary>
    public string Indent { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = "  ";
}
