using System.Globalization;
using Xunit;

namespace MynaPlatform.Text.Tests;

public sealed class FilterDatesTests
{
    [Theory]
    [InlineData("1899-12-31", false)]
    [InlineData("1900-01-01", true)]
    [InlineData("2026-12-05", true)]
    [InlineData("9998-12-31", true)]
    [InlineData("9999-01-01", false)]
    public void Contains_AtBounds(string date, bool expected)
    {
        Assert.Equal(expected, FilterDates.Contains(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
