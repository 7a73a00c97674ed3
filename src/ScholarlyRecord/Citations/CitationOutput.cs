namespace ScholarlyRecord.Citations;

/// <summary>The markup a rendered citation or bibliography is written in.</summary>
public enum CitationOutput
{
    /// <summary>Plain text: formatting such as italics is dropped.</summary>
    Text,

    /// <summary>HTML in the conventions of the CSL test-suite (<c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>, <c>&amp;#38;</c>...).</summary>
    Html,
}
