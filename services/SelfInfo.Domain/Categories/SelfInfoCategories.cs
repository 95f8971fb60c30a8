using System.Diagnostics.CodeAnalysis;

namespace MynaPlatform.SelfInfo.Domain.Categories;

/// <summary>
/// The categories of あなたの情報 in the order the portal lists them, from the portal's public 2023
/// list of 29 categories. Only the 25 confirmed names are here. The four remaining entries of the
/// 福祉・介護 group are left out until their names are confirmed from a primary source.
/// </summary>
public static class SelfInfoCategories
{
    public const string HealthGroup = "健康・医療";
    public const string TaxGroup = "税・所得・口座";
    public const string PensionGroup = "年金";
    public const string ChildGroup = "子ども・子育て";
    public const string HouseholdGroup = "世帯情報";
    public const string WelfareGroup = "福祉・介護";

    public static IReadOnlyList<SelfInfoCategory> All { get; } =
    [
        new(HealthGroup, "健康保険証"),
        new(HealthGroup, "診療・薬剤"),
        new(HealthGroup, "医療費"),
        new(HealthGroup, "予防接種"),
        new(HealthGroup, "特定健診・後期高齢者健診"),
        new(HealthGroup, "検診"),
        new(HealthGroup, "医療保険"),
        new(HealthGroup, "医療保険その他"),
        new(HealthGroup, "学校保健"),
        new(HealthGroup, "難病患者支援"),
        new(HealthGroup, "保険証の被保険者番号"),
        new(HealthGroup, "医療保険情報の提供状況"),
        new(TaxGroup, "税・所得"),
        new(TaxGroup, "医療費"),
        new(TaxGroup, "公金受取口座"),
        new(PensionGroup, "年金"),
        new(PensionGroup, "年金その他"),
        new(ChildGroup, "児童手当"),
        new(ChildGroup, "ひとり親家庭"),
        new(ChildGroup, "母子保健"),
        new(ChildGroup, "教育・就学支援"),
        new(ChildGroup, "障害児支援・小児慢性特定疾病医療"),
        new(HouseholdGroup, "世帯情報"),
        new(WelfareGroup, "障害保健福祉"),
        new(WelfareGroup, "生活保護"),
    ];

    public static IReadOnlyList<string> Groups { get; } = [.. All.Select(category => category.Group).Distinct()];

    private static readonly HashSet<SelfInfoCategory> Known = [.. All];

    /// <summary>Finds the category with exactly this group and name (compared ordinally, as written above).</summary>
    public static bool TryFind(string? group, string? name, [NotNullWhen(true)] out SelfInfoCategory? category)
    {
        category = group is null || name is null ? null : new SelfInfoCategory(group, name);
        if (category is not null && Known.Contains(category))
        {
            return true;
        }

        category = null;
        return false;
    }

    public static bool IsGroup(string? group) => group is not null && Groups.Contains(group, StringComparer.Ordinal);

    /// <summary>The names of one group joined for an error message, such as "年金, 年金その他".</summary>
    public static string NamesIn(string group) =>
        string.Join(", ", All.Where(category => category.Group == group).Select(category => category.Name));
}
