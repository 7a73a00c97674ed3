namespace ScholarlyRecord.Formats;

/// <summary>The line break a text writer puts between lines.</summary>
public enum LineEnding
{
    /// <summary>LF (<c>\n</c>), the default of BibTeX and Highwire output.</summary>
    Lf = 0,

    /// <summary>CR LF (<c>\r\n</c>), the default of RIS, as its specification asks.</summary>
    CrLf = 1,
}

internal static class LineEndings
{
    public static string Text(LineEnding ending) => ending == LineEnding.CrLf ? "\r\n" : "\n";

    public static LineEnding Checked(LineEnding value, string name) =>
        value is LineEnding.Lf or LineEnding.CrLf ? value : throw new ArgumentOutOfRangeException(name, value, "A line ending is Lf or CrLf.");
}
