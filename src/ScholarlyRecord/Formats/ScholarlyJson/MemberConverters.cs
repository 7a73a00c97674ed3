using System.Text.Json;
using System.Text.Json.Serialization;
using ScholarlyRecord.Validation;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Converters for the few members whose JSON the schema constrains beyond their .NET type, so that
/// <see cref="ScholarlyJson.Deserialize(string)"/> refuses exactly what <see cref="ScholarlySchema"/> refuses:
/// an empty title, a negative amount, a currency that is not an active ISO 4217 code.
/// Errors are thrown as <see cref="JsonException"/>, to which the serializer adds the member's path and position.
/// </summary>
internal static class MemberConverters
{
    public static JsonConverter<string> NonEmptyText { get; } = new NonEmptyTextConverter();

    public static JsonConverter<decimal> NonNegativeAmount { get; } = new NonNegativeAmountConverter();

    public static JsonConverter<string> CurrencyCode { get; } = new CurrencyCodeConverter();

    private sealed class NonEmptyTextConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = StrictStringConverter.ReadString(ref reader);
            return text.Length == 0 ? throw new JsonException("Expected text, found an empty string.") : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            // The schema requires a title; writing "" would give a document that neither the schema nor Deserialize accepts.
            if (value.Length == 0) throw new JsonException("Cannot write a chapter whose title is empty: the chapter JSON requires a title.");
            StrictStringConverter.WriteString(writer, value);
        }
    }

    private sealed class NonNegativeAmountConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException($"Expected an amount (a number), found {Internal.JsonTokens.Describe(reader.TokenType)}.");
            }
            if (!reader.TryGetDecimal(out var amount))
            {
                throw new JsonException("The amount is out of range for a decimal.");
            }
            return amount < 0 ? throw new JsonException(FormattableString.Invariant($"The amount {amount} is negative.")) : amount;
        }

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
        {
            if (value < 0) throw new JsonException(FormattableString.Invariant($"Cannot write the negative amount {value}: the chapter JSON requires zero or more."));
            writer.WriteNumberValue(value);
        }
    }

    private sealed class CurrencyCodeConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var code = StrictStringConverter.ReadString(ref reader);
            return CurrencyCodes.IsActive(code) ? code : throw new JsonException($"\"{code}\" is not an active ISO 4217 currency code.");
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            if (!CurrencyCodes.IsActive(value)) throw new JsonException($"Cannot write the currency \"{value}\": the chapter JSON requires an active ISO 4217 code.");
            StrictStringConverter.WriteString(writer, value);
        }
    }
}
