// Uses the packed library as an application would, and reports what a user of the package gets on this platform:
// which image of ScholarlyRecord.dll the host loaded, and the cold cost of the first CSL entry in the process.
// Exit code 0: the platform's ReadyToRun image was loaded (where the package ships one) and the entry is right.
// The timings are printed, never judged: a loaded machine stretches them.
using System.Diagnostics;
using System.Globalization;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text;
using ScholarlyRecord;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

string[] shipped = ["linux-x64", "linux-arm64", "osx-arm64", "win-x64"];
const string expected = "Haslam, J. (1992). Conclusions. In The Soviet Union and the Threat from the East, 1933\u201341. Palgrave Macmillan. https://doi.org/10.1007/978-1-349-05679-8_7";

// Everything before the clock is what the benchmark app (csl-peers) also does before its clock: the item is read,
// and the style's text is in hand.
var library = typeof(CslProcessor).Assembly;
var chapter = ScholarlyJson.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "haslam-1992-conclusions.json")));
var items = CslJsonDocument.Parse(CslJson.Write([chapter])).Items;
string apaXml;
using (var stream = library.GetManifestResourceStream("ScholarlyRecord.Csl.styles.apa.csl") ?? throw new InvalidOperationException("the APA style is not embedded"))
using (var reader = new StreamReader(stream, Encoding.UTF8))
{
    apaXml = reader.ReadToEnd();
}

var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
var jitTime = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
var clock = Stopwatch.StartNew();
var style = CslStyle.Parse(apaXml);
var parsed = clock.Elapsed.TotalMilliseconds;
var processor = new CslProcessor(style);
var created = clock.Elapsed.TotalMilliseconds;
var document = processor.CreateDocument(items);
var registered = clock.Elapsed.TotalMilliseconds;
var entries = document.BibliographyEntries(CitationOutput.Text);
clock.Stop();
jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - jitMethods;
jitTime = System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jitTime;

var rid = RuntimeInformation.RuntimeIdentifier;
var location = library.Location.Replace('\\', '/');
Console.WriteLine($"runtime identifier: {rid}");
Console.WriteLine($"ScholarlyRecord.dll loaded from: {location}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"cold: {clock.Elapsed.TotalMilliseconds:F1} ms (style parse {parsed:F1}, processor {created - parsed:F1}, document {registered - created:F1}, first entry {clock.Elapsed.TotalMilliseconds - registered:F1}); {jitMethods} methods compiled by the JIT in {jitTime.TotalMilliseconds:F1} ms"));

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
