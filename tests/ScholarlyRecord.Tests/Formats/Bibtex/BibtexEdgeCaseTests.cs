using System.Text;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>
/// Every <c>bibtex</c> and <c>text</c> row of the edge-case catalogue, read at the document layer. Name-part expectations
/// (family, given, von, ...) are checked here on the decoded text and the split, and as PersonName parts in
/// <see cref="BibtexNamesTests"/>.
/// </summary>
public class BibtexEdgeCaseTests
{
    public static TheoryData<EdgeCase> Cases => EdgeCases.For("bibtex", "text");

    [Fact]
    public void Catalogue_HasBibtexRows()
    {
        Assert.Equal(27, EdgeCases.For("bibtex").Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Catalogue_Row_MeetsExpectation(EdgeCase row)
    {
        if (row.Area == "text")
        {
            TextRow(row);
            return;
        }
        var doc = BibtexDocument.Parse(InputOf(row));
        switch (row.ExpectKind)
        {
            case "normalizes-to":
                Normalizes(row, doc);
                break;
            case "error-with-position":
                ErrorWithPosition(row, doc);
                break;
            case "invalid":
                Assert.StartsWith("nesting-too-deep", row.ExpectValue, StringComparison.Ordinal);
                var deep = Assert.Single(doc.Diagnostics);
                Assert.Equal(BibtexCodes.NestingTooDeep, deep.Code);
                Assert.Equal(DiagnosticSeverity.Error, deep.Severity);
                Assert.Equal(1, deep.Line);
                Assert.Equal(17 + BibtexReader.MaxBraceDepth + 1, deep.Column); // the brace that opens level MaxBraceDepth + 1
                Assert.Empty(doc.Entries);
                break;
            case "roundtrip":
                RoundTrip(doc);
                break;
            default:
                Assert.Fail("unhandled expectation " + row.Expect);
                break;
        }
    }

    private static void Normalizes(EdgeCase row, BibtexDocument doc)
    {
        Assert.DoesNotContain(doc.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var entry = doc.Entries[0];
        foreach (var (key, expected) in row.ExpectFields())
        {
            switch (key)
            {
                case "entries":
                    Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), doc.Entries.Count);
                    break;
                case "key":
                    Assert.Equal(expected, entry.Key);
                    break;
                case "type":
                    Assert.Equal(expected, entry.EntryType);
                    break;
                case "month":
                    Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), entry.GetMonth());
                    Assert.True(entry.GetField("month")!.IsMacro);
                    break;
                case "authors":
                    Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), NamesWithoutOthers(entry).Count);
                    break;
                case "et-al":
                    Assert.Equal(bool.Parse(expected), SplitNames(entry)[^1].Equals("others", StringComparison.OrdinalIgnoreCase));
                    break;
                case "literal":
                    Assert.Equal(expected, Assert.Single(NamesWithoutOthers(entry)) is var one ? entry["author"] : null);
                    break;
                case "family" or "given" or "von" or "last" or "jr" or "first":
                    // The parts themselves are PersonName's (BibtexNamesTests); here: decoded and inside one name.
                    Assert.Contains(expected, entry["author"], StringComparison.Ordinal);
                    Assert.Single(NamesWithoutOthers(entry));
                    break;
                case var writer when writer.StartsWith("writer-emits:", StringComparison.Ordinal):
                    Assert.Equal(writer["writer-emits:".Length..], LatexEncoder.Encode(entry["title"]!));
                    break;
                case var crossref when crossref.Contains('.', StringComparison.Ordinal):
                    var parts = crossref.Split('.');
                    var child = doc.WithInheritedFields(doc.Find(parts[0])!);
                    Assert.Equal(expected, child[parts[1]]);
                    break;
                default:
                    Assert.Equal(expected, entry[key]);
                    break;
            }
        }
    }

    private static void ErrorWithPosition(EdgeCase row, BibtexDocument doc)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in row.ExpectValue.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) fields[part[..eq]] = part[(eq + 1)..];
        }
        var line = int.Parse(fields["line"], System.Globalization.CultureInfo.InvariantCulture);
        var diagnostic = Assert.Single(doc.Diagnostics);
        Assert.Equal(line, diagnostic.Line);
        if (fields.TryGetValue("col", out var col)) Assert.Equal(int.Parse(col, System.Globalization.CultureInfo.InvariantCulture), diagnostic.Column);
        if (fields.TryGetValue("entries-parsed", out var keys))
        {
            Assert.Equal(keys.Trim('[', ']').Split('|'), doc.Entries.Select(e => e.Key));
        }
        if (fields.TryGetValue("kept", out var kept))
        {
            Assert.Equal(BibtexCodes.DuplicateKey, diagnostic.Code);
            Assert.Equal(kept, doc.Find(doc.Entries[0].Key)!["title"]);
            Assert.Equal(2, doc.Entries.Count);
        }
        if (fields.TryGetValue("cycle", out var cycle))
        {
            Assert.Equal(BibtexCodes.CrossrefCycle, diagnostic.Code);
            Assert.Contains(cycle, diagnostic.Message, StringComparison.Ordinal);
            Assert.Equal("A", doc.WithInheritedFields(doc.Find("a")!)["title"]);
        }
    }

    private static void RoundTrip(BibtexDocument doc)
    {
        Assert.Empty(doc.Diagnostics);
        var written = doc.ToString();
        var again = BibtexDocument.Parse(written);
        BibtexAssert.SameBlocks(doc, again);
        Assert.Equal(written, again.ToString());
        // Math and LaTeX stay byte-exact in the raw value.
        foreach (var entry in doc.Entries)
        {
            foreach (var field in entry.Fields) Assert.Equal(field.RawValue, again.Find(entry.Key)!.GetRaw(field.Name));
        }
    }

    // A text row: the BibTeX decoder keeps such text (as NFC), and the encoder round-trips it.
    private static void TextRow(EdgeCase row)
    {
        var text = row.InputText;
        var nfc = text.Normalize(NormalizationForm.FormC);
        Assert.Equal(nfc, LatexDecoder.Decode(text));
        Assert.Equal(nfc, LatexDecoder.Decode(LatexEncoder.Encode(text)));
        var doc = BibtexDocument.Parse("@misc{k, title = {" + LatexEncoder.Encode(text) + "}}");
        Assert.Empty(doc.Diagnostics);
        Assert.Equal(nfc, doc.Entries[0]["title"]);
    }

    // The shared generator handles only 'x'*n terms; this catalogue row also has bare 'x' terms.
    private static string InputOf(EdgeCase row)
    {
        if (!row.Input.StartsWith("gen:", StringComparison.Ordinal)) return row.InputText;
        var sb = new StringBuilder();
        foreach (var term in row.Input[4..].Split(" + "))
        {
            var star = term.LastIndexOf('*');
            var quoteEnd = term.LastIndexOf('\'');
            if (star < quoteEnd) { sb.Append(term.Trim().Trim('\'')); continue; }
            var literal = term[..star].Trim().Trim('\'');
            var count = int.Parse(term[(star + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            sb.Insert(sb.Length, literal, count);
        }
        return sb.ToString();
    }

    private static List<string> SplitNames(BibtexEntry entry)
    {
        var raw = entry.GetRaw("author")!;
        return BibtexNameSplitter.Split(raw).Select(p => raw.Substring(p.Start, p.Length)).ToList();
    }

    private static List<string> NamesWithoutOthers(BibtexEntry entry)
        => SplitNames(entry).Where(n => !n.Equals("others", StringComparison.OrdinalIgnoreCase)).ToList();
}
