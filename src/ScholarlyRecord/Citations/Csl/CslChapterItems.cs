using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Citations;

/// <summary>Chapters as CSL items, through the library's CSL-JSON mapping.</summary>
internal static class CslChapterItems
{
    public static IReadOnlyList<CslItem> From(IEnumerable<Chapter> chapters)
    {
        return CslJsonDocument.Parse(CslJson.Write(chapters)).Items;
    }
}
