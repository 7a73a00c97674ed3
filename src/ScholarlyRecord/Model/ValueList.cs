using System.Collections;
using System.Runtime.CompilerServices;

namespace ScholarlyRecord;

/// <summary>
/// An immutable list with value equality: two lists are equal when they hold equal items in the same order.
/// Every list in the model is one of these, so that record equality compares lists by content, not by reference.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Model properties are typed <see cref="IReadOnlyList{T}"/> and accept any list in their <c>init</c> accessor;
/// the value is copied into a <see cref="ValueList{T}"/>, so later changes to the caller's list cannot reach the model.
/// <c>default(ValueList&lt;T&gt;)</c> does not exist: this is a class, and <see cref="Empty"/> is the empty list.
/// </remarks>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>, IValueList
{
    private readonly T[] _items;

    internal ValueList(T[] items) => _items = items;

    /// <summary>The empty list.</summary>
#pragma warning disable CA1000 // A typed empty singleton is the established pattern (ImmutableArray<T>.Empty).
    public static ValueList<T> Empty { get; } = new([]);
#pragma warning restore CA1000

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <summary>The items as a read-only span.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>Returns an enumerator over the items (a struct, so <c>foreach</c> does not allocate).</summary>
    public ReadOnlySpan<T>.Enumerator GetEnumerator() => new ReadOnlySpan<T>(_items).GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._items.Length != _items.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i])) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_items.Length);
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <summary>Lists the items, for debugging: <c>[a, b, c]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    /// <summary>Value equality.</summary>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);
}

/// <summary>Creates <see cref="ValueList{T}"/> instances.</summary>
public static class ValueList
{
    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The list; <see cref="ValueList{T}.Empty"/> when there are no items.</returns>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? ValueList<T>.Empty : new ValueList<T>(items.ToArray());

    /// <summary>Creates a list holding the items of <paramref name="items"/>, or returns it when it already is a <see cref="ValueList{T}"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items; <see langword="null"/> gives the empty list.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> From<T>(IEnumerable<T>? items) => items switch
    {
        null => ValueList<T>.Empty,
        ValueList<T> list => list,
        T[] array => Create<T>(array),
        List<T> list => list.Count == 0 ? ValueList<T>.Empty : new ValueList<T>(list.ToArray()),
        ICollection<T> { Count: 0 } => ValueList<T>.Empty,
        _ => Own(items.ToArray()),
    };

    // The array is already a private copy: keep it instead of copying it again.
    private static ValueList<T> Own<T>(T[] items) => items.Length == 0 ? ValueList<T>.Empty : new ValueList<T>(items);
}

/// <summary>Lets the JSON layer ask any model list for its count without knowing its item type.</summary>
internal interface IValueList
{
    int Count { get; }
}
