using MynaPlatform.Notices.Domain.Categories;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

public sealed class NoticeCategoriesTests
{
    [Theory]
    [InlineData("tax", "税・所得")]
    [InlineData("pension", "年金")]
    [InlineData("health", "健康・医療")]
    [InlineData("childcare", "子育て・教育")]
    [InlineData("welfare", "福祉・介護")]
    [InlineData("disaster", "防災・安全")]
    [InlineData("procedure", "届出・証明書")]
    [InlineData("other", "くらし・その他")]
    public void TryGet_KnownKey_ReturnsDisplayName(string key, string expected)
    {
        Assert.True(NoticeCategories.TryGet(key, out var category));
        Assert.Equal(expected, category.DisplayName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Tax")]
    [InlineData("TAX")]
    [InlineData(" tax")]
    [InlineData("tax ")]
    [InlineData("ｔａｘ")]
    [InlineData("年金")]
    [InlineData("unknown")]
    public void TryGet_UnknownKey_ReturnsFalse(string? key)
    {
        Assert.False(NoticeCategories.TryGet(key, out var category));
        Assert.Null(category);
        Assert.False(NoticeCategories.IsDefined(key));
    }

    [Fact]
    public void All_Keys_AreUniqueLowerCaseAscii()
    {
        Assert.Equal(NoticeCategories.All.Count, NoticeCategories.All.Select(category => category.Key).Distinct().Count());
        Assert.All(NoticeCategories.All, category => Assert.Matches("^[a-z]+$", category.Key));
        Assert.All(NoticeCategories.All, category => Assert.False(string.IsNullOrWhiteSpace(category.DisplayName)));
        Assert.All(NoticeCategories.All, category => Assert.False(string.IsNullOrWhiteSpace(category.Description)));
    }

    [Fact]
    public void All_Keys_StayStable()
    {
        // Keys are stored with every notice: renaming or removing one orphans stored data.
        Assert.Equal(
            ["tax", "pension", "health", "childcare", "welfare", "disaster", "procedure", "other"],
            NoticeCategories.All.Select(category => category.Key));
    }

    [Fact]
    public void KeyList_ListsEveryKey() =>
        Assert.Equal("tax, pension, health, childcare, welfare, disaster, procedure, other", NoticeCategories.KeyList);
}
