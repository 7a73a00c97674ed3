using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Tests.Interop;

/// <summary>
/// citeproc-js 2.4.63 (tests/interop/node_modules/citeproc) as a black-box oracle through tests/interop/csl-render.mjs:
/// one node process renders a batch of jobs. The style XML and the locales given to it are the ones embedded in the
/// library, so both processors read the same files.
/// </summary>
public static partial class CiteprocJs
{
    /// <summary>One rendering job: a style, an output format, a mode and the items (registered in this order).</summary>
    public sealed record Job(string StyleId, CitationOutput Output, bool Bibliography, IReadOnlyList<CslItem> Items);

    /// <summary>What citeproc-js returned for a job.</summary>
    public sealed record Result(IReadOnlyList<string> Entries, IReadOnlyList<string> Ids, IReadOnlyList<string> Citations, string? Error);

    /// <summary>Skips (or, under CI, fails) unless node and the citeproc package are installed.</summary>
    public static void Require()
    {
        if (InteropTools.FindOnPath("node") is null) Fail("node is not on PATH");
        if (InteropTools.InteropFolder is not { } folder || !File.Exists(Path.Combine(folder, "node_modules", "citeproc", "package.json")))
        {
            Fail("tests/interop/node_modules/citeproc is not installed (run npm ci in tests/interop, or .ci/install-test-tools)");
        }
    }

    private static void Fail(string what)
    {
        if (InteropTools.IsCi) Xunit.Assert.Fail("Interop tool missing under CI=true: " + what + ".");
        Xunit.Assert.Skip("Interop tool missing: " + what + ". Run .ci/install-test-tools to enable this test.");
    }

    /// <summary>The XML of an embedded style, read from the library's own resources.</summary>
    public static string StyleXml(string id) => Resource("ScholarlyRecord.Csl.styles." + id + ".csl");

    private static string Resource(string name)
    {
        using var stream = typeof(CslProcessor).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("No resource " + name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    // The English locales: every embedded style defaults to en-US or en-GB.
    private static readonly Lazy<JsonObject> Locales = new(() =>
    {
        var locales = new JsonObject();
        foreach (var name in typeof(CslProcessor).Assembly.GetManifestResourceNames())
        {
            const string prefix = "ScholarlyRecord.Csl.locales.locales-";
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".xml", StringComparison.Ordinal)) continue;
            var tag = name[prefix.Length..^4];
            if (tag.StartsWith("en-", StringComparison.Ordinal)) locales[tag] = Resource(name);
        }

        return locales;
    });

    /// <summary>Runs the jobs in one node process and returns one result per job.</summary>
    public static IReadOnlyList<Result> Render(IReadOnlyList<Job> jobs)
    {
        Require();
        var styles = new Dictionary<string, string>(StringComparer.Ordinal);
        var array = new JsonArray();
        foreach (var job in jobs)
        {
            if (!styles.TryGetValue(job.StyleId, out var xml)) styles[job.StyleId] = xml = StyleXml(job.StyleId);
            array.Add(new JsonObject
            {
                ["style"] = xml,
                ["lang"] = "en-US",
                ["format"] = job.Output == CitationOutput.Html ? "html" : "text",
                ["mode"] = job.Bibliography ? "bibliography" : "citation",
                ["items"] = ItemsJson(job.Items),
            });
        }

        var request = new JsonObject { ["locales"] = Locales.Value.DeepClone(), ["jobs"] = array };
        var folder = InteropTools.InteropFolder!;
        var response = InteropTools.Run("node", [Path.Combine(folder, "csl-render.mjs")], request.ToJsonString(), folder);
        var results = new List<Result>();
        foreach (var node in JsonNode.Parse(response)!.AsArray())
        {
            var o = node!.AsObject();
            results.Add(new Result(Strings(o["entries"]), Strings(o["ids"]), Strings(o["citations"]), o["error"]?.GetValue<string>()));
        }

        return results;
    }

    private static string[] Strings(JsonNode? node) => node is JsonArray a ? a.Select(n => n!.GetValue<string>()).ToArray() : [];

    private static JsonArray ItemsJson(IReadOnlyList<CslItem> items)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items) item.WriteTo(writer);
            writer.WriteEndArray();
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsArray();
    }

    /// <summary>
    /// The comparison form of one entry or citation, the same for both processors: citeproc-js's HTML entry wrapper
    /// (<c>&lt;div class="csl-entry"&gt;...&lt;/div&gt;</c>) removed, every run of white space (including no-break space
    /// and line breaks) made one space, and leading and trailing space removed. Markup, entities and punctuation are
    /// compared as they are.
    /// </summary>
    public static string Normalise(string text)
    {
        var trimmed = text.Trim();
        var wrapper = EntryWrapper().Match(trimmed);
        if (wrapper.Success) trimmed = wrapper.Groups[1].Value;
        return Space().Replace(trimmed, " ").Trim();
    }

    [GeneratedRegex(@"^<div class=""csl-entry"">(.*)</div>$", RegexOptions.Singleline)]
    private static partial Regex EntryWrapper();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
