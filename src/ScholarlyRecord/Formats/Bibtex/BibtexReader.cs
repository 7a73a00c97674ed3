using System.Runtime.CompilerServices;

namespace ScholarlyRecord.Formats;

/// <summary>
/// Reads a BibTeX file block by block from a <see cref="TextReader"/> in bounded memory: only the block being read
/// is held (plus the macros, preambles, comments and keys seen so far), so a file of any size can be streamed.
/// <c>@string</c> macros are collected as they appear and expanded in the entries that follow. Never throws on bad
/// input: problems become <see cref="Diagnostics"/> and reading resumes at the next line that starts with <c>@</c>.
/// A reader reads its input once.
/// </summary>
/// <remarks>
/// Line breaks (CRLF, LF, bare CR) are normalised to <c>\n</c> in the text kept; a leading byte-order mark is skipped.
/// Limits: braces nest at most <see cref="BibtexReadOptions.MaxBraceDepth"/> deep (deeper is <see cref="BibtexCodes.NestingTooDeep"/>), and a
/// block longer than <see cref="MaxBlockLength"/> characters is parsed as if the input ended there (so an unclosed brace
/// cannot make the reader hold the rest of a large file).
/// </remarks>
public sealed class BibtexReader
{
    /// <summary>The default of <see cref="BibtexReadOptions.MaxBraceDepth"/> (1024); real data rarely nests beyond 5.</summary>
    public const int MaxBraceDepth = 1024;

    /// <summary>The longest block read whole, in characters (16 Mi).</summary>
    public const int MaxBlockLength = 16 * 1024 * 1024;

    private const int ChunkSize = 64 * 1024;

    private readonly TextReader _input;
    private readonly BibtexScanner _scanner;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<BibtexMacro> _macros = [];
    private readonly List<BibtexPreamble> _preambles = [];
    private readonly List<BibtexComment> _comments = [];
    private char[] _buffer = new char[ChunkSize];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;
    private bool _skipLineFeed;
    private bool _used;
    // After the scanner gave up on a block that ran into the end of the window, the window length it must reach before
    // the block is parsed again: twice what it was. Parsing again after every read would cost time quadratic in the
    // block's length when the input arrives in small reads (pipes, sockets: 4 KiB); doubling keeps the total linear.
    private int _retryAt;

    /// <summary>The characters handed to the scanner so far, counting each re-parse of an unfinished block (for tests).</summary>
    internal long ScannedCharacters { get; private set; }

    private readonly int _maxBlockLength;

    /// <summary>Creates a reader over <paramref name="input"/> (not disposed by the reader).</summary>
    /// <param name="input">The BibTeX text.</param>
    /// <param name="options">The limits; <see cref="BibtexReadOptions.Default"/> when null.</param>
    public BibtexReader(TextReader input, BibtexReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        options ??= BibtexReadOptions.Default;
        _maxBlockLength = options.MaxBlockLength;
        _scanner = new BibtexScanner(options.MaxBraceDepth);
    }

    /// <summary>The problems found so far, in input order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>The <c>@string</c> macros read so far, in order.</summary>
    public IReadOnlyList<BibtexMacro> Strings => _macros;

    /// <summary>The <c>@preamble</c> blocks read so far, in order.</summary>
    public IReadOnlyList<BibtexPreamble> Preambles => _preambles;

    /// <summary>The comments read so far (explicit, free text, and unparsed broken blocks), in order.</summary>
    public IReadOnlyList<BibtexComment> Comments => _comments;

    /// <summary>Reads every block in file order: entries, macros, preambles and comments.</summary>
    /// <returns>The blocks, read lazily.</returns>
    public IEnumerable<BibtexBlock> ReadBlocks()
    {
        Begin();
        return ReadBlocksCore();
    }

    private IEnumerable<BibtexBlock> ReadBlocksCore()
    {
        while (true)
        {
            BibtexBlock? block;
            while (!TryNext(out block))
            {
                Fill(_input.Read(FreeSpace()));
            }
            if (block is null) yield break;
            yield return block;
        }
    }

    /// <summary>Reads the entries one at a time, collecting macros, preambles and comments on the way.</summary>
    /// <returns>The entries, read lazily.</returns>
    public IEnumerable<BibtexEntry> ReadEntries() => ReadBlocks().OfType<BibtexEntry>();

    /// <summary>Reads every block in file order, asynchronously.</summary>
    /// <param name="cancellationToken">Stops reading between reads from the input.</param>
    /// <returns>The blocks, read lazily.</returns>
    public IAsyncEnumerable<BibtexBlock> ReadBlocksAsync(CancellationToken cancellationToken = default)
    {
        Begin();
        return ReadBlocksCoreAsync(cancellationToken);
    }

    private async IAsyncEnumerable<BibtexBlock> ReadBlocksCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            BibtexBlock? block;
            while (!TryNext(out block))
            {
                cancellationToken.ThrowIfCancellationRequested();
                FreeSpace();
                var read = await _input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
                Fill(read);
            }
            if (block is null) yield break;
            yield return block;
        }
    }

    /// <summary>Reads the entries one at a time, asynchronously, collecting macros, preambles and comments on the way.</summary>
    /// <param name="cancellationToken">Stops reading between reads from the input.</param>
    /// <returns>The entries, read lazily.</returns>
    public IAsyncEnumerable<BibtexEntry> ReadEntriesAsync(CancellationToken cancellationToken = default) =>
        EntriesOf(ReadBlocksAsync(cancellationToken));

    private static async IAsyncEnumerable<BibtexEntry> EntriesOf(IAsyncEnumerable<BibtexBlock> blocks)
    {
        await foreach (var block in blocks.ConfigureAwait(false))
        {
            if (block is BibtexEntry entry) yield return entry;
        }
    }

    private void Begin()
    {
        if (_used) throw new InvalidOperationException("A BibtexReader reads its input once; create a new reader to read again.");
        _used = true;
    }

    private bool TryNext(out BibtexBlock? block)
    {
        block = null;
        if (_start >= _end && !_eof) return false;
        var window = _buffer.AsSpan(0, _end);
        var final = _eof || _end - _start > _maxBlockLength;
        if (!final && _end - _start < _retryAt) return false;
        ScannedCharacters += _end - _start;
        if (!_scanner.Next(window, _start, final, out block, out var next))
        {
            _retryAt = 2 * (_end - _start);
            return false;
        }
        _retryAt = 0;
        _diagnostics.AddRange(_scanner.BlockDiagnostics);
        if (block is null)
        {
            if (_eof) return true;
            // The window was treated as final because it grew too long; continue after it.
            _start = _end;
            return false;
        }
        _start = next;
        switch (block)
        {
            case BibtexMacro macro: _macros.Add(macro); break;
            case BibtexPreamble preamble: _preambles.Add(preamble); break;
            case BibtexComment comment: _comments.Add(comment); break;
        }
        return true;
    }

    // Makes room at the end of the buffer (discarding consumed text, growing when full) and returns it.
    private Span<char> FreeSpace()
    {
        if (_start > 0)
        {
            var keep = _end - _start;
            Array.Copy(_buffer, _start, _buffer, 0, keep);
            _scanner.Shift(_start);
            _end = keep;
            _start = 0;
        }
        if (_buffer.Length - _end < ChunkSize / 2)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        return _buffer.AsSpan(_end);
    }

    // Takes 'read' new characters at _end: skips a leading BOM and normalises CRLF and CR to LF.
    private void Fill(int read)
    {
        if (read <= 0)
        {
            _eof = true;
            return;
        }
        var from = _end;
        var to = _end;
        var stop = _end + read;
        if (!_started)
        {
            _started = true;
            if (_buffer[from] == '\uFEFF') from++;
        }
        var fresh = _buffer.AsSpan(from, stop - from);
        if (!_skipLineFeed && !fresh.Contains('\r'))
        {
            if (from != to) fresh.CopyTo(_buffer.AsSpan(to));
            _end = to + fresh.Length;
            return;
        }
        for (var i = from; i < stop; i++)
        {
            var c = _buffer[i];
            if (c == '\n' && _skipLineFeed)
            {
                _skipLineFeed = false;
                continue;
            }
            _skipLineFeed = c == '\r';
            _buffer[to++] = c == '\r' ? '\n' : c;
        }
        _end = to;
    }
}
