using MynaPlatform.Notices.Domain.Attachments;
using MynaPlatform.Notices.Domain.Time;
using MynaPlatform.Notices.Domain.Validation;

namespace MynaPlatform.Notices.Storage;

/// <summary>
/// A validated notice ready to store. <see cref="PushId"/> and <see cref="ItemIndex"/> identify it
/// within its push, so storing it again after a crash finds the first copy instead of adding one.
/// </summary>
public sealed record NewNotice(
    Guid NoticeId,
    Guid PushId,
    int ItemIndex,
    string AgencyClientId,
    string AgencyName,
    string Recipient,
    string PersonId,
    ValidNotice Content,
    DateTimeOffset VisibleAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<NewAttachment> Attachments)
{
    /// <summary>True when the notice is visible at once, so it is published in the transaction that stores it.</summary>
    public bool PublishesAtOnce => VisibleAt <= CreatedAt;
}

public sealed record NewAttachment(AttachmentDigest Digest, byte[] Content);

/// <summary>The id under which an item of a push is stored: the new one, or the first copy's.</summary>
public sealed record StoredNotice(int ItemIndex, Guid NoticeId);

/// <summary>What the pushing agency may see of its notice: its state, never the person's id.</summary>
public sealed record AgencyNoticeState(
    Guid NoticeId,
    string Recipient,
    string Category,
    DateTimeOffset VisibleAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ReadAt,
    DateTimeOffset? WithdrawnAt);

public enum WithdrawResult
{
    Withdrawn,
    AlreadyWithdrawn,
    AlreadyRead,
    NotFound,
}

public sealed record WithdrawOutcome(WithdrawResult Result, AgencyNoticeState? State);

/// <summary>
/// A page of one person's inbox. <see cref="Search"/> is the query as typed, matched after
/// <c>SearchText.Normalize</c> as a substring of the normalised title and body; <see cref="Read"/> null means both.
/// </summary>
public sealed record InboxFilter(
    int Page,
    int PageSize,
    string? Category,
    string? AgencyClientId,
    bool? Read,
    bool Archived,
    JapanDatePeriod Period,
    string? Search);

public sealed record InboxItem(
    Guid NoticeId,
    string Title,
    string Category,
    string AgencyClientId,
    string AgencyName,
    DateTimeOffset PublishedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? ReadAt,
    bool Archived,
    int AttachmentCount);

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Total);

public sealed record InboxNotice(InboxItem Summary, string Body, BodyFormat Format, string? PaymentReference, IReadOnlyList<AttachmentInfo> Attachments);

public sealed record AttachmentInfo(int Position, string FileName, long Length);

public sealed record AttachmentContent(string FileName, byte[] Content);
