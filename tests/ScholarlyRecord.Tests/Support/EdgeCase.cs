using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ScholarlyRecord.Tests.Support;

/// <summary>One row of ../shared/edge-cases/cases.jsonl (copied into TestData/edge-cases).</summary>
public sealed record EdgeCase(int Line, string Area, string Input, string Expect, string Why, string Source)
{
    /// <summary>The input as bytes: <c>hex:</c> inputs decoded, <c>gen:</c> inputs generated, the rest UTF-8.</summary>
    public byte[] InputBytes => Input.StartsWith("hex:", StringComparison.Ordinal)
        ? Convert.FromHexString(Input[4..])
        : Encoding.UTF8.GetBytes(InputText);

    /// <summary>The input as text (<c>gen:</c> expressions expanded).</summary>
    public string InputText => Input.StartsWith("gen:", StringComparison.Ordinal) ? Generate(Input[4..]) : Input;

    /// <summary>The <c>[mode: ...]</c> or <c>[op: ...]</c> named in <see cref="Why"/>, or null.</summary>
    public string? Mode
    {
        get
        {
            var start = Why.IndexOf("[mode: ", StringComparison.Ordinal);
            var skip = 7;
            if (start < 0) { start = Why.IndexOf("[op: ", StringComparison.Ordinal); skip = 5; }
            if (start < 0) return null;
            var end = Why.IndexOf(']', start);
            return Why[(start + skip)..end];
        }
    }

    /// <summary>The kind of expectation: valid, invalid, normalizes-to, error-with-position, roundtrip, equals, not-equals.</summary>
    public string ExpectKind => Expect.Split(':', 2)[0];

    /// <summary>The text after the expectation's kind.</summary>
    public string ExpectValue => Expect.Contains(':', StringComparison.Ordinal) ? Expect.Split(':', 2)[1] : "";

    /// <summary>Parses <c>k=v;k=v</c> expectation values into a dictionary (keys without '=' map to "").</summary>
    public IReadOnlyDictionary<string, string> ExpectFields()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in ExpectValue.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) result[part] = "";
            else result[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        return result;
    }

    /// <summary>Shown in the test explorer: area, line and a short input.</summary>
    public override string ToString()
    {
        var shown = Input.Length > 60 ? Input[..60] + "…" : Input;
        return string.Create(CultureInfo.InvariantCulture, $"{Area}#{Line}: {shown.ReplaceLineEndings("⏎")}");
    }

    // The catalogue's generators are of the form 'x'*n + 'y'*m (Python syntax); nothing else is used.
    private static string Generate(string expression)
    {
        var sb = new StringBuilder();
        foreach (var term in expression.Split(" + "))
        {
            var star = term.LastIndexOf('*');
            if (star < 0 || term.EndsWith('\'')) { sb.Append(term.Trim().Trim('\'')); continue; }
            var literal = term[..star].Trim().Trim('\'');
            var count = int.Parse(term[(star + 1)..].Trim(), CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++) sb.Append(literal);
        }
        return sb.ToString();
    }
}

/// <summary>Loads the edge-case catalogue as theory data, one area (or several) at a time.</summary>
public static class EdgeCases
{
    private static readonly Lazy<List<EdgeCase>> All = new(Load);

    /// <summary>The cases of the given areas, as theory rows.</summary>
    public static TheoryData<EdgeCase> For(params string[] areas)
    {
        var data = new TheoryData<EdgeCase>();
        foreach (var c in All.Value)
        {
            if (areas.Contains(c.Area, StringComparer.Ordinal)) data.Add(c);
        }
        return data;
    }

    /// <summary>Every case, for the test that checks each area has an owner.</summary>
    public static IReadOnlyList<EdgeCase> Everything => All.Value;

    private static List<EdgeCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "edge-cases", "cases.jsonl");
        var list = new List<EdgeCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            list.Add(new EdgeCase(
                lineNumber,
                root.GetProperty("area").GetString()!,
                root.GetProperty("input").GetString()!,
                root.GetProperty("expect").GetString()!,
                root.GetProperty("why").GetString()!,
                root.GetProperty("source").GetString()!));
        }
        return list;
    }
}
