using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.JpkiSimulator.Cards;

namespace MynaPlatform.JpkiSimulator.Api;

/// <summary>The 24-hour hotline (マイナンバー総合フリーダイヤル) that puts a lost card on hold.</summary>
public static class HotlineEndpoints
{
    public static IEndpointRouteBuilder MapHotlineEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(SimulatorRoutes.PlaceHold, PlaceHoldAsync)
            .WithTags("Hotline")
            .AddEndpointFilter<JpkiProblemFilter>();

        return app;
    }

    private static async Task<Ok<CardStatusResponse>> PlaceHoldAsync(
        string cardId, CardLifecycle cards, PlatformHoldForwarder platform, CancellationToken cancellationToken)
    {
        var status = await cards.PlaceHoldAsync(cardId, cancellationToken);
        await platform.ForwardHoldAsync(cardId, cancellationToken);
        return TypedResults.Ok(status);
    }
}
