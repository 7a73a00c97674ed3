using ScholarlyRecord.Internal;
using Xunit;

namespace ScholarlyRecord.Tests.Reliability;

// HashSet64 holds the citation-key hashes of a BibTeX stream (read and write). It must answer as HashSet<ulong> does,
// and it must grow in tables that stay off the large object heap, which is what keeps a 1 GiB BibTeX stream under 100 MB.
public sealed class HashSet64Tests
{
    [Fact]
    public void AddAndContains_AgreeWithHashSetOnRandomValuesWithRepeats()
    {
        var random = new Random(20261207);
        var set = new HashSet64();
        var oracle = new HashSet<ulong>();
        var added = new List<ulong>();
        var buffer = new byte[8];
        for (var i = 0; i < 200_000; i++)
        {
            // A quarter of the values repeat an earlier one; a few are the edge values 0 and ulong.MaxValue.
            ulong value;
            if (i % 4 == 3 && added.Count > 0) value = added[random.Next(added.Count)];
            else if (i % 50_000 == 7) value = i % 100_000 == 7 ? 0UL : ulong.MaxValue;
            else
            {
                random.NextBytes(buffer);
                value = BitConverter.ToUInt64(buffer);
            }

            Assert.Equal(oracle.Contains(value), set.Contains(value));
            Assert.Equal(oracle.Add(value), set.Add(value));
            Assert.True(set.Contains(value));
            added.Add(value);
        }

        Assert.Equal(oracle.Count, set.Count);
        for (var i = 0; i < 10_000; i++)
        {
            random.NextBytes(buffer);
            var value = BitConverter.ToUInt64(buffer);
            Assert.Equal(oracle.Contains(value), set.Contains(value));
        }
    }

    [Fact]
    public void Values_SharingTheirTopOrLowBits_AreStillTold()
    {
        // Same partition (top byte) and same low bits: only the middle differs.
        var set = new HashSet64();
        for (ulong i = 1; i <= 5_000; i++) Assert.True(set.Add(0xAB00_0000_0000_0001UL | (i << 20)));
        for (ulong i = 1; i <= 5_000; i++) Assert.False(set.Add(0xAB00_0000_0000_0001UL | (i << 20)));
        Assert.False(set.Contains(0xAB00_0000_0000_0001UL));
        Assert.Equal(5_000, set.Count);
    }

    [Fact]
    public void Zero_IsAValueLikeAnyOther()
    {
        var set = new HashSet64();
        Assert.False(set.Contains(0));
        Assert.True(set.Add(0));
        Assert.True(set.Contains(0));
        Assert.False(set.Add(0));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void AMillionValues_NoTableReachesTheLargeObjectHeap()
    {
        // 8,192 slots of 8 bytes is 64 KB, under the 85,000-byte threshold; 16,384 would be over it.
        var set = new HashSet64();
        for (var i = 1UL; i <= 1_000_000; i++) set.Add(ScholarlyRecord.Formats.EmittedKeys.Hash("key" + i));
        Assert.Equal(1_000_000, set.Count);
        Assert.True(set.LargestTable <= 8_192, $"largest table {set.LargestTable}");
        Assert.True(set.LargestTable * 8 + 24 < 85_000);
    }
}
