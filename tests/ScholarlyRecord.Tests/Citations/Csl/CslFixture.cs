using System.Text;
using System.Text.Json;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Tests.Citations.Csl;

/// <summary>One fixture of the CSL processor test-suite, read from its sections, and its run against our processor.</summary>
internal sealed class CslFixture
{
    private CslFixture(string name, Dictionary<string, string> sections)
    {
        Name = name;
        Sections = sections;
    }

    public string Name { get; }

    public Dictionary<string, string> Sections { get; }

    public string Mode => Sections.GetValueOrDefault("MODE", string.Empty).Trim();

    public string Expected => Sections.GetValueOrDefault("RESULT", string.Empty);

    public static CslFixture Load(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var body = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var open = Marker(line, ">>", "=>>");
            if (current is null && open is not null)
            {
                current = open;
                body.Clear();
                continue;
            }

            if (current is not null && Marker(line, "<<", "=<<") == current)
            {
                sections[current] = body.ToString().Trim();
                current = null;
                continue;
            }

            if (current is not null)
            {
                body.Append(line).Append('\n');
            }
        }

        return new CslFixture(Path.GetFileNameWithoutExtension(path), sections);
    }

    /// <summary>The section name of a delimiter line such as <c>&gt;&gt;===== MODE =====&gt;&gt;</c>, with any number of <c>=</c>.</summary>
    private static string? Marker(string line, string start, string end)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith(start + "=", StringComparison.Ordinal) || !trimmed.EndsWith(end, StringComparison.Ordinal))
        {
            return null;
        }

        var inner = trimmed[start.Length..^end.Length].Trim('=').Trim();
        return inner.Length > 0 && inner.All(static c => char.IsAsciiLetterUpper(c) || c == '-') ? inner : null;
    }

    /// <summary>Runs the fixture the way the test-suite's runner does and returns our output.</summary>
    public string Run()
    {
        var style = CslStyle.Parse(Sections["CSL"]);
        var input = CslJsonDocument.Parse(Sections.GetValueOrDefault("INPUT", "[]"));
        var items = input.Items;
        var processor = new CslProcessor(style);
        if (Sections.TryGetValue("CITATIONS", out var citationsJson))
        {
            return RunCitations(processor, items, citationsJson);
        }

        var document = processor.CreateDocument(items);
        if (Mode == "bibliography")
        {
            if (Sections.TryGetValue("CITATION-ITEMS", out var clusters))
            {
                document.RenderCitations(ReadClusters(clusters), CitationOutput.Html);
            }

            return document.Bibliography(CitationOutput.Html);
        }

        if (Sections.TryGetValue("CITATION-ITEMS", out var citationItems))
        {
            return string.Join("\n", document.RenderCitations(ReadClusters(citationItems), CitationOutput.Html));
        }

        var all = new CslCitation(items.Select(static i => new CslCite(i.Id ?? string.Empty)));
        return document.RenderCitations([all], CitationOutput.Html)[0];
    }

    private string RunCitations(CslProcessor processor, IReadOnlyList<CslItem> items, string json)
    {
        using var calls = JsonDocument.Parse(json);
        var order = new List<string>();
        var byId = new Dictionary<string, CslCitation>(StringComparer.Ordinal);
        var cited = new List<string>();
        IReadOnlyList<string> previous = [];
        List<string> previousOrder = [];
        IReadOnlyList<string> rendered = [];
        string? lastId = null;
        CslDocument? document = null;
        foreach (var call in calls.RootElement.EnumerateArray())
        {
            var citation = call[0];
            var id = citation.TryGetProperty("citationID", out var cid) ? cid.ToString() : "CITATION-" + byId.Count;
            var note = citation.TryGetProperty("properties", out var properties) && properties.TryGetProperty("noteIndex", out var n) && n.TryGetInt32(out var ni) ? ni : 0;
            var cites = citation.GetProperty("citationItems").EnumerateArray().Select(ReadCite).ToList();
            foreach (var cite in cites)
            {
                if (!cited.Contains(cite.Id))
                {
                    cited.Add(cite.Id);
                }
            }

            byId[id] = new CslCitation(cites, note);
            order.Clear();
            foreach (var pre in call[1].EnumerateArray())
            {
                order.Add(pre[0].ToString());
            }

            order.Add(id);
            foreach (var post in call[2].EnumerateArray())
            {
                order.Add(post[0].ToString());
            }

            // Each call re-registers the items cited so far, as the reference runner does.
            var inDocument = order.Where(byId.ContainsKey).SelectMany(o => byId[o].Cites.Select(static c => c.Id)).Distinct().ToList();
            var registered = items.Where(i => inDocument.Contains(i.Id ?? string.Empty)).OrderBy(i => inDocument.IndexOf(i.Id ?? string.Empty)).ToList();
            document = processor.CreateDocument(registered);
            previous = rendered;
            previousOrder = [.. orderSnapshot];
            rendered = document.RenderCitations(order.Where(byId.ContainsKey).Select(o => byId[o]).ToList(), CitationOutput.Html);
            orderSnapshot = order.Where(byId.ContainsKey).ToList();
            lastId = id;
        }

        if (Mode == "bibliography")
        {
            return document!.Bibliography(CitationOutput.Html);
        }

        var lines = new List<string>();
        for (var i = 0; i < orderSnapshot.Count; i++)
        {
            var citationId = orderSnapshot[i];
            var before = previousOrder.IndexOf(citationId);
            var changed = citationId == lastId || before < 0 || previous[before] != rendered[i];
            lines.Add($"{(changed ? ">>" : "..")}[{i}] {rendered[i]}");
        }

        return string.Join("\n", lines);
    }

    private List<string> orderSnapshot = [];

    private static List<CslCitation> ReadClusters(string json)
    {
        using var clusters = JsonDocument.Parse(json);
        var result = new List<CslCitation>();
        var note = 1;
        foreach (var cluster in clusters.RootElement.EnumerateArray())
        {
            result.Add(new CslCitation(cluster.EnumerateArray().Select(ReadCite).ToList(), note++));
        }

        return result;
    }

    private static CslCite ReadCite(JsonElement cite)
    {
        static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;
        static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && (v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.Number && v.GetInt32() != 0) || (v.ValueKind == JsonValueKind.String && v.GetString() is "true" or "1"));
        return new CslCite(Text(cite, "id") ?? string.Empty)
        {
            Locator = Text(cite, "locator") is { Length: > 0 } locator ? locator : null,
            Label = Text(cite, "label"),
            Prefix = Text(cite, "prefix"),
            Suffix = Text(cite, "suffix"),
            SuppressAuthor = Flag(cite, "suppress-author"),
            ForcedPosition = cite.TryGetProperty("position", out var p) && p.TryGetInt32(out var position) ? position : null,
            ForcedNearNote = cite.TryGetProperty("near-note", out _) ? Flag(cite, "near-note") : null,
        };
    }

    /// <summary>Compares as the suite's results need: white space between tags and runs of white space do not count.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (c is ' ' or '\n' or '\r' or '\t')
            {
                space = true;
                continue;
            }

            if (space)
            {
                var previousIsTag = builder.Length > 0 && builder[^1] == '>';
                if (!(previousIsTag && c == '<'))
                {
                    builder.Append(' ');
                }

                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
