// A native-AOT build of this program must behave exactly like the JIT build: it reads the fixture,
// writes it back and checks the bytes, and exercises the identifiers. Exit code 0 means it did.
using ScholarlyRecord;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

var path = Path.Combine(AppContext.BaseDirectory, "haslam-1992-conclusions.json");
var text = File.ReadAllText(path);
var chapter = ScholarlyJson.Deserialize(text);
var failures = 0;

Check(ScholarlyJson.Serialize(chapter) == text, "fixture re-serializes to identical text");
Check(chapter.Doi == Doi.Parse("https://doi.org/10.1007/978-1-349-05679-8_7"), "DOI parses from its URL");
Check(Isbn.Parse("978-1-349-05679-8").ToString() == "9781349056798", "ISBN canonical form");
Check(!Isbn.TryParse("978-1-349-05679-7", out _), "ISBN check digit is verified");
try
{
    ScholarlyJson.Deserialize(text.Replace("9781349056798", "9781349056797", StringComparison.Ordinal));
    Check(false, "a bad ISBN is refused");
}
catch (System.Text.Json.JsonException ex)
{
    Check(ex.Path == "$.book.isbns[0].value", "a bad ISBN is refused at its path");
}

using (var stream = new MemoryStream())
{
    ScholarlyJson.Write([chapter, chapter], stream, new ScholarlyJsonWriteOptions { Layout = ScholarlyJsonLayout.Lines });
    stream.Position = 0;
    Check(ScholarlyJson.Read(stream, new ScholarlyJsonReadOptions { Layout = ScholarlyJsonLayout.Lines }).Chapters.Count == 2, "JSON Lines round trip");
}

// The CSL processor: the embedded APA style and en-US locale load from resources and render the fixture as
// citeproc-js 2.4.63 does (the same text is checked against it in the test suite's CitationStylesTests).
var apa = CitationStyles.FindByName("apa");
Check(apa is not null, "the embedded APA style is found");
if (apa is not null)
{
    Check(Citation.Format(chapter, apa, CitationOutput.Text) == "Haslam, J. (1992). Conclusions. In The Soviet Union and the Threat from the East, 1933\u201341. Palgrave Macmillan. https://doi.org/10.1007/978-1-349-05679-8_7", "APA renders the fixture");
}

Console.WriteLine(failures == 0 ? "AOT smoke test passed" : $"AOT smoke test: {failures} check(s) failed");
return failures == 0 ? 0 : 1;

void Check(bool condition, string what)
{
    if (condition) return;
    failures++;
    Console.Error.WriteLine("failed: " + what);
}
