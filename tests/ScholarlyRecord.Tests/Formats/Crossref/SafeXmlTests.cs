using System.Xml;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Internal;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>The one XML reader factory refuses DTDs, entity bombs and external entities, and the JATS walk is safe.</summary>
public class SafeXmlTests
{
    private const string BillionLaughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">" +
        "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">" +
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">" +
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">" +
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">" +
        "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">" +
        "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">" +
        "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">" +
        "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]><lolz>&lol9;</lolz>";

    private static void ReadAll(XmlReader reader)
    {
        using (reader)
        {
            while (reader.Read()) { }
        }
    }

    [Fact]
    public void CreateSettings_Always_ProhibitsDtdAndResolvesNothing()
    {
        var settings = SafeXml.CreateSettings(ConformanceLevel.Fragment);
        Assert.Equal(DtdProcessing.Prohibit, settings.DtdProcessing);
        Assert.Equal(SafeXml.MaxCharactersFromEntities, settings.MaxCharactersFromEntities);
        Assert.Equal(SafeXml.MaxCharactersInDocument, settings.MaxCharactersInDocument);
        Assert.Equal(ConformanceLevel.Fragment, settings.ConformanceLevel);
    }

    [Fact]
    public void CreateReader_BillionLaughs_IsRefusedAtTheDoctype()
    {
        var ex = Assert.Throws<XmlException>(() => ReadAll(SafeXml.CreateReader(BillionLaughs)));
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateReader_ExternalEntity_IsRefusedWithoutReadingTheFile()
    {
        var secret = Path.Combine(Path.GetTempPath(), "scholarlyrecord-xxe-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(secret, "TOPSECRET");
        try
        {
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"{new Uri(secret).AbsoluteUri}\">]><r>&x;</r>";
            var ex = Assert.Throws<XmlException>(() => ReadAll(SafeXml.CreateReader(xml)));
            Assert.DoesNotContain("TOPSECRET", ex.Message, StringComparison.Ordinal);
            var paragraphs = JatsText.ToParagraphs(xml, out var outcome, out _);
            Assert.Equal(JatsOutcome.DtdProhibited, outcome);
            Assert.Empty(paragraphs);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void CreateJatsFragmentReader_UndeclaredPrefixesAndSeveralRoots_Parse()
    {
        using var reader = SafeXml.CreateJatsFragmentReader("<jats:p>a</jats:p><mml:math xlink:href=\"x\"/>tail");
        var names = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element) names.Add(reader.NamespaceURI + "|" + reader.LocalName);
        }

        Assert.Equal([SafeXml.JatsNamespace + "|p", SafeXml.MathMLNamespace + "|math"], names);
    }

    [Fact]
    public void CreateJatsFragmentReader_DoctypeInFragment_IsRefused() =>
        Assert.Throws<XmlException>(() => ReadAll(SafeXml.CreateJatsFragmentReader("<!DOCTYPE r [<!ENTITY a \"b\">]><jats:p>&a;</jats:p>")));

    [Fact]
    public void ToParagraphs_DeepNesting_DoesNotRecurse()
    {
        var deep = string.Concat(Enumerable.Repeat("<jats:italic>", 100_000)) + "x" + string.Concat(Enumerable.Repeat("</jats:italic>", 100_000));
        Assert.Equal(["x"], JatsText.ToParagraphs("<jats:p>" + deep + "</jats:p>", out var outcome, out _));
        Assert.Equal(JatsOutcome.Parsed, outcome);
    }

    [Fact]
    public void ToParagraphs_OverTheSizeCap_FallsBackToStrippedText()
    {
        var huge = "<jats:p>" + new string('a', (int)SafeXml.MaxCharactersInDocument) + "</jats:p>";
        var paragraphs = JatsText.ToParagraphs(huge, out var outcome, out _);
        Assert.Equal(JatsOutcome.Malformed, outcome);
        Assert.Equal(SafeXml.MaxCharactersInDocument, Assert.Single(paragraphs).Length);
    }

    [Theory]
    [InlineData("Plain text, no tags.", "Plain text, no tags.")]
    [InlineData("<jats:p>caf&eacute; &copy; 2020&hellip;</jats:p>", "café © 2020…")]
    [InlineData("<p>Unprefixed</p>", "Unprefixed")]
    [InlineData("<jats:p>a<jats:break/>b</jats:p>", "a b")]
    [InlineData("<jats:p>&#233;&#x2013;</jats:p>", "é–")]
    [InlineData("<jats:p><![CDATA[<raw>]]></jats:p>", "<raw>")]
    public void ToParagraphs_Inputs_GiveText(string jats, string expected)
    {
        Assert.Equal([expected], JatsText.ToParagraphs(jats, out var outcome, out _));
        Assert.Equal(JatsOutcome.Parsed, outcome);
    }
}
