namespace MynaPlatform.Notices.Storage;

/// <summary>
/// Notices and their attachments. A person's inbox contains a notice only once it is published,
/// until it expires and unless it was withdrawn. Every person method is scoped to the person, so
/// another person's notice is reported as missing.
/// </summary>
public interface INoticeStore
{
    /// <summary>
    /// Stores the notices in one transaction with a <c>NoticePublished</c> event for each one
    /// visible at once. An item of a push stored before is left as it is, and its first id returned.
    /// </summary>
    Task<IReadOnlyList<StoredNotice>> AddAsync(IReadOnlyList<NewNotice> notices, CancellationToken cancellationToken);

    Task<AgencyNoticeState?> FindForAgencyAsync(string agencyClientId, Guid noticeId, CancellationToken cancellationToken);

    /// <summary>Returns a page of the agency's notices, newest push first, and how many it has in all.</summary>
    Task<(IReadOnlyList<AgencyNoticeState> Notices, int Total)> ListForAgencyAsync(
        string agencyClientId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Withdraws an unread notice of the agency and publishes <c>NoticeWithdrawn</c> with it.</summary>
    Task<WithdrawOutcome> WithdrawAsync(string agencyClientId, Guid noticeId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes up to <paramref name="limit"/> scheduled notices whose time has come, each with its
    /// <c>NoticePublished</c> event in the same transaction, and returns how many it published.
    /// </summary>
    Task<int> PublishDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task<InboxPage> ListAsync(string personId, InboxFilter filter, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Counts the person's unread notices that are visible and not archived.</summary>
    Task<int> CountUnreadAsync(string personId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Returns the notice and marks it read; the first read publishes <c>NoticeRead</c>.</summary>
    Task<InboxNotice?> OpenAsync(string personId, Guid noticeId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<AttachmentContent?> FindAttachmentAsync(string personId, Guid noticeId, int position, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Archives or restores the notice; false when the person has no such visible notice.</summary>
    Task<bool> SetArchivedAsync(string personId, Guid noticeId, bool archived, DateTimeOffset now, CancellationToken cancellationToken);
}
