using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using MynaPlatform.Authentication;

namespace MynaPlatform.Notices.Api;

/// <summary>
/// Lists this service's HTTP routes from its endpoint data, with the kind of caller each admits, so
/// that tests check every route, including ones added later, without a list kept by hand. It shows
/// no more than the OpenAPI document beside it and is anonymous like it.
/// </summary>
public static class EndpointInventory
{
    public const string Path = $"/api/{NoticesServiceExtensions.RoutePrefix}/openapi/endpoints";

    public static IEndpointRouteBuilder MapEndpointInventory(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (EndpointDataSource endpoints) => TypedResults.Ok(Describe(endpoints)))
            .ExcludeFromDescription();
        return routes;
    }

    public static IReadOnlyList<EndpointView> Describe(EndpointDataSource endpoints) =>
        [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is not null)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => new EndpointView(method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), CallerOf(endpoint))))
            .OrderBy(view => view.Pattern, StringComparer.Ordinal)];

    /// <summary>Reads the principal type that the endpoint's authorization policies require, or "anonymous".</summary>
    private static string CallerOf(Endpoint endpoint)
    {
        var principalTypes = endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()
            .SelectMany(policy => policy.Requirements.OfType<ClaimsAuthorizationRequirement>())
            .Where(requirement => requirement.ClaimType == PlatformClaims.PrincipalType)
            .SelectMany(requirement => requirement.AllowedValues ?? [])
            .Distinct()
            .ToList();

        return principalTypes.Count == 1 ? principalTypes[0]
            : endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null || principalTypes.Count > 1 ? "other" : "anonymous";
    }
}

public sealed record EndpointView(string Method, string Pattern, string Caller);
