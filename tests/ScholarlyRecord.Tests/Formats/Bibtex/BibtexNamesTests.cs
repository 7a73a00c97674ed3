using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>
/// GetNames: these need PersonName.Parse from the value-types work (branch 'values'); until it is merged they fail with
/// NotImplementedException from the stub.
/// </summary>
public class BibtexNamesTests
{
    private static BibtexNameList Names(string author) => BibtexDocument.Parse("@book{k, author = {" + author + "}}").Entries[0].GetNames("author");

    [Fact]
    public void GetNames_AccentedFamily_DecodesParts()
    {
        var name = Assert.Single(Names("Garc{\\'\\i}a-Molina, H{\\'e}ctor").Names);
        Assert.Equal(("García-Molina", "Héctor"), (name.Family, name.Given));
    }

    [Fact]
    public void GetNames_VonLastJrFirst_SplitsParts()
    {
        var name = Assert.Single(Names("de la Fontaine, Jr., Jean").Names);
        Assert.Equal(("de la", "Fontaine", "Jr.", "Jean"), (name.Particle, name.Family, name.Suffix, name.Given));
    }

    [Fact]
    public void GetNames_BracedCorporateName_IsOneLiteral()
    {
        var name = Assert.Single(Names("{Barnes and Noble}").Names);
        Assert.Equal("Barnes and Noble", name.Literal);
    }

    [Fact]
    public void GetNames_AndOthers_SetsEtAl()
    {
        var list = Names("Smith, John and others");
        Assert.Single(list.Names);
        Assert.True(list.EtAl);
    }

    [Fact]
    public void GetNames_Separators_CaseAndWhitespaceInsensitive()
    {
        Assert.Equal(4, Names("A B AND C D\taNd E F\nand G H").Names.Count);
        Assert.Single(Names("A \\and B").Names);
        Assert.Equal("Müller", Assert.Single(BibtexDocument.Parse("@book{müller2020, author = {Müller, Jürgen}}").Entries[0].GetNames("AUTHOR").Names).Family);
    }

    [Fact]
    public void GetNames_AbsentField_IsEmpty()
    {
        var list = BibtexDocument.Parse("@book{k}").Entries[0].GetNames("editor");
        Assert.Empty(list.Names);
        Assert.False(list.EtAl);
    }
}
