using System.Runtime.CompilerServices;
using System.Threading.Channels;
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
        await foreach (var prepared in Chapters(Unprepared(records, cancellationToken), report, onRecord, cancellationToken).ConfigureAwait(false))
        {
            yield return prepared.Record.Chapter!;
        }
    }

    /// <summary>
    /// As <see cref="Chapters(IAsyncEnumerable{RecordResult}, Action{Diagnostic}, Action{RecordResult}, CancellationToken)"/>,
    /// over records that come with work done on their chapters (see <see cref="ReadAhead"/> and <see cref="Inline"/>):
    /// yields each record that has a chapter, with its work.
    /// </summary>
    /// <typeparam name="T">What the work gives.</typeparam>
    /// <param name="records">The records and their work.</param>
    /// <param name="report">Receives each diagnostic of the reader.</param>
    /// <param name="onRecord">Called with each record, before it is handed on.</param>
    /// <param name="cancellationToken">Ends the sequence between records.</param>
    /// <returns>The records with a chapter.</returns>
    public static async IAsyncEnumerable<Prepared<T>> Chapters<T>(IAsyncEnumerable<Prepared<T>> records, Action<Diagnostic> report, Action<RecordResult> onRecord,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = records.GetAsyncEnumerator(cancellationToken);
        var heap = new HeapBound();
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
                var prepared = enumerator.Current;
                var record = prepared.Record;
                foreach (var diagnostic in record.Diagnostics) report(record.Record > 0 && diagnostic.Record == 0 ? diagnostic with { Record = record.Record } : diagnostic);
                if (record.Record > 0) onRecord(record);
                heap.Record();
                if (record.Chapter is not null) yield return prepared;
            }
        }
    }

    /// <summary>The records with their work done here, on the caller's thread, when each is reached (<c>--jobs 1</c>).</summary>
    /// <typeparam name="T">What the work gives.</typeparam>
    /// <param name="records">The records.</param>
    /// <param name="work">The work on each chapter.</param>
    /// <param name="cancellationToken">Passed to the records.</param>
    /// <returns>The records and their work.</returns>
    public static async IAsyncEnumerable<Prepared<T>> Inline<T>(IAsyncEnumerable<RecordResult> records, Func<Chapter, T> work,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new Prepared<T>(record, record.Chapter is { } chapter ? work(chapter) : default);
        }
    }

    /// <summary>
    /// <c>--jobs N</c>: reads the records on a task of their own and runs <paramref name="work"/> on their chapters on up
    /// to <paramref name="jobs"/> threads, while the caller takes them in the order read. The records travel in batches
    /// (up to <see cref="BatchSize"/>, fewer whenever the caller is waiting, so a slow input is not held back) through
    /// a channel of a few batches per job, so memory stays flat whatever the input's size; the order of the records,
    /// and so of everything written about them, is the reader's.
    /// </summary>
    /// <typeparam name="T">What the work gives.</typeparam>
    /// <param name="records">The records (not yet enumerated).</param>
    /// <param name="jobs">The threads for the work, 2 or more.</param>
    /// <param name="work">The work on each chapter; null for none (the read alone runs ahead of the caller).</param>
    /// <param name="cancellationToken">Stops the read; the records already read are still handed on.</param>
    /// <returns>The records and their work, in order.</returns>
    public static async IAsyncEnumerable<Prepared<T>> ReadAhead<T>(IAsyncEnumerable<RecordResult> records, int jobs, Func<Chapter, T>? work,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 2);
        var channel = Channel.CreateBounded<Batch<T>>(new BoundedChannelOptions(jobs * 2) { SingleReader = true, SingleWriter = true });
        var workers = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, jobs).ConcurrentScheduler;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            var pending = new List<RecordResult>(BatchSize);
            try
            {
                await foreach (var record in records.WithCancellation(stop.Token).ConfigureAwait(false))
                {
                    pending.Add(record);
                    if (pending.Count == BatchSize || channel.Reader.Count == 0) await SendAsync().ConfigureAwait(false);
                }
                if (pending.Count > 0) await SendAsync().ConfigureAwait(false);
            }
            finally
            {
                channel.Writer.Complete();
            }

            async Task SendAsync()
            {
                RecordResult[] batch = [.. pending];
                pending.Clear();
                var done = work is null ? null : Task.Factory.StartNew(() => Array.ConvertAll<RecordResult, T?>(batch, r => r.Chapter is { } c ? work(c) : default),
                    CancellationToken.None, TaskCreationOptions.DenyChildAttach, workers);
                await channel.Writer.WriteAsync(new Batch<T>(batch, done), stop.Token).ConfigureAwait(false);
            }
        }, CancellationToken.None);

        try
        {
            while (await channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    var results = batch.Work is null ? null : await batch.Work.ConfigureAwait(false);
                    for (var i = 0; i < batch.Records.Length; i++) yield return new Prepared<T>(batch.Records[i], results is null ? default : results[i]);
                }
            }
        }
        finally
        {
            // Normally the producer has finished; when the caller stops early (an error, a closed pipe) it is told to.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                // A read error surfaces here, as it would from the records themselves.
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Cancelled by Ctrl+C or by the caller leaving: the records read so far were handed on.
            }
        }
    }

    /// <summary>
    /// Keeps a long stream's heap small: every <see cref="Interval"/> bytes allocated (checked every 1,024 records) it
    /// asks for a full, compacting collection. A stream keeps almost nothing from one record to the next, but what is
    /// in flight when a young collection runs is promoted, and the runtime lets such garbage pile up in the oldest
    /// generation for a long time: converting a 1 GiB BibTeX file, gen2 grew to 24 MB and the process to 104 MB. A
    /// full collection of this small heap costs a few milliseconds, a handful of times per gigabyte allocated.
    /// </summary>
    private struct HeapBound
    {
        /// <summary>The bytes allocated between two full collections.</summary>
        public const long Interval = 512L * 1024 * 1024;

        private long _next;
        private int _records;

        public void Record()
        {
            if ((++_records & 1023) != 0) return;
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            if (_next == 0) _next = allocated + Interval;
            if (allocated < _next) return;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            _next = GC.GetTotalAllocatedBytes(precise: false) + Interval;
        }
    }

    /// <summary>The most records <see cref="ReadAhead"/> sends through its channel at once.</summary>
    public const int BatchSize = 32;

    private static async IAsyncEnumerable<Prepared<object>> Unprepared(IAsyncEnumerable<RecordResult> records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The records' own enumerator is created by Chapters with the token; this only wraps each one.
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return new Prepared<object>(record, null);
    }
}

/// <summary>A record read, and what the work on its chapter gave (default when it has none, or no work was asked for).</summary>
/// <typeparam name="T">What the work gives.</typeparam>
/// <param name="Record">The record.</param>
/// <param name="Work">What the work gave.</param>
internal readonly record struct Prepared<T>(RecordResult Record, T? Work);

/// <summary>Records read in a row, and the work on their chapters (one result per record).</summary>
/// <typeparam name="T">What the work gives.</typeparam>
/// <param name="Records">The records.</param>
/// <param name="Work">The work, or null.</param>
internal sealed record Batch<T>(RecordResult[] Records, Task<T?[]>? Work);
