using System.Security.Claims;
using System.Text.Json.Nodes;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Domain.Wire;
using MynaPlatform.AccessLog.Signing;
using MynaPlatform.Authentication;

namespace MynaPlatform.AccessLog.Api;

/// <summary>
/// What a verifier reads, in the shapes docs/access-log-verification.md defines: the published
/// keys, and the person's signed head and entries. The chain is always the token's person's.
/// </summary>
public static class ChainEndpoints
{
    public static IEndpointRouteBuilder MapChainEndpoints(this IEndpointRouteBuilder routes)
    {
        var prefix = $"/api/{AccessLogServiceExtensions.RoutePrefix}";

        routes.MapGet($"{prefix}/keys", GetKeys)
            .WithTags("Verification")
            .AllowAnonymous()
            .WithName("GetChainSigningKeys")
            .WithSummary("Returns every chain signing key ever used, as a JWKS document.");

        var chain = routes.MapGroup($"{prefix}/chain")
            .WithTags("Verification")
            .RequirePerson(PlatformScopes.AccessLogRead);

        chain.MapGet("/head", GetHeadAsync)
            .WithName("GetChainHead")
            .WithSummary("Returns the newest signed head of the caller's chain.");

        chain.MapGet("/entries", GetEntriesAsync)
            .WithName("GetChainEntries")
            .WithSummary("Returns the caller's entries with after < sequence <= through in sequence order; withheld ones as placeholders.");

        return routes;
    }

    private static IResult GetKeys(SigningKeyRing keys) =>
        Json(new JsonObject { ["keys"] = new JsonArray([.. keys.PublishedKeys.Select(key => (JsonNode)key.ToJson())]) });

    private static async Task<IResult> GetHeadAsync(ClaimsPrincipal user, ChainReader reader, CancellationToken cancellationToken) =>
        Json(ChainJson.Head(await reader.GetHeadAsync(user.PersonId()!, cancellationToken)));

    private static async Task<IResult> GetEntriesAsync(
        ClaimsPrincipal user, ChainReader reader, string? after, string? through, string? limit, CancellationToken cancellationToken)
    {
        try
        {
            var first = ParseNumber(after, "after", 0, 0);
            var last = through is null ? (long?)null : ParseNumber(through, "through", 0, 0);
            var size = (int)ParseNumber(limit, "limit", 1, ChainReader.DefaultPageSize, ChainReader.MaxPageSize);
            var page = await reader.GetEntriesAsync(user.PersonId()!, first, last, size, cancellationToken);
            return Json(ChainJson.Page(page));
        }
        catch (AccessLogRequestException rejection)
        {
            return rejection.ToResult();
        }
    }

    private static long ParseNumber(string? text, string field, long minimum, long fallback, long maximum = long.MaxValue / 2)
    {
        // Only a parameter left out takes the default; an empty or blank value is an error like any other.
        if (text is null)
        {
            return fallback;
        }

        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= minimum && value <= maximum
            ? value
            : throw AccessLogRequestException.Invalid(field, $"{minimum} 以上 {maximum} 以下の整数を指定してください。");
    }

    /// <summary>Writes the JSON as built, so member names and values are exactly the documented ones.</summary>
    private static IResult Json(JsonObject json) => TypedResults.Text(json.ToJsonString(), "application/json");
}
