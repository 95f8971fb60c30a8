using System.Globalization;
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
        [FromQuery] string? id, [FromQuery] string? position, NoticesClient notices, CancellationToken cancellationToken)
    {
        // Only an edited address has values that do not parse, so it gets the page for a wrong address.
        if (!Guid.TryParse(id, out var noticeId) || !int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return TypedResults.NotFound();
        }

        var file = await notices.DownloadAsync(noticeId, number, cancellationToken);
        return file.Value is { } attachment
            ? TypedResults.File(attachment.Content, "application/pdf", attachment.FileName)
            : TypedResults.NotFound();
    }
}
