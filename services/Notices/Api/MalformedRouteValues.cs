using System.Globalization;
using MynaPlatform.Notices.Domain.Validation;

namespace MynaPlatform.Notices.Api;

/// <summary>
/// Routes for a notice id that is not a UUID or an attachment position that is not a whole number,
/// which the typed routes do not match. They return 400 naming the path value and its expected form
/// instead of the 404 of an unknown address, and admit the same callers as the typed routes.
/// </summary>
public static class MalformedRouteValues
{
    public const string NoticeId = "noticeId";
    public const string Position = "position";
    public const string PositionFix = "添付ファイルの番号は 1 から 5 の整数で指定してください。";

    /// <summary>Maps <paramref name="pattern"/>, with untyped parameters, for <paramref name="methods"/> in the group.</summary>
    public static RouteHandlerBuilder MapMalformed(this RouteGroupBuilder group, string pattern, params string[] methods) =>
        group.MapMethods(pattern, methods, Describe).ExcludeFromDescription();

    /// <summary>
    /// Marks a malformed-value route whose parameter can also be a literal segment of a route for other
    /// methods, such as <c>/batch</c> beside <c>/{noticeId}</c>. That segment then gets 405 with those
    /// methods, as it would without the malformed-value route.
    /// </summary>
    public static RouteHandlerBuilder WithLiteralSibling(this RouteHandlerBuilder route, string segment, params string[] methods) =>
        route.WithMetadata(new LiteralSibling(segment, methods));

    private static IResult Describe(HttpRequest request)
    {
        var hasNoticeId = request.RouteValues.TryGetValue(NoticeId, out var noticeId);
        if (request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<LiteralSibling>() is { } sibling
            && hasNoticeId
            && string.Equals(noticeId as string, sibling.Segment, StringComparison.OrdinalIgnoreCase))
        {
            request.HttpContext.Response.Headers.Allow = string.Join(", ", sibling.Methods);
            return TypedResults.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }

        var errors = new List<FieldError>();
        if (hasNoticeId && !Guid.TryParse(noticeId as string, out _))
        {
            errors.Add(new FieldError(NoticeId, "お知らせ ID は UUID 形式 (例: 3f2b6c1e-8a4d-4e0f-9b7a-2c5d1e6f7a80) で指定してください。"));
        }

        if (request.RouteValues.TryGetValue(Position, out var position)
            && !int.TryParse(position as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(new FieldError(Position, PositionFix));
        }

        // The typed routes take well-formed values, so with none malformed the address is treated as unknown.
        return errors.Count == 0
            ? TypedResults.NotFound()
            : NoticeProblems.Invalid(errors, "URL に含まれる値に誤りがあります。");
    }
}

/// <summary>A literal path segment that a route for <see cref="Methods"/> takes in place of a route value.</summary>
public sealed record LiteralSibling(string Segment, string[] Methods);
