using System.Globalization;
using System.Text.Json;
using System.Text.Encodings.Web;

namespace ScholarlyRecord.Cli;

/// <summary>
/// One problem <c>validate</c> found: where (file, record, line, column, JSON Pointer), how serious, its stable code
/// and the message.
/// </summary>
/// <param name="Record">The 1-based record number in the file, or null for a problem outside any record (a broken entry).</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Code">The stable code: a reader's (<c>BIB104</c>), the schema's (<c>SR0xxx</c>) or the model's (<c>SR1xxx</c>).</param>
/// <param name="Path">The JSON Pointer into the record, or null.</param>
/// <param name="Message">The message.</param>
internal sealed record Finding(long? Record, long Line, long Column, string Severity, string Code, string? Path, string Message);

/// <summary>The counts for one file or for the whole run.</summary>
internal sealed class Tally
{
    /// <summary>The records read.</summary>
    public long Records { get; set; }

    /// <summary>The errors found.</summary>
    public long Errors { get; set; }

    /// <summary>The warnings found.</summary>
    public long Warnings { get; set; }

    /// <summary>The infos found.</summary>
    public long Infos { get; set; }

    /// <summary>Counts a finding.</summary>
    /// <param name="finding">The finding.</param>
    public void Count(Finding finding)
    {
        switch (finding.Severity)
        {
            case "error": Errors++; break;
            case "warning": Warnings++; break;
            default: Infos++; break;
        }
    }

    /// <summary>Adds another tally's counts to this one.</summary>
    /// <param name="other">The other tally.</param>
    public void Add(Tally other)
    {
        Records += other.Records;
        Errors += other.Errors;
        Warnings += other.Warnings;
        Infos += other.Infos;
    }
}

/// <summary>Where <c>validate</c> writes its report, as it goes: text lines or one JSON document.</summary>
internal abstract class ValidationOutput : IDisposable
{
    /// <summary>Starts a file.</summary>
    /// <param name="file">The file as given.</param>
    /// <param name="format">The format it is read as.</param>
    public abstract void BeginFile(string file, string format);

    /// <summary>Reports a finding in the current file.</summary>
    /// <param name="file">The file.</param>
    /// <param name="finding">The finding.</param>
    public abstract void Add(string file, Finding finding);

    /// <summary>Ends the current file.</summary>
    /// <param name="tally">Its counts.</param>
    public abstract void EndFile(Tally tally);

    /// <summary>Reports a file that could not be checked (missing, unreadable, of no known format).</summary>
    /// <param name="file">The file.</param>
    /// <param name="message">Why.</param>
    public abstract void Failed(string file, string message);

    /// <summary>Ends the report.</summary>
    /// <param name="files">The number of files checked.</param>
    /// <param name="failures">The number of files that could not be checked.</param>
    /// <param name="total">The counts over every file.</param>
    public abstract void Complete(int files, int failures, Tally total);

    /// <inheritdoc/>
    public abstract void Dispose();
}

/// <summary>
/// The human report: one line per finding, <c>file:line:column: severity code: record N at /path: message</c>, then
/// a summary line.
/// </summary>
/// <param name="output">Standard output.</param>
internal sealed class TextValidationOutput(TextWriter output) : ValidationOutput
{
    /// <inheritdoc/>
    public override void BeginFile(string file, string format)
    {
    }

    /// <inheritdoc/>
    public override void Add(string file, Finding finding)
    {
        var where = finding.Record switch
        {
            null => "",
            { } record when string.IsNullOrEmpty(finding.Path) => string.Create(CultureInfo.InvariantCulture, $"record {record}: "),
            { } record => string.Create(CultureInfo.InvariantCulture, $"record {record} at {finding.Path}: "),
        };
        output.WriteLine(Reporter.Format(file, finding.Line, finding.Column, finding.Severity, finding.Code, where + finding.Message));
    }

    /// <inheritdoc/>
    public override void EndFile(Tally tally) => output.Flush();

    /// <inheritdoc/>
    public override void Failed(string file, string message)
    {
        // Said on standard error by the command; the text report only counts it.
    }

    /// <inheritdoc/>
    public override void Complete(int files, int failures, Tally total)
    {
        var verdict = total.Errors == 0 && failures == 0 ? "valid" : "invalid";
        var unread = failures > 0 ? string.Create(CultureInfo.InvariantCulture, $", {failures} {Plural(failures, "file")} not read") : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{verdict}: {files} {Plural(files, "file")}, {total.Records} {Plural(total.Records, "record")}, {total.Errors} {Plural(total.Errors, "error")}, {total.Warnings} {Plural(total.Warnings, "warning")}{unread}"));
        output.Flush();
    }

    /// <inheritdoc/>
    public override void Dispose() => output.Flush();

    private static string Plural(long count, string noun) => count == 1 ? noun : noun + "s";
}

/// <summary>
/// The JSON report, written as it goes: <c>{"files":[{"file","format","issues":[...],"records","errors","warnings","infos","valid"}
/// or {"file","error"}], "records","errors","warnings","infos","valid"}</c>. Each issue has <c>severity</c>, <c>code</c>,
/// <c>message</c> and, where known, <c>record</c>, <c>line</c>, <c>column</c> and <c>path</c>.
/// </summary>
internal sealed class JsonValidationOutput : ValidationOutput
{
    private readonly Utf8JsonWriter _json;

    /// <summary>Starts the document.</summary>
    /// <param name="output">Standard output.</param>
    public JsonValidationOutput(Stream output)
    {
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteStartArray("files");
    }

    /// <inheritdoc/>
    public override void BeginFile(string file, string format)
    {
        _json.WriteStartObject();
        _json.WriteString("file", file);
        _json.WriteString("format", format);
        _json.WriteStartArray("issues");
    }

    /// <inheritdoc/>
    public override void Add(string file, Finding finding)
    {
        _json.WriteStartObject();
        if (finding.Record is { } record) _json.WriteNumber("record", record);
        if (finding.Line > 0) _json.WriteNumber("line", finding.Line);
        if (finding.Column > 0) _json.WriteNumber("column", finding.Column);
        if (finding.Path is not null) _json.WriteString("path", finding.Path);
        _json.WriteString("severity", finding.Severity);
        _json.WriteString("code", finding.Code);
        _json.WriteString("message", finding.Message);
        _json.WriteEndObject();
    }

    /// <inheritdoc/>
    public override void EndFile(Tally tally)
    {
        _json.WriteEndArray();
        WriteCounts(tally);
        _json.WriteBoolean("valid", tally.Errors == 0);
        _json.WriteEndObject();
        _json.Flush();
    }

    /// <inheritdoc/>
    public override void Failed(string file, string message)
    {
        _json.WriteStartObject();
        _json.WriteString("file", file);
        _json.WriteString("error", message);
        _json.WriteEndObject();
        _json.Flush();
    }

    /// <inheritdoc/>
    public override void Complete(int files, int failures, Tally total)
    {
        _json.WriteEndArray();
        WriteCounts(total);
        _json.WriteNumber("unreadFiles", failures);
        _json.WriteBoolean("valid", total.Errors == 0 && failures == 0);
        _json.WriteEndObject();
        _json.Flush();
    }

    /// <inheritdoc/>
    public override void Dispose() => _json.Dispose();

    private void WriteCounts(Tally tally)
    {
        _json.WriteNumber("records", tally.Records);
        _json.WriteNumber("errors", tally.Errors);
        _json.WriteNumber("warnings", tally.Warnings);
        _json.WriteNumber("infos", tally.Infos);
    }
}
