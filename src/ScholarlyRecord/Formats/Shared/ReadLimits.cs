namespace ScholarlyRecord.Formats;

/// <summary>The argument check of every limit in the read options records.</summary>
internal static class ReadLimits
{
    /// <summary>Returns a limit given to an options record, or throws when it is less than 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int AtLeastOne(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        return value;
    }
}
