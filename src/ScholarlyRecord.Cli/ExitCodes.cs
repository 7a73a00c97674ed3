namespace ScholarlyRecord.Cli;

/// <summary>The exit codes of every <c>scholarly</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything read, written or valid.</summary>
    public const int Success = 0;

    /// <summary>At least one record had an error: it could not be read, was invalid or was not found.</summary>
    public const int RecordErrors = 1;

    /// <summary>The command could not run as asked: a usage mistake, a file that cannot be read or written, a failed request.</summary>
    public const int UsageOrIo = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it); the output holds only whole records.</summary>
    public const int Cancelled = 130;
}
