using System.Globalization;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Domain.Records;
using MynaPlatform.SelfInfo.Records;

namespace MynaPlatform.SelfInfo.Storage;

/// <summary>
/// The head of one agency's record key. It embeds a copy of the current version, so that reads and
/// searches touch one collection; every version, the current one included, is also in the versions
/// collection.
/// </summary>
internal sealed class MongoRecordDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid RecordId { get; set; }

    public string AgencyClientId { get; set; } = "";

    public string RecordKey { get; set; } = "";

    public string PersonId { get; set; } = "";

    public MongoVersionDocument Current { get; set; } = new();

    [BsonIgnoreIfNull]
    public MongoOpenFlag? OpenFlag { get; set; }

    public StoredRecord ToRecord() => new(RecordId, AgencyClientId, RecordKey, Current.ToVersion(),
        OpenFlag is null ? null : new OpenFlag(OpenFlag.FlagId, OpenFlag.Version, DateTime.SpecifyKind(OpenFlag.FlaggedAt, DateTimeKind.Utc)));
}

internal sealed class MongoOpenFlag
{
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid FlagId { get; set; }

    public int Version { get; set; }

    public DateTime FlaggedAt { get; set; }
}

/// <summary>One version; the id joins the record id and the version number, so a version is written once.</summary>
internal sealed class MongoVersionDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid RecordId { get; set; }

    public int Version { get; set; }

    public string PersonId { get; set; } = "";

    public string AgencyPersonId { get; set; } = "";

    public string AgencyName { get; set; } = "";

    public string CategoryGroup { get; set; } = "";

    public string CategoryName { get; set; } = "";

    /// <summary>The as-of date as <c>yyyy-MM-dd</c>, because a BSON date is an instant and this is a calendar date.</summary>
    public string AsOf { get; set; } = "";

    public List<MongoItem> Items { get; set; } = [];

    public string SearchText { get; set; } = "";

    public DateTime PublishedAt { get; set; }

    public static string IdOf(Guid recordId, int version) => $"{recordId:D}/{version}";

    public static MongoVersionDocument From(Guid recordId, int version, Publication publication) => new()
    {
        Id = IdOf(recordId, version),
        RecordId = recordId,
        Version = version,
        PersonId = publication.PersonId,
        AgencyPersonId = publication.Record.AgencyPersonId,
        AgencyName = publication.AgencyName,
        CategoryGroup = publication.Record.Category.Group,
        CategoryName = publication.Record.Category.Name,
        AsOf = publication.Record.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Items = [.. publication.Record.Items.Select(item => new MongoItem { Label = item.Label, Value = item.Value, Unit = item.Unit })],
        SearchText = publication.SearchText,
        PublishedAt = publication.PublishedAt.UtcDateTime,
    };

    public StoredVersion ToVersion() => new(
        Version,
        PersonId,
        AgencyPersonId,
        AgencyName,
        new SelfInfoCategory(CategoryGroup, CategoryName),
        DateOnly.ParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        [.. Items.Select(item => new RecordItem(item.Label, item.Value, item.Unit))],
        new DateTimeOffset(DateTime.SpecifyKind(PublishedAt, DateTimeKind.Utc)));
}

internal sealed class MongoItem
{
    public string Label { get; set; } = "";

    public string Value { get; set; } = "";

    [BsonIgnoreIfNull]
    public string? Unit { get; set; }
}

/// <summary>
/// A "this is not me" flag. <see cref="IsOpen"/> exists for the partial unique index (one open flag
/// per record), because a partial index cannot test for a missing <see cref="ClosedAt"/>.
/// </summary>
internal sealed class MongoFlagDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid FlagId { get; set; }

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid RecordId { get; set; }

    public int Version { get; set; }

    public string PersonId { get; set; } = "";

    public string AgencyClientId { get; set; } = "";

    public string RecordKey { get; set; } = "";

    public string AgencyPersonId { get; set; } = "";

    public DateTime FlaggedAt { get; set; }

    public bool IsOpen { get; set; }

    [BsonIgnoreIfNull]
    public DateTime? ClosedAt { get; set; }

    [BsonIgnoreIfNull]
    public string? ClosedAs { get; set; }

    [BsonIgnoreIfNull]
    public string? ClosedBy { get; set; }

    [BsonIgnoreIfNull]
    public string? CloseReason { get; set; }

    public FlagListing ToListing() => new(
        FlagId, RecordId, AgencyClientId, RecordKey, AgencyPersonId, Version, new DateTimeOffset(DateTime.SpecifyKind(FlaggedAt, DateTimeKind.Utc)));
}
