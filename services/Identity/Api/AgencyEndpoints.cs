using System.Security.Claims;
using MynaPlatform.Authentication;
using MynaPlatform.Identity.Agencies;

namespace MynaPlatform.Identity.Api;

/// <summary>Operators register agency clients; an agency enrolls a resident to get its own identifier.</summary>
public static class AgencyEndpoints
{
    public const string ReasonExtension = "reason";

    public static IEndpointRouteBuilder MapAgencyEndpoints(this IEndpointRouteBuilder routes)
    {
        var prefix = $"/api/{IdentityServiceExtensions.RoutePrefix}";

        routes.MapPost($"{prefix}/operator/agencies", RegisterAsync)
            .WithTags("Operator")
            .RequireClient(PlatformScopes.Operator)
            .WithName("RegisterAgency")
            .WithSummary("Registers an agency client with scopes; the response carries its secret, which is not shown again.");

        routes.MapPost($"{prefix}/partner/enrollments", EnrollAsync)
            .WithTags("Partner")
            .RequireClient(PlatformScopes.Partner)
            .WithName("EnrollPerson")
            .WithSummary("Returns the calling agency's own identifier for the resident with this individual number.");

        return routes;
    }

    private static Task<IResult> RegisterAsync(RegisterAgencyRequest request, AgencyDirectory agencies, CancellationToken cancellationToken) =>
        HandleAsync(async () =>
        {
            var registered = await agencies.RegisterAsync(request, cancellationToken);
            // No Location: no route reads one agency's registration back.
            return TypedResults.Created((string?)null, registered);
        });

    private static Task<IResult> EnrollAsync(
        EnrollmentRequest request, ClaimsPrincipal user, AgencyEnrollment enrollment, CancellationToken cancellationToken) =>
        HandleAsync(async () =>
        {
            var clientId = user.FindFirstValue(PlatformClaims.Subject)!;
            return TypedResults.Ok(new EnrollmentResponse(await enrollment.EnrollAsync(clientId, request.IndividualNumber, cancellationToken)));
        });

    private static async Task<IResult> HandleAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (AgencyRequestException rejection)
        {
            var extensions = new Dictionary<string, object?> { [ReasonExtension] = rejection.Reason };
            if (rejection.Errors is { } errors)
            {
                extensions["errors"] = errors;
            }

            return TypedResults.Problem(statusCode: rejection.Status, title: rejection.Title, detail: rejection.Detail, extensions: extensions);
        }
    }
}
