namespace ScholarlyRecord;

/// <summary>The book that holds a chapter.</summary>
public sealed record Book
{
    /// <summary>The book title, without its subtitle.</summary>
    public string? Title { get; init; }

    /// <summary>The book's subtitle.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The book's authors and editors, in source order.</summary>
    public IReadOnlyList<Contributor> Contributors { get; init => field = ValueList.From(value); } = ValueList<Contributor>.Empty;

    /// <summary>The book's ISBNs, each with the medium it identifies where known.</summary>
    public IReadOnlyList<BookIsbn> Isbns { get; init => field = ValueList.From(value); } = ValueList<BookIsbn>.Empty;

    /// <summary>The book's own DOI.</summary>
    public Doi? Doi { get; init; }

    /// <summary>The edition statement, such as "2nd" or "Revised edition".</summary>
    public string? Edition { get; init; }

    /// <summary>The series the book belongs to.</summary>
    public Series? Series { get; init; }

    /// <summary>The publisher.</summary>
    public Publisher? Publisher { get; init; }

    /// <summary>The book's publication date.</summary>
    public PartialDate? PublicationDate { get; init; }
}

/// <summary>An ISBN of a book together with the medium of the edition it identifies.</summary>
public sealed record BookIsbn
{
    /// <summary>The ISBN.</summary>
    public required Isbn Value { get; init; }

    /// <summary>The medium of the edition the ISBN identifies, or <see langword="null"/> when the source does not say.</summary>
    public PublicationMedium? Medium { get; init; }
}

/// <summary>The medium of an edition.</summary>
public enum PublicationMedium
{
    /// <summary>A printed edition (hardcover, softcover).</summary>
    Print,

    /// <summary>An electronic edition (eBook, online).</summary>
    Electronic,
}
