using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Domain.Records;
using Xunit;

namespace MynaPlatform.SelfInfo.Tests.Domain;

public sealed class RecordValidatorTests
{
    private static readonly DateOnly Today = new(2026, 4, 1);

    private static RecordDraft Draft(
        string? group = "健康・医療", string? name = "予防接種", string? asOf = "2026-04-01", string? recordKey = "vaccination-1",
        string? agencyPersonId = "0123456789abcdef0123456789abcdef", IReadOnlyList<RecordItemDraft?>? items = null) =>
        new(recordKey, agencyPersonId, group, name, asOf, items ?? [new RecordItemDraft("ワクチン", "BCG", null), new RecordItemDraft("接種回数", "1", "回")]);

    [Fact]
    public void ValidDraft_BecomesRecord()
    {
        var result = RecordValidator.Validate(Draft(), Today);

        Assert.True(result.IsValid);
        Assert.Equal(new SelfInfoCategory("健康・医療", "予防接種"), result.Record!.Category);
        Assert.Equal(Today, result.Record.AsOf);
        Assert.Equal(new RecordItem("接種回数", "1", "回"), result.Record.Items[1]);
    }

    [Fact]
    public void UnknownName_NamesItAndTheGroupsNames()
    {
        var result = RecordValidator.Validate(Draft(name: "インフルエンザ"), Today);

        var error = Assert.Single(result.Errors);
        Assert.Equal("category.name", error.Field);
        Assert.Contains("インフルエンザ", error.Message);
        Assert.Contains("予防接種", error.Message);
    }

    [Fact]
    public void UnknownGroup_ListsTheGroups()
    {
        var error = Assert.Single(RecordValidator.Validate(Draft(group: "医療"), Today).Errors);

        Assert.Equal("category.group", error.Field);
        Assert.Contains("「医療」", error.Message);
        Assert.Contains("税・所得・口座", error.Message);
    }

    [Theory]
    [InlineData("健康・医療", "医療費")]
    [InlineData("税・所得・口座", "医療費")]
    public void SameNameInTwoGroups_IsValidInBoth(string group, string name)
    {
        Assert.True(RecordValidator.Validate(Draft(group: group, name: name), Today).IsValid);
    }

    [Fact]
    public void NameFromOtherGroup_IsRejected()
    {
        var error = Assert.Single(RecordValidator.Validate(Draft(group: "健康・医療", name: "年金"), Today).Errors);

        Assert.Equal("category.name", error.Field);
    }

    [Theory]
    [InlineData("2026/04/01")]
    [InlineData("2026-04-02")]
    [InlineData("1899-12-31")]
    [InlineData("")]
    [InlineData(null)]
    public void BadAsOf_IsRejected(string? asOf)
    {
        Assert.Equal("asOf", Assert.Single(RecordValidator.Validate(Draft(asOf: asOf), Today).Errors).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("鍵")]
    [InlineData("a/b")]
    [InlineData(null)]
    public void BadRecordKey_IsRejected(string? recordKey)
    {
        Assert.Equal("recordKey", Assert.Single(RecordValidator.Validate(Draft(recordKey: recordKey), Today).Errors).Field);
    }

    [Fact]
    public void RecordKeyOfMaxLength_IsValid()
    {
        Assert.True(RecordValidator.Validate(Draft(recordKey: new string('k', RecordLimits.MaxRecordKeyLength)), Today).IsValid);
        Assert.False(RecordValidator.Validate(Draft(recordKey: new string('k', RecordLimits.MaxRecordKeyLength + 1)), Today).IsValid);
    }

    [Fact]
    public void ItemErrors_NameEachItemAndField()
    {
        RecordItemDraft?[] items =
        [
            new RecordItemDraft("", "値", null),
            null,
            new RecordItemDraft("項目", "", null),
            new RecordItemDraft("項目", "値", new string('円', RecordLimits.MaxUnitLength + 1)),
            new RecordItemDraft("改行\nあり", "値", null),
        ];

        var fields = RecordValidator.Validate(Draft(items: items), Today).Errors.Select(error => error.Field).ToList();

        Assert.Equal(["items[0].label", "items[1]", "items[2].value", "items[3].label", "items[3].unit", "items[4].label"], fields);
    }

    [Fact]
    public void NoItemsOrTooMany_AreRejected()
    {
        var tooMany = Enumerable.Range(0, RecordLimits.MaxItems + 1).Select(index => (RecordItemDraft?)new RecordItemDraft($"項目{index}", "値", null)).ToList();

        Assert.Equal("items", Assert.Single(RecordValidator.Validate(Draft(items: []), Today).Errors).Field);
        Assert.Equal("items", Assert.Single(RecordValidator.Validate(Draft(items: tooMany), Today).Errors).Field);
    }

    [Fact]
    public void ValueWithLineBreaks_IsValid()
    {
        var result = RecordValidator.Validate(Draft(items: [new RecordItemDraft("備考", "一行目\n二行目", null)]), Today);

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("a\u202e", "値", null, "items[0].label")]
    [InlineData("項\u2028目", "値", null, "items[0].label")]
    [InlineData("項目", "値\u2067", null, "items[0].value")]
    [InlineData("項目", "値", "円\u200f", "items[0].unit")]
    public void DirectionMarkOrLineSeparator_IsRejected(string label, string value, string? unit, string field)
    {
        var result = RecordValidator.Validate(Draft(items: [new RecordItemDraft(label, value, unit)]), Today);

        Assert.Equal(field, Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void SeveralErrors_AreAllReported()
    {
        var result = RecordValidator.Validate(new RecordDraft(null, null, null, null, null, null), Today);

        Assert.Equal(["recordKey", "agencyPersonId", "category.group", "asOf", "items"], result.Errors.Select(error => error.Field));
        Assert.All(result.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message)));
    }
}
