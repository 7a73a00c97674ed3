using CsCheck;
using Xunit;

namespace ScholarlyRecord.Tests.Model;

public class PersonNameTests
{
    // input, given, particle, family, suffix, literal
    public static TheoryData<string, string?, string?, string?, string?, string?> BibtexNames => new()
    {
        { "Ludwig van Beethoven", "Ludwig", "van", "Beethoven", null, null },
        { "Jean de La Fontaine", "Jean", "de", "La Fontaine", null, null },
        { "Dominique Galouzeau de Villepin", "Dominique Galouzeau", "de", "Villepin", null, null },
        { "AA {bb} CC", "AA bb", null, "CC", null, null },
        { "AA bb CC", "AA", "bb", "CC", null, null },
        { "AA bb CC dd EE", "AA", "bb CC dd", "EE", null, null },
        { "bb CC, AA", "AA", "bb", "CC", null, null },
        { "bb CC, aa", "aa", "bb", "CC", null, null },
        { "BB,, AA", "AA", null, "BB", null, null },
        { "BB, , AA", "AA", null, "BB", null, null },
        { "King, Jr., Martin Luther", "Martin Luther", null, "King", "Jr.", null },
        { "van Beethoven, Jr, Ludwig", "Ludwig", "van", "Beethoven", "Jr", null },
        { "De la Fontaine, Jean", "Jean", "De la", "Fontaine", null, null },
        { "García Márquez, Gabriel", "Gabriel", null, "García Márquez", null, null },
        { "{van Gogh}, Vincent", "Vincent", null, "van Gogh", null, null },
        { "Vincent {van Gogh}", "Vincent", null, "van Gogh", null, null },
        { "Plato", null, null, "Plato", null, null },
        { "van", null, null, "van", null, null },
        { "Jean-Paul Sartre", "Jean-Paul", null, "Sartre", null, null },
        { "Claude Lévi-Strauss", "Claude", null, "Lévi-Strauss", null, null },
        { "Paul \\'emile Victor", "Paul", "\\'emile", "Victor", null, null },
        { "Paul {\\'e}mile Victor", "Paul", "\\'emile", "Victor", null, null },
        { "{\\'E}mile Zola", "\\'Emile", null, "Zola", null, null },
        { "Ludwig~van Beethoven", "Ludwig", "van", "Beethoven", null, null },
        { "  Ludwig   van\tBeethoven  ", "Ludwig", "van", "Beethoven", null, null },
        { "Charles Louis Xavier Joseph de la Vallée Poussin", "Charles Louis Xavier Joseph", "de la", "Vallée Poussin", null, null },
        { "émile Zola", null, "émile", "Zola", null, null },
        { "Ångström, Anders Jonas", "Anders Jonas", null, "Ångström", null, null },
        { "{World Health Organization}", null, null, null, null, "World Health Organization" },
        { "{{Barnes and Noble}, Inc.}", null, null, null, null, "Barnes and Noble, Inc." },
        { "山田太郎", null, null, null, null, "山田太郎" },
        { "김철수", null, null, null, null, "김철수" },
        { "山田 太郎", "山田", null, "太郎", null, null },
        { "Yamada, Tarō", "Tarō", null, "Yamada", null, null },
        { ", AA", "AA", null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(BibtexNames))]
    public void Parse_BibtexForms_SplitsParts(string input, string? given, string? particle, string? family, string? suffix, string? literal)
    {
        var name = PersonName.Parse(input);
        Assert.Equal(given, name.Given);
        Assert.Equal(particle, name.Particle);
        Assert.Equal(family, name.Family);
        Assert.Equal(suffix, name.Suffix);
        Assert.Equal(literal, name.Literal);
        Assert.Null(PersonName.Validate(input));
        Assert.True(PersonName.TryParse(input.AsSpan(), out var fromSpan));
        Assert.Equal(name, fromSpan);
    }

    [Theory]
    [InlineData(null, "empty", 0)]
    [InlineData("", "empty", 0)]
    [InlineData("   ", "empty", 0)]
    [InlineData(",", "empty", 0)]
    [InlineData(", ,", "empty", 0)]
    [InlineData("{}", "empty", 0)]
    [InlineData("{ }", "empty", 0)]
    [InlineData("a, b, c, d", "too-many-commas", 7)]
    [InlineData("{van Gogh, Vincent", "unbalanced-braces", 0)]
    [InlineData("van Gogh}, Vincent", "unbalanced-braces", 8)]
    [InlineData("Ka{r{l Marx}", "unbalanced-braces", 2)]
    [InlineData("}{", "unbalanced-braces", 0)]
    public void Validate_InvalidInput_GivesCodeAndIndex(string? input, string code, int index)
    {
        var error = PersonName.Validate(input);
        Assert.NotNull(error);
        Assert.Equal(code, error.Reason);
        Assert.Equal(index, error.Index);
        Assert.False(PersonName.TryParse(input, out var result));
        Assert.Null(result);
        if (input is not null) Assert.Throws<FormatException>(() => PersonName.Parse(input));
    }

    [Fact]
    public void Validate_CommasInsideBraces_AreNotCounted() => Assert.Null(PersonName.Validate("{A, B, C}, D, E"));

    [Fact]
    public void Parse_Null_ThrowsArgumentNull() => Assert.Throws<ArgumentNullException>(() => PersonName.Parse((string)null!));

    [Fact]
    public void Parse_WithDecoder_DecodesEachFinishedPart()
    {
        var seen = new List<string>();
        var name = PersonName.Parse("{\\\"O}zdemir, Ay{\\c{s}}e", raw =>
        {
            seen.Add(raw);
            return raw.Replace("{\\\"O}", "Ö", StringComparison.Ordinal).Replace("{\\c{s}}", "ş", StringComparison.Ordinal);
        });
        Assert.Equal("Özdemir", name.Family);
        Assert.Equal("Ayşe", name.Given);
        Assert.Equal(["Ayşe".Replace("ş", "{\\c{s}}", StringComparison.Ordinal), "{\\\"O}zdemir"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_WithDecoder_LiteralGetsTextInsideOuterBraces()
    {
        var name = PersonName.Parse("{Soci{\\'e}t{\\'e} G{\\'e}n{\\'e}rale}", raw => raw.Replace("{\\'e}", "é", StringComparison.Ordinal));
        Assert.Equal("Société Générale", name.Literal);
    }

    [Fact]
    public void Parse_WithDecoderReturningBlank_LeavesPartNull()
    {
        var name = PersonName.Parse("Ludwig van Beethoven", raw => raw == "van" ? " " : raw);
        Assert.Null(name.Particle);
        Assert.Equal("Beethoven", name.Family);
    }

    [Theory]
    [InlineData("Jean de La Fontaine", "Jean de La Fontaine")]
    [InlineData("King, Jr., Martin Luther", "Martin Luther King, Jr.")]
    [InlineData("{World Health Organization}", "World Health Organization")]
    [InlineData("Plato", "Plato")]
    [InlineData("van Beethoven, Ludwig", "Ludwig van Beethoven")]
    public void ToString_ParsedName_GivesDisplayForm(string input, string expected) =>
        Assert.Equal(expected, PersonName.Parse(input).ToString());

    [Fact]
    public void ToString_NoParts_IsEmpty() => Assert.Equal("", new PersonName().ToString());

    [Fact]
    public void FromLiteral_Text_SetsOnlyLiteral()
    {
        var name = PersonName.FromLiteral("UNESCO");
        Assert.Equal(new PersonName { Literal = "UNESCO" }, name);
        Assert.Throws<ArgumentException>(() => PersonName.FromLiteral(" "));
        Assert.Throws<ArgumentNullException>(() => PersonName.FromLiteral(null!));
    }

    [Fact]
    public void Equality_SameParts_AreEqual()
    {
        Assert.Equal(PersonName.Parse("van Beethoven, Ludwig"), PersonName.Parse("Ludwig van Beethoven"));
        Assert.NotEqual(PersonName.Parse("Ludwig van Beethoven"), PersonName.Parse("Ludwig Beethoven"));
    }

    [Fact]
    public void Validate_HugeInput_GivesResultWithoutThrowing()
    {
        var words = string.Join(' ', Enumerable.Repeat("Ab cd", 20_000));
        Assert.Null(PersonName.Validate(words));
        Assert.Equal("unbalanced-braces", PersonName.Validate(new string('{', 100_000))?.Reason);
        Assert.Equal("too-many-commas", PersonName.Validate(new string(',', 100_000))?.Reason);
        Assert.True(PersonName.Validate(new string('{', 100_000))!.Message.Length < 300);
    }

    [Fact]
    public void Validate_AnyText_NeverThrows()
    {
        Gen.String.Sample(text => Assert.Equal(PersonName.Validate(text) is null, PersonName.TryParse(text, out _)));
        Gen.Char["aB {}\\',~-"].Array[0, 16].Select(chars => new string(chars)).Sample(text =>
        {
            var ok = PersonName.TryParse(text, out var name);
            Assert.Equal(PersonName.Validate(text) is null, ok);
            if (name?.Literal is not null) Assert.Null(name.Given ?? name.Family ?? name.Particle ?? name.Suffix);
        });
    }

    [Fact]
    public void RoundTrip_SimpleNames_ParseOfToStringIsIdentity()
    {
        var upper = Gen.Char['A', 'Z'].Select(Gen.Char['a', 'z'].Array[1, 6], (c, rest) => c + new string(rest));
        var lower = Gen.Char['a', 'z'].Array[1, 4].Select(chars => new string(chars));
        Gen.Select(upper, lower.Null(), upper).Sample((given, particle, family) =>
        {
            var name = new PersonName { Given = given, Particle = particle, Family = family };
            Assert.Equal(name, PersonName.Parse(name.ToString()));
        });
    }
}
