using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Authentication;
using MynaPlatform.Contracts.Identity;
using MynaPlatform.Identity.Sessions;

namespace MynaPlatform.Identity.Api;

/// <summary>The person's sessions and login history, ending a session, and logout.</summary>
public static class SessionEndpoints
{
    private const int HistoryLimit = 100;

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup($"/api/{IdentityServiceExtensions.RoutePrefix}/me")
            .WithTags("Account")
            .RequirePerson(PlatformScopes.Account);

        me.MapGet("/sessions", ListSessionsAsync)
            .WithName("ListOwnSessions")
            .WithSummary("Lists the person's open sessions, marking the current one.");

        me.MapDelete("/sessions/{sessionId}", EndSessionAsync)
            .WithName("EndOwnSession")
            .WithSummary("Ends one of the person's sessions; its access tokens are rejected from then on.");

        me.MapPost("/logout", LogoutAsync)
            .WithName("Logout")
            .WithSummary("Ends the session of the calling token.");

        me.MapGet("/login-history", ListHistoryAsync)
            .WithName("ListOwnLoginHistory")
            .WithSummary("Lists the person's latest logins (at most 100): time, client and result.");

        return routes;
    }

    private static async Task<Ok<IReadOnlyList<SessionView>>> ListSessionsAsync(
        ClaimsPrincipal user, SessionStore sessions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sessions.ListActiveAsync(user.PersonId()!, user.FindFirstValue(PlatformClaims.SessionId), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> EndSessionAsync(
        string sessionId, ClaimsPrincipal user, SessionStore sessions, CancellationToken cancellationToken)
    {
        if (sessionId.Length != 32 || !sessionId.All(char.IsAsciiHexDigitLower))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "sessionId が正しくありません。",
                detail: "sessionId: セッション一覧 (GET /api/identity/me/sessions) の sessionId (英小文字と数字 32 文字) を指定してください。");
        }

        if (!await sessions.EndAsync(user.PersonId()!, sessionId, SessionEndReason.EndedByPerson, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "セッションが見つかりません。",
                detail: "sessionId: このセッションはありません。セッション一覧で sessionId を確認してください。");
        }

        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutAsync(ClaimsPrincipal user, SessionStore sessions, CancellationToken cancellationToken)
    {
        await sessions.EndAsync(user.PersonId()!, user.FindFirstValue(PlatformClaims.SessionId)!, SessionEndReason.Logout, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<LoginHistoryEntry>>> ListHistoryAsync(
        ClaimsPrincipal user, SessionStore sessions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sessions.ListHistoryAsync(user.PersonId()!, HistoryLimit, cancellationToken));
}
