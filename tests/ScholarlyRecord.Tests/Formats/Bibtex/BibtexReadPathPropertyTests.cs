using CsCheck;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.Bibtex;

/// <summary>
/// §8.5: on generated .bib text with forward and backward crossrefs, crossrefs to non-book types, chains, cycles,
/// duplicate keys and broken blocks, the four read paths give the same chapters in the same order and the same
/// diagnostics (code, line, column, record). CsCheck prints the seed of a failing case; set CsCheck_Seed to replay it.
/// </summary>
public sealed class BibtexReadPathPropertyTests
{
    private static readonly string[] Keys = ["a", "b", "c", "d", "e"];

    private static readonly string[] Types = ["book", "mvbook", "collection", "proceedings", "incollection", "inbook", "inreference", "article", "misc"];

    // One block: an entry of a drawn type and key, with a crossref to a drawn key or none; sometimes a broken block.
    private static readonly Gen<string> Block =
        Gen.Frequency(
            (9, Gen.Select(Gen.OneOf(Types), Gen.OneOf(Keys), Gen.OneOf<string?>([.. Keys, null, null]), Gen.Int[0, 99], (type, key, parent, n) =>
                "@" + type + "{" + key + ",\n  title = {T" + n + "},\n" + (parent is null ? "" : "  crossref = {" + parent + "},\n") + "  publisher = {P" + n + "},\n  year = {19" + (n % 90 + 10) + "}\n}\n")),
            (1, Gen.OneOf("@book{broken, title = {no end\n", "@incollection{x title = {T}}\n", "@misc{\n", "@string{m = \"M\"}\n@inbook{m1, title = m, crossref = {a}}\n")));

    private static readonly Gen<string> Text = Block.Array[1, 12].Select(blocks => string.Concat(blocks));

    [Fact]
    public void FourReadPaths_GiveTheSameChaptersAndDiagnostics()
    {
        Text.Sample(text =>
        {
            var whole = ScholarlyRecord.Formats.Bibtex.Read(text);
            var streamed = ScholarlyRecord.Formats.Bibtex.ReadRecords(new StringReader(text)).ToList();
            var asyncStreamed = ToList(ScholarlyRecord.Formats.Bibtex.ReadRecordsAsync(new StringReader(text)));
            var document = BibtexMapping.ToRecords(BibtexDocument.Parse(text)).ToList();

            foreach (var records in new[] { streamed, asyncStreamed, document })
            {
                var collected = ReadResult.Collect(records);
                Assert.Equal(whole.Chapters, collected.Chapters);
                Assert.Equal(Places(whole.Diagnostics), Places(collected.Diagnostics));
                Assert.Equal(ByRecord(streamed), ByRecord(records));
            }
            Assert.Equal(streamed.Count, asyncStreamed.Count);
        }, iter: 400);
    }

    [Fact]
    public void ForwardCrossref_ChildWaitsForItsBookParent_AndNonBookParentsGiveNothing()
    {
        const string text = "@incollection{c1, title = {C1}, crossref = {p}}\n@incollection{c2, title = {C2}, crossref = {art}}\n@article{art, title = {A}, publisher = {Nope}}\n@book{p, title = {Book}, publisher = {Pub}}\n";
        var records = ScholarlyRecord.Formats.Bibtex.ReadRecords(new StringReader(text)).Where(r => r.Record > 0).ToList();
        // c2's parent is not a book: it never completes, so it waits to the end of the input like a missing parent.
        Assert.Equal([3L, 4L, 1L, 2L], records.Select(r => r.Record));
        var c1 = records.Single(r => r.Record == 1).Chapter!;
        Assert.Equal(("Book", "Pub"), (c1.Book!.Title, c1.Book.Publisher!.Name));
        var c2 = records.Single(r => r.Record == 2).Chapter!;
        Assert.Null(c2.Book?.Publisher);
        Assert.Equal(["C1", "C2"], ScholarlyRecord.Formats.Bibtex.Read(text).Chapters.Select(c => c.Title));
    }

    [Fact]
    public void Cycle_IsReportedOnceOnEveryPath()
    {
        const string text = "@incollection{c, title = {C}, crossref = {a}}\n@book{a, title = {A}, crossref = {b}}\n@book{b, title = {B}, crossref = {a}}\n";
        var whole = ScholarlyRecord.Formats.Bibtex.Read(text);
        var cycle = Assert.Single(whole.Diagnostics, d => d.Code == BibtexCodes.CrossrefCycle);
        Assert.Equal(3, cycle.Line);
        Assert.Equal("A", Assert.Single(whole.Chapters).Book!.Title);
        Assert.Single(BibtexDocument.Parse(text).Diagnostics, d => d.Code == BibtexCodes.CrossrefCycle);
    }

    private static List<(string Code, int Line, int Column)> Places(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => (d.Code, d.Line, d.Column))];

    private static List<(long Record, Chapter? Chapter, string Diagnostics)> ByRecord(IEnumerable<RecordResult> records) =>
        [.. records.Where(r => r.Record > 0).OrderBy(r => r.Record)
            .Select(r => (r.Record, r.Chapter, string.Join(";", r.Diagnostics.Select(d => $"{d.Code}@{d.Line}:{d.Column}"))))];

    private static List<RecordResult> ToList(IAsyncEnumerable<RecordResult> records)
    {
        var list = new List<RecordResult>();
        var enumerator = records.GetAsyncEnumerator();
        try
        {
            while (enumerator.MoveNextAsync().AsTask().Result) list.Add(enumerator.Current);
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().Wait();
        }
        return list;
    }
}
