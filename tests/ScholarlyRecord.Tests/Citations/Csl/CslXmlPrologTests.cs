using System.Xml;
using ScholarlyRecord.Citations;
using Xunit;

namespace ScholarlyRecord.Tests.Citations.Csl;

/// <summary>
/// The plain UTF-8 XML declaration of a style or locale is blanked before the XML reader sees it (a first-use cost of
/// the reader, see CslXmlProlog). These tests hold it to its promise: only a plain declaration is touched, every line
/// and column stays where System.Xml itself puts it (System.Xml reading the same text is the oracle), and any other
/// declaration is still judged by the reader.
/// </summary>
public sealed class CslXmlPrologTests
{
    private const string Body = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\"><citation></style>";

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")]
    [InlineData("<?xml version='1.0' encoding='utf-8'?>")]
    [InlineData("<?xml version=\"1.0\"?>")]
    public void PlainDeclarations_AreRecognisedToTheirEnd(string declaration) =>
        Assert.Equal(declaration.Length, End(declaration + "\n<style/>"));

    [Theory]
    [InlineData("<?xml version=\"1.1\"?>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>")]
    [InlineData("<?xml version=\"1.0\" standalone=\"maybe\"?>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"")]
    [InlineData("<?xml version=\"1.0\"\n  encoding=\"utf-8\" ?>")]
    [InlineData("<?xml-stylesheet href=\"a.xsl\"?>")]
    [InlineData(" <?xml version=\"1.0\"?>")]
    [InlineData("<style/>")]
    public void OtherStarts_AreLeftToTheXmlReader(string start) => Assert.Equal(0, End(start));

    private static int End(string text) => CslXmlProlog.PlainDeclarationEnd(text.ToCharArray(), text.Length);

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + Body)]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + Body)]
    [InlineData("<?xml version=\"1.0\"\n encoding=\"utf-8\"?>\n\n" + Body)]
    [InlineData("<?xml version=\"1.0\" standalone=\"yes\"?>\n" + Body)]
    public void AnErrorAfterADeclaration_HasTheLineAndColumnSystemXmlGives(string xml)
    {
        var expected = Assert.Throws<XmlException>(() =>
        {
            using var reader = XmlReader.Create(new StringReader(xml));
            while (reader.Read())
            {
            }
        });
        var error = Assert.Throws<CslStyleException>(() => CslStyle.Parse(xml));
        Assert.Equal(CitationCodes.MalformedStyle, error.Code);
        Assert.Equal((expected.LineNumber, expected.LinePosition), (error.Line, error.Column));
    }

    [Fact]
    public void ADeclarationTheReaderRejects_IsStillReported()
    {
        var error = Assert.Throws<CslStyleException>(() => CslStyle.Parse("<?xml version=\"1.0\" standalone=\"maybe\"?>" + Body));
        Assert.Equal(CitationCodes.MalformedStyle, error.Code);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void ReadingInSmallPieces_GivesTheTextWithTheDeclarationBlanked()
    {
        const string declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
        var text = declaration + "\n<style>" + new string('x', 600) + "</style>";
        using var prolog = new CslXmlProlog(new StringReader(text));
        var read = new System.Text.StringBuilder();
        var buffer = new char[7];
        Assert.Equal(' ', (char)prolog.Peek());
        read.Append((char)prolog.Read());
        int n;
        while ((n = prolog.Read(buffer, 0, buffer.Length)) > 0)
        {
            read.Append(buffer, 0, n);
        }

        Assert.Equal(new string(' ', declaration.Length) + text[declaration.Length..], read.ToString());
    }
}
