using Xunit;

namespace ScholarlyRecord.Tests.Support;

/// <summary>Checks that equal values are equal by every route and hash alike.</summary>
public static partial class EqualityContract
{
    /// <summary>Asserts Equals(object), Equals(T) through the default comparer, and GetHashCode agree for two equal values.</summary>
    public static void AssertEqualAndHashEqual<T>(T a, T b) where T : notnull
    {
        Assert.True(a.Equals(b));
        Assert.True(b.Equals(a));
        Assert.True(EqualityComparer<T>.Default.Equals(a, b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(null));
    }
}
