namespace ScholarlyRecord.Formats;

/// <summary>Writes records in the form the reader reads back to the same records.</summary>
internal static class RisWriter
{
    public static void WriteDocument(TextWriter writer, IReadOnlyList<RisRecord> records, string newLine)
    {
        for (var i = 0; i < records.Count; i++)
        {
            WriteRecord(writer, records[i], newLine);
            writer.Write(newLine);
        }
    }

    /// <summary>
    /// <c>TY  - type</c>, each field on its own line in order, then <c>ER  - </c>. A value holding line breaks
    /// is written as continuation lines: each run of k line breaks becomes k blank lines before the next
    /// piece of text, which is how the reader joins them back. A piece that would read as a tag line
    /// (<c>Z9  -</c>) is split after its tag into two lines, which the reader joins with one space. Line breaks
    /// at the very end of a value cannot be written and are dropped.
    /// </summary>
    public static void WriteRecord(TextWriter writer, RisRecord record, string newLine)
    {
        WriteLine(writer, "TY", record.Type, newLine);
        foreach (var field in record.Fields)
        {
            WriteLine(writer, field.Tag, field.Value, newLine);
        }
        WriteEnd(writer, newLine);
    }

    /// <summary>The <c>ER  - </c> line that ends a record.</summary>
    public static void WriteEnd(TextWriter writer, string newLine)
    {
        writer.Write("ER  - ");
        writer.Write(newLine);
    }

    /// <summary>The <c>tag  - </c> start of a field line.</summary>
    public static void WriteTag(TextWriter writer, string tag)
    {
        writer.Write(tag);
        writer.Write("  - ");
    }

    /// <summary>One field: <c>tag  - value</c>, the value's line breaks written as continuation lines (see <see cref="WriteRecord"/>).</summary>
    public static void WriteLine(TextWriter writer, string tag, string value, string newLine)
    {
        WriteTag(writer, tag);
        var rest = value.AsSpan();
        var first = true;
        while (true)
        {
            var breakAt = rest.IndexOfAny(RisSyntax.LineBreaks);
            var piece = breakAt < 0 ? rest : rest[..breakAt];
            if (!first)
            {
                writer.Write(newLine);
                if (RisText.LooksLikeTag(piece))
                {
                    // A further line that would read as a tag line (or a damaged TY/ER line): its third character is a
                    // space, so it is written as two lines, which the reader joins again with one space.
                    writer.Write(piece[..2]);
                    writer.Write(newLine);
                    piece = piece[3..];
                }
            }
            writer.Write(piece);
            first = false;
            if (breakAt < 0) break;

            // Count the line breaks in this run (CRLF counts once, as the reader counts it).
            var breaks = 0;
            var i = breakAt;
            while (i < rest.Length && (rest[i] == '\r' || rest[i] == '\n'))
            {
                i += rest[i] == '\r' && i + 1 < rest.Length && rest[i + 1] == '\n' ? 2 : 1;
                breaks++;
            }
            rest = rest[i..];
            if (rest.IsEmpty) break;
            for (var b = 0; b < breaks; b++)
            {
                writer.Write(newLine);
            }
        }
        writer.Write(newLine);
    }
}
