using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.Notices;

/// <summary>The person's inbox at the notices service, called through the gateway with the session's token.</summary>
public sealed class NoticesClient(HttpClient http, IHttpContextAccessor accessor) : PersonApiClient(http, accessor)
{
    private const string Inbox = "/api/notices/inbox";

    public Task<ApiResult<InboxPage>> ListAsync(InboxFilter filter, CancellationToken cancellationToken) =>
        SendAsync<InboxPage>(HttpMethod.Get, QueryHelpers.AddQueryString(Inbox, filter.ToApiQuery()), null, cancellationToken);

    public async Task<int> CountUnreadAsync(CancellationToken cancellationToken) =>
        (await SendAsync<UnreadCountView>(HttpMethod.Get, $"{Inbox}/unread-count", null, cancellationToken)).Value?.UnreadCount ?? 0;

    public Task<ApiResult<OpenedNotice>> OpenAsync(Guid noticeId, CancellationToken cancellationToken) =>
        SendAsync<OpenedNotice>(HttpMethod.Get, $"{Inbox}/{noticeId}", null, cancellationToken);

    public Task<ApiResult<object>> SetArchivedAsync(Guid noticeId, bool archived, CancellationToken cancellationToken) =>
        SendAsync<object>(archived ? HttpMethod.Put : HttpMethod.Delete, $"{Inbox}/{noticeId}/archive", null, cancellationToken);

    public Task<ApiResult<AttachmentFile>> DownloadAsync(Guid noticeId, int position, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"{Inbox}/{noticeId}/attachments/{position.ToString(CultureInfo.InvariantCulture)}", null,
            async (response, token) => new AttachmentFile(
                await response.Content.ReadAsByteArrayAsync(token),
                response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "attachment.pdf"),
            cancellationToken);
}
