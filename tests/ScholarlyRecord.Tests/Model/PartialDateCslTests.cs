using System.Text.Json;
using Xunit;

namespace ScholarlyRecord.Tests.Model;

public class PartialDateCslTests
{
    [Theory]
    [InlineData("""{"date-parts":[[1992]]}""", "1992")]
    [InlineData("""{"date-parts":[[1992,3]]}""", "1992-03")]
    [InlineData("""{"date-parts":[["1992","3"]]}""", "1992-03")]
    [InlineData("""{"date-parts":[[1992,3,15]]}""", "1992-03-15")]
    [InlineData("""{"date-parts":[[" 1992 ","03","15"]]}""", "1992-03-15")]
    [InlineData("""{"date-parts":[[1992,null]]}""", "1992")]
    [InlineData("""{"date-parts":[[1992]],"season":1}""", "1992-21")]
    [InlineData("""{"date-parts":[[1992]],"season":"3"}""", "1992-23")]
    [InlineData("""{"date-parts":[[1992]],"season":"Winter"}""", "1992-24")]
    [InlineData("""{"date-parts":[[1992,3]],"season":1}""", "1992-03")]
    [InlineData("""{"date-parts":[[1992,13]]}""", "1992-21")]
    [InlineData("""{"date-parts":[[1992,14]]}""", "1992-22")]
    [InlineData("""{"date-parts":[[1992,21]]}""", "1992-21")]
    [InlineData("""{"raw":"Spring 1992"}""", "1992-21")]
    public void TryFromCslDateParts_SingleDate_GivesDate(string json, string expected)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.True(PartialDate.TryFromCslDateParts(doc.RootElement, out var date, out var range));
        Assert.Equal(expected, date?.ToString());
        Assert.Null(range);
    }

    [Theory]
    [InlineData("""{"date-parts":[[null]]}""")]
    [InlineData("""{"date-parts":[]}""")]
    [InlineData("""{"date-parts":[[]]}""")]
    [InlineData("""{"date-parts":null}""")]
    [InlineData("""{"literal":"circa 1992"}""")]
    [InlineData("""{}""")]
    [InlineData("""null""")]
    [InlineData("""{"date-parts":[[null],[null]]}""")]
    public void TryFromCslDateParts_NoDate_GivesNull(string json)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.True(PartialDate.TryFromCslDateParts(doc.RootElement, out var date, out var range));
        Assert.Null(date);
        Assert.Null(range);
    }

    [Theory]
    [InlineData("""{"date-parts":[[1992,3],[1992,5]]}""", "1992-03/1992-05")]
    [InlineData("""{"date-parts":[["1992"],["1994"]]}""", "1992/1994")]
    [InlineData("""{"raw":"1992-03/1992-05"}""", "1992-03/1992-05")]
    public void TryFromCslDateParts_TwoArrays_GivesRange(string json, string expected)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.True(PartialDate.TryFromCslDateParts(doc.RootElement, out var date, out var range));
        Assert.Equal(expected, range?.ToString());
        Assert.Equal(range?.Start, date);
    }

    [Theory]
    [InlineData("""{"date-parts":[[0]]}""")]
    [InlineData("""{"date-parts":[[-44]]}""")]
    [InlineData("""{"date-parts":[[1992,2,30]]}""")]
    [InlineData("""{"date-parts":[[1992,17]]}""")]
    [InlineData("""{"date-parts":[["MCMXCII"]]}""")]
    [InlineData("""{"date-parts":[[1992.5]]}""")]
    [InlineData("""{"date-parts":[[true]]}""")]
    [InlineData("""{"date-parts":[[1992,1,2,3]]}""")]
    [InlineData("""{"date-parts":[[null,3]]}""")]
    [InlineData("""{"date-parts":[[1993],[1992]]}""")]
    [InlineData("""{"date-parts":[[1992],[1993],[1994]]}""")]
    [InlineData("""{"date-parts":"1992"}""")]
    [InlineData("""{"date-parts":[[1992]],"season":7}""")]
    [InlineData("""{"raw":"not a date"}""")]
    [InlineData("""[1992]""")]
    public void TryFromCslDateParts_Malformed_ReturnsFalse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.False(PartialDate.TryFromCslDateParts(doc.RootElement, out var date, out var range));
        Assert.Null(date);
        Assert.Null(range);
    }
}
