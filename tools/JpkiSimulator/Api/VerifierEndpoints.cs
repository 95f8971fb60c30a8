using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.JpkiSimulator.Verifiers;

namespace MynaPlatform.JpkiSimulator.Api;

/// <summary>Services that J-LIS gives only to registered verifiers.</summary>
public static class VerifierEndpoints
{
    public static IEndpointRouteBuilder MapVerifierEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(SimulatorRoutes.IndividualNumberLookup, LookUpAsync)
            .WithTags("Verifier")
            .RequireAuthorization(VerifierKeyAuthenticationHandler.PolicyName)
            .AddEndpointFilter<JpkiProblemFilter>();

        return app;
    }

    private static async Task<Ok<IndividualNumberLookupResponse>> LookUpAsync(
        IndividualNumberLookupRequest request, ClaimsPrincipal verifier, IndividualNumberLookup lookup, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lookup.FindAsync(verifier.Identity!.Name!, request.LoginCertificate, cancellationToken));
}
