using ScholarlyRecord.Formats;
using ScholarlyRecord.Validation;
using Xunit;

namespace ScholarlyRecord.Tests.Reliability;

/// <summary>
/// U+FFFE is valid UTF-8 and a valid .NET character, but the runtime's normaliser refuses it (ArgumentException), as it
/// refuses lone surrogates. Every place that normalises text goes through one helper that normalises around them; each
/// case below threw before the fix. The combining accent next to it proves normalisation still happens.
/// </summary>
public class NonCharacterTests
{
    // "e" + COMBINING ACUTE ACCENT composes to "é" in NFC.
    private const string Decomposed = "Caf" + "e\u0301";
    private const string Composed = "Caf\u00E9";

    [Fact]
    public void Bibtex_mapping_keeps_the_character_and_composes_around_it()
    {
        var result = Bibtex.Read("@incollection{k, title={A \uFFFE " + Decomposed + "}, booktitle={B}, author={Doe, J}}");

        Assert.Equal("A \uFFFE " + Composed, Assert.Single(result.Chapters).Title);
    }

    [Fact]
    public void Bibtex_document_value_with_the_character_decodes()
    {
        var entry = Assert.Single(BibtexDocument.Parse("@misc{k, title={\\'e \uFFFE " + Decomposed + "}}").Entries);

        Assert.Equal("\u00E9 \uFFFE " + Composed, entry.GetField("title")!.Value);
    }

    [Fact]
    public void Bibtex_lone_surrogate_and_the_character_together_decode()
    {
        var entry = Assert.Single(BibtexDocument.Parse("@misc{k, title={\uDC00 " + Decomposed + " \uFFFE " + Decomposed + "}}").Entries);

        Assert.Equal("\uDC00 " + Composed + " \uFFFE " + Composed, entry.GetField("title")!.Value);
    }

    [Fact]
    public void Validator_on_a_chapter_read_from_RIS_with_the_character_reports_instead_of_throwing()
    {
        var chapter = Assert.Single(Ris.Read("TY  - CHAP\nTI  - A \uFFFE " + Decomposed + "\nT2  - Book\nER  - \n").Chapters);

        var report = ChapterValidator.Validate(chapter);

        Assert.NotNull(report);
    }

    [Fact]
    public void Validator_reports_text_not_in_NFC_around_the_character()
    {
        var chapter = new Chapter { Title = "A \uFFFE " + Decomposed, Book = new Book { Title = "Book" } };

        var report = ChapterValidator.Validate(chapter);

        Assert.Contains(report.Diagnostics, i => i.Code == ValidationCodes.NotNormalized && i.Path == "/title");
    }

    [Fact]
    public void Validator_accepts_NFC_text_around_the_character()
    {
        var chapter = new Chapter { Title = "A \uFFFE " + Composed, Book = new Book { Title = "Book" } };

        var report = ChapterValidator.Validate(chapter);

        Assert.DoesNotContain(report.Diagnostics, i => i.Code == ValidationCodes.NotNormalized);
    }

    [Fact]
    public void ScholarlyJson_TryRead_with_the_character_returns_a_report()
    {
        var ok = ScholarlyJson.TryRead("{\"title\":\"A \uFFFE\"}", out _, out var report);

        Assert.False(ok && report is null);
    }

    [Fact]
    public void Crossref_JATS_abstract_with_the_character_is_read_and_composed()
    {
        var result = Crossref.Read("{\"message\":{\"type\":\"book-chapter\",\"title\":[\"T\"],\"abstract\":\"<jats:p>x \uFFFE " + Decomposed + "</jats:p>\"}}");

        var chapter = Assert.Single(result.Chapters);
        Assert.Equal("x \uFFFE " + Composed, Assert.Single(chapter.Abstract));
    }

    [Fact]
    public void BibTeX_and_CSL_writers_accept_the_character()
    {
        var chapter = new Chapter { Title = "\uFFFE\u00E9t\u00E9", Book = new Book { Title = "B" }, Contributors = [new Contributor { Name = PersonName.Parse("\u00C9mile \uFFFE Zola") }] };

        var bibtex = Bibtex.Write([chapter]);
        var csl = CslJson.Write([chapter]);

        Assert.Contains("zola", bibtex, StringComparison.Ordinal);
        Assert.Contains("title", csl, StringComparison.Ordinal);
    }
}
