using Xunit;

namespace ScholarlyRecord.Tests.Support;

public class EdgeCaseCatalogueTests
{
    [Fact]
    public void Catalogue_Loads_AllRows()
    {
        Assert.True(EdgeCases.Everything.Count >= 120, "the catalogue copy is incomplete");
        Assert.All(EdgeCases.Everything, c => Assert.False(string.IsNullOrEmpty(c.Expect)));
    }

    [Fact]
    public void Generator_BuildsDeepNesting()
    {
        var deep = EdgeCases.Everything.Single(c => c.Input.StartsWith("gen:'['*10000", StringComparison.Ordinal));
        Assert.Equal(20000, deep.InputText.Length);
        Assert.StartsWith("[[[", deep.InputText, StringComparison.Ordinal);
        Assert.EndsWith("]]]", deep.InputText, StringComparison.Ordinal);
    }
}
