using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Reliability;

/// <summary>
/// <see cref="BibtexEntry.GetNames"/> never throws on a field's content. The real Better BibTeX export below has an author
/// list with a missing <c>and</c> (<c>Miller, D., Firby, J. and Dean, T.</c>, three commas in the first name), which threw
/// <see cref="FormatException"/> before; the mapping's own handling (a warning, the field kept) is unchanged.
/// </summary>
public class BibtexNamesReliabilityTests
{
    // From Better BibTeX issue 873 (see TestData/real/bibtex and /work/shared/fixtures/SOURCES.md).
    private static readonly string File873 = Path.Combine(AppContext.BaseDirectory, "TestData", "real", "bibtex",
        "bbt-Some_bibtex_entries_quietly_discarded_on_import_from_bib_file_873.bib");

    [Fact]
    public void GetNames_keeps_a_name_with_too_many_commas_whole_as_a_literal()
    {
        var document = Bibtex.Parse(File.ReadAllText(File873));
        var entry = Assert.Single(document.Entries, e => e.Key == "miller85");

        var names = entry.GetNames("author");

        Assert.Equal(2, names.Names.Count);
        Assert.Equal("Miller, D., Firby, J.", names.Names[0].Literal);
        Assert.Equal(("Dean", "T."), (names.Names[1].Family, names.Names[1].Given));
    }

    [Fact]
    public void GetNames_over_every_name_field_of_every_real_file_never_throws()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "real", "bibtex");
        var lists = 0;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            foreach (var entry in Bibtex.Parse(File.ReadAllText(file)).Entries)
            {
                foreach (var field in new[] { "author", "editor", "translator", "bookauthor" })
                {
                    _ = entry.GetNames(field);
                    lists++;
                }
            }
        }
        Assert.True(lists > 1000);
    }

    [Fact]
    public void Mapping_still_warns_and_keeps_the_field_for_the_same_list()
    {
        var result = Bibtex.Read("@incollection{k, author = \"Miller, D., Firby, J. and Dean, T.\", title={T}, booktitle={B}}");

        var chapter = Assert.Single(result.Records);
        Assert.Contains(result.Diagnostics, d => d.Code == BibtexCodes.InvalidName);
        Assert.Contains(chapter.ExtraFields, x => x.Name == "bibtex:author");
    }
}
