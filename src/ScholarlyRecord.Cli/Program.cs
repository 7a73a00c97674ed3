using ScholarlyRecord.Cli;

// The process entry point: the real standard streams, and Ctrl+C turned into a cancellation. The first Ctrl+C asks
// the running command to stop after the record it is writing (it then closes its output and exits with 130); a
// second one ends the process at once.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (cancellation.IsCancellationRequested) return;
    e.Cancel = true;
    cancellation.Cancel();
};

await using var input = Console.OpenStandardInput();
await using var output = OpenStandardOutput();
var console = new CliConsole(input, output, Console.Error, !Console.IsErrorRedirected, TimeProvider.System);
return await ScholarlyCommand.RunAsync(args, console, cancellation.Token);

// On Unix, a pipe or terminal on standard output is opened as a plain stream on descriptor 1 rather than through
// Console, which drops writes to a closed pipe silently: this way a write to a pipe whose reader has gone
// (`| head -1`) fails with EPIPE, and the command stops reading and ends quietly with exit code 0 instead of working
// through the rest of its input. A file keeps Console's stream, which writes at the shared offset (`>>`, `{ ...; } >`).
static Stream OpenStandardOutput()
{
    if (OperatingSystem.IsWindows()) return Console.OpenStandardOutput();
    try
    {
        var stream = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        if (!stream.CanSeek) return stream;
        stream.Dispose();
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
    {
        // Not a usable descriptor: Console copes with a closed or odd standard output.
    }

    return Console.OpenStandardOutput();
}
