namespace ScholarlyRecord.Formats;

/// <summary>Writes records in the form the reader reads back to the same records.</summary>
internal static class EndnoteWriter
{
    private static readonly char[] LineBreaks = ['\r', '\n'];

    /// <summary>The records, each followed by a blank line.</summary>
    public static void WriteDocument(TextWriter writer, IReadOnlyList<EndnoteRecord> records, string newLine)
    {
        for (var i = 0; i < records.Count; i++)
        {
            WriteRecord(writer, records[i], newLine);
            writer.Write(newLine);
        }
    }

    /// <summary><c>%0 type</c> (a bare <c>%0</c> when the type is empty), then each field on its own line, in order.</summary>
    public static void WriteRecord(TextWriter writer, EndnoteRecord record, string newLine)
    {
        WriteField(writer, EndnoteSyntax.TypeTag, record.Type, newLine);
        foreach (var field in record.Fields)
        {
            WriteField(writer, field.Tag, field.Value, newLine);
        }
    }

    /// <summary>
    /// One field: <c>tag value</c>, each further line of the value (after CR LF, CR or LF) on a continuation line. The
    /// first line is written as it is; a further line that is blank is left out (a blank line would end the record),
    /// and one that starts with <c>%</c> gets a leading space, so that it cannot be read as a tag line.
    /// </summary>
    public static void WriteField(TextWriter writer, string tag, string value, string newLine)
    {
        writer.Write(tag);
        var first = true;
        var rest = value.AsSpan();
        while (true)
        {
            var breakAt = rest.IndexOfAny(LineBreaks);
            var piece = breakAt < 0 ? rest : rest[..breakAt];
            if (first)
            {
                if (!piece.IsEmpty)
                {
                    writer.Write(' ');
                    writer.Write(piece);
                }
                first = false;
            }
            else if (!piece.IsWhiteSpace())
            {
                writer.Write(newLine);
                if (piece[0] == '%') writer.Write(' ');
                writer.Write(piece);
            }
            if (breakAt < 0) break;
            var next = breakAt + (rest[breakAt] == '\r' && breakAt + 1 < rest.Length && rest[breakAt + 1] == '\n' ? 2 : 1);
            rest = rest[next..];
        }
        writer.Write(newLine);
    }
}
