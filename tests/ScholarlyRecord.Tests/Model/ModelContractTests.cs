using System.Reflection;
using CsCheck;
using System.Runtime.CompilerServices;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.Model;

public class ModelContractTests
{
    private static readonly Type[] ModelTypes = typeof(Chapter).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "ScholarlyRecord" && t.IsClass && t.GetMethod("<Clone>$") is not null)
        .ToArray();

    [Fact]
    public void ModelRecords_AreFound()
    {
        Assert.Contains(typeof(Chapter), ModelTypes);
        Assert.Contains(typeof(Book), ModelTypes);
        Assert.True(ModelTypes.Length >= 14, string.Join(", ", ModelTypes.Select(t => t.Name)));
    }

    [Fact]
    public void ModelRecords_HaveNoPublicSetters_OnlyInit()
    {
        foreach (var type in ModelTypes)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var setter = property.SetMethod;
                if (setter is null || !setter.IsPublic) continue;
                var isInit = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
                Assert.True(isInit, $"{type.Name}.{property.Name} has a public setter");
            }
        }
    }

    [Fact]
    public void ModelRecords_ExposeOnlyReadOnlyLists()
    {
        foreach (var type in ModelTypes)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var t = property.PropertyType;
                if (t == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(t)) continue;
                Assert.True(t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>), $"{type.Name}.{property.Name} is {t.Name}");
            }
        }
    }

    [Fact]
    public void Lists_CopyTheCallersList_SoLaterChangesCannotReachTheModel()
    {
        var keywords = new List<string> { "a" };
        var chapter = new Chapter { Title = "t", Keywords = keywords };

        keywords.Add("b");

        Assert.Equal(["a"], chapter.Keywords);
        Assert.IsType<ValueList<string>>(chapter.Keywords);
        Assert.False(chapter.Keywords is IList<string> { IsReadOnly: false });
    }

    [Fact]
    public void Lists_DefaultToEmpty_AndNullBecomesEmpty()
    {
        var chapter = new Chapter { Title = "t", Contributors = null! };

        Assert.Empty(chapter.Contributors);
        Assert.Empty(chapter.Offers);
        Assert.Empty(new Book().Isbns);
    }

    [Fact]
    public void Equality_ComparesListsByContent()
    {
        var a = new Chapter { Title = "t", Keywords = ["x", "y"], Contributors = [new Contributor { Name = new PersonName { Family = "F" }, Affiliations = ["U"] }] };
        var b = new Chapter { Title = "t", Keywords = new List<string> { "x", "y" }, Contributors = [new Contributor { Name = new PersonName { Family = "F" }, Affiliations = new[] { "U" } }] };
        var c = b with { Keywords = ["y", "x"] };

        EqualityContract.AssertEqualAndHashEqual(a, b);
        Assert.NotEqual(a, c);
        Assert.False(a == c);
    }

    [Fact]
    public void AnyChapter_EqualsItsCopy_AndNotADifferentOne()
    {
        Gen.Select(ChapterGenerator.Chapter, ChapterGenerator.Chapter).Sample((x, y) =>
        {
            var copy = x with { };
            EqualityContract.AssertEqualAndHashEqual(x, copy);
            if (x.Title != y.Title) Assert.NotEqual(x, y);
        }, iter: 200);
    }

    [Fact]
    public void ChapterGenerator_Fixed_GivesTheSameChaptersEveryTime()
    {
        var first = ChapterGenerator.Fixed(50, "0000fixedcheck");
        var second = ChapterGenerator.Fixed(50, "0000fixedcheck");

        Assert.Equal(50, first.Count);
        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 40, "the fixed set should hold varied chapters, not one repeated");
    }

    [Fact]
    public void ValueList_EqualityAndHashing_FollowContent()
    {
        var a = ValueList.Create<int>([1, 2, 3]);
        var b = ValueList.From(new List<int> { 1, 2, 3 });

        EqualityContract.AssertEqualAndHashEqual(a, b);
        Assert.True(a == b);
        Assert.NotEqual(a, ValueList.Create<int>([1, 2]));
        Assert.Same(ValueList<int>.Empty, ValueList.Create<int>([]));
        Assert.Equal("[1, 2, 3]", a.ToString());
    }
}
