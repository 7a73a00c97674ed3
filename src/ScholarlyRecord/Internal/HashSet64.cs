namespace ScholarlyRecord.Internal;

/// <summary>
/// A set of 64-bit hashes (the citation keys a BibTeX reader has seen or a writer has emitted) that grows in small
/// pieces. <see cref="HashSet{T}"/> keeps one entry array that doubles: past about 5,000 keys it lives on the large
/// object heap, where each outgrown array stays as garbage until a full collection, so a stream of 400,000 entries
/// left some 40 MB of dead arrays behind a 7 MB set. Here the values are spread over <see cref="Partitions"/> open-addressing
/// tables chosen by the hash's top bits; each table stays below the large object threshold until it holds about
/// 7,000 values (about 1.8 million in all), and the outgrown ones are ordinary small objects. A value takes 8 bytes
/// and a table grows when it is seven eighths full (linear probing stays short enough for one look-up per record),
/// so the set costs 9 to 18 bytes a value, against 20 to 40 for <see cref="HashSet{T}"/>. A BibTeX read keeps two
/// (the scanner's duplicate check and the mapper's crossref check), a write one.
/// </summary>
internal sealed class HashSet64
{
    /// <summary>The number of tables (2 to the power <see cref="PartitionBits"/>).</summary>
    internal const int Partitions = 1 << PartitionBits;

    private const int PartitionBits = 8;
    private const int InitialCapacity = 8;

    // Zero marks an empty slot; the value 0 itself is kept apart.
    private readonly ulong[]?[] _tables = new ulong[Partitions][];
    private readonly int[] _counts = new int[Partitions];
    private bool _hasZero;

    /// <summary>The number of values in the set.</summary>
    public int Count { get; private set; }

    /// <summary>Whether <paramref name="value"/> is in the set.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when it was added before.</returns>
    public bool Contains(ulong value)
    {
        if (value == 0) return _hasZero;
        var table = _tables[Partition(value)];
        if (table is null) return false;
        var mask = table.Length - 1;
        for (var i = Slot(value, mask); ; i = (i + 1) & mask)
        {
            var held = table[i];
            if (held == value) return true;
            if (held == 0) return false;
        }
    }

    /// <summary>Adds <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when it was not in the set before.</returns>
    public bool Add(ulong value)
    {
        if (value == 0)
        {
            if (_hasZero) return false;
            _hasZero = true;
            Count++;
            return true;
        }

        var partition = Partition(value);
        var table = _tables[partition] ??= new ulong[InitialCapacity];
        if (!Insert(table, value)) return false;
        Count++;
        if (++_counts[partition] * 8 > table.Length * 7) _tables[partition] = Grow(table);
        return true;
    }

    private static int Partition(ulong value) => (int)(value >> (64 - PartitionBits));

    // The low bits pick the slot (the top ones picked the table), mixed so that hashes differing only there spread.
    private static int Slot(ulong value, int mask) => (int)((value * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private static bool Insert(ulong[] table, ulong value)
    {
        var mask = table.Length - 1;
        for (var i = Slot(value, mask); ; i = (i + 1) & mask)
        {
            var held = table[i];
            if (held == value) return false;
            if (held == 0)
            {
                table[i] = value;
                return true;
            }
        }
    }

    private static ulong[] Grow(ulong[] table)
    {
        var grown = new ulong[checked(table.Length * 2)];
        foreach (var value in table)
        {
            if (value != 0) Insert(grown, value);
        }
        return grown;
    }

    /// <summary>The largest table's length, for tests: a table of 8-byte values stays off the large object heap up to 8,192 slots.</summary>
    internal int LargestTable
    {
        get
        {
            var largest = 0;
            foreach (var table in _tables) largest = Math.Max(largest, table?.Length ?? 0);
            return largest;
        }
    }
}
