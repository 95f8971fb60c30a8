using System.Diagnostics.CodeAnalysis;

namespace MynaPlatform.Notices.Domain.Categories;

/// <summary>
/// The fixed list of notice categories, in the order the inbox shows them. Keys are stored with each
/// notice, so a key is never renamed or reused; a new category is added at the end of its group.
/// </summary>
public static class NoticeCategories
{
    public static readonly NoticeCategory Tax = new("tax", "税・所得", "住民税の税額決定、納付のお願い、申告の案内など");
    public static readonly NoticeCategory Pension = new("pension", "年金", "ねんきん定期便、年金の支給や手続の案内など");
    public static readonly NoticeCategory Health = new("health", "健康・医療", "予防接種、健診・検診、医療費の通知など");
    public static readonly NoticeCategory Childcare = new("childcare", "子育て・教育", "児童手当、保育、就学の案内など");
    public static readonly NoticeCategory Welfare = new("welfare", "福祉・介護", "介護保険、障害福祉、生活支援など");
    public static readonly NoticeCategory Disaster = new("disaster", "防災・安全", "避難情報、災害時の支援、防犯の案内など");
    public static readonly NoticeCategory Procedure = new("procedure", "届出・証明書", "マイナンバーカードの更新、住所変更の届出、証明書の交付など");
    public static readonly NoticeCategory Other = new("other", "くらし・その他", "上のどれにも当たらないお知らせ");

    public static IReadOnlyList<NoticeCategory> All { get; } = [Tax, Pension, Health, Childcare, Welfare, Disaster, Procedure, Other];

    private static readonly Dictionary<string, NoticeCategory> ByKey = All.ToDictionary(category => category.Key, StringComparer.Ordinal);

    /// <summary>Finds a category by its exact key; keys are lower-case and compared ordinally.</summary>
    public static bool TryGet([NotNullWhen(true)] string? key, [NotNullWhen(true)] out NoticeCategory? category)
    {
        category = null;
        return key is not null && ByKey.TryGetValue(key, out category);
    }

    public static bool IsDefined([NotNullWhen(true)] string? key) => key is not null && ByKey.ContainsKey(key);

    /// <summary>The keys joined for an error message, such as "tax, pension, …".</summary>
    public static string KeyList { get; } = string.Join(", ", All.Select(category => category.Key));
}
