using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Identity.Login;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.Identity.Api;

public static class ChallengeEndpoints
{
    public static IEndpointRouteBuilder MapChallengeEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(LoginRoutes.Challenges, CreateAsync)
            .WithTags("Login")
            .WithName("CreateLoginChallenge")
            .WithSummary("Issues a one-time challenge for the card's login key to sign.");
        return routes;
    }

    private static async Task<Ok<LoginChallengeResponse>> CreateAsync(ChallengeStore challenges, CancellationToken cancellationToken) =>
        TypedResults.Ok(await challenges.CreateAsync(cancellationToken));
}
