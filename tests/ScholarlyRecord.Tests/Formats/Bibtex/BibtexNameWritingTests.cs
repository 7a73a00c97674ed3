using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.Bibtex;

/// <summary>
/// Names with no given name, written so that bibtex accepts them ("von Last, Jr," and "{Last}," end with a comma, which
/// bibtex refuses) and read back as docs/formats-bibtex.md ("Names") says.
/// </summary>
public sealed class BibtexNameWritingTests
{
    [Theory]
    [InlineData(null, "Ng", null, null, "Ng", "Ng", null)] // one plain word: bare, the family name
    [InlineData(null, "Zoë", null, null, "Zo{\\\"e}", "Zoë", null)] // one word with a command: bare, the family name
    [InlineData(null, "Le Roy", null, null, "{Le Roy}", null, "Le Roy")] // two words: braced, a literal
    [InlineData(null, "山田", null, null, "{山田}", null, "山田")] // a caseless script alone: the reader takes it as a literal
    [InlineData(null, "Gates", null, "Jr.", "{Gates, Jr.}", null, "Gates, Jr.")] // a suffix joins the family name
    [InlineData(null, "Berg", "van", "Jr.", "van {Berg, Jr.}", "Berg, Jr.", null)]
    [InlineData("Ann", null, null, null, "Ann", "Ann", null)] // a given name alone is the name's only part
    public void Write_NameWithoutGivenName_NoTrailingCommaAndReadsBack(string? given, string? family, string? particle, string? suffix, string written, string? readFamily, string? readLiteral)
    {
        var chapter = new Chapter
        {
            Title = "T",
            Contributors = [new Contributor { Name = new PersonName { Given = given, Family = family, Particle = particle, Suffix = suffix }, Role = ContributorRole.Author }],
        };
        var text = ScholarlyRecord.Formats.Bibtex.Write(chapter);
        Assert.Contains("  author = {" + written + "},\n", text, StringComparison.Ordinal);
        var name = Assert.Single(Assert.Single(ScholarlyRecord.Formats.Bibtex.Read(text).Chapters).Contributors).Name;
        Assert.Equal(readFamily, name.Family);
        Assert.Equal(readLiteral, name.Literal);
        Assert.Null(name.Given);
        Assert.Null(name.Suffix);
    }

    [Theory]
    [InlineData(BibtexDialect.Bibtex, "{a\\ {}}")]
    [InlineData(BibtexDialect.Biblatex, "{a\\ {}}")]
    public void Write_FinalSpace_IsFollowedByEmptyGroup(BibtexDialect dialect, string written)
    {
        // bibtex trims white space at the end of a value: "a\ " would become "a\" and a style's "." after it "\.".
        var chapter = new Chapter { Title = "a " };
        var text = ScholarlyRecord.Formats.Bibtex.Write(chapter, BibtexWriteOptions.Default with { Dialect = dialect });
        Assert.Contains("  title = " + written + ",\n", text, StringComparison.Ordinal);
        Assert.Equal("a ", Assert.Single(ScholarlyRecord.Formats.Bibtex.Read(text).Chapters).Title);
    }

    [Fact]
    public void Write_BiblatexControlCharacter_IsSymbol()
    {
        // biber turns \char31 into U+001F, which its parser cannot take; \symbol{31} it leaves alone.
        var chapter = new Chapter { Title = "a\u001Fb" };
        var biblatex = ScholarlyRecord.Formats.Bibtex.Write(chapter, BibtexWriteOptions.Default with { Dialect = BibtexDialect.Biblatex });
        Assert.Contains("  title = {a\\symbol{31}b},\n", biblatex, StringComparison.Ordinal);
        Assert.Equal("a\u001Fb", Assert.Single(ScholarlyRecord.Formats.Bibtex.Read(biblatex).Chapters).Title);
        Assert.Contains("  title = {a\\char31{}b},\n", ScholarlyRecord.Formats.Bibtex.Write(chapter), StringComparison.Ordinal);
    }
}
