using System.Diagnostics;
using System.Text;
using Xunit;

namespace ScholarlyRecord.Tests.Interop;

/// <summary>
/// Finds the reference clients (node + tests/interop/node_modules for citation-js, pandoc) and runs them. When one is
/// missing the test is skipped with a message, except under CI=true, where a missing tool is a failure.
/// </summary>
public static class InteropTools
{
    /// <summary>Process-level safety net so a hung tool cannot hang the run; not a test assertion.</summary>
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<string?> RepositoryRootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScholarlyRecord.sln"))) return dir.FullName;
        }

        return null;
    });

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? RepositoryRoot => RepositoryRootLazy.Value;

    public static string? InteropFolder => RepositoryRoot is { } root ? Path.Combine(root, "tests", "interop") : null;

    public static string? FindOnPath(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? new[] { program + ".exe", program + ".cmd" } : [program])
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }

        return null;
    }

    /// <summary>Skips (or, under CI, fails) unless node and the installed citation-js packages are present.</summary>
    public static void RequireCitationJs()
    {
        if (FindOnPath("node") is null) Missing("node is not on PATH");
        if (InteropFolder is not { } folder || !Directory.Exists(Path.Combine(folder, "node_modules", "@citation-js", "core")))
        {
            Missing("tests/interop/node_modules is not installed (run .ci/install-test-tools)");
        }
    }

    /// <summary>Skips (or, under CI, fails) unless pandoc is on PATH.</summary>
    public static void RequirePandoc()
    {
        if (FindOnPath("pandoc") is null) Missing("pandoc is not on PATH (run .ci/install-test-tools)");
    }

    /// <summary>Skips (or, under CI, fails) unless <paramref name="program"/> is on PATH.</summary>
    public static void RequireOnPath(string program)
    {
        if (FindOnPath(program) is null) Missing(program + " is not on PATH (run .ci/install-test-tools)");
    }

    /// <summary>
    /// Runs a program in <paramref name="workingDirectory"/> with no input and returns its exit code and output, whatever
    /// the exit code (bibtex exits with 1 when it warned); fails the test only when it does not finish in time.
    /// </summary>
    public static (int ExitCode, string Output, string Errors) RunForResult(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(FindOnPath(program) ?? program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ProcessTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail(program + " did not finish within the process safety limit of " + ProcessTimeout + ".");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static void Missing(string what)
    {
        if (IsCi) Assert.Fail("Interop tool missing under CI=true: " + what + ".");
        Assert.Skip("Interop tool missing: " + what + ". Run .ci/install-test-tools to enable this test.");
    }

    /// <summary>Runs a program with UTF-8 stdin/stdout; fails the test on a non-zero exit code, with stderr.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string input, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(FindOnPath(program) ?? program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(ProcessTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail(program + " did not finish within the process safety limit of " + ProcessTimeout + ".");
        }

        process.WaitForExit();
        var output = stdout.GetAwaiter().GetResult();
        var errors = stderr.GetAwaiter().GetResult();
        Assert.True(process.ExitCode == 0, program + " exited with " + process.ExitCode + ":\n" + errors);
        return output;
    }
}

/// <summary>citation-js through tests/interop/cite.mjs.</summary>
public static class CitationJs
{
    /// <summary>Converts <paramref name="input"/> from one format to another (csl, bibtex, biblatex, ris).</summary>
    public static string Convert(string input, string from, string to)
    {
        InteropTools.RequireCitationJs();
        var folder = InteropTools.InteropFolder!;
        return InteropTools.Run("node", [Path.Combine(folder, "cite.mjs"), from, to], input, folder);
    }
}

/// <summary>pandoc's citeproc readers and CSL-JSON writer.</summary>
public static class Pandoc
{
    /// <summary>Reads <paramref name="input"/> with pandoc's reader <paramref name="from"/> (csljson, bibtex, biblatex, ris) and writes CSL-JSON.</summary>
    public static string ToCslJson(string input, string from)
    {
        InteropTools.RequirePandoc();
        return InteropTools.Run("pandoc", ["-f", from, "-t", "csljson"], input);
    }
}
