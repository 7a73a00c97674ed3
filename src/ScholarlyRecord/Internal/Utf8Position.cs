namespace ScholarlyRecord.Internal;

/// <summary>
/// Line and column (1-based, the column in characters) of a byte offset in UTF-8 text, for the JSON readers'
/// diagnostics: once for one offset, or moving forward through many offsets with <see cref="Cursor"/>.
/// </summary>
internal static class Utf8Position
{
    /// <summary>The 1-based line and column (in characters) of a byte offset in UTF-8 text.</summary>
    public static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var line = 1 + before.Count((byte)'\n');
        var lastNewline = before.LastIndexOf((byte)'\n');
        var column = 1;
        foreach (var b in before[(lastNewline + 1)..])
        {
            if ((b & 0xC0) != 0x80) column++;
        }

        return (line, column);
    }

    /// <summary>
    /// Gives the same figures as <see cref="LineAndColumn"/> for offsets asked in increasing order, counting only the
    /// bytes since the previous one: a Crossref page is one line of up to 1,000 works, and counting from the start
    /// for each made reading it quadratic (about 50 s for a 1,000-work page of 11 MB). An earlier offset is counted
    /// from the start.
    /// </summary>
    public sealed class Cursor
    {
        private int _offset;
        private int _line = 1;
        private int _column = 1;

        /// <summary>The line and column of <paramref name="offset"/> in <paramref name="utf8"/>, which must be the same text each call.</summary>
        public (int Line, int Column) MoveTo(ReadOnlySpan<byte> utf8, int offset)
        {
            if (offset < _offset) return LineAndColumn(utf8, offset);
            var passed = utf8[_offset..offset];
            var newlines = passed.Count((byte)'\n');
            if (newlines > 0)
            {
                _line += newlines;
                _column = 1;
                passed = passed[(passed.LastIndexOf((byte)'\n') + 1)..];
            }

            foreach (var b in passed)
            {
                if ((b & 0xC0) != 0x80) _column++;
            }

            _offset = offset;
            return (_line, _column);
        }
    }
}
