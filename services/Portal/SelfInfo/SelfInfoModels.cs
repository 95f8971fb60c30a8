namespace MynaPlatform.Portal.SelfInfo;

/// <summary>A category of あなたの情報, by its group and name, with the number of the person's records in it.</summary>
public sealed record CategoryCount(string Group, string Name, int RecordCount);

public sealed record CategoryList(IReadOnlyList<CategoryCount> Categories);

public sealed record RecordCategory(string Group, string Name);

public sealed record RecordItem(string Label, string Value, string? Unit);

/// <summary>
/// A record as it is shown to the person. A record the person flagged is <c>under_review</c> and comes
/// without its date and items, because they may be another person's.
/// </summary>
public sealed record PersonRecord(
    Guid RecordId, RecordCategory Category, string AgencyName, string Status, int Version, DateTimeOffset PublishedAt, string? AsOf,
    IReadOnlyList<RecordItem>? Items)
{
    public bool UnderReview => Status == "under_review";
}

public sealed record PersonRecordList(IReadOnlyList<PersonRecord> Records);
