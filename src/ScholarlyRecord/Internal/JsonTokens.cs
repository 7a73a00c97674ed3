using System.Text.Json;

namespace ScholarlyRecord.Internal;

/// <summary>Names JSON tokens for error messages ("found a number").</summary>
internal static class JsonTokens
{
    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}
