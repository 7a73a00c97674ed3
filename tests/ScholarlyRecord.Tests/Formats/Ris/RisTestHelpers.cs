using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

internal static class RisAssert
{
    public static string RealPath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "real", "ris", name);

    public static string ReadReal(string name) => File.ReadAllText(RealPath(name));

    /// <summary>Same records, types, end tags, tags and values (positions may differ).</summary>
    public static void SameRecords(RisDocument expected, RisDocument actual)
    {
        Assert.Equal(expected.Records.Count, actual.Records.Count);
        for (var i = 0; i < expected.Records.Count; i++)
        {
            var e = expected.Records[i];
            var a = actual.Records[i];
            Assert.Equal(e.Type, a.Type);
            Assert.Equal(Describe(e), Describe(a));
        }
    }

    public static string[] Describe(RisRecord record) => record.Fields.Select(f => f.Tag + "=" + f.Value).ToArray();

    public static (int Line, string Code)[] Codes(RisDocument document) =>
        document.Diagnostics.Select(d => (d.Line, d.Code)).ToArray();
}
