using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScholarlyRecord.Internal;

/// <summary>
/// Reads and writes a <see cref="ITextValue{TSelf}"/> as a JSON string. Invalid text becomes a
/// <see cref="JsonException"/> whose message says why; the serializer adds the path and position.
/// </summary>
internal sealed class TextValueJsonConverter<T> : JsonConverter<T>
    where T : struct, ITextValue<T>
{
    private const int StackLimit = 256;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string holding a {T.TypeName}, found {JsonTokens.Describe(reader.TokenType)}.");
        }

        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        char[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var written = reader.CopyString(buffer);
            var text = buffer[..written];
            if (T.TryParse(text, out var value)) return value;
            var error = T.Validate(text);
            throw new JsonException(error?.Message ?? $"Not a valid {T.TypeName}.");
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (!value.IsValid)
        {
            throw new JsonException($"Cannot write default({typeof(T).Name}): it holds no {T.TypeName}.");
        }

        Span<char> buffer = stackalloc char[StackLimit];
        if (value.TryFormat(buffer, out var written, default, null))
        {
            writer.WriteStringValue(buffer[..written]);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
