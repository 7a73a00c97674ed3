using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Cli;

/// <summary>A usage mistake found after parsing (an unknown format, a glob that matches nothing): exit code 2.</summary>
/// <param name="message">What is wrong and what to do instead.</param>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Opening inputs and outputs: <c>-</c> is standard input or output; formats come from the name or the extension.</summary>
internal static class Inputs
{
    /// <summary>The name diagnostics give standard input.</summary>
    public const string StdinName = "<stdin>";

    /// <summary>The format to read <paramref name="path"/> with: <paramref name="from"/> when given, else the one its extension names.</summary>
    /// <param name="path">The input path, or <c>-</c>.</param>
    /// <param name="from">The <c>--from</c> value, or null.</param>
    /// <returns>A readable format.</returns>
    /// <exception cref="UsageException">No readable format fits.</exception>
    public static RecordFormat ReadFormat(string path, string? from)
    {
        if (from is not null) return RecordFormats.FindByName(from) ?? throw new UsageException($"unknown format '{from}'.");
        if (path == "-") throw new UsageException("standard input has no extension: name its format with --from.");
        var format = RecordFormats.FindByPath(path)
            ?? throw new UsageException($"no format uses the extension of '{path}': name one with --from ({string.Join(", ", RecordStreams.ReadableNames)}).");
        if (ClaimedBySeveral(format, path)) format = Sniff(path) ?? format;
        if (!format.CanRead) throw new UsageException($"the {format.Name} format cannot be read.");
        return format;
    }

    // True when other readable formats claim the same extension as the one that won (.json: the library's JSON,
    // CSL-JSON and Crossref), so that the content must decide.
    private static bool ClaimedBySeveral(RecordFormat format, string path)
    {
        var extension = format.FileExtensions.Where(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)).MaxBy(e => e.Length);
        return extension is not null && RecordFormats.All.Count(f => f.CanRead && f.FileExtensions.Any(e => string.Equals(e, extension, StringComparison.OrdinalIgnoreCase))) > 1;
    }

    // The format the file's first 64 KiB show (RecordFormats.FindByContent), or null when it cannot be read or the
    // bytes do not say; reading it whole is then left to the command, which reports the problem.
    private static RecordFormat? Sniff(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: false);
            var start = new byte[64 * 1024];
            var length = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            return RecordFormats.FindByContent(start.AsSpan(0, length));
        }
        catch (Exception ex) when (IsIoProblem(ex))
        {
            return null;
        }
    }

    /// <summary>The format to write: <paramref name="to"/> when given, else the one the output file's extension names.</summary>
    /// <param name="output">The <c>-o</c> value, or null for standard output.</param>
    /// <param name="to">The <c>--to</c> value, or null.</param>
    /// <returns>A writable format.</returns>
    /// <exception cref="UsageException">No writable format fits.</exception>
    public static RecordFormat WriteFormat(string? output, string? to)
    {
        if (to is not null) return RecordFormats.FindByName(to) ?? throw new UsageException($"unknown format '{to}'.");
        if (output is null or "-") throw new UsageException($"name the output format with --to ({string.Join(", ", RecordStreams.WritableNames)}).");
        var format = RecordFormats.FindByPath(output)
            ?? throw new UsageException($"no format uses the extension of '{output}': name one with --to ({string.Join(", ", RecordStreams.WritableNames)}).");
        if (!format.CanWrite) throw new UsageException($"the {format.Name} format cannot be written.");
        return format;
    }

    /// <summary>Opens an input for reading, counting the bytes read (for progress).</summary>
    /// <param name="path">A file path, or <c>-</c> for standard input.</param>
    /// <param name="console">The console.</param>
    /// <returns>The stream (standard input is left open when it is disposed).</returns>
    public static CountingStream Open(string path, CliConsole console) => path == "-"
        ? new CountingStream(console.Input, leaveOpen: true)
        : new CountingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: false), leaveOpen: false);

    /// <summary>The name diagnostics give an input.</summary>
    /// <param name="path">The path as given.</param>
    /// <returns>The path, or <see cref="StdinName"/>.</returns>
    public static string DisplayName(string path) => path == "-" ? StdinName : path;

    /// <summary>
    /// Opens an output: standard output for null or <c>-</c>, else an <see cref="AtomicOutputFile"/> that replaces the
    /// file only when <see cref="Commit"/> is called at the end of a run that wrote everything.
    /// </summary>
    /// <param name="path">The <c>-o</c> value.</param>
    /// <param name="console">The console.</param>
    /// <returns>The stream, and whether the caller owns (and must dispose) it.</returns>
    /// <remarks>
    /// A symbolic link is followed, so the file it names is the one replaced and the link stays. Device and process
    /// files (<c>/dev/null</c>, <c>/dev/stdout</c>, anything under <c>/dev/</c> or <c>/proc/</c>) are written in place:
    /// renaming over them is never right.
    /// </remarks>
    public static (Stream Stream, bool Owned) Create(string? path, CliConsole console)
    {
        if (path is null or "-") return (console.Output, false);
        var target = File.Exists(path) && File.ResolveLinkTarget(path, returnFinalTarget: true) is { } link ? link.FullName : Path.GetFullPath(path);
        return IsSpecialFile(target)
            ? (new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024), true)
            : (new AtomicOutputFile(target), true);
    }

    private static bool IsSpecialFile(string fullPath) =>
        !OperatingSystem.IsWindows() && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal));

    /// <summary>Ends a run's output: an <c>-o</c> file takes the place of the target now; standard output is left as it is.</summary>
    /// <param name="output">The stream <see cref="Create"/> gave.</param>
    public static void Commit(Stream output)
    {
        if (output is AtomicOutputFile file) file.Commit();
    }

    /// <summary>True when two paths name the same file (compared as full paths, with the platform's case rules).</summary>
    /// <param name="first">A path.</param>
    /// <param name="second">Another path.</param>
    /// <returns>True when they are the same file.</returns>
    public static bool SameFile(string first, string second) => string.Equals(
        Path.GetFullPath(first),
        Path.GetFullPath(second),
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>True when the exception is a problem with a file or a stream rather than a bug.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>True for I/O and access errors.</returns>
    public static bool IsIoProblem(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <summary>
    /// True when writing failed because the reader of a pipe has gone (<c>scholarly ... | head -1</c>): EPIPE on
    /// Unix, ERROR_BROKEN_PIPE or ERROR_NO_DATA on Windows.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>True for a closed pipe.</returns>
    public static bool IsClosedPipe(Exception exception) =>
        exception is IOException { HResult: 32 or unchecked((int)0x8007006D) or unchecked((int)0x800700E8) };
}
