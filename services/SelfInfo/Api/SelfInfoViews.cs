using System.Globalization;
using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Domain.Records;
using MynaPlatform.SelfInfo.Records;

namespace MynaPlatform.SelfInfo.Api;

/// <summary>The body of an agency's publication; the record key comes from the URL.</summary>
public sealed record PublishRecordRequest(string? AgencyPersonId, CategoryReference? Category, string? AsOf, List<ItemRequest?>? Items);

public sealed record CategoryReference(string? Group, string? Name);

public sealed record ItemRequest(string? Label, string? Value, string? Unit);

public sealed record ClearFlagRequest(string? Reason);

public sealed record CategoryView(string Group, string Name)
{
    public static CategoryView From(SelfInfoCategory category) => new(category.Group, category.Name);
}

public sealed record ItemView(string Label, string Value, string? Unit)
{
    public static IReadOnlyList<ItemView> From(IEnumerable<RecordItem> items) => [.. items.Select(item => new ItemView(item.Label, item.Value, item.Unit))];
}

public sealed record PublishResponse(Guid RecordId, string RecordKey, int Version, string Result);

/// <summary>A record as its providing agency reads it back.</summary>
public sealed record AgencyRecordView(
    Guid RecordId, string RecordKey, string AgencyPersonId, CategoryView Category, string AsOf, int Version, DateTimeOffset PublishedAt,
    IReadOnlyList<ItemView> Items)
{
    public static AgencyRecordView From(StoredRecord record) => From(record.RecordId, record.RecordKey, record.Current);

    public static AgencyRecordView From(Guid recordId, string recordKey, StoredVersion version) => new(
        recordId, recordKey, version.AgencyPersonId, CategoryView.From(version.Category), FormatDate(version.AsOf), version.Version,
        version.PublishedAt, ItemView.From(version.Items));

    internal static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record AgencyRecordListView(IReadOnlyList<AgencyRecordView> Records);

/// <summary>A record's current version and every version about the same person, newest first.</summary>
public sealed record AgencyRecordHistoryView(AgencyRecordView Current, IReadOnlyList<AgencyRecordView> Versions);

/// <summary>
/// A record as the person sees it. While the person's flag is open the record shows as
/// <c>under_review</c> without its as-of date and items, because they may be another person's.
/// </summary>
public sealed record PersonRecordView(
    Guid RecordId, CategoryView Category, string AgencyName, string Status, int Version, DateTimeOffset PublishedAt, string? AsOf,
    IReadOnlyList<ItemView>? Items, Guid? FlagId)
{
    public const string Published = "published";
    public const string UnderReview = "under_review";

    public static PersonRecordView From(StoredRecord record) => record.Flag is { } flag
        ? new(record.RecordId, CategoryView.From(record.Current.Category), record.Current.AgencyName, UnderReview, record.Current.Version,
            record.Current.PublishedAt, null, null, flag.FlagId)
        : new(record.RecordId, CategoryView.From(record.Current.Category), record.Current.AgencyName, Published, record.Current.Version,
            record.Current.PublishedAt, AgencyRecordView.FormatDate(record.Current.AsOf), ItemView.From(record.Current.Items), null);
}

public sealed record PersonRecordListView(IReadOnlyList<PersonRecordView> Records);

public sealed record CategoryCountView(string Group, string Name, int RecordCount);

public sealed record CategoryListView(IReadOnlyList<CategoryCountView> Categories);

public sealed record FlagView(Guid FlagId, Guid RecordId, string Status, DateTimeOffset FlaggedAt);

/// <summary>An open flag as the providing agency lists it: which record and version, never the data.</summary>
public sealed record AgencyFlagView(Guid FlagId, string RecordKey, string AgencyPersonId, int Version, DateTimeOffset FlaggedAt)
{
    public static AgencyFlagView From(FlagListing flag) => new(flag.FlagId, flag.RecordKey, flag.AgencyPersonId, flag.Version, flag.FlaggedAt);
}

public sealed record AgencyFlagListView(IReadOnlyList<AgencyFlagView> Flags);

public sealed record OperatorFlagView(Guid FlagId, Guid RecordId, string AgencyClientId, string RecordKey, int Version, DateTimeOffset FlaggedAt)
{
    public static OperatorFlagView From(FlagListing flag) => new(flag.FlagId, flag.RecordId, flag.AgencyClientId, flag.RecordKey, flag.Version, flag.FlaggedAt);
}

public sealed record OperatorFlagListView(IReadOnlyList<OperatorFlagView> Flags);

/// <summary>A person's records as an operator reads them; records under review show without data, as to the person.</summary>
public sealed record OperatorRecordListView(IReadOnlyList<PersonRecordView> Records);
