using CsCheck;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

public class BibtexParserTests
{
    private const string Before = "@article{before, title = {Before}}\n";
    private const string After = "\n@article{after, title = {After}}\n";

    // python-bibtexparser's failure contract: each faulty block gives exactly one error at the right place, the next still parses.
    public static TheoryData<string, string, int, int> FaultyBlocks => new()
    {
        { "@article{article1, title={title1}", BibtexCodes.ExpectedCommaOrClose, 3, 1 },
        { "@article{article1, \n  title={title1}", BibtexCodes.ExpectedCommaOrClose, 4, 1 },
        { "@article{article1,", BibtexCodes.ExpectedName, 3, 1 },
        { "@article{article1", BibtexCodes.ExpectedCommaOrClose, 3, 1 },
        { "@article{article1, title={title1} author={a}}", BibtexCodes.ExpectedCommaOrClose, 2, 35 },
        { "@article{article1, title={title1, author={a}}", BibtexCodes.ExpectedCommaOrClose, 3, 1 },
        { "@article{article1, title={title1", BibtexCodes.UnterminatedValue, 2, 26 },
        { "@article{article1, title=\"title1, author={a}}", BibtexCodes.UnterminatedValue, 2, 26 },
        { "@string{foo = \"bar\"", BibtexCodes.ExpectedCommaOrClose, 3, 1 },
        { "@preamble{\"foo\"", BibtexCodes.ExpectedCommaOrClose, 3, 1 },
        { "@comment{foo", BibtexCodes.UnterminatedBlock, 2, 1 },
        { "@book{k title = {X}}", BibtexCodes.ExpectedCommaOrClose, 2, 9 },
        { "@book{k, title = }", BibtexCodes.ExpectedValue, 2, 18 },
        { "@book{k, title {X}}", BibtexCodes.ExpectedEquals, 2, 16 },
        { "@book k, title = {X}}", BibtexCodes.ExpectedOpeningDelimiter, 2, 7 },
    };

    [Theory]
    [MemberData(nameof(FaultyBlocks))]
    public void Parse_FaultyBlock_OneErrorAndNextEntryParses(string faulty, string code, int line, int column)
    {
        var doc = BibtexDocument.Parse(Before + faulty + After);
        var error = Assert.Single(doc.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, code, line, column), (error.Severity, error.Code, error.Line, error.Column));
        Assert.Equal(["before", "after"], doc.Entries.Select(e => e.Key));
        Assert.Equal("After", doc.Entries[1]["title"]);
        var unparsed = Assert.Single(doc.Comments, c => c.Kind == BibtexCommentKind.Unparsed);
        Assert.Equal((2, 1), (unparsed.Line, unparsed.Column));
        Assert.Equal(faulty.TrimEnd(), unparsed.Text);
    }

    [Fact]
    public void Parse_LineEndings_CountedAlike()
    {
        foreach (var eol in new[] { "\n", "\r\n", "\r" })
        {
            var doc = BibtexDocument.Parse("\uFEFF% c" + eol + "@book{k," + eol + "  title = {A" + eol + "B}," + eol + "  year = x}");
            Assert.Equal((2, 1), (doc.Entries[0].Line, doc.Entries[0].Column));
            Assert.Equal("A B", doc.Entries[0]["title"]);
            Assert.Equal("A\nB", doc.Entries[0].GetRaw("title"));
            var warning = Assert.Single(doc.Diagnostics);
            Assert.Equal((BibtexCodes.UndefinedMacro, 5, 10), (warning.Code, warning.Line, warning.Column));
            Assert.Equal("% c", doc.Comments[0].Text);
        }
    }

    [Fact]
    public void Parse_ParenthesesTrailingCommaAndSpecialKeys_Read()
    {
        var doc = BibtexDocument.Parse("@Article(a+b:c/d.e,\n  Title = {T},\n  note = \"x\" # {y} # 2000,\n)\n@book{k,\n, author = {A}\n, title = {B}\n}");
        Assert.Empty(doc.Diagnostics);
        Assert.Equal("a+b:c/d.e", doc.Entries[0].Key);
        Assert.Equal("article", doc.Entries[0].EntryType);
        Assert.Equal("xy2000", doc.Entries[0]["NOTE"]);
        Assert.Equal("B", doc.Entries[1]["title"]);
    }

    [Fact]
    public void Parse_DuplicateField_WarnsAndIndexerReturnsFirst()
    {
        var doc = BibtexDocument.Parse("@book{k, title = {A}, TITLE = {B}}");
        var warning = Assert.Single(doc.Diagnostics);
        Assert.Equal((BibtexCodes.DuplicateField, 1, 23), (warning.Code, warning.Line, warning.Column));
        Assert.Equal("A", doc.Entries[0]["title"]);
        Assert.Equal(2, doc.Entries[0].Fields.Count);
    }

    [Fact]
    public void Parse_CommentForms_AreKept()
    {
        var doc = BibtexDocument.Parse("@comment{a {b} c}\n@Comment rest of line\nfree text\n@book{k, x = 1}");
        Assert.Equal([(BibtexCommentKind.Braced, "a {b} c"), (BibtexCommentKind.Line, "rest of line"), (BibtexCommentKind.Implicit, "free text")],
            doc.Comments.Select(c => (c.Kind, c.Text)));
        Assert.Equal("k", Assert.Single(doc.Entries).Key);
    }

    [Fact]
    public void Parse_EmailInFreeText_IsNotAnEntry()
    {
        var doc = BibtexDocument.Parse("write to me@example.org please\n@book{k, x = 1}");
        Assert.Empty(doc.Diagnostics);
        Assert.Single(doc.Entries);
    }

    [Fact]
    public void ReadEntries_LargeInput_StreamsInSmallChunks()
    {
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => "@misc{k" + i + ", title = {Title " + i + " with {braces} and \\'e}, note = \"" + new string('x', 50) + "\"}\n"));
        using var reader = new StringReader(text);
        var count = 0;
        foreach (var entry in new BibtexReader(reader).ReadEntries())
        {
            Assert.Equal("k" + count, entry.Key);
            Assert.Equal(count + 1, entry.Line);
            count++;
        }
        Assert.Equal(5000, count);
    }

    [Fact]
    public void Parse_ArbitraryText_NeverThrows()
    {
        Gen.String.Sample(s => { _ = BibtexDocument.Parse(s).ToString(); }, iter: 2000, seed: null);
        Gen.Char["@{}()\",=#%\\ \nab1"].Array[0, 80].Select(a => new string(a)).Sample(s =>
        {
            var doc = BibtexDocument.Parse(s);
            foreach (var e in doc.Entries) foreach (var f in e.Fields) _ = f.Value;
            _ = BibtexDocument.Parse(doc.ToString());
        }, iter: 20000);
    }

    [Fact]
    public void Write_ArbitraryBlocks_ReparsesToSameBlocks()
    {
        Gen.Char["@{}()\",=#%\\ \nab1"].Array[0, 60].Select(a => "@misc{k, title = {x}}\n" + new string(a)).Sample(s =>
        {
            var doc = BibtexDocument.Parse(s);
            var again = BibtexDocument.Parse(doc.ToString());
            Assert.Equal(doc.Entries.Select(e => e.ToString()), again.Entries.Select(e => e.ToString()));
        }, iter: 20000);
    }
}
