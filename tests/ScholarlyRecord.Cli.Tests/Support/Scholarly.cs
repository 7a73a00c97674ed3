using System.Diagnostics;
using System.Text;
using Xunit;

namespace ScholarlyRecord.Cli.Tests.Support;

/// <summary>What a run of the command gave: its exit code, standard output (bytes and text) and standard error.</summary>
public sealed record CliResult(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    /// <summary>Standard error's lines.</summary>
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Standard error's lines without the summary every command ends with (and the warning that may precede it).</summary>
    public string[] DiagnosticLines => [.. StderrLines.Where(line => !line.StartsWith(SummaryPrefix, StringComparison.Ordinal) && !line.StartsWith("scholarly: warning: nothing was ", StringComparison.Ordinal))];

    /// <summary>The summary line, which must be standard error's last line.</summary>
    public string Summary
    {
        get
        {
            var lines = StderrLines;
            Assert.True(lines.Length > 0 && lines[^1].StartsWith(SummaryPrefix, StringComparison.Ordinal), "standard error does not end with the summary:\n" + Stderr);
            return lines[^1];
        }
    }

    public const string SummaryPrefix = "scholarly: summary: ";

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs <c>scholarly</c> in-process (through the same entry point as the program) or as a separate process.</summary>
public static class Scholarly
{
    /// <summary>Runs the command in this process with in-memory standard streams.</summary>
    public static async Task<CliResult> RunAsync(string[] args, byte[]? stdin = null, CancellationToken cancellationToken = default)
    {
        using var input = new MemoryStream(stdin ?? []);
        return await RunAsync(args, input, cancellationToken);
    }

    /// <summary>Runs the command in this process, reading standard input from <paramref name="input"/>.</summary>
    public static async Task<CliResult> RunAsync(string[] args, Stream input, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = await ScholarlyCommand.RunAsync(args, CliConsole.Redirected(input, output, error), cancellationToken);
        return new CliResult(exitCode, output.ToArray(), error.ToString());
    }

    /// <summary>The built tool: scholarly.dll from the CLI project's output for this configuration.</summary>
    public static string ToolPath
    {
        get
        {
            var here = AppContext.BaseDirectory; // tests/ScholarlyRecord.Cli.Tests/bin/<Configuration>/net10.0/
            var copied = Path.Combine(here, "scholarly.dll");
            if (File.Exists(copied) && File.Exists(Path.Combine(here, "scholarly.runtimeconfig.json"))) return copied;
            var framework = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var root = framework.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(root, "src", "ScholarlyRecord.Cli", "bin", configuration, framework.Name, "scholarly.dll");
        }
    }

    /// <summary>Runs the built tool as a process: <c>dotnet scholarly.dll args</c>.</summary>
    public static async Task<CliResult> RunProcessAsync(string[] args, byte[]? stdin = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        using var stdout = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(stdout, cancellationToken);
        var readingErrors = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null) await process.StandardInput.BaseStream.WriteAsync(stdin, cancellationToken);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        await reading;
        return new CliResult(process.ExitCode, stdout.ToArray(), await readingErrors);
    }

    public static CancellationToken Token => TestContext.Current.CancellationToken;
}
