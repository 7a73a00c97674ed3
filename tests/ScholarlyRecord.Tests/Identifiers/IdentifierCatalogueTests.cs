using System.Numerics;
using ScholarlyRecord.Internal;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Identifiers;

/// <summary>Every identifier row of the edge-case catalogue, interpreted by its <c>expect</c> column.</summary>
public class IdentifierCatalogueTests
{
    public static TheoryData<EdgeCase> DoiCases => EdgeCases.For("doi");
    public static TheoryData<EdgeCase> Isbn10Cases => EdgeCases.For("isbn10");
    public static TheoryData<EdgeCase> Isbn13Cases => EdgeCases.For("isbn13");
    public static TheoryData<EdgeCase> IssnCases => EdgeCases.For("issn");
    public static TheoryData<EdgeCase> OrcidCases => EdgeCases.For("orcid");

    [Theory]
    [MemberData(nameof(DoiCases))]
    public void Doi_CatalogueCase_MeetsExpectation(EdgeCase c)
    {
        if (c.Mode == "extract-from-prose")
        {
            Assert.Equal("normalizes-to", c.ExpectKind);
            var found = Assert.Single(Doi.FindAll(c.InputText));
            Assert.Equal(c.ExpectValue, found.ToString());
            return;
        }
        Interpret<Doi>(c, static (d, _) => d.ToString());
    }

    [Theory]
    [MemberData(nameof(Isbn10Cases))]
    public void Isbn10_CatalogueCase_MeetsExpectation(EdgeCase c) =>
        Interpret<Isbn>(c, static (isbn, field) => field == "isbn13" ? isbn.ToString() : isbn.Isbn10);

    [Theory]
    [MemberData(nameof(Isbn13Cases))]
    public void Isbn13_CatalogueCase_MeetsExpectation(EdgeCase c) =>
        Interpret<Isbn>(c, static (isbn, field) => field == "isbn10" ? isbn.Isbn10 : isbn.ToString());

    [Theory]
    [MemberData(nameof(IssnCases))]
    public void Issn_CatalogueCase_MeetsExpectation(EdgeCase c) => Interpret<Issn>(c, static (issn, _) => issn.ToString());

    [Theory]
    [MemberData(nameof(OrcidCases))]
    public void Orcid_CatalogueCase_MeetsExpectation(EdgeCase c) => Interpret<Orcid>(c, static (orcid, _) => orcid.ToString());

    /// <summary>
    /// Checks one row. The expectation is a list of clauses separated by "; " (a DOI may itself hold ';').
    /// <paramref name="normalized"/> gives the text to compare for a <c>normalizes-to</c> clause; its second
    /// argument is the field named before '=' (such as <c>isbn13</c>), or null for a plain value.
    /// </summary>
    private static void Interpret<T>(EdgeCase c, Func<T, string?, string?> normalized)
        where T : struct, ITextValue<T>, ISpanParsable<T>, IEquatable<T>, IEqualityOperators<T, T, bool>
    {
        var input = c.InputText;
        foreach (var clause in c.Expect.Split("; ", StringSplitOptions.TrimEntries))
        {
            var colon = clause.IndexOf(':', StringComparison.Ordinal);
            var kind = colon < 0 ? clause : clause[..colon];
            var value = colon < 0 ? "" : clause[(colon + 1)..];
            switch (kind)
            {
                case "valid":
                    Assert.True(T.TryParse(input.AsSpan(), out var parsed), $"TryParse({input})");
                    Assert.True(parsed.IsValid);
                    Assert.Null(T.Validate(input));
                    Assert.Equal(parsed, T.Parse(input, null));
                    break;

                case "invalid":
                    Assert.False(T.TryParse(input.AsSpan(), out var rejected), $"TryParse({input})");
                    Assert.False(rejected.IsValid);
                    Assert.Throws<FormatException>(() => T.Parse(input, null));
                    Assert.Equal(value, T.Validate(input)?.Reason);
                    break;

                case "normalizes-to":
                    var equals = value.IndexOf('=', StringComparison.Ordinal);
                    string? field = null;
                    if (equals > 0 && !value.StartsWith("10.", StringComparison.Ordinal))
                    {
                        field = value[..equals];
                        value = value[(equals + 1)..];
                    }
                    var normal = T.Parse(input, null);
                    // "invalid:<reason>" as a field value means the field has no value (the 979 ISBN has no ISBN-10).
                    Assert.Equal(value.StartsWith("invalid:", StringComparison.Ordinal) ? null : value, normalized(normal, field));
                    break;

                case "equals":
                    // default(T) serves as the value that differs from both.
                    EqualityContract.AssertEqualityContract(T.Parse(input, null), T.Parse(value, null), default(T));
                    break;

                case "not-equals":
                    var left = T.Parse(input, null);
                    var right = T.Parse(value, null);
                    Assert.False(left.Equals(right));
                    Assert.False(right.Equals(left));
                    Assert.False(left.Equals((object)right));
                    Assert.False(left == right);
                    Assert.True(left != right);
                    break;

                default:
                    Assert.Fail($"unknown expectation '{kind}' in {c}");
                    break;
            }
        }
    }
}
