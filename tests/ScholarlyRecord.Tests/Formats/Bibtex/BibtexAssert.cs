using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

internal static class BibtexAssert
{
    /// <summary>Same blocks in the same order: entries (type, key, field names, raw and decoded values), macros, preambles, comments.</summary>
    public static void SameBlocks(BibtexDocument expected, BibtexDocument actual)
    {
        Assert.Equal(expected.Blocks.Count, actual.Blocks.Count);
        for (var i = 0; i < expected.Blocks.Count; i++)
        {
            switch (expected.Blocks[i])
            {
                case BibtexEntry e:
                    var a = Assert.IsType<BibtexEntry>(actual.Blocks[i]);
                    Assert.Equal(e.EntryType, a.EntryType);
                    Assert.Equal(e.Key, a.Key);
                    Assert.Equal(e.Fields.Select(f => (f.RawName, f.Name, f.RawValue, f.Value)), a.Fields.Select(f => (f.RawName, f.Name, f.RawValue, f.Value)));
                    break;
                case BibtexMacro m:
                    var am = Assert.IsType<BibtexMacro>(actual.Blocks[i]);
                    Assert.Equal((m.Name, m.RawValue), (am.Name, am.RawValue));
                    break;
                case BibtexPreamble p:
                    Assert.Equal(p.RawValue, Assert.IsType<BibtexPreamble>(actual.Blocks[i]).RawValue);
                    break;
                case BibtexComment c:
                    var ac = Assert.IsType<BibtexComment>(actual.Blocks[i]);
                    Assert.Equal((c.Kind, c.Text), (ac.Kind, ac.Text));
                    break;
            }
        }
        Assert.Equal(expected.Diagnostics.Select(d => d.Code), actual.Diagnostics.Select(d => d.Code));
    }
}
