using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.Bibtex;

// The writer remembers emitted keys as 64-bit hashes (EmittedKeys) so huge streams stay in bounded memory.
public sealed class BibtexKeyUniquenessTests
{
    [Fact]
    public void Write_ThousandCopiesOfOneChapter_EveryKeyUniqueAndSuffixesInOrder()
    {
        var haslam = ScholarlyJson.Deserialize(Fixtures.HaslamJson);
        var text = ScholarlyRecord.Formats.Bibtex.Write(Enumerable.Repeat(haslam, 1000));
        var keys = ScholarlyRecord.Formats.BibtexDocument.Parse(text).Entries.Select(e => e.Key).ToList();

        Assert.Equal(1000, keys.Count);
        Assert.Equal(1000, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("haslam1992conclusions", keys[0]);
        Assert.Equal("haslam1992conclusionsz", keys[26]);
        Assert.Equal("haslam1992conclusionsaa", keys[27]);
    }

    [Fact]
    public void Write_SameChaptersTwice_SameText()
    {
        var haslam = ScholarlyJson.Deserialize(Fixtures.HaslamJson);
        var chapters = Enumerable.Repeat(haslam, 60).ToList();
        Assert.Equal(ScholarlyRecord.Formats.Bibtex.Write(chapters), ScholarlyRecord.Formats.Bibtex.Write(chapters));
    }

    [Fact]
    public void EmittedKeys_Add_FalseOnlyForAKeyAlreadyRecorded()
    {
        var keys = new EmittedKeys();
        Assert.True(keys.Add("smith2020a"));
        Assert.True(keys.Add("smith2020b"));
        Assert.True(keys.Add("Smith2020a"));
        Assert.False(keys.Add("smith2020a"));
        Assert.Equal(3, keys.Count);
    }

    [Fact]
    public void EmittedKeys_Hash_IsFixedAcrossRunsAndSeesBothBytesOfEachChar()
    {
        // FNV-1a 64 of the empty string is the offset basis; the value must not depend on the process.
        Assert.Equal(14695981039346656037UL, EmittedKeys.Hash(""));
        Assert.Equal(EmittedKeys.Hash("müller"), EmittedKeys.Hash("müller"));
        Assert.NotEqual(EmittedKeys.Hash("\u0101"), EmittedKeys.Hash("\u0201"));
    }
}
