// Uses the packed library as an application would, and reports what a user of the package gets on this platform:
// which image of ScholarlyRecord.dll the host loaded, and the cold cost of the first CSL entry in the process.
// Exit code 0: the platform's ReadyToRun image was loaded (where the package ships one) and the entry is right.
// The timings are printed, never judged: a loaded machine stretches them.
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using ScholarlyRecord;
using ScholarlyRecord.Benchmarks;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

string[] shipped = ["linux-x64", "linux-arm64", "osx-arm64", "win-x64"];
const string expected = "Haslam, J. (1992). Conclusions. In The Soviet Union and the Threat from the East, 1933\u201341. Palgrave Macmillan. https://doi.org/10.1007/978-1-349-05679-8_7";

// The cold path is timed by the same code as the benchmark app's csl-peers (CslColdPath.cs, compiled into both):
// the item is read and the style's text is in hand before the clock.
var library = typeof(CslProcessor).Assembly;
var chapter = ScholarlyJson.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "haslam-1992-conclusions.json")));
var items = CslJsonDocument.Parse(CslJson.Write([chapter])).Items;
var cold = CslColdPath.Run(CslColdPath.EmbeddedStyleXml("apa"), items);
var entries = cold.Entries;

var rid = RuntimeInformation.RuntimeIdentifier;
var location = library.Location.Replace('\\', '/');
Console.WriteLine($"runtime identifier: {rid}");
Console.WriteLine($"ScholarlyRecord.dll loaded from: {location}");
Console.WriteLine($"cold: {cold}");

// A ReadyToRun image says so in its CLI header (the ILLibrary flag, and a native header beside the IL).
bool readyToRun;
using (var pe = new PEReader(File.OpenRead(library.Location)))
{
    var header = pe.PEHeaders.CorHeader;
    readyToRun = header is not null && (header.Flags & CorFlags.ILLibrary) != 0 && header.ManagedNativeHeaderDirectory.Size > 0;
}

Console.WriteLine($"ReadyToRun code in the loaded image: {(readyToRun ? "yes" : "no")}");

var failures = 0;
if (shipped.Contains(rid) && !readyToRun)
{
    failures++;
    Console.Error.WriteLine($"failed: the package ships a ReadyToRun image for {rid}, but the host loaded IL only ({location})");
}

if (entries.Count != 1 || entries[0] != expected)
{
    failures++;
    Console.Error.WriteLine($"failed: the APA entry is '{string.Join(" | ", entries)}', expected '{expected}'");
}

Console.WriteLine(failures == 0 ? "package consumer: passed" : $"package consumer: {failures} check(s) failed");
return failures == 0 ? 0 : 1;
