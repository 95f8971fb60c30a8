namespace MynaPlatform.MynaDemo.Catalog;

/// <summary>A notice one demo agency sends. <paramref name="Key"/> is stable, so a run can find what an earlier run sent.</summary>
public sealed record DemoNotice(string Key, DemoAgency Sender, string Category, string Title, string Body, string? PaymentReference = null);

/// <summary>A self-information record, published under the agency's stable record key.</summary>
public sealed record DemoRecord(string RecordKey, DemoAgency Provider, string Group, string Name, DateOnly AsOf, IReadOnlyList<DemoItem> Items);

public sealed record DemoItem(string Label, string Value, string? Unit = null);

/// <summary>An exchange over the 情報提供ネットワークシステム, recorded by its requester under a stable record id.</summary>
public sealed record DemoExchange(
    string RecordId, DemoAgency Requester, DemoAgency Provider, DateTimeOffset RequestedAt, DateTimeOffset ProvidedAt,
    string AdministrativeTask, IReadOnlyList<string> DataItems);

/// <summary>
/// What the demo agencies send and publish about the demo resident. Every date derives from one
/// base date (the day the resident's card was issued), so a later run produces the same content,
/// which the platform then recognises as already stored.
/// </summary>
public sealed class DemoContent(DateOnly baseDate)
{
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>The agency that reads back the records it published. The read appears in the person's やりとり履歴.</summary>
    public static DemoAgency ReadBackAgency => DemoAgencies.PensionService;

    /// <summary>The 令和 year of the Japanese fiscal year (April to March) that contains the base date.</summary>
    public int FiscalYear => (baseDate.Month >= 4 ? baseDate.Year : baseDate.Year - 1) - 2018;

    /// <summary>The 令和 year of the last calendar year before the base date's, the year of the latest income.</summary>
    public int IncomeYear => baseDate.Year - 1 - 2018;

    public IReadOnlyList<DemoNotice> Notices =>
    [
        new("vaccination", DemoAgencies.Municipality, "health", "予防接種のお知らせ (麻しん風しん混合 第2期)",
            $"""
            お子さまが、麻しん風しん混合 (MR) ワクチン第2期の定期予防接種の対象になりました。

            - 対象: 小学校入学前の 1 年間のお子さま
            - 期限: 令和{FiscalYear + 1}年3月31日
            - 費用: 無料

            {DemoAgencies.City.Name}内の協力医療機関に予約のうえ、母子健康手帳を持って受けてください。
            """),
        new("income-tax", DemoAgencies.TaxAgency, "tax", "所得税及び復興特別所得税の納付のお知らせ",
            $"""
            令和{IncomeYear}年分の所得税及び復興特別所得税 **38,400 円** が未納です。

            ペイジー (Pay-easy) に対応した金融機関の ATM やインターネットバンキングで、次の番号で納付できます。

            - 収納機関番号: 00200
            - 納付番号: 4183520617390254
            - 確認番号: 702931
            """,
            "pay-easy:00200:4183520617390254:702931"),
        new("pension-statement", DemoAgencies.PensionService, "pension", $"ねんきん定期便 (令和{FiscalYear}年度)",
            """
            これまでの年金加入期間、保険料の納付額と、老齢年金の見込額をお知らせします。

            - 加入期間の合計: 180 か月
            - これまでの保険料納付額 (累計額): 2,916,000 円
            - 老齢年金の見込額 (年額): 632,000 円

            記録に漏れや誤りがあるときは、ねんきんダイヤルにお問い合わせください。
            """),
        new("medical-expenses", DemoAgencies.HealthInsurance, "health", "医療費のお知らせ",
            $"""
            令和{IncomeYear}年1月から12月までに受診した医療費をお知らせします。確定申告の医療費控除に使えます。

            - 受診件数: 7 件
            - 医療費の総額: 48,200 円
            - 窓口で支払った額: 14,460 円
            """),
    ];

    public IReadOnlyList<DemoRecord> Records =>
    [
        new("demo-immunization", DemoAgencies.Municipality, "健康・医療", "予防接種", AsOf,
            [new("ワクチン", "麻しん風しん混合 (MR)"), new("接種回数", "2", "回"), new("最後の接種日", "2006-04-20")]),
        new($"demo-income-r{FiscalYear}", DemoAgencies.Municipality, "税・所得・口座", "税・所得", AsOf,
            [new("課税年度", $"令和{FiscalYear}年度"), new("総所得金額等", "4350000", "円"), new("市民税・県民税の所得割額", "262500", "円")]),
        new("demo-pension", DemoAgencies.PensionService, "年金", "年金", AsOf,
            [new("加入制度", "厚生年金保険"), new("加入期間の合計", "180", "か月"), new("老齢年金の見込額 (年額)", "632000", "円")]),
        new("demo-insurance", DemoAgencies.HealthInsurance, "健康・医療", "医療保険", AsOf,
            [new("保険者", DemoAgencies.HealthInsurance.DisplayName), new("被保険者の区分", "本人 (被保険者)"), new("資格取得日", "2011-04-01")]),
    ];

    /// <summary>
    /// Exchanges with the names of administrative tasks (事務) and data items (特定個人情報名) as the
    /// information-exchange records use them. Which agency requests which data from which is a
    /// plausible example, not taken from the law's table.
    /// </summary>
    public IReadOnlyList<DemoExchange> Exchanges =>
    [
        Exchange("demo-exchange-pension", DemoAgencies.PensionService, DemoAgencies.Municipality, daysBefore: 60,
            "国民年金法による年金である給付の支給に関する事務", ["地方税関係情報", "住民票関係情報"]),
        Exchange("demo-exchange-insurance", DemoAgencies.HealthInsurance, DemoAgencies.Municipality, daysBefore: 45,
            "健康保険法による保険給付の支給に関する事務", ["地方税関係情報"]),
        Exchange("demo-exchange-local-tax", DemoAgencies.Municipality, DemoAgencies.PensionService, daysBefore: 30,
            "地方税法による地方税の賦課徴収に関する事務", ["年金給付関係情報"]),
    ];

    /// <summary>The date the records are current at: the day before the base date.</summary>
    private DateOnly AsOf => baseDate.AddDays(-1);

    private DemoExchange Exchange(string recordId, DemoAgency requester, DemoAgency provider, int daysBefore, string task, IReadOnlyList<string> items)
    {
        var requestedAt = new DateTimeOffset(baseDate.AddDays(-daysBefore).ToDateTime(new TimeOnly(10, 15)), JapanOffset);
        return new DemoExchange(recordId, requester, provider, requestedAt, requestedAt.AddSeconds(3), task, items);
    }
}
