using MynaPlatform.SelfInfo.Domain.Access;
using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Domain.Records;
using Xunit;

namespace MynaPlatform.SelfInfo.Tests.Domain;

public sealed class AccessDescriptionTests
{
    private static readonly SelfInfoCategory Allowance = new("子ども・子育て", "児童手当");
    private static readonly SelfInfoCategory Tax = new("税・所得・口座", "税・所得");

    [Fact]
    public void SeveralCategories_InCatalogueOrder()
    {
        var description = AccessDescription.Of(
        [
            (Allowance, [new RecordItem("支給月額", "10000", "円")]),
            (Tax, [new RecordItem("課税所得", "3500000", "円"), new RecordItem("支給月額", "1", null)]),
        ]);

        Assert.Equal("税・所得、児童手当", description.DataCategory);
        Assert.Equal(["支給月額", "課税所得"], description.DataItems);
    }

    [Fact]
    public void Description_CarriesNoValues()
    {
        var description = AccessDescription.Of([(Tax, [new RecordItem("課税所得", "3500000", "円")])]);

        Assert.Equal("税・所得", description.DataCategory);
        Assert.DoesNotContain(description.DataItems, item => item.Contains("3500000"));
    }

    [Fact]
    public void NoRecords_IsNotAnAccess()
    {
        Assert.Throws<ArgumentException>(() => AccessDescription.Of([]));
    }
}
