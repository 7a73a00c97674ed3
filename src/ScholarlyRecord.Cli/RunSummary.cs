using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Cli;

/// <summary>
/// What a command did with its input, for the one-line summary every command ends with on standard error: records
/// read, written and skipped (by reason, and by record type for records that are not chapters), and the diagnostics by
/// severity.
/// </summary>
internal sealed partial class RunSummary
{
    /// <summary>The reason given for a record that is not a chapter.</summary>
    public const string NotAChapter = "not a chapter";

    /// <summary>The reason given for a record with an error that gave no chapter.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The reason given for a chapter the output could not carry.</summary>
    public const string NotWritten = "not carried by the output";

    // Each reader's "not a chapter" code.
    private static readonly HashSet<string> NotAChapterCodes = new(StringComparer.Ordinal)
    {
        BibtexCodes.NotAChapter, RisCodes.NotAChapter, EndnoteCodes.NotAChapter, CslJsonCodes.NotAChapter,
        CrossrefCodes.NotAChapter, SchemaOrgCodes.NotAChapter,
    };

    // Reason → record type (or "") → count, in the order first seen.
    private readonly Dictionary<string, Dictionary<string, long>> _skipped = new(StringComparer.Ordinal);

    /// <summary>The records read (BibTeX entries, RIS records, CSL items, DOIs looked up...).</summary>
    public long Read { get; set; }

    /// <summary>The records written (chapters, references).</summary>
    public long Written { get; set; }

    /// <summary>The records skipped, for any reason.</summary>
    public long Skipped => _skipped.Values.Sum(static types => types.Values.Sum());

    /// <summary>Counts a record read; one that gave no chapter is counted as skipped, with its reason and type.</summary>
    /// <param name="record">The record.</param>
    public void Count(RecordResult record)
    {
        Read++;
        if (record.Chapter is not null) return;
        var notAChapter = record.Diagnostics.FirstOrDefault(static d => NotAChapterCodes.Contains(d.Code));
        if (notAChapter is not null) Skip(NotAChapter, TypeIn(notAChapter.Message));
        else Skip(record.Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error) ? Unreadable : "no chapter", null);
    }

    /// <summary>Counts a skipped record.</summary>
    /// <param name="reason">Why it was skipped.</param>
    /// <param name="type">The record's type as its input names it, or null.</param>
    public void Skip(string reason, string? type)
    {
        if (!_skipped.TryGetValue(reason, out var types)) _skipped[reason] = types = new Dictionary<string, long>(StringComparer.Ordinal);
        types[type ?? string.Empty] = types.GetValueOrDefault(type ?? string.Empty) + 1;
    }

    /// <summary>
    /// The summary line: <c>scholarly: summary: 40 records read, 9 written, 31 skipped (not a chapter: 12 book, 9
    /// article...); 0 errors, 2 warnings, 31 infos</c>.
    /// </summary>
    /// <param name="severities">The diagnostics reported, by severity.</param>
    /// <param name="readNoun">What a record is (<c>record</c>, <c>DOI</c>), in the singular.</param>
    /// <param name="writtenVerb">What was done with the chapters (<c>written</c>, <c>cited</c>, <c>checked</c>).</param>
    /// <returns>The line.</returns>
    public string Line(Tally severities, string readNoun = "record", string writtenVerb = "written")
    {
        var line = new StringBuilder("scholarly: summary: ");
        line.Append(CultureInfo.InvariantCulture, $"{Counted(Read, readNoun)} read, {Count(Written)} {writtenVerb}, {Count(Skipped)} skipped");
        if (_skipped.Count > 0) line.Append(" (").Append(Details()).Append(')');
        line.Append(CultureInfo.InvariantCulture, $"; {Counted(severities.Errors, "error")}, {Counted(severities.Warnings, "warning")}, {Counted(severities.Infos, "info")}");
        return line.ToString();
    }

    /// <summary>
    /// Why nothing was written from an input that had records, or null when something was written or nothing was read.
    /// </summary>
    /// <param name="writtenVerb">What was done with the chapters (<c>written</c>, <c>cited</c>, <c>checked</c>).</param>
    /// <returns>The warning's text.</returns>
    public string? NothingWrittenReason(string writtenVerb = "written")
    {
        if (Read == 0 || Written > 0) return null;
        if (_skipped.Count == 1 && _skipped.TryGetValue(NotAChapter, out var types) && Skipped == Read)
        {
            return $"nothing was {writtenVerb}: none of the {Counted(Read, "record")} is a chapter ({Types(types)}).";
        }

        return _skipped.Count == 0 ? $"nothing was {writtenVerb}." : $"nothing was {writtenVerb}: {Details()}.";
    }

    private string Details() => string.Join("; ", _skipped.Select(static pair => pair.Value.Count == 1 && pair.Value.TryGetValue(string.Empty, out var untyped)
        ? $"{pair.Key}: {Count(untyped)}"
        : $"{pair.Key}: {Types(pair.Value)}"));

    // "4,839 article, 3 book", most frequent first; records with no known type are "untyped".
    private static string Types(Dictionary<string, long> types) => string.Join(", ", types
        .OrderByDescending(static t => t.Value).ThenBy(static t => t.Key, StringComparer.Ordinal)
        .Select(static t => $"{Count(t.Value)} {(t.Key.Length == 0 ? "untyped" : t.Key)}"));

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Counted(long value, string noun) => Count(value) + " " + noun + (value == 1 ? string.Empty : "s");

    /// <summary>
    /// The record type a reader's "not a chapter" message names: BibTeX's <c>@article{key}</c>, or the first quoted
    /// name (<c>'JOUR'</c>, <c>type 'book'</c>, <c>"journal-article"</c>).
    /// </summary>
    /// <param name="message">The message.</param>
    /// <returns>The type (BibTeX's in lower case), or null when the message names none.</returns>
    internal static string? TypeIn(string message)
    {
        if (message.Contains("no type", StringComparison.Ordinal) || message.Contains("without a type", StringComparison.Ordinal)) return null;
        var match = TypePattern().Match(message);
        if (!match.Success) return null;
        return match.Groups["bib"].Success ? match.Groups["bib"].Value.ToLowerInvariant() : match.Groups["quoted"].Value;
    }

    [GeneratedRegex("""^@(?<bib>[^{(\s]+)[{(]|['"](?<quoted>[^'"]+)['"]""", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();
}
