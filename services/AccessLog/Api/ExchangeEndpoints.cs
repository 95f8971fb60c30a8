using System.Security.Claims;
using MynaPlatform.AccessLog.Exchanges;
using MynaPlatform.Authentication;

namespace MynaPlatform.AccessLog.Api;

/// <summary>Agencies record the exchanges of a person's information they took part in.</summary>
public static class ExchangeEndpoints
{
    public static IEndpointRouteBuilder MapExchangeEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost($"/api/{AccessLogServiceExtensions.RoutePrefix}/partner/exchanges", RecordAsync)
            .WithTags("Partner")
            .RequireClient(PlatformScopes.AccessLogWrite)
            .WithName("RecordExchange")
            .WithSummary("Records an exchange of the person's information; a retry with the same recordId returns the first record (200).");

        return routes;
    }

    private static async Task<IResult> RecordAsync(
        ExchangeRequest request, ClaimsPrincipal user, ExchangeIntake intake, CancellationToken cancellationToken)
    {
        try
        {
            var (receipt, created) = await intake.RecordAsync(request, user.FindFirstValue(PlatformClaims.Subject)!, cancellationToken);
            return created
                ? TypedResults.Created((string?)null, receipt) // no route reads one exchange back, so no Location
                : TypedResults.Ok(receipt);
        }
        catch (AccessLogRequestException rejection)
        {
            return rejection.ToResult();
        }
    }
}
