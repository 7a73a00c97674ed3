using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>The real .bib files in TestData/real/bibtex: counts from SOURCES.md, exact diagnostics, values, round trips.</summary>
public class BibtexRealFileTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "real", "bibtex");

    // File, entry count and type counts as SOURCES.md "contents (computed)" gives them (string/preamble/comment there
    // are this layer's Strings, Preambles and explicit @comment blocks).
    public static TheoryData<string, int, string> Files => new()
    {
        { "bbt-BBT_does_not_import_groups_from_JabRef_5.1_1641.bib", 20, "incollection×16, comment×3, book×2, collection×1, article×1" },
        { "bbt-Better_BibTeX_does_not_export_collections_901.bibtex", 36, "article×15, book×14, incollection×5, comment×2, misc×1, unpublished×1" },
        { "bbt-Crossrefd_incollection_items_are_missing_date_on_import_3514.bib", 6, "incollection×3, book×3" },
        { "bbt-DOIs_excluded_from_export_in_6.7.86_2555.bib", 1, "incollection×1" },
        { "bbt-Dealing_with_base64-encoded_paths_from_BibDesk_2374.bib", 3, "inbook×1, book×1, article×1" },
        { "bbt-Exporting_Book_Sections_as_Inbook_1474.bibtex", 1, "inbook×1" },
        { "bbt-Failure_to_handle_unparsed_author_names_92.bib", 1, "incollection×1" },
        { "bbt-Import_error_with_character_+_in_BibTeX_field_name_2660.bib", 283, "book×62, article×36, nameonly×28, online×23, report×15, video×15, image×11, incollection×10, audio×10, jurisdiction×7, legislation×7, software×6, constitution×6, collection×5, dataset×5, inbook×4, presentation×4, legmaterial×4, manual×3, unpublished×3, legadminmaterial×3, periodical×2, inreference×2, inproceedings×2, phdthesis×2, hardware×2, misc×1, reference×1, proceedings×1, mastersthesis×1, patent×1, legal×1" },
        { "bbt-Jabref_import_-_groups_lost_1730-3.bib", 4, "article×2, inproceedings×2, comment×2" },
        { "bbt-Language_field_in_the_metadata_exported_incorrectly_1921.biblatex", 86, "inreference×38, book×28, incollection×13, article×7" },
        { "bbt-My_citation_key_formula_suddenly_includes_editors_for_book_sections_even_when_there_is_a_declared_author_2794.biblatex", 2, "incollection×2" },
        { "bbt-Qiqqa.bib", 2, "article×1, inbook×1" },
        { "bbt-Some_bibtex_entries_quietly_discarded_on_import_from_bib_file_873.bib", 988, "article×343, inproceedings×238, book×167, techreport×119, incollection×51, unpublished×24, misc×17, phdthesis×16, inbook×9, manual×2, proceedings×1, mastersthesis×1" },
        { "bbt-Title_of_German_entry_converted_to_lowercase_during_import_1350.bib", 4, "incollection×4" },
        { "bbt-zbb_quietly_chokes_on_this.bib_664.bib", 1, "string×2, article×1" },
        { "biblatex-examples.bib", 92, "book×35, article×20, string×8, incollection×5, mvbook×5, online×5, patent×4, collection×3, inbook×3, set×2, mvcollection×2, inproceedings×2, report×2, thesis×2, manual×1, periodical×1" },
        { "commonmeta-ruby-pure.bib", 1, "phdthesis×1" },
        { "crossref-contentneg-bibtex-book-10.1007_978-3-658-22345-8.bib", 1, "book×1" },
        { "jabref-jabref-authors.bib", 212, "inproceedings×149, article×48, techreport×6, incollection×5, proceedings×3, comment×2, phdthesis×1" },
        { "springerlink-citation-bibtex-article-10.1007_s11192-014-1292-9.bib", 1, "article×1" },
        { "springerlink-citation-bibtex-chapter-10.1007_978-3-540-46332-0_1.bib", 1, "inbook×1" },
        { "typst-biblatex-gral.bib", 83, "article×41, inproceedings×26, techreport×7, book×7, misc×2" },
        { "typst-biblatex-libra.bib", 35, "article×13, online×12, report×5, inproceedings×2, incollection×1, inreference×1, book×1" },
        { "xampl.bib", 36, "book×5, article×4, inbook×3, incollection×3, misc×3, string×3, inproceedings×3, proceedings×3, booklet×2, manual×2, mastersthesis×2, phdthesis×2, techreport×2, unpublished×2, preamble×1" },    };

    private static BibtexDocument Load(string file) => BibtexDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));

    [Fact]
    public void Folder_EveryFile_IsInTheTable()
    {
        var listed = Files.Select(row => (string)row.Data.Item1).ToHashSet(StringComparer.Ordinal);
        var present = Directory.GetFiles(Folder).Select(Path.GetFileName).Where(f => f!.EndsWith(".bib", StringComparison.Ordinal) || f.EndsWith(".bibtex", StringComparison.Ordinal) || f.EndsWith(".biblatex", StringComparison.Ordinal));
        Assert.Equal(listed.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_RealFile_GivesSourcesCounts(string file, int entries, string types)
    {
        var doc = Load(file);
        Assert.Equal(entries, doc.Entries.Count);
        foreach (var part in types.Split(", "))
        {
            var (type, count) = (part[..part.IndexOf('×', StringComparison.Ordinal)], int.Parse(part[(part.IndexOf('×', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            var actual = type switch
            {
                "string" => doc.Strings.Count,
                "preamble" => doc.Preambles.Count,
                "comment" => doc.Comments.Count(c => c.Kind is BibtexCommentKind.Braced or BibtexCommentKind.Line),
                _ => doc.Entries.Count(e => e.EntryType == type),
            };
            Assert.True(count == actual, type + ": expected " + count + ", got " + actual);
        }
        // No entry lost: every '@type{' / '@type(' that starts a line (outside % comments) is an entry, macro, preamble or comment.
        var starts = File.ReadLines(Path.Combine(Folder, file)).Count(l => l.TrimStart().StartsWith('@'));
        Assert.Equal(starts, doc.Entries.Count + doc.Strings.Count + doc.Preambles.Count + doc.Comments.Count(c => c.Kind is BibtexCommentKind.Braced or BibtexCommentKind.Line));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_RealFile_GivesExactDiagnostics(string file, int entries, string types)
    {
        _ = (entries, types);
        var doc = Load(file);
        var actual = doc.Diagnostics.Select(d => d.Line + ":" + d.Column + " " + d.Code).ToList();
        switch (file)
        {
            case "bbt-Title_of_German_entry_converted_to_lowercase_during_import_1350.bib":
                // The user pasted schiffer2005a twice.
                Assert.Equal(["36:1 BIB203"], actual);
                Assert.Equal(DiagnosticSeverity.Warning, doc.Diagnostics[0].Severity);
                Assert.Equal(2, doc.Entries.Count(e => e.Key == "schiffer2005a"));
                break;
            case "bbt-Some_bibtex_entries_quietly_discarded_on_import_from_bib_file_873.bib":
                // An extract of a larger bibliography: its @string file is missing, some keys repeat, one entry repeats 'keywords'.
                Assert.DoesNotContain(doc.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
                Assert.Equal(Bib873DuplicateKeys, actual.Where(d => d.EndsWith("BIB203", StringComparison.Ordinal)));
                Assert.Equal(["10316:3 BIB202", "10317:3 BIB202", "10318:3 BIB202", "10319:3 BIB202", "10320:3 BIB202"], actual.Where(d => d.EndsWith("BIB202", StringComparison.Ordinal)));
                Assert.Equal(Bib873UndefinedMacros, actual.Count(d => d.EndsWith("BIB201", StringComparison.Ordinal)));
                Assert.Equal(actual.Count, doc.Diagnostics.Count(d => d.Code is "BIB201" or "BIB202" or "BIB203"));
                var first = doc.Diagnostics.First(d => d.Code == BibtexCodes.UndefinedMacro);
                Assert.Equal((121, 14), (first.Line, first.Column));
                Assert.Equal("AAAI-91", doc.Entries.First(e => e.Line < 121 && e.Fields.Any(f => f.Line == 121)).GetField("booktitle")!.RawValue);
                break;
            default:
                Assert.Empty(actual);
                break;
        }
    }

    private static readonly string[] Bib873DuplicateKeys =
    [
        "866:1 BIB203", "936:1 BIB203", "946:1 BIB203", "1582:1 BIB203", "1875:1 BIB203", "2181:1 BIB203", "3018:1 BIB203",
        "3741:1 BIB203", "3810:1 BIB203", "4582:1 BIB203", "5608:1 BIB203", "6024:1 BIB203", "6132:1 BIB203", "7863:1 BIB203",
    ];

    private const int Bib873UndefinedMacros = 278;

    [Theory]
    [MemberData(nameof(Files))]
    public void Write_RealFile_ReparsesToSameBlocks(string file, int entries, string types)
    {
        _ = (entries, types);
        var doc = Load(file);
        var again = BibtexDocument.Parse(doc.ToString());
        BibtexAssert.SameBlocks(doc, again);
        Assert.Equal(doc.ToString(), again.ToString());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadEntriesAsync_RealFile_MatchesParse(string file, int entries, string types)
    {
        _ = types;
        using var reader = new StreamReader(Path.Combine(Folder, file));
        var bibtex = new BibtexReader(reader);
        var keys = new List<string>();
        await foreach (var entry in bibtex.ReadEntriesAsync(TestContext.Current.CancellationToken)) keys.Add(entry.Key);
        Assert.Equal(entries, keys.Count);
        Assert.Equal(Load(file).Entries.Select(e => e.Key), keys);
    }

    [Fact]
    public void Xampl_StringsAndConcatenation_Expand()
    {
        var doc = Load("xampl.bib");
        Assert.Equal(["STOC-key", "ACM", "STOC"], doc.Strings.Select(s => s.RawName));
        var preamble = Assert.Single(doc.Preambles);
        Assert.StartsWith("\\newcommand{\\noopsort}[1]{} \\newcommand{\\printfirst}", preamble.RawValue, StringComparison.Ordinal);
        var full = doc.Find("inproceedings-full")!;
        Assert.Equal("Proc. Fifteenth Annual ACM Symposium on the Theory of Computing", full["booktitle"]);
        Assert.True(full.GetField("booktitle")!.IsMacro is false);
        Assert.Equal([BibtexValueKind.Quoted, BibtexValueKind.Macro], full.GetField("booktitle")!.Parts.Select(p => p.Kind));
        Assert.True(full.GetField("organization")!.IsMacro);
        Assert.Equal("The OX Association for Computing Machinery", full["organization"]);
        Assert.Equal("July", doc.Find("article-full")!["month"]);
        Assert.Equal(7, doc.Find("article-full")!.GetMonth());
        Assert.Equal("G-Animal's Journal", doc.Find("article-minimal")!["journal"]);
        Assert.Equal("\\mbox{G-Animal's} Journal", doc.Find("article-minimal")!.GetRaw("journal"));
    }

    [Fact]
    public void BiblatexExamples_Incollection_DecodesAccentsAndMacros()
    {
        var doc = Load("biblatex-examples.bib");
        var incollections = doc.Entries.Where(e => e.EntryType == "incollection").Select(e => e.Key).ToList();
        Assert.Equal(5, incollections.Count);
        var westfahl = doc.Find("westfahl:space")!;
        Assert.Equal("incollection", westfahl.EntryType);
        Assert.Equal("westfahl:frontier", westfahl["crossref"]);
        Assert.Equal("The True Frontier", westfahl["title"]);
        Assert.Equal("Confronting and Avoiding the Realities of Space in American Science Fiction Films", westfahl["subtitle"]);
        var inherited = doc.WithInheritedFields(westfahl);
        Assert.Equal("Space and Beyond", inherited["booktitle"]);
        Assert.Equal("Westport, Conn. and London", inherited["location"]);
        var gaonkar = doc.Find("gaonkar:in")!;
        Assert.Equal("Gaonkar, Dilip Parameshwar", gaonkar["author"]);
    }

    [Fact]
    public void SpringerChapterExport_ReadsInbook()
    {
        var doc = Load("springerlink-citation-bibtex-chapter-10.1007_978-3-540-46332-0_1.bib");
        var entry = Assert.Single(doc.Entries);
        Assert.Equal("inbook", entry.EntryType);
        Assert.Equal("bookTitle", entry.GetField("booktitle")!.RawName);
        Assert.Equal("10.1007/978-3-540-46332-0_1", entry["doi"]);
        Assert.Equal(BibtexValueKind.Quoted, entry.GetField("doi")!.Delimiter);
    }

    [Fact]
    public void Qiqqa_CommaFirstStyle_ReadsFieldsAndAccents()
    {
        var doc = Load("bbt-Qiqqa.bib");
        Assert.Equal("Thomas Kühne", doc.Find("kuhne2006matters")!["author"]);
        Assert.Equal("Gödel, Kurt", doc.Find("godel1933present")!["author"]);
        Assert.Equal("369–385", doc.Find("kuhne2006matters")!["pages"]);
    }

    [Fact]
    public void PlusFieldName_IsKeptAsWritten()
    {
        var doc = Load("bbt-Import_error_with_character_+_in_BibTeX_field_name_2660.bib");
        var field = doc.Entries.SelectMany(e => e.Fields).First(f => f.RawName.Contains('+', StringComparison.Ordinal));
        Assert.Equal("AUTHOR+an:username", field.RawName);
        Assert.Equal("author+an:username", field.Name);
        Assert.Equal("1=\"@ausername\"", field.RawValue);
    }

    [Fact]
    public void ParenthesisEntries_And_LineComments_Read()
    {
        var doc = Load("bbt-Some_bibtex_entries_quietly_discarded_on_import_from_bib_file_873.bib");
        var first = doc.Entries[0];
        Assert.Equal(("article", "Biermann:75", 1, 1), (first.EntryType, first.Key, first.Line, first.Column));
        Assert.Equal("Approaches to automatic programming", first["title"]);
        Assert.Equal(30, doc.Comments.Count(c => c.Kind == BibtexCommentKind.Line));
        Assert.Contains(doc.Comments, c => c.Kind == BibtexCommentKind.Line && c.Text == "Len Schubert" && c.Line == 1954);
        Assert.Equal("Production rules as a representation for knowledge-based consultation program", doc.Find("Davis:77")!["title"]);
    }

    [Fact]
    public void CrlfFile_PositionsCountLines()
    {
        var doc = Load("bbt-Jabref_import_-_groups_lost_1730-3.bib");
        Assert.Equal("% Encoding: ISO-8859-1", doc.Comments[0].Text);
        Assert.Equal((3, 1), (doc.Entries[0].Line, doc.Entries[0].Column));
        Assert.Equal((4, 3), (doc.Entries[0].Fields[0].Line, doc.Entries[0].Fields[0].Column));
    }
}
