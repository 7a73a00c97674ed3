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
        Assert.Equal("Conclusions", Assert.Single(result.Chapters).Title);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(BibtexCodes.MissingCrossrefParent, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'haslam1992soviet'", warning.Message, StringComparison.Ordinal);
        Assert.Equal((3, 3), (warning.Line, warning.Column));
    }

    [Fact]
    public async Task ReadRecordsAsync_OrphanCrossref_SameWarningAndChild()
    {
        var diagnostics = new List<Diagnostic>();
        var chapters = new List<Chapter>();
        await foreach (var record in ScholarlyRecord.Formats.Bibtex.ReadRecordsAsync(new MemoryStream(Encoding.UTF8.GetBytes(Text)), cancellationToken: TestContext.Current.CancellationToken))
        {
            diagnostics.AddRange(record.Diagnostics);
            if (record.Chapter is { } c) chapters.Add(c);
        }
        Assert.Equal(ScholarlyRecord.Formats.Bibtex.Read(Text).Chapters, chapters);
        Assert.Equal(ScholarlyRecord.Formats.Bibtex.Read(Text).Diagnostics, diagnostics);
    }

    [Fact]
    public void Read_CrossrefWhoseParentIsPresent_NoWarning()
    {
        var result = ScholarlyRecord.Formats.Bibtex.Read(Text + "@book{haslam1992soviet, title = {The Soviet Union}}\n");
        Assert.Equal("The Soviet Union", Assert.Single(result.Chapters).Book!.Title);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == BibtexCodes.MissingCrossrefParent);
    }
}
