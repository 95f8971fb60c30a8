using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Authentication;
using MynaPlatform.Identity.Accounts;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Identity.Login;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.Identity.Api;

/// <summary>
/// The step-up: the session gets a short code, and <c>myna-card step-up --code</c> approves it
/// with a fresh proof of the same person's card, as in the device login.
/// </summary>
public static class StepUpEndpoints
{
    public static IEndpointRouteBuilder MapStepUpEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost($"/api/{IdentityServiceExtensions.RoutePrefix}/account/step-up", StartAsync)
            .WithTags("Account")
            .WithName("StartStepUp")
            .WithSummary("Returns a step-up code for the calling session, valid for 5 minutes and for one card proof.")
            .RequirePerson(PlatformScopes.Account);

        // Anonymous because the card holder calls it from myna-card. The code names the session.
        routes.MapPost(StepUpRoutes.Verification, VerifyAsync)
            .WithTags("Account")
            .WithName("VerifyStepUp")
            .WithSummary("Checks the card's proof for a step-up code; the card must belong to the session's person.")
            .AllowAnonymous();

        return routes;
    }

    private static async Task<Ok<StepUpCode>> StartAsync(ClaimsPrincipal user, StepUpStore stepUps, CancellationToken cancellationToken) =>
        TypedResults.Ok(await stepUps.CreateAsync(user.FindFirstValue(PlatformClaims.SessionId) ?? "", user.PersonId()!, cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> VerifyAsync(
        StepUpVerificationRequest request, CardLogin cardLogin, StepUpStore stepUps, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.UserCode))
        {
            return CodeInvalid();
        }

        VerifiedCardLogin card;
        try
        {
            card = await cardLogin.VerifyAsync(request.ChallengeId, request.Certificate, request.Signature, cancellationToken);
        }
        catch (JpkiRejectedException rejection)
        {
            return AccountDetailsEndpoints.Problem(rejection.Status, rejection.ReasonCode, rejection.Title, rejection.Detail);
        }

        return await stepUps.VerifyAsync(request.UserCode.Trim().ToUpperInvariant(), card.PersonId, cancellationToken) switch
        {
            StepUpVerification.Satisfied => TypedResults.NoContent(),
            StepUpVerification.PersonMismatch => AccountDetailsEndpoints.Problem(StatusCodes.Status403Forbidden, StepUpRoutes.PersonMismatch,
                "カードの本人が一致しません。",
                "userCode: このコードはほかの利用者のセッションのものです。ログインしている本人のカードで、新しいコードを取得してやり直してください。"),
            _ => CodeInvalid(),
        };
    }

    private static ProblemHttpResult CodeInvalid() =>
        AccountDetailsEndpoints.Problem(StatusCodes.Status400BadRequest, StepUpRoutes.CodeInvalid, "userCode が無効です。",
            "userCode: コードが見つからないか、期限切れか、使用済みです。ポータルでは操作をやり直して新しいコードを表示し (API では POST /api/identity/account/step-up)、そのコードで承認してください。");
}
