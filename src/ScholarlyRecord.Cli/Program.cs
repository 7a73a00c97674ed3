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
await using var output = Console.OpenStandardOutput();
var console = new CliConsole(input, output, Console.Error, !Console.IsErrorRedirected, TimeProvider.System);
return await ScholarlyCommand.RunAsync(args, console, cancellation.Token);
