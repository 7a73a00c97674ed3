using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Options;

/// <summary><see cref="BibtexReadOptions.MaxBraceDepth"/> is enforced by every read path, with the place of the brace too many.</summary>
public class BibtexReadOptionsTests
{
    // Entry k nests 3 deep (the value's own brace counts); entry j nests 4 deep, its level-4 brace at line 2, column 24.
    private const string Text = "@book{k, title = {a{b{c}}}}\n@book{j, title = {a{b{c{d}}}}}\n";

    [Fact]
    public void MaxBraceDepth_DeeperBlock_IsReportedAtTheBraceAndSkipped()
    {
        var options = new BibtexReadOptions { MaxBraceDepth = 3 };

        var document = BibtexDocument.Parse(Text, options);

        Assert.Equal("k", Assert.Single(document.Entries).Key);
        var deep = Assert.Single(document.Diagnostics);
        Assert.Equal((BibtexCodes.NestingTooDeep, 2, 24), (deep.Code, deep.Line, deep.Column));
        Assert.Contains("deeper than 3", deep.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxBraceDepth_FrontDoorAndStream_AgreeWithTheDocument()
    {
        var options = new BibtexReadOptions { MaxBraceDepth = 3 };

        var read = Bibtex.Read(Text, options);
        var streamed = ReadResult.Collect(Bibtex.ReadRecords(new StringReader(Text), options));

        foreach (var result in new[] { read, streamed })
        {
            var deep = Assert.Single(result.Diagnostics, d => d.Code == BibtexCodes.NestingTooDeep);
            Assert.Equal((2, 24), (deep.Line, deep.Column));
        }
    }

    [Fact]
    public void MaxBraceDepth_Default_ReadsBothEntries()
    {
        var document = BibtexDocument.Parse(Text);

        Assert.Equal(["k", "j"], document.Entries.Select(e => e.Key));
        Assert.DoesNotContain(document.Diagnostics, d => d.Code == BibtexCodes.NestingTooDeep);
        Assert.Equal(BibtexReader.MaxBraceDepth, BibtexReadOptions.Default.MaxBraceDepth);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BibtexReadOptions { MaxBraceDepth = 0 });
    }
}
