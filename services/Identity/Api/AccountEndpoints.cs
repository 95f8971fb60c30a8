using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Authentication;

namespace MynaPlatform.Identity.Api;

/// <summary>A person's view of their own login session.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet($"/api/{IdentityServiceExtensions.RoutePrefix}/me/session", GetSession)
            .WithTags("Account")
            .WithName("GetOwnSession")
            .WithSummary("Returns the person's id, session id and scopes from the access token.")
            .RequirePerson(PlatformScopes.Account);
        return routes;
    }

    private static Ok<SessionView> GetSession(ClaimsPrincipal user) =>
        TypedResults.Ok(new SessionView(
            user.PersonId()!,
            user.FindFirstValue(PlatformClaims.SessionId) ?? "",
            user.FindFirstValue(PlatformClaims.ClientId) ?? "",
            [.. user.FindAll(PlatformClaims.Scope).SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))]));

    public sealed record SessionView(string PersonId, string SessionId, string ClientId, IReadOnlyList<string> Scopes);
}
