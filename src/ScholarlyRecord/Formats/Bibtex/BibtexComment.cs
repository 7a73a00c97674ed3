namespace ScholarlyRecord.Formats;

/// <summary>What kind of text a <see cref="BibtexComment"/> holds.</summary>
public enum BibtexCommentKind
{
    /// <summary>Free text between blocks (including <c>%</c> lines such as <c>% Encoding: UTF-8</c>); BibTeX ignores it.</summary>
    Implicit,

    /// <summary>An <c>@comment{...}</c> (or <c>@comment(...)</c>) block; <see cref="BibtexComment.Text"/> is what is inside the delimiters.</summary>
    Braced,

    /// <summary>An <c>@comment</c> followed by text on the same line; <see cref="BibtexComment.Text"/> is the rest of that line.</summary>
    Line,

    /// <summary>A block that could not be parsed (a <c>BIB1xx</c> error names it), kept verbatim up to the point where reading resumed.</summary>
    Unparsed,
}

/// <summary>A comment, free text between blocks, or a block that could not be parsed, kept so that nothing is lost.</summary>
public sealed class BibtexComment : BibtexBlock
{
    internal BibtexComment(BibtexCommentKind kind, string text, int line, int column)
        : base(line, column)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>What kind of comment this is.</summary>
    public BibtexCommentKind Kind { get; }

    /// <summary>The text (line breaks normalised to <c>\n</c>; free text trimmed of surrounding white space).</summary>
    public string Text { get; }

    internal override void Write(TextWriter writer)
    {
        switch (Kind)
        {
            case BibtexCommentKind.Braced:
                writer.Write("@comment{");
                writer.Write(Text);
                writer.Write('}');
                break;
            case BibtexCommentKind.Line:
                writer.Write("@comment ");
                writer.Write(Text);
                break;
            default:
                writer.Write(Text);
                break;
        }
    }
}
