using System.CommandLine;

namespace ScholarlyRecord.Cli;

/// <summary>The options several commands share, made fresh for each command (an option belongs to one command).</summary>
internal static class CommonOptions
{
    /// <summary><c>--from</c>/<c>-f</c>: the input format, when the extension does not say it.</summary>
    /// <returns>The option.</returns>
    public static Option<string> From()
    {
        var option = new Option<string>("--from", "-f")
        {
            Description = "The input format; by default the one the file's extension names (needed for standard input).",
            HelpName = "format",
        };
        option.AcceptOnlyFromAmong(RecordStreams.ReadableNamesAndAliases);
        return option;
    }

    /// <summary><c>--to</c>/<c>-t</c>: the output format.</summary>
    /// <param name="description">What the option does for the command.</param>
    /// <returns>The option.</returns>
    public static Option<string> To(string description)
    {
        var option = new Option<string>("--to", "-t") { Description = description, HelpName = "format" };
        option.AcceptOnlyFromAmong(RecordStreams.WritableNamesAndAliases);
        return option;
    }

    /// <summary><c>--output</c>/<c>-o</c>: the output file.</summary>
    /// <returns>The option.</returns>
    public static Option<string> Output() => new("--output", "-o")
    {
        Description = "The file to write (replaced if it exists); standard output when absent or '-'.",
        HelpName = "file",
    };

    /// <summary><c>--quiet</c>/<c>-q</c>: no progress line and no info diagnostics.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Show no progress and no info diagnostics (such as entries skipped because they are not chapters).",
    };

    /// <summary><c>--jobs</c>/<c>-j</c>: how many threads work on the records (1, the default, for none besides the caller's).</summary>
    /// <returns>The option.</returns>
    public static Option<int> Jobs()
    {
        var option = new Option<int>("--jobs", "-j")
        {
            Description = "Work on N threads: the reading runs ahead of the rest, and the output keeps the input's order. 1 (the default) works on one.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MaxJobs) result.AddError($"--jobs takes a number from 1 to {MaxJobs}.");
        });
        return option;
    }

    /// <summary>The largest <c>--jobs</c>.</summary>
    public const int MaxJobs = 256;
}
