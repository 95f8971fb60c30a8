using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using MynaPlatform.Notices.Domain;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Storage.MongoDb;

namespace MynaPlatform.Notices.Storage;

internal sealed class MongoNoticeDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid NoticeId { get; set; }

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid PushId { get; set; }

    public int ItemIndex { get; set; }

    public string AgencyClientId { get; set; } = "";

    public string AgencyName { get; set; } = "";

    public string Recipient { get; set; } = "";

    public string PersonId { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public string BodyFormat { get; set; } = "";

    public string Category { get; set; } = "";

    public DateTime VisibleAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public string? PaymentReference { get; set; }

    public string SearchText { get; set; } = "";

    public int AttachmentCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime? ReadAt { get; set; }

    public DateTime? ArchivedAt { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    public static MongoNoticeDocument From(NewNotice notice) => new()
    {
        NoticeId = notice.NoticeId,
        PushId = notice.PushId,
        ItemIndex = notice.ItemIndex,
        AgencyClientId = notice.AgencyClientId,
        AgencyName = notice.AgencyName,
        Recipient = notice.Recipient,
        PersonId = notice.PersonId,
        Title = notice.Content.Title,
        Body = notice.Content.Body,
        BodyFormat = notice.Content.BodyFormat.ToKey(),
        Category = notice.Content.Category.Key,
        VisibleAt = notice.VisibleAt.UtcDateTime,
        ExpiresAt = notice.Content.ExpiresAt?.UtcDateTime,
        PaymentReference = notice.Content.PaymentReference,
        SearchText = NoticeSearchDocument.Create(notice.Content),
        AttachmentCount = notice.Attachments.Count,
        CreatedAt = notice.CreatedAt.UtcDateTime,
        PublishedAt = notice.PublishesAtOnce ? notice.CreatedAt.UtcDateTime : null,
    };

    public AgencyNoticeState ToAgencyState() =>
        new(NoticeId, Recipient, Category, Utc(VisibleAt), Utc(ExpiresAt), Utc(PublishedAt), Utc(ReadAt), Utc(WithdrawnAt));

    public InboxItem ToInboxItem() =>
        new(NoticeId, Title, Category, AgencyClientId, AgencyName, Utc(VisibleAt), Utc(ExpiresAt), Utc(ReadAt), ArchivedAt is not null, AttachmentCount);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } instant ? Utc(instant) : null;
}

/// <summary>An attachment, stored apart from its notice; its id is the notice id and the position.</summary>
internal sealed class MongoNoticeAttachmentDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid NoticeId { get; set; }

    public int Position { get; set; }

    public string FileName { get; set; } = "";

    public long Length { get; set; }

    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public static string IdOf(Guid noticeId, int position) => $"{noticeId}/{position}";
}

/// <summary>An idempotency key; its id joins the agency and the key, which cannot contain a slash.</summary>
internal sealed class MongoPushKeyDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid PushId { get; set; }

    public string Fingerprint { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime LeaseUntil { get; set; }

    public int? ResponseStatus { get; set; }

    public string? ResponseBody { get; set; }

    public static string IdOf(string agencyClientId, string key) => $"{agencyClientId}/{key}";
}

internal sealed class MongoNoticeIndexes : IMongoIndexes
{
    public static readonly IndexKeysDefinition<MongoNoticeDocument> PushItem =
        Builders<MongoNoticeDocument>.IndexKeys.Ascending(notice => notice.PushId).Ascending(notice => notice.ItemIndex);

    public static readonly IndexKeysDefinition<MongoNoticeDocument> Inbox = Builders<MongoNoticeDocument>.IndexKeys
        .Ascending(notice => notice.PersonId).Descending(notice => notice.VisibleAt).Descending(notice => notice.NoticeId);

    public static readonly IndexKeysDefinition<MongoNoticeDocument> Agency = Builders<MongoNoticeDocument>.IndexKeys
        .Ascending(notice => notice.AgencyClientId).Descending(notice => notice.CreatedAt).Descending(notice => notice.NoticeId);

    public static readonly IndexKeysDefinition<MongoNoticeDocument> Due =
        Builders<MongoNoticeDocument>.IndexKeys.Ascending(notice => notice.PublishedAt).Ascending(notice => notice.VisibleAt);

    public static readonly IndexKeysDefinition<MongoNoticeAttachmentDocument> AttachmentsOfNotice =
        Builders<MongoNoticeAttachmentDocument>.IndexKeys.Ascending(attachment => attachment.NoticeId).Ascending(attachment => attachment.Position);

    public static readonly IndexKeysDefinition<MongoPushKeyDocument> KeyCreated =
        Builders<MongoPushKeyDocument>.IndexKeys.Ascending(key => key.CreatedAt);

    public async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var notices = database.GetCollection<MongoNoticeDocument>(NoticeSchema.MongoNotices);
        await notices.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<MongoNoticeDocument>(PushItem, new CreateIndexOptions { Unique = true }),
            new CreateIndexModel<MongoNoticeDocument>(Inbox),
            new CreateIndexModel<MongoNoticeDocument>(Due),
            new CreateIndexModel<MongoNoticeDocument>(Agency),
        ], cancellationToken);

        await database.GetCollection<MongoNoticeAttachmentDocument>(NoticeSchema.MongoAttachments).Indexes
            .CreateOneAsync(new CreateIndexModel<MongoNoticeAttachmentDocument>(AttachmentsOfNotice), cancellationToken: cancellationToken);
        await database.GetCollection<MongoPushKeyDocument>(NoticeSchema.MongoPushKeys).Indexes
            .CreateOneAsync(new CreateIndexModel<MongoPushKeyDocument>(KeyCreated), cancellationToken: cancellationToken);
    }
}
