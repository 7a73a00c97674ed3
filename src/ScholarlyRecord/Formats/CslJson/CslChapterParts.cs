namespace ScholarlyRecord.Formats;

/// <summary>
/// What the two CSL-JSON item mappers (<see cref="CslJsonItemReader"/> over a parsed item, <see cref="CslJsonFastItemReader"/>
/// straight from the tokens) collect from one item, and the one place that turns it into a <see cref="Chapter"/>, so the
/// two give the same chapter for the same item. The fast mapper reuses one instance (<see cref="Clear"/>): the model copies
/// every list it is given.
/// </summary>
internal sealed class CslChapterParts
{
    public string? Title, ContainerTitle, Number, Language, Url, Note, Abstract, Keywords, CitationKey;
    public string? Edition, SeriesTitle, SeriesVolume, Publisher, Place, Subtitle, ContainerSubtitle;
    public PartialDate? Date;
    public PageRange? Pages;
    public Doi? Doi;
    public readonly List<BookIsbn> Isbns = [];
    public readonly List<SeriesIssn> Issns = [];
    public readonly List<Contributor> Authors = [];
    public readonly List<Contributor> Translators = [];
    public readonly List<Contributor> Contributors = [];
    public readonly List<Contributor> ContainerAuthors = [];
    public readonly List<Contributor> Editors = [];
    public readonly List<Contributor> SeriesEditors = [];

    public void Clear()
    {
        Title = ContainerTitle = Number = Language = Url = Note = Abstract = Keywords = CitationKey = null;
        Edition = SeriesTitle = SeriesVolume = Publisher = Place = Subtitle = ContainerSubtitle = null;
        Date = null;
        Pages = null;
        Doi = null;
        Isbns.Clear();
        Issns.Clear();
        Authors.Clear();
        Translators.Clear();
        Contributors.Clear();
        ContainerAuthors.Clear();
        Editors.Clear();
        SeriesEditors.Clear();
    }

    /// <summary>
    /// Takes one member of the item's <c>custom</c> object (<paramref name="text"/> is its value when that is a string):
    /// the subtitle keys split the titles, a member whose name holds a colon is an extra field. False when the member is
    /// none of these (the caller keeps it raw as <c>csl:custom.&lt;name&gt;</c>).
    /// </summary>
    public bool TryCustom(string name, string? text, List<ExtraField> extras)
    {
        if (name == CslJsonItemReader.SubtitleKey && Title is not null && TrySplit(Title, text, false, out var main, out var sub))
        {
            Title = main!;
            Subtitle = sub;
            return true;
        }

        if (name == CslJsonItemReader.ContainerSubtitleKey && ContainerTitle is not null && TrySplit(ContainerTitle, text, true, out var bookMain, out var bookSub))
        {
            ContainerTitle = bookMain;
            ContainerSubtitle = bookSub;
            return true;
        }

        if (name.Contains(':', StringComparison.Ordinal) && text is not null)
        {
            var extraName = name.StartsWith(CslJsonItemReader.ExtraEscape, StringComparison.Ordinal) ? name[CslJsonItemReader.ExtraEscape.Length..] : name;
            extras.Add(new ExtraField { Name = extraName, Value = text });
            return true;
        }

        return false;
    }

    /// <summary>The chapter (the title must be set); <paramref name="extras"/> is copied, so the caller may reuse it.</summary>
    public Chapter Build(List<ExtraField> extras)
    {
        Publisher? publisherRecord = null;
        if (Publisher is not null) publisherRecord = new Publisher { Name = Publisher, Location = Place };
        else if (Place is not null) extras.Add(new ExtraField { Name = "csl:publisher-place", Value = JsonSerializerText.Quote(Place) });

        Series? series = SeriesTitle is null && SeriesVolume is null && Issns.Count == 0
            ? null
            : new Series { Title = SeriesTitle, Volume = SeriesVolume, Issns = Issns };

        var bookContributors = Concat(ContainerAuthors, Editors, SeriesEditors);
        Book? book = ContainerTitle is null && ContainerSubtitle is null && bookContributors.Count == 0 && Isbns.Count == 0 && Edition is null && series is null && publisherRecord is null
            ? null
            : new Book
            {
                Title = ContainerTitle, Subtitle = ContainerSubtitle, Contributors = bookContributors, Isbns = Isbns,
                Edition = Edition, Series = series, Publisher = publisherRecord,
            };

        return new Chapter
        {
            CitationKey = CitationKey,
            Title = Title!,
            Subtitle = Subtitle,
            Doi = Doi,
            Number = Number,
            Contributors = Concat(Authors, Translators, Contributors),
            Book = book,
            PublicationDate = Date,
            Pages = Pages,
            Language = Language,
            Abstract = Split(Abstract, lines: true),
            Keywords = Split(Keywords, lines: false),
            Notes = Note is null ? ValueList<Note>.Empty : new ValueList<Note>([new Note { Text = Note }]),
            Url = Url,
            ExtraFields = extras,
        };
    }

    /// <summary>The ISBNs in a CSL <c>ISBN</c> value (separated by commas or semicolons, or by spaces); false when some text is not one.</summary>
    public static bool ParseIsbns(string text, List<BookIsbn> into)
    {
        var bad = false;
        foreach (var range in text.AsSpan().SplitAny(',', ';'))
        {
            var part = text.AsSpan(range).Trim();
            if (part.IsEmpty) continue;
            if (Isbn.TryParse(part, out var whole))
            {
                into.Add(new BookIsbn { Value = whole });
                continue;
            }

            foreach (var wordRange in part.SplitAny(' ', '\t', '\n', '\r'))
            {
                var word = part[wordRange];
                if (word.IsEmpty) continue;
                if (Isbn.TryParse(word, out var isbn)) into.Add(new BookIsbn { Value = isbn });
                else bad = true;
            }
        }

        return !bad;
    }

    /// <summary>The ISSNs in a CSL <c>ISSN</c> value (separated by commas, semicolons or spaces); false when some text is not one.</summary>
    public static bool ParseIssns(string text, List<SeriesIssn> into)
    {
        var bad = false;
        foreach (var range in text.AsSpan().SplitAny(',', ';', ' '))
        {
            var part = text.AsSpan(range).Trim();
            if (part.IsEmpty) continue;
            if (Issn.TryParse(part, out var issn)) into.Add(new SeriesIssn { Value = issn });
            else bad = true;
        }

        return !bad;
    }

    // "Main: Sub" with the custom member naming "Sub" splits; the title equal to the subtitle means no main title.
    private static bool TrySplit(string full, string? subtitle, bool mainOptional, out string? main, out string sub)
    {
        main = null;
        sub = "";
        if (subtitle is null) return false;
        sub = subtitle;
        if (mainOptional && string.Equals(full, sub, StringComparison.Ordinal)) return true;
        if (full.Length >= sub.Length + 2 && full.EndsWith(sub, StringComparison.Ordinal) && full.AsSpan(full.Length - sub.Length - 2, 2).SequenceEqual(": "))
        {
            main = full[..^(sub.Length + 2)];
            return true;
        }

        return false;
    }

    // The trimmed, non-empty parts of a text between separators. A text with no separator and nothing to trim (an
    // abstract of one paragraph, a single keyword) is kept as it is instead of being copied.
    private static ValueList<string> Split(string? text, bool lines)
    {
        if (text is null) return ValueList<string>.Empty;
        var (one, two) = lines ? ('\n', '\r') : (',', ';');
        if (text.Length > 0 && !text.AsSpan().ContainsAny(one, two) && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]))
        {
            return new ValueList<string>([text]);
        }

        var list = new List<string>();
        foreach (var range in text.AsSpan().SplitAny(one, two))
        {
            var part = text.AsSpan(range).Trim();
            if (!part.IsEmpty) list.Add(part.ToString());
        }

        return list.Count == 0 ? ValueList<string>.Empty : new ValueList<string>([.. list]);
    }

    private static ValueList<Contributor> Concat(List<Contributor> first, List<Contributor> second, List<Contributor> third)
    {
        var count = first.Count + second.Count + third.Count;
        if (count == 0) return ValueList<Contributor>.Empty;
        var all = new Contributor[count];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Count);
        third.CopyTo(all, first.Count + second.Count);
        return new ValueList<Contributor>(all);
    }
}
