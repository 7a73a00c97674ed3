using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScholarlyRecord.Cli;

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
    public void Count(Diagnostic finding)
    {
        switch (finding.Severity)
        {
            case DiagnosticSeverity.Error: Errors++; break;
            case DiagnosticSeverity.Warning: Warnings++; break;
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
    public abstract void Add(string file, Diagnostic finding);

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
    public override void Add(string file, Diagnostic finding)
    {
        // A model or schema finding (it has a JSON Pointer) names its record; a reader's is placed by line and column.
        var where = finding.Path switch
        {
            null => "",
            "" => string.Create(CultureInfo.InvariantCulture, $"record {finding.Record}: "),
            var path => string.Create(CultureInfo.InvariantCulture, $"record {finding.Record} at {path}: "),
        };
        output.WriteLine(Reporter.Format(file, finding.Line, finding.Column, Reporter.Name(finding.Severity), finding.Code, where + finding.Message));
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
/// The JSON report: <c>{"files":[{"file","format","issues":[...],"records","errors","warnings","infos","valid"}, ...],
/// "records","errors","warnings","infos","unreadFiles","valid"}</c>. Each file's object is written when the file ends;
/// an issue is the library's diagnostic (code, severity, message, line, column, path, record).
/// </summary>
internal sealed class JsonValidationOutput(Stream output) : ValidationOutput
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly StreamWriter _text = new(output, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\n" };
    private JsonObject? _file;
    private JsonArray? _issues;
    private bool _any;

    /// <inheritdoc/>
    public override void BeginFile(string file, string format)
    {
        _issues = [];
        _file = new JsonObject { ["file"] = file, ["format"] = format, ["issues"] = _issues };
    }

    /// <inheritdoc/>
    public override void Add(string file, Diagnostic finding)
    {
        var issue = new JsonObject();
        if (finding.Record > 0) issue["record"] = finding.Record;
        if (finding.Line > 0) issue["line"] = finding.Line;
        if (finding.Column > 0) issue["column"] = finding.Column;
        if (finding.Path is not null) issue["path"] = finding.Path;
        issue["severity"] = Reporter.Name(finding.Severity);
        issue["code"] = finding.Code;
        issue["message"] = finding.Message;
        _issues!.Add(issue);
    }

    /// <inheritdoc/>
    public override void EndFile(Tally tally)
    {
        Counts(_file!, tally);
        _file!["valid"] = tally.Errors == 0;
        WriteFile(_file);
        _file = null;
    }

    /// <inheritdoc/>
    public override void Failed(string file, string message) => WriteFile(new JsonObject { ["file"] = file, ["error"] = message });

    /// <inheritdoc/>
    public override void Complete(int files, int failures, Tally total)
    {
        var end = new JsonObject();
        Counts(end, total);
        end["unreadFiles"] = failures;
        end["valid"] = total.Errors == 0 && failures == 0;
        var members = end.ToJsonString(Options);
        _text.Write(_any ? "\n  ],\n" : "{\n  \"files\": [],\n");
        // The summary members, indented one level inside the root object.
        _text.Write(string.Join('\n', members.Split('\n')[1..^1]));
        _text.Write("\n}");
        _text.Flush();
    }

    /// <inheritdoc/>
    public override void Dispose() => _text.Dispose();

    private void WriteFile(JsonObject file)
    {
        _text.Write(_any ? ",\n" : "{\n  \"files\": [\n");
        _any = true;
        var lines = file.ToJsonString(Options).Split('\n');
        _text.Write(string.Join('\n', lines.Select(l => "    " + l)));
        _text.Flush();
    }

    private static void Counts(JsonObject target, Tally tally)
    {
        target["records"] = tally.Records;
        target["errors"] = tally.Errors;
        target["warnings"] = tally.Warnings;
        target["infos"] = tally.Infos;
    }
}
