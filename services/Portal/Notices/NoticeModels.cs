namespace MynaPlatform.Portal.Notices;

/// <summary>A notice in the inbox list, as the notices service returns it.</summary>
public sealed record InboxItem(
    Guid NoticeId,
    string Title,
    string Category,
    string CategoryName,
    string AgencyName,
    DateTimeOffset PublishedAt,
    DateTimeOffset? ExpiresAt,
    bool Read,
    bool Archived,
    int AttachmentCount);

public sealed record InboxPage(int Page, int PageSize, int Total, int UnreadCount, IReadOnlyList<InboxItem> Items);

public sealed record NoticeAttachment(int Position, string FileName, long Length);

/// <summary>An opened notice: its body as safe HTML rendered by the notices service, and its attachments.</summary>
public sealed record OpenedNotice(InboxItem Notice, string BodyHtml, string? PaymentReference, IReadOnlyList<NoticeAttachment> Attachments);

public sealed record UnreadCountView(int UnreadCount);

/// <summary>A downloaded attachment: the PDF and the file name the service gave it.</summary>
public sealed record AttachmentFile(byte[] Content, string FileName);
