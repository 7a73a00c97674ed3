namespace ScholarlyRecord.Citations;

/// <content>The bibliography order as item ids, for tests that compare entries item by item with another processor.</content>
public sealed partial class CslDocument
{
    /// <summary>The ids of the items in bibliography order (every item, including one whose entry renders empty).</summary>
    internal IReadOnlyList<string> BibliographyOrderIds() => BibliographyOrder().Select(i => items[i].Id).ToArray();
}
