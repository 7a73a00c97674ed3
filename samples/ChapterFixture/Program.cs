// The fixture chapter (Haslam, "Conclusions", 1992) in every format the library writes, its citation line, its entry
// in every embedded CSL style, its validation report, and the proof that the publisher's page text gives the same chapter.
// Run: dotnet run --project samples/ChapterFixture
using System.Text;
using ChapterFixture;
using ScholarlyRecord;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Validation;

Console.OutputEncoding = Encoding.UTF8;

var fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");
var fixtureText = File.ReadAllText(Path.Combine(fixtures, "haslam-1992-conclusions.json"), Encoding.UTF8);
Chapter chapter = ScholarlyJson.Deserialize(fixtureText);

Section("ScholarlyRecord JSON");
var json = ScholarlyJson.Serialize(chapter);
Console.WriteLine(json);
Console.WriteLine(json == fixtureText
    ? "(re-serialized JSON is identical to the fixture file)"
    : "(re-serialized JSON DIFFERS from the fixture file)");

Section("CSL-JSON");
Console.WriteLine(CslJson.Write(chapter));

Section("BibTeX");
Console.WriteLine(Bibtex.Write(chapter));

Section("BibLaTeX");
Console.WriteLine(Bibtex.Write(chapter, new BibtexWriteOptions { Dialect = BibtexDialect.Biblatex }));

Section("RIS");
Console.WriteLine(Ris.Write(chapter, new RisWriteOptions { NewLine = LineEnding.Lf }));

Section("EndNote (.enw)");
Console.WriteLine(Endnote.Write(chapter, new EndnoteWriteOptions { NewLine = LineEnding.Lf }));

Section("schema.org JSON-LD");
Console.WriteLine(SchemaOrg.Write(chapter));

Section("Highwire meta tags (Google Scholar)");
Console.WriteLine(Highwire.Write(chapter));

Section("Cite this chapter (SpringerLink style)");
Console.WriteLine(Citation.Format(chapter, CitationStyle.SpringerLink));
Console.WriteLine(Citation.Format(chapter, CitationStyle.SpringerLink, CitationOutput.Html));

Section("CSL citation styles (embedded, bibliography entry)");
foreach (var style in CitationStyles.All.Where(s => s.Processor is not null))
{
    Console.WriteLine(style.Name + ": " + Citation.Format(chapter, style));
}

Section("Validation report");
var schemaReport = ScholarlySchema.Validate(fixtureText);
var modelReport = ChapterValidator.Validate(chapter);
Console.WriteLine($"JSON Schema:       {Describe(schemaReport)}");
Console.WriteLine($"Chapter validator: {Describe(modelReport)}");
foreach (var issue in schemaReport.Diagnostics.Concat(modelReport.Diagnostics)) Console.WriteLine("  " + issue);

Section("From the publisher's page");
var pageText = File.ReadAllText(Path.Combine(fixtures, "springer-chapter-page.txt"), Encoding.UTF8);
var fromPage = SpringerPageReader.Read(pageText);
Console.WriteLine(fromPage == chapter
    ? "The chapter read from springer-chapter-page.txt equals the fixture JSON, field for field."
    : "The chapter read from springer-chapter-page.txt DIFFERS from the fixture JSON.");
var citationLine = pageText.Split('\n').SkipWhile(l => l.Trim() != "Cite this chapter").Skip(2).FirstOrDefault()?.Trim();
Console.WriteLine(citationLine == Citation.Format(chapter, CitationStyle.SpringerLink)
    ? "Our citation line equals the page's \"Cite this chapter\" line, character for character."
    : "Our citation line DIFFERS from the page's \"Cite this chapter\" line.");

static string Describe(ValidationReport report) =>
    $"{(report.IsValid ? "valid" : "INVALID")} ({report.ErrorCount} errors, {report.WarningCount} warnings, {report.InfoCount} infos)";

static void Section(string title)
{
    Console.WriteLine();
    Console.WriteLine("== " + title + " " + new string('=', Math.Max(0, 70 - title.Length)));
}
