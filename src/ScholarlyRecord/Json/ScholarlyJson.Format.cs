using System.Text;
using System.Text.Json;
using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Json;

public static partial class ScholarlyJson
{

    /// <summary>The library's own JSON as a record format: name <c>json</c>, extension <c>.json</c>, one chapter per document.</summary>
    public static IRecordFormat Format { get; } = new DocumentFormat();

    /// <summary>JSON Lines as a record format: name <c>jsonl</c>, extensions <c>.jsonl</c> and <c>.ndjson</c>, one chapter per line.</summary>
    public static IRecordFormat LinesFormat { get; } = new LinesRecordFormat();

    private static Diagnostic ToDiagnostic(JsonException ex, string code) => DiagnosticCatalogue.Create(
        code,
        ex.Message,
        (int)Math.Min((ex.LineNumber ?? 0) + 1, int.MaxValue),
        (int)Math.Min((ex.BytePositionInLine ?? 0) + 1, int.MaxValue));

    private sealed class DocumentFormat : IRecordFormat
    {
        public string Name => "json";

        public IReadOnlyList<string> FileExtensions { get; } = ValueList.From([".json"]);

        public bool CanRead => true;

        public bool CanWrite => true;

        public ReadResult Read(TextReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            try
            {
                return new ReadResult([Deserialize(reader.ReadToEnd())], []);
            }
            catch (JsonException ex)
            {
                return new ReadResult([], [ToDiagnostic(ex, ScholarlyJsonCodes.InvalidDocument)]);
            }
        }

        public void Write(IEnumerable<Chapter> chapters, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(chapters);
            ArgumentNullException.ThrowIfNull(writer);
            var list = chapters.ToList();
            if (list.Count != 1)
            {
                throw new ArgumentException($"A JSON document holds exactly one chapter, not {list.Count}; use JSON Lines (\"jsonl\") for several.", nameof(chapters));
            }
            writer.Write(Serialize(list[0]));
        }
    }

    private sealed class LinesRecordFormat : IRecordFormat
    {
        public string Name => "jsonl";

        public IReadOnlyList<string> FileExtensions { get; } = ValueList.From([".jsonl", ".ndjson"]);

        public bool CanRead => true;

        public bool CanWrite => true;

        public ReadResult Read(TextReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            var diagnostics = new List<Diagnostic>();
            using var bytes = new MemoryStream(Encoding.UTF8.GetBytes(reader.ReadToEnd()));
            var chapters = ReadLines(bytes, diagnostics.Add).ToList();
            return new ReadResult(chapters, diagnostics);
        }

        public void Write(IEnumerable<Chapter> chapters, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(chapters);
            ArgumentNullException.ThrowIfNull(writer);
            using var bytes = new MemoryStream();
            WriteLines(bytes, chapters);
            writer.Write(Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length));
        }
    }
}
