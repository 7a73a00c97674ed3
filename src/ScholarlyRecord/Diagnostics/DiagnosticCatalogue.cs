using System.Collections.Frozen;

namespace ScholarlyRecord;

/// <summary>
/// Every diagnostic code the library has issued, with its one severity and its meaning; docs/diagnostics.md is this
/// list as a table. A code is an area prefix and a number (<c>BIB104</c>, <c>SR1002</c>) and is never reused.
/// </summary>
public static partial class DiagnosticCatalogue
{
    private static readonly DiagnosticDescriptor[] Table = CreateTable();

    private static readonly FrozenDictionary<string, DiagnosticDescriptor> ByCode =
        Table.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>The descriptors, retired ones included, grouped by area in the order of docs/diagnostics.md.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = ValueList.From(Table);

    /// <summary>Finds the descriptor of a code (ordinal comparison).</summary>
    /// <param name="code">The code, such as <c>BIB104</c>.</param>
    /// <returns>The descriptor, or <see langword="null"/> when the library has never issued the code.</returns>
    public static DiagnosticDescriptor? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.GetValueOrDefault(code);
    }

    /// <summary>
    /// Creates a diagnostic with the severity the catalogue gives <paramref name="code"/>: the one way the library
    /// makes a <see cref="Diagnostic"/>, so that a code never appears with two severities.
    /// </summary>
    /// <param name="code">A code from one of the <c>*Codes</c> classes.</param>
    /// <param name="message">The message.</param>
    /// <param name="line">The 1-based line, or 0.</param>
    /// <param name="column">The 1-based column, or 0.</param>
    /// <returns>The diagnostic.</returns>
    internal static Diagnostic Create(string code, string message, int line = 0, int column = 0) =>
        new(code, SeverityOf(code), message) { Line = line, Column = column };

    /// <summary>Creates a diagnostic about a place in a record's JSON (a validator's finding).</summary>
    /// <param name="code">A code from one of the <c>*Codes</c> classes.</param>
    /// <param name="path">The RFC 6901 JSON Pointer; <c>""</c> for the whole record.</param>
    /// <param name="message">The message.</param>
    /// <returns>The diagnostic.</returns>
    internal static Diagnostic CreateAt(string code, string path, string message) =>
        new(code, SeverityOf(code), message) { Path = path };

    // A code missing from the table is a library bug that the catalogue tests catch; it is reported as an error rather
    // than thrown, because readers must not throw on input.
    private static DiagnosticSeverity SeverityOf(string code) =>
        ByCode.TryGetValue(code, out var descriptor) ? descriptor.Severity : DiagnosticSeverity.Error;
}
