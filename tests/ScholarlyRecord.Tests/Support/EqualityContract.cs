using System.Numerics;
using Xunit;

namespace ScholarlyRecord.Tests.Support;

/// <summary>
/// One check of the equality (and, where the type has one, ordering) contract, reused by every value
/// type and record: Equals(T), Equals(object), ==, !=, GetHashCode and CompareTo must agree.
/// </summary>
public static partial class EqualityContract
{
    /// <summary>Asserts that <paramref name="a"/> equals <paramref name="equalToA"/> and differs from <paramref name="different"/> by every route.</summary>
    public static void AssertEqualityContract<T>(T a, T equalToA, T different)
        where T : IEquatable<T>, IEqualityOperators<T, T, bool>
    {
        Assert.True(a.Equals(equalToA), "Equals(T) with the equal value");
        Assert.True(equalToA.Equals(a), "Equals(T) is symmetric");
        Assert.False(a.Equals(different), "Equals(T) with the different value");
        Assert.False(different.Equals(a), "Equals(T) with the different value, reversed");

        Assert.True(a.Equals((object?)equalToA), "Equals(object) with the equal value");
        Assert.False(a.Equals((object?)different), "Equals(object) with the different value");
        Assert.False(a.Equals((object?)null), "Equals(object) with null");
        Assert.False(a.Equals(new object()), "Equals(object) with another type");

        Assert.True(a == equalToA, "== with the equal value");
        Assert.False(a != equalToA, "!= with the equal value");
        Assert.False(a == different, "== with the different value");
        Assert.True(a != different, "!= with the different value");

        Assert.Equal(a.GetHashCode(), equalToA.GetHashCode());

        if (a is IComparable<T> comparable)
        {
            Assert.Equal(0, comparable.CompareTo(equalToA));
            var forward = Math.Sign(comparable.CompareTo(different));
            Assert.NotEqual(0, forward);
            Assert.Equal(-forward, Math.Sign(((IComparable<T>)different).CompareTo(a)));
        }
    }
}
