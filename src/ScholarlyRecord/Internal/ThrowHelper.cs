using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ScholarlyRecord.Internal;

/// <summary>
/// The one place the identifier and value types throw from, so that the hot paths stay small and
/// every exception carries a message that says what was wrong.
/// </summary>
[StackTraceHidden]
internal static class ThrowHelper
{
    /// <summary>Throws the <see cref="FormatException"/> that <c>Parse</c> raises for <paramref name="error"/>.</summary>
    [DoesNotReturn]
    public static void ThrowFormatException(ParseError error) => throw error.ToException();

    /// <summary>Throws for a format string that a type does not understand.</summary>
    [DoesNotReturn]
    public static void ThrowUnknownFormat(string typeName, ReadOnlySpan<char> format) =>
        throw new FormatException($"Unknown {typeName} format \"{format}\": only null, \"\" and \"G\" (the canonical form) are supported.");

    /// <summary>Throws because an operation needs a real value and got <c>default(T)</c>.</summary>
    [DoesNotReturn]
    public static void ThrowDefaultValue(string typeName) =>
        throw new InvalidOperationException($"This {typeName} is default: it holds no value. Obtain one with Parse or TryParse.");

    /// <summary>Throws when a mapping is handed <c>default(JsonElement)</c>, which holds no JSON value (a null check for a struct).</summary>
    public static void ThrowIfUndefined(JsonElement element, [CallerArgumentExpression(nameof(element))] string? name = null)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The element is a default JsonElement, which holds no JSON value.", name);
        }
    }
}
