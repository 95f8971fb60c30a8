using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.JpkiSimulator.Cards;
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

        app.MapPost(SimulatorRoutes.VerifierHold, PlaceHoldAsync)
            .WithTags("Verifier")
            .RequireAuthorization(VerifierKeyAuthenticationHandler.PolicyName)
            .AddEndpointFilter<JpkiProblemFilter>();

        return app;
    }

    private static async Task<Ok<IndividualNumberLookupResponse>> LookUpAsync(
        IndividualNumberLookupRequest request, ClaimsPrincipal verifier, IndividualNumberLookup lookup, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lookup.FindAsync(verifier.Identity!.Name!, request.LoginCertificate, cancellationToken));

    /// <summary>A verifier that took a lost-card report puts the card on hold; nothing is forwarded back.</summary>
    private static async Task<Ok<CardStatusResponse>> PlaceHoldAsync(
        VerifierHoldRequest request, ClaimsPrincipal verifier, CardLifecycle cards, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cards.PlaceHoldByCertificateAsync(verifier.Identity!.Name!, request.LoginCertificate, cancellationToken));
}
