using ScholarlyRecord.Formats;

namespace ScholarlyRecord.Citations;

/// <summary>Chapters as CSL items, through the library's CSL-JSON mapping.</summary>
internal static class CslChapterItems
{
    public static IReadOnlyList<CslItem> From(IEnumerable<Chapter> chapters)
    {
        using var writer = new StringWriter();
        CslJsonItemWriter.WriteArray(chapters, writer);
        return CslJsonDocument.Parse(writer.ToString()).Items;
    }
}
