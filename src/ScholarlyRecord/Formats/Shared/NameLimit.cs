using System.Globalization;
using System.Runtime.CompilerServices;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The limit on names per record (<c>MaxNames</c> of every read options record): the chapter's own contributors and its
/// book's together. A chapter over the limit keeps its first names (the chapter's before the book's) and gets a warning
/// that names the record; the rest of the record is kept.
/// </summary>
internal readonly record struct NameLimit(int Max, string Code, string OptionName)
{
    /// <summary>The default of every <c>MaxNames</c>: far above the largest author lists of real records (a few thousand).</summary>
    public const int DefaultMax = 10_000;

    /// <summary>No limit: for formats built without options that carry one.</summary>
    public static NameLimit None => new(int.MaxValue, "", "");

    /// <summary>Applies the limit to each record as it passes.</summary>
    public IEnumerable<RecordResult> Apply(IEnumerable<RecordResult> records) => Max == int.MaxValue ? records : Each(this, records);

    /// <summary>Applies the limit to each record as it passes, asynchronously.</summary>
    public IAsyncEnumerable<RecordResult> ApplyAsync(IAsyncEnumerable<RecordResult> records, CancellationToken cancellationToken) =>
        Max == int.MaxValue ? records : EachAsync(this, records, cancellationToken);

    private static IEnumerable<RecordResult> Each(NameLimit limit, IEnumerable<RecordResult> records)
    {
        foreach (var record in records) yield return limit.Apply(record);
    }

    private static async IAsyncEnumerable<RecordResult> EachAsync(NameLimit limit, IAsyncEnumerable<RecordResult> records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return limit.Apply(record);
    }

    /// <summary>The record, or a copy whose chapter keeps only the first <see cref="Max"/> names, with the warning added.</summary>
    public RecordResult Apply(RecordResult record)
    {
        if (record.Chapter is not { } chapter) return record;
        var own = chapter.Contributors.Count;
        var book = chapter.Book?.Contributors.Count ?? 0;
        if ((long)own + book <= Max) return record;

        var keepOwn = Math.Min(own, Max);
        var keepBook = Max - keepOwn;
        var limited = chapter with { Contributors = chapter.Contributors.Take(keepOwn).ToList() };
        if (chapter.Book is { } source && keepBook < book) limited = limited with { Book = source with { Contributors = source.Contributors.Take(keepBook).ToList() } };

        var key = chapter.CitationKey ?? chapter.Doi?.ToString();
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Record {record.Record} (\"{Shorten(chapter.Title)}\"{(key is null ? "" : ", " + key)}) has {own + book} names, more than {Max} ({OptionName}); the first {Max} are kept, the other {own + book - Max} are dropped.");
        var warning = DiagnosticCatalogue.Create(Code, message) with { Record = record.Record, RecordKey = key };
        return record with { Chapter = limited, Diagnostics = [.. record.Diagnostics, warning] };
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}
