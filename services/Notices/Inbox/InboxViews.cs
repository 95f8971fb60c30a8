using MynaPlatform.Notices.Domain.Categories;
using MynaPlatform.Notices.Domain.Markdown;
using MynaPlatform.Notices.Domain.Time;
using MynaPlatform.Notices.Storage;

namespace MynaPlatform.Notices.Inbox;

/// <summary>A notice in the inbox list. Times are Japan time (+09:00), with a display form beside them.</summary>
public sealed record InboxItemView(
    Guid NoticeId,
    string Title,
    string Category,
    string CategoryName,
    string AgencyClientId,
    string AgencyName,
    DateTimeOffset PublishedAt,
    string PublishedAtText,
    DateTimeOffset? ExpiresAt,
    bool Read,
    bool Archived,
    int AttachmentCount)
{
    public static InboxItemView From(InboxItem item) => new(
        item.NoticeId,
        item.Title,
        item.Category,
        NoticeCategories.TryGet(item.Category, out var category) ? category.DisplayName : item.Category,
        item.AgencyClientId,
        item.AgencyName,
        JapanTime.ToJapanTime(item.PublishedAt),
        JapanTime.FormatDateTime(item.PublishedAt),
        item.ExpiresAt is { } expiry ? JapanTime.ToJapanTime(expiry) : null,
        item.ReadAt is not null,
        item.Archived,
        item.AttachmentCount);
}

public sealed record InboxPageView(int Page, int PageSize, int Total, int UnreadCount, IReadOnlyList<InboxItemView> Items);

/// <summary>An opened notice: its body rendered to safe HTML, with the plain source beside it.</summary>
public sealed record OpenedNoticeView(
    InboxItemView Notice,
    string Body,
    string BodyFormat,
    string BodyHtml,
    DateTimeOffset ReadAt,
    string? PaymentReference,
    IReadOnlyList<AttachmentInfo> Attachments)
{
    public static OpenedNoticeView From(InboxNotice notice) => new(
        InboxItemView.From(notice.Summary),
        notice.Body,
        notice.Format.ToString().ToLowerInvariant(),
        NoticeBodyRenderer.ToHtml(notice.Body, notice.Format),
        JapanTime.ToJapanTime(notice.Summary.ReadAt!.Value),
        notice.PaymentReference,
        notice.Attachments);
}

public sealed record UnreadCountView(int UnreadCount);
