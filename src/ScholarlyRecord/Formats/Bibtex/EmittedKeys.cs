namespace ScholarlyRecord.Formats;

/// <summary>
/// The citation keys a writer has emitted (or a reader has seen), kept as 64-bit FNV-1a hashes rather than strings, so writing a stream of
/// a million entries costs about 9-18 MB here (a <see cref="Internal.HashSet64"/>, which grows in small tables and
/// leaves no large arrays behind) instead of also keeping every key's text. A hash collision (about 3 in 100 million for
/// a million keys) can only make the writer add a suffix a key did not need; it can never let a duplicate key
/// through, because every key written is recorded. The hash is fixed (not randomised per process), so the output is
/// the same on every run.
/// </summary>
internal sealed class EmittedKeys
{
    private readonly Internal.HashSet64 _hashes = new();

    /// <summary>The number of keys recorded.</summary>
    public int Count => _hashes.Count;

    /// <summary>Whether <paramref name="key"/> (or a key with the same hash) was recorded.</summary>
    public bool Contains(string key) => _hashes.Contains(Hash(key));

    /// <summary>Records <paramref name="key"/>; false when it (or a key with the same hash) was recorded before.</summary>
    public bool Add(string key) => _hashes.Add(Hash(key));

    /// <summary>
    /// Records and returns <paramref name="key"/> when it is new in the file; otherwise the first of <c>key</c> + <c>a</c>,
    /// <c>b</c>, ... <c>z</c>, <c>aa</c>, <c>ab</c>, ... that is new (the suffix rule of docs/formats.md, "Citation keys").
    /// </summary>
    public string Unique(string key)
    {
        if (Add(key)) return key;
        for (var n = 1; ; n++)
        {
            var suffix = new System.Text.StringBuilder();
            for (var k = n; k > 0; k = (k - 1) / 26) suffix.Insert(0, (char)('a' + ((k - 1) % 26)));
            var candidate = key + suffix;
            if (Add(candidate)) return candidate;
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units, 64-bit.</summary>
    internal static ulong Hash(ReadOnlySpan<char> key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return hash;
    }
}
