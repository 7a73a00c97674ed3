// The fixture chapter, shown in every format the library supports.
// Run: dotnet run --project samples/ChapterFixture
using System.Text;
using ScholarlyRecord;
using ScholarlyRecord.Json;

Console.OutputEncoding = Encoding.UTF8;

var fixturePath = Path.Combine(AppContext.BaseDirectory, "fixtures", "haslam-1992-conclusions.json");
var fixtureText = File.ReadAllText(fixturePath, Encoding.UTF8);
Chapter chapter = ScholarlyJson.Deserialize(fixtureText);

Section("ScholarlyRecord JSON");
var json = ScholarlyJson.Serialize(chapter);
Console.WriteLine(json);
Console.WriteLine();
Console.WriteLine(json == fixtureText
    ? "Round trip: re-serialized JSON is identical to the fixture file."
    : "Round trip: re-serialized JSON DIFFERS from the fixture file.");

static void Section(string title)
{
    Console.WriteLine();
    Console.WriteLine("== " + title + " " + new string('=', Math.Max(0, 70 - title.Length)));
}
