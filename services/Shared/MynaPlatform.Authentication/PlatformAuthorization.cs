using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MynaPlatform.Authentication;

/// <summary>Endpoint requirements on the kind of caller and the scope its token carries.</summary>
public static class PlatformAuthorization
{
    /// <summary>Admits only a person's token that carries <paramref name="scope"/>.</summary>
    public static TBuilder RequirePerson<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CallerRequirement(PrincipalTypes.Person, scope)).RequireAuthorization(policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.PrincipalType, PrincipalTypes.Person)
            .RequireAssertion(context => HasScope(context.User, scope)));

    /// <summary>Admits only a client's token (no person) that carries <paramref name="scope"/>.</summary>
    public static TBuilder RequireClient<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CallerRequirement(PrincipalTypes.Client, scope)).RequireAuthorization(policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.PrincipalType, PrincipalTypes.Client)
            .RequireAssertion(context => HasScope(context.User, scope)));

    /// <summary>Reads the scopes whether the token lists them in one space-separated claim or in several.</summary>
    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll(PlatformClaims.Scope)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);

    /// <summary>Returns the PersonId of a person's token; null for a client's token.</summary>
    public static string? PersonId(this ClaimsPrincipal user) =>
        user.FindFirstValue(PlatformClaims.PrincipalType) == PrincipalTypes.Person
            ? user.FindFirstValue(PlatformClaims.Subject)
            : null;
}

/// <summary>
/// The kind of caller (<see cref="PrincipalTypes"/>) and the scope that an endpoint requires, kept as
/// endpoint metadata so that a 403 can name them.
/// </summary>
public sealed record CallerRequirement(string PrincipalType, string Scope);
