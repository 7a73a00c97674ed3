using ScholarlyRecord.Formats.Bibtex;
using Xunit;

namespace ScholarlyRecord.Tests.Formats.Bibtex;

public class ScratchDump
{
    [Fact]
    public void Dump()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestData", "real", "bibtex");
        using var w = new StreamWriter("/tmp/bibdump.txt");
        foreach (var f in Directory.GetFiles(dir).OrderBy(x => x, StringComparer.Ordinal))
        {
            var doc = BibtexDocument.Parse(File.ReadAllText(f));
            w.WriteLine("== " + Path.GetFileName(f) + " entries=" + doc.Entries.Count + " strings=" + doc.Strings.Count + " preambles=" + doc.Preambles.Count + " comments=" + string.Join(",", doc.Comments.GroupBy(c => c.Kind).Select(g => g.Key + ":" + g.Count())));
            w.WriteLine("   types: " + string.Join(", ", doc.Entries.GroupBy(e => e.EntryType).OrderByDescending(g => g.Count()).Select(g => g.Key + "×" + g.Count())));
            foreach (var d in doc.Diagnostics) w.WriteLine("   " + d);
            var again = BibtexDocument.Parse(doc.ToString());
            w.WriteLine("   reparse entries=" + again.Entries.Count + " diags=" + again.Diagnostics.Count);
        }
    }
}
