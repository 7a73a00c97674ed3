using System.Collections.Frozen;

namespace ScholarlyRecord.Formats;

/// <summary>
/// The fields biblatex's default data model allows in the two entry types the writer uses, <c>@incollection</c> and
/// <c>@inbook</c>: the names <c>biber --tool --validate-datamodel</c> (biber 2.18, biblatex 3.18's data model, as
/// shipped in biber-tool.conf) accepts without a warning. <c>@inbook</c> allows exactly one field more,
/// <c>bookauthor</c>. The date fields (<c>date</c>, <c>origdate</c>, <c>urldate</c>) are listed too: biber splits them into
/// their parts (<c>year</c>, <c>month</c>, ..., all in the model) before it checks.
/// </summary>
internal static class BiblatexDataModel
{
    private static readonly FrozenSet<string> IncollectionFields = new[]
    {
        "abstract", "addendum", "afterword", "annotation", "annotator", "author", "authortype", "bookpagination",
        "booksubtitle", "booktitle", "booktitleaddon", "chapter", "commentator", "crossref", "date", "day", "doi", "edition",
        "editor", "editora", "editoratype", "editorb", "editorbtype", "editorc", "editorctype", "editortype", "eid",
        "endday", "endhour", "endminute", "endmonth", "endsecond", "endtimezone", "endyear", "endyeardivision",
        "entryset", "entrysubtype", "eprint", "eprintclass", "eprinttype", "execute", "file", "foreword", "gender",
        "hour", "ids", "indexsorttitle", "indextitle", "introduction", "isan", "isbn", "ismn", "iswc", "keywords",
        "label", "langid", "langidopts", "language", "library", "lista", "listb", "listc", "listd", "liste", "listf",
        "location", "mainsubtitle", "maintitle", "maintitleaddon", "minute", "month", "namea", "nameaddon",
        "nameatype", "nameb", "namebtype", "namec", "namectype", "note", "number", "options", "origdate", "origday",
        "origendday", "origendhour", "origendminute", "origendmonth", "origendsecond", "origendtimezone", "origendyear",
        "origendyeardivision", "orighour", "origlanguage", "origlocation", "origminute", "origmonth", "origpublisher",
        "origsecond", "origtimezone", "origtitle", "origyear", "origyeardivision", "pages", "pagination", "part",
        "presort", "publisher", "pubstate", "related", "relatedoptions", "relatedstring", "relatedtype", "second",
        "series", "shortauthor", "shorteditor", "shorthand", "shorthandintro", "shortjournal", "shortseries",
        "shorttitle", "sortkey", "sortname", "sortshorthand", "sorttitle", "sortyear", "subtitle", "timezone", "title",
        "titleaddon", "translator", "url", "urldate", "urlday", "urlendday", "urlendhour", "urlendminute", "urlendmonth",
        "urlendsecond", "urlendtimezone", "urlendyear", "urlhour", "urlminute", "urlmonth", "urlsecond", "urltimezone",
        "urlyear", "usera", "userb", "userc", "userd", "usere", "userf", "verba", "verbb", "verbc", "volume",
        "volumes", "xdata", "xref", "year", "yeardivision",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether biblatex's data model allows the field <paramref name="name"/> in <c>@inbook</c> (or else <c>@incollection</c>).</summary>
    public static bool Allows(ReadOnlySpan<char> name, bool inbook) =>
        IncollectionFields.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) || (inbook && name.SequenceEqual("bookauthor"));
}
