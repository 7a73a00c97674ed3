using Xunit;

namespace ScholarlyRecord.Tests.Identifiers;

/// <summary>TryParse from a span must not allocate (for a DOI: not on failure; success stores one string).</summary>
public class AllocationTests
{
    public static TheoryData<string> Cases => new()
    {
        "isbn-valid", "isbn-invalid", "issn-valid", "issn-invalid", "orcid-valid", "orcid-invalid",
        "doi-invalid", "doi-invalid-url", "isbn-qualified-valid", "isbn-qualified-invalid", "issn-spaced-valid",
        "orcid-slash-valid", "doi-info-invalid",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryParse_Span_AllocatesNothing(string name)
    {
        Func<bool> attempt = name switch
        {
            "isbn-valid" => static () => Isbn.TryParse("ISBN 978-0-306-40615-7".AsSpan(), out _),
            "isbn-invalid" => static () => Isbn.TryParse("978-0-306-40615-8".AsSpan(), out _),
            "issn-valid" => static () => Issn.TryParse("2434-561x".AsSpan(), out _),
            "issn-invalid" => static () => Issn.TryParse("0378-5956".AsSpan(), out _),
            "orcid-valid" => static () => Orcid.TryParse("https://orcid.org/0000-0002-1825-0097".AsSpan(), out _),
            "orcid-invalid" => static () => Orcid.TryParse("0000-0002-1825-0098".AsSpan(), out _),
            "doi-invalid" => static () => Doi.TryParse("10.1000/x\u200Byz".AsSpan(), out _),
            "doi-invalid-url" => static () => Doi.TryParse("https://doi.org/10.1000/%E2%80%8Bxyz".AsSpan(), out _),
            "isbn-qualified-valid" => static () => Isbn.TryParse("092492201X (PBK)".AsSpan(), out _, out _),
            "isbn-qualified-invalid" => static () => Isbn.TryParse("0-306-40615-2 (pbk.".AsSpan(), out _, out _),
            "issn-spaced-valid" => static () => Issn.TryParse("0028 0836".AsSpan(), out _),
            "orcid-slash-valid" => static () => Orcid.TryParse("http://orcid.org/0000-0002-1825-0097/".AsSpan(), out _),
            "doi-info-invalid" => static () => Doi.TryParse("info:doi/10.1000/%E2%80%8Bxyz".AsSpan(), out _),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var expected = name.EndsWith("-valid", StringComparison.Ordinal);

        Assert.Equal(expected, attempt()); // warm-up: JIT, static initialisers
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) attempt();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TryParse_CanonicalDoiString_ReusesTheString()
    {
        const string text = "10.1000/xyz";
        Assert.True(Doi.TryParse(text, out _));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsed = Doi.TryParse(text, out var doi);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(parsed);
        Assert.Same(text, doi.ToString());
    }
}
