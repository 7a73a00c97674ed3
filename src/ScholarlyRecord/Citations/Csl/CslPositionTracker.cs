namespace ScholarlyRecord.Citations;

/// <summary>Works out each cite's position (first, subsequent, ibid, ibid-with-locator, near-note) along a document.</summary>
internal sealed class CslPositionTracker(CslEngine engine)
{
    private readonly Dictionary<string, int> lastNote = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> firstNote = new(StringComparer.Ordinal);
    private readonly int distance = int.TryParse(engine.CitationOption("near-note-distance"), out var d) ? d : 5;
    private readonly bool noteStyle = engine.Style.Class == CslStyleClass.Note;
    private List<(CslCite Cite, string Id)>? previous;
    private List<(CslCite Cite, string Id)>? previousInText;
    private int citationCount;

    public CslCiteInfo[] Next(CslCitation citation, List<(CslCite Cite, string Id)> cites)
    {
        citationCount++;
        var note = citation.NoteIndex > 0 ? citation.NoteIndex : citationCount;

        // In a note style, citations in the running text (note index 0) and citations in notes are two sequences for
        // ibid: a citation in the text refers back to the text's previous citation, not to a note between them
        // (as citeproc-js renders position_IbidInText).
        var inText = noteStyle && citation.NoteIndex <= 0;
        var before = inText ? previousInText : previous;
        var result = new CslCiteInfo[cites.Count];
        for (var k = 0; k < cites.Count; k++)
        {
            var (cite, id) = cites[k];
            CslPosition position;
            if (!lastNote.ContainsKey(id))
            {
                position = CslPosition.First;
            }
            else
            {
                (CslCite Cite, string Id)? preceding = null;
                if (k > 0)
                {
                    preceding = cites[k - 1];
                }
                else if (before is { Count: > 0 } && before.All(p => p.Id == id))
                {
                    preceding = before[^1];
                }

                if (preceding is { } b && b.Id == id)
                {
                    var previousLocator = b.Cite.Locator;
                    position = (previousLocator, cite.Locator) switch
                    {
                        (null, null) => CslPosition.Ibid,
                        (not null, null) => CslPosition.Subsequent,
                        (null, not null) => CslPosition.IbidWithLocator,
                        _ => previousLocator == cite.Locator && (b.Cite.Label ?? "page") == (cite.Label ?? "page") ? CslPosition.Ibid : CslPosition.IbidWithLocator,
                    };
                }
                else
                {
                    position = CslPosition.Subsequent;
                }
            }

            var nearNote = lastNote.TryGetValue(id, out var last) && note - last <= distance;
            var referenceNote = firstNote.GetValueOrDefault(id);
            if (cite.ForcedPosition is { } forced)
            {
                position = forced switch
                {
                    1 => CslPosition.Subsequent,
                    2 => CslPosition.Ibid,
                    3 => CslPosition.IbidWithLocator,
                    _ => CslPosition.First,
                };
            }

            if (cite.ForcedNearNote is { } forcedNear)
            {
                nearNote = forcedNear;
            }

            lastNote[id] = note;
            firstNote.TryAdd(id, note);
            result[k] = new CslCiteInfo
            {
                Locator = string.IsNullOrWhiteSpace(cite.Locator) ? null : cite.Locator.Trim(),
                Label = cite.Label,
                Position = position,
                NearNote = nearNote,
                FirstReferenceNoteNumber = referenceNote,
            };
        }

        if (inText)
        {
            previousInText = cites;
        }
        else
        {
            previous = cites;
        }

        return result;
    }
}
