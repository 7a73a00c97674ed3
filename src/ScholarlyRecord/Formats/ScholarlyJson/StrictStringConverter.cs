using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Writes strings only when they are well-formed UTF-16. The serializer would otherwise replace a lone surrogate with
/// U+FFFD without a word, and a round trip would silently change the text.
/// </summary>
internal sealed class StrictStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadString(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => WriteString(writer, value);

    /// <summary>Reads a JSON string, refusing any other token.</summary>
    internal static string ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string, found {Internal.JsonTokens.Describe(reader.TokenType)}.");
        }
        return reader.GetString()!;
    }

    /// <summary>Writes a string, refusing one that holds a lone surrogate.</summary>
    internal static void WriteString(Utf8JsonWriter writer, string value)
    {
        var index = IndexOfLoneSurrogate(value);
        if (index >= 0)
        {
            throw new JsonException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"The text \"{value[..index]}…\" holds a lone surrogate (U+{(int)value[index]:X4}) at index {index}; JSON cannot carry it."));
        }
        writer.WriteStringValue(value);
    }

    /// <summary>The index of the first unpaired surrogate in <paramref name="text"/>, or -1.</summary>
    internal static int IndexOfLoneSurrogate(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var at = text[offset..].IndexOfAnyInRange('\uD800', '\uDFFF');
            if (at < 0) return -1;
            var index = offset + at;
            if (Rune.DecodeFromUtf16(text[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return index;
            offset = index + consumed;
        }
    }
}
