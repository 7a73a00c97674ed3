using System.Runtime.CompilerServices;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Cli;

/// <summary>The one bridge between the library's streaming readers and writers and the commands.</summary>
internal static class RecordStreams
{
    /// <summary>UTF-8 without a byte order mark, for the tool's own text output.</summary>
    public static readonly System.Text.Encoding Utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The names of the readable formats, for messages.</summary>
    public static string[] ReadableNames { get; } = [.. RecordFormats.All.Where(f => f.CanRead).Select(f => f.Name)];

    /// <summary>The names and aliases <c>--from</c> accepts.</summary>
    public static string[] ReadableNamesAndAliases { get; } = [.. RecordFormats.All.Where(f => f.CanRead).SelectMany(f => f.Aliases.Prepend(f.Name))];

    /// <summary>The names and aliases <c>--to</c> accepts.</summary>
    public static string[] WritableNamesAndAliases { get; } = [.. RecordFormats.All.Where(f => f.CanWrite).SelectMany(f => f.Aliases.Prepend(f.Name))];

    /// <summary>The names of the writable formats, for messages.</summary>
    public static string[] WritableNames { get; } = [.. RecordFormats.All.Where(f => f.CanWrite).Select(f => f.Name)];

    /// <summary>
    /// The chapters of a streaming read: reports each record's diagnostics (with the record number added), calls
    /// <paramref name="onRecord"/> for each record, and ends quietly when <paramref name="cancellationToken"/> is
    /// cancelled, so that the writer still closes its document.
    /// </summary>
    /// <param name="records">The records, from <see cref="RecordFormat.ReadRecordsAsync(Stream, CancellationToken)"/>.</param>
    /// <param name="report">Receives each diagnostic.</param>
    /// <param name="onRecord">Called with each record (not with problems outside any record), before its chapter is handed on.</param>
    /// <param name="cancellationToken">Ends the sequence between records.</param>
    /// <returns>The chapters.</returns>
    public static async IAsyncEnumerable<Chapter> Chapters(IAsyncEnumerable<RecordResult> records, Action<Diagnostic> report, Action<RecordResult> onRecord,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = records.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    yield break;
                }
                if (!more) yield break;
                var record = enumerator.Current;
                foreach (var diagnostic in record.Diagnostics) report(record.Record > 0 && diagnostic.Record == 0 ? diagnostic with { Record = record.Record } : diagnostic);
                if (record.Record > 0) onRecord(record);
                if (record.Chapter is { } chapter) yield return chapter;
            }
        }
    }
}
