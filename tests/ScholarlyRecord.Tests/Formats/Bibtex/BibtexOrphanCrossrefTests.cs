using System.Text;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.Bibtex;

/// <summary>A child whose <c>crossref</c> names an entry not in the file: a warning naming the missing key, the child still read.</summary>
public sealed class BibtexOrphanCrossrefTests
{
    private const string Text = "@incollection{Haslam1992,\n  title = {Conclusions},\n  crossref = {haslam1992soviet},\n}\n";

    [Fact]
    public void Read_OrphanCrossref_WarnsWithTheMissingKeyAndReadsTheChild()
    {
        var result = ScholarlyRecord.Formats.Bibtex.Read(Text);
        Assert.Equal("Conclusions", Assert.Single(result.Records).Title);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(BibtexCodes.MissingCrossrefParent, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'haslam1992soviet'", warning.Message, StringComparison.Ordinal);
        Assert.Equal((3, 3), (warning.Line, warning.Column));
    }

    [Fact]
    public async Task ReadAsync_OrphanCrossref_SameWarningAndChild()
    {
        var diagnostics = new List<Diagnostic>();
        var chapters = new List<Chapter>();
        await foreach (var c in ScholarlyRecord.Formats.Bibtex.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Text)), diagnostics.Add, TestContext.Current.CancellationToken))
        {
            chapters.Add(c);
        }
        Assert.Equal(ScholarlyRecord.Formats.Bibtex.Read(Text).Records, chapters);
        Assert.Equal(ScholarlyRecord.Formats.Bibtex.Read(Text).Diagnostics, diagnostics);
    }

    [Fact]
    public void Read_CrossrefWhoseParentIsPresent_NoWarning()
    {
        var result = ScholarlyRecord.Formats.Bibtex.Read(Text + "@book{haslam1992soviet, title = {The Soviet Union}}\n");
        Assert.Equal("The Soviet Union", Assert.Single(result.Records).Book!.Title);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == BibtexCodes.MissingCrossrefParent);
    }
}
