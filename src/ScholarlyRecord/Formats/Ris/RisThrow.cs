using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace ScholarlyRecord.Formats;

/// <summary>The one place the RIS types throw from (only for bad arguments, never for bad input text).</summary>
[StackTraceHidden]
internal static class RisThrow
{
    [DoesNotReturn]
    public static void InvalidTag(string tag) =>
        throw new ArgumentException($"RIS tag '{tag}' is not valid: a tag is an upper-case letter then an upper-case letter or digit, and TY/ER are kept outside the fields.", nameof(tag));

    [DoesNotReturn]
    public static void AlreadyRead() =>
        throw new InvalidOperationException("This RisReader has already been read: a reader reads its TextReader once; create a new one to read again.");
}
