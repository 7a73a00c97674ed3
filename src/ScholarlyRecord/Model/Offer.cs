namespace ScholarlyRecord;

/// <summary>A way to buy the chapter or its book, as a publisher's page offers it.</summary>
public sealed record Offer
{
    /// <summary>What is sold.</summary>
    public OfferKind Kind { get; init; }

    /// <summary>The product name as shown, such as "Hardcover Book".</summary>
    public string? Label { get; init; }

    /// <summary>The price.</summary>
    public Money? Price { get; init; }

    /// <summary>The features listed with the offer, such as "Available as PDF".</summary>
    public IReadOnlyList<string> Features { get; init => field = ValueList.From(value); } = ValueList<string>.Empty;

    /// <summary>The note on tax shown with the price, such as "Price excludes VAT (USA)".</summary>
    public string? TaxNote { get; init; }
}

/// <summary>The kind of product an <see cref="Offer"/> sells.</summary>
public enum OfferKind
{
    /// <summary>The single chapter, electronically.</summary>
    Chapter,

    /// <summary>The whole book, electronically.</summary>
    EBook,

    /// <summary>The printed book, hardcover.</summary>
    Hardcover,

    /// <summary>The printed book, softcover.</summary>
    Softcover,

    /// <summary>Anything else; <see cref="Offer.Label"/> says what.</summary>
    Other,
}

/// <summary>An amount of money in a currency.</summary>
public sealed record Money
{
    /// <summary>The amount, exact to the cent (a <see langword="decimal"/>, never a binary floating-point number).</summary>
    public required decimal Amount { get; init; }

    /// <summary>The ISO 4217 currency code, such as <c>USD</c>.</summary>
    public required string Currency { get; init; }
}
