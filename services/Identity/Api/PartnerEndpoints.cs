using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Authentication;
using OpenIddict.Abstractions;

namespace MynaPlatform.Identity.Api;

/// <summary>What a partner (agency) client can read about its own registration.</summary>
public static class PartnerEndpoints
{
    public static IEndpointRouteBuilder MapPartnerEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet($"/api/{IdentityServiceExtensions.RoutePrefix}/partner/client", GetClientAsync)
            .WithTags("Partner")
            .WithName("GetOwnClient")
            .WithSummary("Returns the calling agency client's id, display name and granted scopes.")
            .RequireClient(PlatformScopes.Partner);
        return routes;
    }

    private static async Task<Results<Ok<PartnerClientView>, NotFound>> GetClientAsync(
        ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var clientId = user.FindFirstValue(PlatformClaims.Subject)!;
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        var scopes = user.FindAll(PlatformClaims.Scope).SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return TypedResults.Ok(new PartnerClientView(clientId, await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId, [.. scopes]));
    }

    public sealed record PartnerClientView(string ClientId, string DisplayName, IReadOnlyList<string> Scopes);
}
