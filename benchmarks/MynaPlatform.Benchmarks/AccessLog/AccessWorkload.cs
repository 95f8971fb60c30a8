using MynaPlatform.Contracts.Access;

namespace MynaPlatform.Benchmarks.AccessLog;

/// <summary>
/// The access events of the access-log benchmark: agencies reading a person's data for one of
/// eight administrative tasks, spread over the two years before the run. Record number
/// <c>n</c> gets agency <c>n mod agencies</c> and task <c>n mod 8</c> (with the agency's share
/// shifted, so that every agency meets every task), so a filter on one agency, one task and one
/// year matches about 1/64 of a person's records.
/// </summary>
public sealed class AccessWorkload(IReadOnlyList<string> agencyIds, DateTimeOffset now)
{
    public static readonly IReadOnlyList<string> Tasks =
    [
        "地方税の賦課徴収に関する事務",
        "児童手当の支給に関する事務",
        "国民健康保険の給付に関する事務",
        "介護保険の保険料の徴収に関する事務",
        "生活保護の決定及び実施に関する事務",
        "障害福祉サービスの支給に関する事務",
        "住民基本台帳に関する事務",
        "予防接種の実施に関する事務",
    ];

    public static readonly TimeSpan Span = TimeSpan.FromDays(730);

    public IReadOnlyList<string> AgencyIds => agencyIds;

    /// <summary>The access event of record <paramref name="number"/> of a person, as a service would publish it.</summary>
    public PersonDataAccessed Event(string personId, long number, long recordsOfPerson)
    {
        var agency = agencyIds[(int)(number % agencyIds.Count)];
        var task = Tasks[(int)((number / agencyIds.Count + number) % Tasks.Count)];
        var occurredAt = now - Span + (Span * ((number + 0.5) / Math.Max(1, recordsOfPerson)));
        return new PersonDataAccessed(
            Guid.CreateVersion7(), personId, new Accessor(AccessorKind.Agency, agency),
            "地方税関係情報", ["課税情報", "所得情報"], task, occurredAt, "", "self-info");
    }
}
