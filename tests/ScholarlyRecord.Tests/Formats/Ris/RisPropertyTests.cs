using CsCheck;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

/// <summary>Seeded random tests; CsCheck prints the seed to replay a failure.</summary>
public class RisPropertyTests
{
    private static readonly Gen<string> RisLikeText =
        Gen.OneOf("TY  - ", "ER  - ", "ER  -", "AU  - ", "TI  - ", "TY -  ", "\r\n", "\n", "\r", "-", " ", "  ", "A", "Z9", "x", "\uFEFF", "JOUR", "CHAP")
            .Array[0, 60]
            .Select(parts => string.Concat(parts));

    [Fact]
    public void Parse_ArbitraryText_NeverThrows() =>
        Gen.String.Sample(NeverThrows, iter: 2000, writeLine: TestContext.Current.SendDiagnosticMessage);

    [Fact]
    public void Parse_RisLikeText_NeverThrowsAndRoundTrips() =>
        RisLikeText.Sample(ParsesAndRoundTrips, iter: 5000, writeLine: TestContext.Current.SendDiagnosticMessage);

    // Regression: this seed made a record whose type had a further line "Z9  -" (read from "Z9" and " -"); the writer
    // put it on one line, which read back as an empty Z9 tag, so the type lost it.
    [Fact]
    public void Parse_RisLikeText_Seed8VomMiG4hpM6_RoundTrips() =>
        RisLikeText.Sample(ParsesAndRoundTrips, iter: 5000, seed: "8VomMiG4hpM6", writeLine: TestContext.Current.SendDiagnosticMessage);

    [Theory]
    [InlineData("Z9  -")]
    [InlineData("ER  - ")]
    [InlineData("AU  - Doe, Jane")]
    [InlineData("TY -  BOOK")]
    [InlineData("ER -")]
    public void Write_FurtherLineThatLooksLikeATagLine_ReadsBackAsTheSameValue(string line)
    {
        var record = new RisRecord("CHAP", [new RisField("N1", "first\n" + line)]);
        var parsed = RisDocument.Parse(new RisDocument([record]).ToString());

        Assert.Equal("first\n" + line, Assert.Single(Assert.Single(parsed.Records).Fields).Value);
        Assert.Empty(parsed.Diagnostics);
    }

    private static void ParsesAndRoundTrips(string text)
    {
        NeverThrows(text);
        var document = RisDocument.Parse(text);
        var written = document.ToString();
        RisAssert.SameRecords(document, RisDocument.Parse(written));
        Assert.Equal(written, RisDocument.Parse(written).ToString());
    }

    private static readonly Gen<string> Tag =
        Gen.Select(Gen.Char['A', 'Z'], Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"], (a, b) => new string([a, b]))
            .Where(t => t is not "TY" and not "ER");

    // A line of a value: not blank, not starting with something the reader would take for a tag line.
    private static readonly Gen<string> ValueLine = Gen.String["abc xyz,.-éΩ0123456789"].Where(s => !string.IsNullOrWhiteSpace(s));

    private static readonly Gen<string> Value = Gen.Frequency(
        (6, Gen.String["abc xyz,.-éΩ0123456789"]),
        (1, Gen.Select(ValueLine.Array[1, 4], Gen.Int[1, 3], (lines, breaks) => string.Join(new string('\n', breaks), lines))));

    private static readonly Gen<RisRecord> Record =
        Gen.Select(Gen.String["ABCDEFGHIJ"], Gen.Select(Tag, Value, (t, v) => new RisField(t, v)).Array[0, 12], (type, fields) => new RisRecord(type, fields));

    [Fact]
    public void Write_GeneratedDocument_ParsesBackToSameRecords() =>
        Record.Array[0, 8].Sample(records =>
        {
            var document = new RisDocument(records);
            foreach (var options in new[] { RisWriteOptions.Default, RisWriteOptions.Default with { NewLine = LineEnding.Lf } })
            {
                using var text = new StringWriter();
                document.Write(text, options);
                var parsed = RisDocument.Parse(text.ToString());

                RisAssert.SameRecords(document, parsed);
                Assert.DoesNotContain(parsed.Diagnostics, d => d.Code != RisCodes.EmptyType);
            }
        }, iter: 2000, writeLine: TestContext.Current.SendDiagnosticMessage);

    private static void NeverThrows(string text)
    {
        var document = RisDocument.Parse(text);
        Assert.NotNull(document.Records);
        Assert.All(document.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1));
    }
}
