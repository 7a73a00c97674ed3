using System.Text;
using System.Text.Json;
using ScholarlyRecord.Citations;
using ScholarlyRecord.Internal;

namespace ScholarlyRecord.Formats;

/// <summary>
/// A CSL-JSON document read as CSL items (every type, kept as written), for the CSL processor. Invalid JSON never
/// throws: it gives a diagnostic with its line and column, and the items read before it are kept.
/// </summary>
public sealed class CslJsonDocument
{
    private CslJsonDocument(IReadOnlyList<CslItem> items, IReadOnlyList<Diagnostic> diagnostics)
    {
        Items = items;
        Diagnostics = diagnostics;
    }

    /// <summary>The items, in input order.</summary>
    public IReadOnlyList<CslItem> Items { get; }

    /// <summary>The problems found while reading.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads a JSON array of CSL items, or a single item object.</summary>
    /// <param name="text">The JSON text.</param>
    /// <returns>The items and diagnostics.</returns>
    public static CslJsonDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Reads a JSON array of CSL items, or a single item object, to the end of the reader.</summary>
    /// <param name="reader">The text source.</param>
    /// <returns>The items and diagnostics.</returns>
    public static CslJsonDocument Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads UTF-8 CSL-JSON from a stream (a byte order mark is skipped).</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <returns>The items and diagnostics.</returns>
    public static CslJsonDocument Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var memory = new MemoryStream();
        InputStream.Wrap(stream).CopyTo(memory);
        return Parse(memory.ToArray());
    }

    /// <summary>Reads UTF-8 CSL-JSON from a stream without blocking (a byte order mark is skipped).</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The items and diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null (thrown at the call).</exception>
    public static Task<CslJsonDocument> ParseAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ParseCoreAsync(stream, cancellationToken);
    }

    /// <summary>Reads a JSON array of CSL items, or a single item object, to the end of the reader without blocking.</summary>
    /// <param name="reader">The text source.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The items and diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null (thrown at the call).</exception>
    public static Task<CslJsonDocument> ParseAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ParseCoreAsync(reader, cancellationToken);
    }

    private static async Task<CslJsonDocument> ParseCoreAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, cancellationToken).ConfigureAwait(false);
        return Parse(memory.ToArray());
    }

    private static async Task<CslJsonDocument> ParseCoreAsync(TextReader reader, CancellationToken cancellationToken) =>
        Parse(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));

    private static CslJsonDocument Parse(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var items = new List<CslItem>();
        var diagnostics = new List<Diagnostic>();
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        var lines = new LineCounter(span);
        try
        {
            if (!reader.Read())
            {
                diagnostics.Add(CslDiagnostics.Create(CitationCodes.UnreadableInput, "The input is empty; expected a JSON array of CSL items or one item object.", 1, 1));
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                var (line, column) = lines.At((int)reader.TokenStartIndex);
                using var element = JsonDocument.ParseValue(ref reader);
                items.Add(CslItem.FromJson(element.RootElement, line, column));
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var (line, column) = lines.At((int)reader.TokenStartIndex);
                    using var element = JsonDocument.ParseValue(ref reader);
                    if (element.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        items.Add(CslItem.FromJson(element.RootElement, line, column));
                    }
                    else
                    {
                        diagnostics.Add(CslDiagnostics.Create(CitationCodes.NotAnItem, $"Expected a CSL item object, found {element.RootElement.ValueKind}; skipped.", line, column));
                    }
                }
            }
            else
            {
                var (line, column) = lines.At((int)reader.TokenStartIndex);
                diagnostics.Add(CslDiagnostics.Create(CitationCodes.UnreadableInput, $"Expected a JSON array of CSL items or one item object, found {reader.TokenType}.", line, column));
            }
        }
        catch (JsonException exception)
        {
            diagnostics.Add(CslDiagnostics.Create(CitationCodes.UnreadableInput, "Invalid JSON: " + exception.Message, (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1));
        }

        return new CslJsonDocument(items, diagnostics);
    }

    private ref struct LineCounter(ReadOnlySpan<byte> text)
    {
        private readonly ReadOnlySpan<byte> text = text;
        private int position;
        private int line = 1;
        private int lineStart;

        public (int Line, int Column) At(int offset)
        {
            while (position < offset && position < text.Length)
            {
                if (text[position] == (byte)'\n')
                {
                    line++;
                    lineStart = position + 1;
                }

                position++;
            }

            return (line, offset - lineStart + 1);
        }
    }
}
