using Microsoft.AspNetCore.Mvc;

namespace MynaPlatform.Portal.Notices;

/// <summary>
/// Passes a notice's PDF attachment to the browser as a download. It is an endpoint, not a
/// screen, so the browser never renders the PDF inside the portal's origin.
/// </summary>
public static class AttachmentEndpoint
{
    public const string Path = "/notices/attachment";

    public static IEndpointRouteBuilder MapNoticeAttachments(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, DownloadAsync).RequireAuthorization();
        return routes;
    }

    private static async Task<IResult> DownloadAsync(
        [FromQuery] Guid id, [FromQuery] int position, NoticesClient notices, CancellationToken cancellationToken)
    {
        var file = await notices.DownloadAsync(id, position, cancellationToken);
        return file.Value is { } attachment
            ? TypedResults.File(attachment.Content, "application/pdf", attachment.FileName)
            : TypedResults.NotFound();
    }
}
