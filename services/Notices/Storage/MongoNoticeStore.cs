using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Driver;
using MynaPlatform.Contracts.Notices;
using MynaPlatform.Messaging.MongoDb;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Storage.MongoDb;
using MynaPlatform.Text;

namespace MynaPlatform.Notices.Storage;

/// <summary>The MongoDB notice store; each change and its outbox event commit in one transaction.</summary>
internal sealed class MongoNoticeStore(IMongoDatabase database, MongoTransaction transaction, MongoOutbox outbox) : INoticeStore
{
    private static readonly FilterDefinitionBuilder<MongoNoticeDocument> Filter = Builders<MongoNoticeDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<MongoNoticeDocument> Update = Builders<MongoNoticeDocument>.Update;

    internal static readonly SortDefinition<MongoNoticeDocument> InboxOrder =
        Builders<MongoNoticeDocument>.Sort.Descending(notice => notice.VisibleAt).Descending(notice => notice.NoticeId);

    internal static readonly SortDefinition<MongoNoticeDocument> AgencyOrder =
        Builders<MongoNoticeDocument>.Sort.Descending(notice => notice.CreatedAt).Descending(notice => notice.NoticeId);

    private IMongoCollection<MongoNoticeDocument> Notices => database.GetCollection<MongoNoticeDocument>(NoticeSchema.MongoNotices);

    private IMongoCollection<MongoNoticeAttachmentDocument> Attachments =>
        database.GetCollection<MongoNoticeAttachmentDocument>(NoticeSchema.MongoAttachments);

    public async Task<IReadOnlyList<StoredNotice>> AddAsync(IReadOnlyList<NewNotice> notices, CancellationToken cancellationToken)
    {
        var stored = await transaction.RunAsync<IReadOnlyList<StoredNotice>>(async (session, token) =>
        {
            var results = new List<StoredNotice>(notices.Count);
            foreach (var notice in notices)
            {
                // Looked up first: a duplicate key error would abort the whole transaction.
                var existing = await Notices.Find(session, ByPushItem(notice.PushId, notice.ItemIndex)).FirstOrDefaultAsync(token);
                if (existing is not null)
                {
                    results.Add(new StoredNotice(notice.ItemIndex, existing.NoticeId));
                    continue;
                }

                await Notices.InsertOneAsync(session, MongoNoticeDocument.From(notice), cancellationToken: token);
                await InsertAttachmentsAsync(session, notice, token);
                if (notice.PublishesAtOnce)
                {
                    var published = new NoticePublished(notice.NoticeId, notice.PersonId, notice.AgencyClientId, notice.Content.Category.Key, notice.CreatedAt);
                    await outbox.EnqueueAsync(session, published, notice.NoticeId.ToString(), token);
                }

                results.Add(new StoredNotice(notice.ItemIndex, notice.NoticeId));
            }

            return results;
        }, cancellationToken);

        outbox.NotifyCommitted();
        return stored;
    }

    private async Task InsertAttachmentsAsync(IClientSessionHandle session, NewNotice notice, CancellationToken cancellationToken)
    {
        for (var index = 0; index < notice.Attachments.Count; index++)
        {
            var attachment = notice.Attachments[index];
            await Attachments.InsertOneAsync(session, new MongoNoticeAttachmentDocument
            {
                Id = MongoNoticeAttachmentDocument.IdOf(notice.NoticeId, index + 1),
                NoticeId = notice.NoticeId,
                Position = index + 1,
                FileName = attachment.Digest.FileName,
                Length = attachment.Digest.Length,
                Sha256 = attachment.Digest.Sha256,
                Content = attachment.Content,
            }, cancellationToken: cancellationToken);
        }
    }

    public async Task<AgencyNoticeState?> FindForAgencyAsync(string agencyClientId, Guid noticeId, CancellationToken cancellationToken)
    {
        var notice = await Notices.Find(OfAgency(agencyClientId, noticeId)).FirstOrDefaultAsync(cancellationToken);
        return notice?.ToAgencyState();
    }

    public async Task<(IReadOnlyList<AgencyNoticeState> Notices, int Total)> ListForAgencyAsync(
        string agencyClientId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Filter.Eq(notice => notice.AgencyClientId, agencyClientId);
        var total = await Notices.CountDocumentsAsync(query, cancellationToken: cancellationToken);
        var notices = await Notices.Find(query).Sort(AgencyOrder).Skip((page - 1) * pageSize).Limit(pageSize).ToListAsync(cancellationToken);
        return ([.. notices.Select(notice => notice.ToAgencyState())], (int)total);
    }

    public async Task<WithdrawOutcome> WithdrawAsync(string agencyClientId, Guid noticeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = await transaction.RunAsync(async (session, token) =>
        {
            var notice = await Notices.Find(session, OfAgency(agencyClientId, noticeId)).FirstOrDefaultAsync(token);
            if (notice is null)
            {
                return new WithdrawOutcome(WithdrawResult.NotFound, null);
            }

            var state = notice.ToAgencyState();
            if (notice.WithdrawnAt is not null)
            {
                return new WithdrawOutcome(WithdrawResult.AlreadyWithdrawn, state);
            }

            if (notice.ReadAt is not null)
            {
                return new WithdrawOutcome(WithdrawResult.AlreadyRead, state);
            }

            await Notices.UpdateOneAsync(session, Filter.Eq(document => document.NoticeId, noticeId),
                Update.Set(document => document.WithdrawnAt, now.UtcDateTime), cancellationToken: token);
            await outbox.EnqueueAsync(session, new NoticeWithdrawn(noticeId, notice.PersonId, agencyClientId, now), noticeId.ToString(), token);
            return new WithdrawOutcome(WithdrawResult.Withdrawn, state with { WithdrawnAt = now });
        }, cancellationToken);

        outbox.NotifyCommitted();
        return outcome;
    }

    public async Task<int> PublishDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var published = await transaction.RunAsync(async (session, token) =>
        {
            var due = await Notices.Find(session, Due(now)).Sort(Builders<MongoNoticeDocument>.Sort.Ascending(notice => notice.VisibleAt))
                .Limit(limit).ToListAsync(token);
            foreach (var notice in due)
            {
                await Notices.UpdateOneAsync(session, Filter.Eq(document => document.NoticeId, notice.NoticeId) & Filter.Eq(document => document.PublishedAt, null),
                    Update.Set(document => document.PublishedAt, now.UtcDateTime), cancellationToken: token);
                var message = new NoticePublished(notice.NoticeId, notice.PersonId, notice.AgencyClientId, notice.Category, now);
                await outbox.EnqueueAsync(session, message, notice.NoticeId.ToString(), token);
            }

            return due.Count;
        }, cancellationToken);

        if (published > 0)
        {
            outbox.NotifyCommitted();
        }

        return published;
    }

    public async Task<InboxPage> ListAsync(string personId, InboxFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = InboxQuery(personId, filter, now);
        var total = await Notices.CountDocumentsAsync(query, cancellationToken: cancellationToken);
        var page = await Notices.Find(query).Sort(InboxOrder)
            .Skip((filter.Page - 1) * filter.PageSize).Limit(filter.PageSize).ToListAsync(cancellationToken);
        return new InboxPage([.. page.Select(notice => notice.ToInboxItem())], (int)total);
    }

    public async Task<int> CountUnreadAsync(string personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (int)await Notices.CountDocumentsAsync(Unread(personId, now), cancellationToken: cancellationToken);

    public async Task<InboxNotice?> OpenAsync(string personId, Guid noticeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var opened = await transaction.RunAsync(async (session, token) =>
        {
            var notice = await Notices.Find(session, VisibleNotice(personId, noticeId, now)).FirstOrDefaultAsync(token);
            if (notice is null)
            {
                return null;
            }

            if (notice.ReadAt is null)
            {
                notice.ReadAt = now.UtcDateTime;
                await Notices.UpdateOneAsync(session, Filter.Eq(document => document.NoticeId, noticeId),
                    Update.Set(document => document.ReadAt, notice.ReadAt), cancellationToken: token);
                await outbox.EnqueueAsync(session, new NoticeRead(noticeId, personId, notice.AgencyClientId, now), noticeId.ToString(), token);
            }

            var attachments = await Attachments.Find(session, Builders<MongoNoticeAttachmentDocument>.Filter.Eq(attachment => attachment.NoticeId, noticeId))
                .Project(attachment => new AttachmentInfo(attachment.Position, attachment.FileName, attachment.Length))
                .SortBy(attachment => attachment.Position)
                .ToListAsync(token);
            var format = BodyFormats.TryParse(notice.BodyFormat, out var parsed) ? parsed : BodyFormat.Plain;
            return new InboxNotice(notice.ToInboxItem(), notice.Body, format, notice.PaymentReference, attachments);
        }, cancellationToken);

        outbox.NotifyCommitted();
        return opened;
    }

    public async Task<AttachmentContent?> FindAttachmentAsync(string personId, Guid noticeId, int position, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await Notices.Find(VisibleNotice(personId, noticeId, now)).AnyAsync(cancellationToken))
        {
            return null;
        }

        var attachment = await Attachments.Find(Builders<MongoNoticeAttachmentDocument>.Filter.Eq(
            document => document.Id, MongoNoticeAttachmentDocument.IdOf(noticeId, position))).FirstOrDefaultAsync(cancellationToken);
        return attachment is null ? null : new AttachmentContent(attachment.FileName, attachment.Content);
    }

    public async Task<bool> SetArchivedAsync(string personId, Guid noticeId, bool archived, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notice = await Notices.Find(VisibleNotice(personId, noticeId, now)).FirstOrDefaultAsync(cancellationToken);
        if (notice is null)
        {
            return false;
        }

        if (archived != (notice.ArchivedAt is not null))
        {
            await Notices.UpdateOneAsync(VisibleNotice(personId, noticeId, now),
                Update.Set(document => document.ArchivedAt, archived ? now.UtcDateTime : null), cancellationToken: cancellationToken);
        }

        return true;
    }

    internal static FilterDefinition<MongoNoticeDocument> ByPushItem(Guid pushId, int itemIndex) =>
        Filter.Eq(notice => notice.PushId, pushId) & Filter.Eq(notice => notice.ItemIndex, itemIndex);

    internal static FilterDefinition<MongoNoticeDocument> OfAgency(string agencyClientId, Guid noticeId) =>
        Filter.Eq(notice => notice.NoticeId, noticeId) & Filter.Eq(notice => notice.AgencyClientId, agencyClientId);

    internal static FilterDefinition<MongoNoticeDocument> Due(DateTimeOffset now) =>
        Filter.Eq(notice => notice.PublishedAt, null) & Filter.Eq(notice => notice.WithdrawnAt, null) & Filter.Lte(notice => notice.VisibleAt, now.UtcDateTime);

    /// <summary>The person's notices that are published, not withdrawn and not expired at <paramref name="now"/>.</summary>
    internal static FilterDefinition<MongoNoticeDocument> Visible(string personId, DateTimeOffset now) =>
        Filter.Eq(notice => notice.PersonId, personId)
        & Filter.Ne(notice => notice.PublishedAt, null)
        & Filter.Eq(notice => notice.WithdrawnAt, null)
        & (Filter.Eq(notice => notice.ExpiresAt, null) | Filter.Gt(notice => notice.ExpiresAt, now.UtcDateTime));

    internal static FilterDefinition<MongoNoticeDocument> VisibleNotice(string personId, Guid noticeId, DateTimeOffset now) =>
        Filter.Eq(notice => notice.NoticeId, noticeId) & Visible(personId, now);

    internal static FilterDefinition<MongoNoticeDocument> Unread(string personId, DateTimeOffset now) =>
        Visible(personId, now) & Filter.Eq(notice => notice.ReadAt, null) & Filter.Eq(notice => notice.ArchivedAt, null);

    internal static FilterDefinition<MongoNoticeDocument> InboxQuery(string personId, InboxFilter filter, DateTimeOffset now)
    {
        var query = Visible(personId, now)
            & (filter.Archived ? Filter.Ne(notice => notice.ArchivedAt, null) : Filter.Eq(notice => notice.ArchivedAt, null));
        if (filter.Category is not null)
        {
            query &= Filter.Eq(notice => notice.Category, filter.Category);
        }

        if (filter.AgencyClientId is not null)
        {
            query &= Filter.Eq(notice => notice.AgencyClientId, filter.AgencyClientId);
        }

        if (filter.Read is { } read)
        {
            query &= read ? Filter.Ne(notice => notice.ReadAt, null) : Filter.Eq(notice => notice.ReadAt, null);
        }

        if (filter.Period.StartUtc is { } start)
        {
            query &= Filter.Gte(notice => notice.VisibleAt, start.UtcDateTime);
        }

        if (filter.Period.EndUtc is { } end)
        {
            query &= Filter.Lt(notice => notice.VisibleAt, end.UtcDateTime);
        }

        if (filter.Search is not null)
        {
            query &= Filter.Regex(notice => notice.SearchText, new BsonRegularExpression(Regex.Escape(SearchText.Normalize(filter.Search))));
        }

        return query;
    }
}
