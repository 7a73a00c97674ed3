namespace ScholarlyRecord;

/// <summary>
/// What one diagnostic code means: its code, the one severity every diagnostic with that code has, and a one-line
/// title. The library's descriptors are in <see cref="DiagnosticCatalogue.All"/>.
/// </summary>
/// <param name="Code">The code: an area prefix of 2 to 4 capital letters and a 3- or 4-digit number.</param>
/// <param name="Severity">The severity of every diagnostic with this code.</param>
/// <param name="Title">What the code means, in one line.</param>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title)
{
    /// <summary>True for a code the library no longer reports; its number is never issued again.</summary>
    public bool IsRetired { get; init; }
}
