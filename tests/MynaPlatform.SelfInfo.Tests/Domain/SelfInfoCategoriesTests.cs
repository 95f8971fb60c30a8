using MynaPlatform.SelfInfo.Domain.Categories;
using Xunit;

namespace MynaPlatform.SelfInfo.Tests.Domain;

public sealed class SelfInfoCategoriesTests
{
    [Fact]
    public void Catalogue_HasTheConfirmedNames()
    {
        Assert.Equal(25, SelfInfoCategories.All.Count);
        Assert.Equal(SelfInfoCategories.All.Count, SelfInfoCategories.All.Distinct().Count());
        Assert.Equal(["健康・医療", "税・所得・口座", "年金", "子ども・子育て", "世帯情報", "福祉・介護"], SelfInfoCategories.Groups);
    }

    [Fact]
    public void MedicalCosts_AppearInTwoGroups()
    {
        Assert.Equal(2, SelfInfoCategories.All.Count(category => category.Name == "医療費"));
        Assert.True(SelfInfoCategories.TryFind("健康・医療", "医療費", out _));
        Assert.True(SelfInfoCategories.TryFind("税・所得・口座", "医療費", out _));
    }

    [Theory]
    [InlineData("健康・医療", "診療・薬剤")]
    [InlineData("税・所得・口座", "税・所得")]
    [InlineData("年金", "年金")]
    [InlineData("子ども・子育て", "児童手当")]
    public void TryFind_KnownPair_ReturnsCategory(string group, string name)
    {
        Assert.True(SelfInfoCategories.TryFind(group, name, out var category));
        Assert.Equal(group, category.Group);
        Assert.Equal(name, category.Name);
    }

    [Theory]
    [InlineData("年金", "児童手当")]
    [InlineData("健康・医療 ", "予防接種")]
    [InlineData(null, "予防接種")]
    [InlineData("健康・医療", null)]
    public void TryFind_UnknownPair_ReturnsFalse(string? group, string? name)
    {
        Assert.False(SelfInfoCategories.TryFind(group, name, out var category));
        Assert.Null(category);
    }
}
