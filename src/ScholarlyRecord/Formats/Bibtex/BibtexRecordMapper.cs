namespace ScholarlyRecord.Formats;

/// <summary>
/// The one BibTeX rule for turning entries into records, used by every read path (whole text, streaming, sync and async,
/// and over a parsed <see cref="BibtexDocument"/>): entries are numbered from 1 in input order; a chapter inherits
/// through <c>crossref</c> only from book-type parents (the first <c>@book</c>, <c>@collection</c>, <c>@reference</c>,
/// <c>@proceedings</c> or <c>mv</c> form with that key), along the whole chain, stopping at a cycle (which
/// <see cref="BibtexCrossrefCycles"/> reports). A chapter whose chain is not
/// complete waits until it is, or until the input ends; every other entry is given out as soon as it is read.
/// </summary>
internal sealed class BibtexRecordMapper
{
    private readonly Dictionary<string, BibtexEntry> _parents = new(StringComparer.Ordinal);
    private readonly List<(long Number, BibtexEntry Entry)> _waiting = [];
    // Every key read so far, as 64-bit hashes (as EmittedKeys keeps them), so that a chapter still waiting at the end can
    // be told apart: its crossref names an entry that is not a book (nothing to inherit) or a key no entry has (BIB207).
    private readonly Internal.HashSet64 _keys = new();
    private long _count;

    /// <summary>Takes the next entry; returns the records that are complete now, in the order they became complete.</summary>
    public List<RecordResult> Add(BibtexEntry entry)
    {
        var number = ++_count;
        var done = new List<RecordResult>();
        if (entry.Key.Length > 0) _keys.Add(EmittedKeys.Hash(entry.Key));
        if (Bibtex.IsParentType(entry.EntryType) && entry.Key.Length > 0) _parents.TryAdd(entry.Key, entry);
        if (Bibtex.IsChapterType(entry.EntryType) && !IsComplete(entry, ended: false))
        {
            _waiting.Add((number, entry));
        }
        else
        {
            done.Add(Map(number, entry));
        }
        if (_waiting.Count > 0 && Bibtex.IsParentType(entry.EntryType))
        {
            for (var i = 0; i < _waiting.Count; i++)
            {
                if (!IsComplete(_waiting[i].Entry, ended: false)) continue;
                done.Add(Map(_waiting[i].Number, _waiting[i].Entry));
                _waiting.RemoveAt(i--);
            }
        }
        return done;
    }

    /// <summary>Ends the input: the chapters still waiting are mapped with what their chains have.</summary>
    public List<RecordResult> End()
    {
        var done = new List<RecordResult>(_waiting.Count);
        foreach (var (number, entry) in _waiting)
        {
            var result = Map(number, entry);
            if (entry.GetField("crossref") is { } crossref && crossref.RawValue.Trim() is { Length: > 0 } parent
                && !_keys.Contains(EmittedKeys.Hash(parent)))
            {
                result = result with { Diagnostics = [BibtexDocument.MissingParent(entry, crossref), .. result.Diagnostics] };
            }
            done.Add(result);
        }
        _waiting.Clear();
        return done;
    }

    private RecordResult Map(long number, BibtexEntry entry)
    {
        var diagnostics = new List<Diagnostic>();
        var chapter = Bibtex.ToChapter(entry, e => BibtexDocument.Inherit(e, Find), diagnostics);
        return new RecordResult(number, chapter, diagnostics);
    }

    private BibtexEntry? Find(string key) => _parents.GetValueOrDefault(key);

    // True when every ancestor of the chapter has been read: the chain ends at an entry without crossref or in a cycle.
    // Once the input has ended, a missing parent ends the chain too.
    private bool IsComplete(BibtexEntry chapter, bool ended)
    {
        var seen = new HashSet<BibtexEntry> { chapter };
        var current = chapter;
        while (current.GetRaw("crossref") is { } raw)
        {
            if (Find(raw.Trim()) is not { } parent) return ended;
            if (!seen.Add(parent)) return true;
            current = parent;
        }
        return true;
    }
}
