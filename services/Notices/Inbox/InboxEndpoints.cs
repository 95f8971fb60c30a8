using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using MynaPlatform.Authentication;
using MynaPlatform.Notices.Api;
using MynaPlatform.Notices.Domain.Attachments;
using MynaPlatform.Notices.Storage;

namespace MynaPlatform.Notices.Inbox;

/// <summary>
/// The person's inbox. Every route is scoped to the person of the token, and a notice of another
/// person is reported exactly like a notice that does not exist (404).
/// </summary>
public static class InboxEndpoints
{
    public const string InboxPath = $"/api/{NoticesServiceExtensions.RoutePrefix}/inbox";

    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder routes)
    {
        var inbox = routes.MapGroup(InboxPath).WithTags("Inbox").RequirePerson(PlatformScopes.NoticesRead);

        inbox.MapGet("", ListAsync)
            .WithName("ListInbox")
            .WithSummary("Lists the person's notices, newest first, with filters, search and the unread count.");

        inbox.MapGet("/unread-count", CountUnreadAsync)
            .WithName("CountUnread")
            .WithSummary("Returns how many of the person's notices are unread, archived ones excluded.");

        inbox.MapGet("/{noticeId:guid}", OpenAsync)
            .WithName("OpenNotice")
            .WithSummary("Opens a notice: returns it with its body rendered to safe HTML and marks it read.");

        inbox.MapGet("/{noticeId:guid}/attachments/{position:int}", DownloadAsync)
            .WithName("DownloadAttachment")
            .WithSummary("Downloads a PDF attachment of a notice by its position (1 to 5).");

        inbox.MapPut("/{noticeId:guid}/archive", ArchiveAsync)
            .WithName("ArchiveNotice")
            .WithSummary("Moves a notice to the archive.");

        inbox.MapDelete("/{noticeId:guid}/archive", UnarchiveAsync)
            .WithName("UnarchiveNotice")
            .WithSummary("Moves a notice from the archive back to the inbox.");

        inbox.MapMalformed($"/{{{MalformedRouteValues.NoticeId}}}", HttpMethods.Get);
        inbox.MapMalformed($"/{{{MalformedRouteValues.NoticeId}}}/attachments/{{{MalformedRouteValues.Position}}}", HttpMethods.Get);
        inbox.MapMalformed($"/{{{MalformedRouteValues.NoticeId}}}/archive", HttpMethods.Put, HttpMethods.Delete);
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ClaimsPrincipal user, INoticeStore notices, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!InboxQuery.TryParse(request.Query, out var filter, out var errors))
        {
            return NoticeProblems.Invalid(errors, "検索条件に誤りがあります。");
        }

        var now = clock.GetUtcNow();
        var personId = PersonOf(user);
        var page = await notices.ListAsync(personId, filter, now, cancellationToken);
        var unread = await notices.CountUnreadAsync(personId, now, cancellationToken);
        return TypedResults.Ok(new InboxPageView(filter.Page, filter.PageSize, page.Total, unread, [.. page.Items.Select(InboxItemView.From)]));
    }

    private static async Task<IResult> CountUnreadAsync(ClaimsPrincipal user, INoticeStore notices, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UnreadCountView(await notices.CountUnreadAsync(PersonOf(user), clock.GetUtcNow(), cancellationToken)));

    private static async Task<IResult> OpenAsync(Guid noticeId, ClaimsPrincipal user, INoticeStore notices, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notice = await notices.OpenAsync(PersonOf(user), noticeId, clock.GetUtcNow(), cancellationToken);
        return notice is null ? NotFound() : TypedResults.Ok(OpenedNoticeView.From(notice));
    }

    private static async Task<IResult> DownloadAsync(
        Guid noticeId, int position, HttpResponse response, ClaimsPrincipal user, INoticeStore notices, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (position is < 1 or > AttachmentLimits.MaxCount)
        {
            return NoticeProblems.Invalid(MalformedRouteValues.Position, MalformedRouteValues.PositionFix);
        }

        var attachment = await notices.FindAttachmentAsync(PersonOf(user), noticeId, position, clock.GetUtcNow(), cancellationToken);
        if (attachment is null)
        {
            return NoticeProblems.Status(StatusCodes.Status404NotFound, "添付ファイルが見つかりません。",
                "指定されたお知らせか、その番号の添付ファイルがありません。お知らせを開き直して、添付ファイルの一覧から選んでください。");
        }

        // A PDF can also parse as another format, so the browser must save it, never render or sniff it.
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(attachment.FileName);
        response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
        return TypedResults.Bytes(attachment.Content, "application/pdf");
    }

    private static async Task<IResult> ArchiveAsync(Guid noticeId, ClaimsPrincipal user, INoticeStore notices, TimeProvider clock, CancellationToken cancellationToken) =>
        await notices.SetArchivedAsync(PersonOf(user), noticeId, archived: true, clock.GetUtcNow(), cancellationToken) ? TypedResults.NoContent() : NotFound();

    private static async Task<IResult> UnarchiveAsync(Guid noticeId, ClaimsPrincipal user, INoticeStore notices, TimeProvider clock, CancellationToken cancellationToken) =>
        await notices.SetArchivedAsync(PersonOf(user), noticeId, archived: false, clock.GetUtcNow(), cancellationToken) ? TypedResults.NoContent() : NotFound();

    private static string PersonOf(ClaimsPrincipal user) => user.PersonId()!;

    private static IResult NotFound() =>
        NoticeProblems.Status(StatusCodes.Status404NotFound, "お知らせが見つかりません。",
            "指定されたお知らせはありません。取り下げられたか掲載期限を過ぎた可能性があります。お知らせ一覧から選び直してください。");
}
