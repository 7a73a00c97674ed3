namespace ScholarlyRecord.Cli;

/// <summary>
/// Expands the file patterns <c>validate</c> takes, for shells that leave them alone (quoted, or Windows):
/// <c>*</c> and <c>?</c> in the file name, and a leading <c>**/</c> before it for every folder below
/// (<c>data/**/*.bib</c>). A path without wildcards is kept as it is, so that a missing file is reported as such.
/// </summary>
internal static class Globs
{
    private static readonly char[] Wildcards = ['*', '?'];
    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>The files a pattern names, in ordinal order.</summary>
    /// <param name="pattern">A path or a pattern.</param>
    /// <returns>The matching files; empty when a pattern matches none.</returns>
    /// <exception cref="UsageException">The pattern has wildcards in a folder name other than a <c>**</c> folder right before the file name.</exception>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        var firstWildcard = pattern.IndexOfAny(Wildcards);
        if (firstWildcard < 0) return [pattern];

        var separator = pattern.LastIndexOfAny(Separators, firstWildcard);
        var folder = separator switch
        {
            < 0 => null,
            0 => pattern[..1],
            _ => pattern[..separator],
        };
        var rest = pattern[(separator + 1)..];
        var recursive = rest.StartsWith("**/", StringComparison.Ordinal) || rest.StartsWith(@"**\", StringComparison.Ordinal);
        if (recursive) rest = rest[3..];
        if (rest.IndexOfAny(Separators) >= 0 || rest.Contains("**", StringComparison.Ordinal))
        {
            throw new UsageException($"the pattern '{pattern}' has wildcards in a folder name; only the file name and a '**/' right before it may have them.");
        }

        var root = folder ?? ".";
        if (!Directory.Exists(root)) return [];
        var options = new EnumerationOptions
        {
            MatchType = MatchType.Simple,
            RecurseSubdirectories = recursive,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        var files = Directory.EnumerateFiles(root, rest, options)
            .Select(file => folder is null ? Path.GetRelativePath(".", file) : file)
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
