using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.JpkiSimulator.Cards;

namespace MynaPlatform.JpkiSimulator.Api;

/// <summary>The municipal counter (市区町村窓口): issuing and renewing cards, lifting holds, address changes.</summary>
public static class CounterEndpoints
{
    public static IEndpointRouteBuilder MapCounterEndpoints(this IEndpointRouteBuilder app)
    {
        var counter = app.MapGroup("").WithTags("Counter").AddEndpointFilter<JpkiProblemFilter>();

        counter.MapPost(SimulatorRoutes.IssueCard, IssueCardAsync);
        counter.MapDelete(SimulatorRoutes.LiftHold, LiftHoldAsync);
        counter.MapPost(SimulatorRoutes.ChangeAddress, ChangeAddressAsync);

        return app;
    }

    private static async Task<Ok<IssueCardResponse>> IssueCardAsync(
        IssueCardRequest request, CardIssuer issuer, IOptions<JpkiSimulatorOptions> options, HttpRequest http, CancellationToken cancellationToken)
    {
        var publicBaseUrl = options.Value.PublicBaseUrl ?? new Uri($"{http.Scheme}://{http.Host}");
        return TypedResults.Ok(await issuer.IssueAsync(request, publicBaseUrl, cancellationToken));
    }

    private static async Task<Ok<CardStatusResponse>> LiftHoldAsync(
        string cardId, CardLifecycle cards, PlatformHoldForwarder platform, CancellationToken cancellationToken)
    {
        var status = await cards.LiftHoldAsync(cardId, cancellationToken);
        await platform.ForwardLiftAsync(cardId, cancellationToken);
        return TypedResults.Ok(status);
    }

    private static async Task<Ok<CardStatusResponse>> ChangeAddressAsync(
        string cardId, ChangeAddressRequest request, CardLifecycle cards, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cards.ChangeAddressAsync(cardId, request.Address, cancellationToken));
}
