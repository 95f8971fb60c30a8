using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using MynaPlatform.Identity.Jpki;
using Microsoft.Extensions.Options;
using MynaPlatform.Identity.Login;
using MynaPlatform.Identity.Sessions;
using MynaPlatform.Identity.Tokens;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace MynaPlatform.Identity.Api;

/// <summary>
/// The end-user verification of the device flow: <c>myna-card login --code</c> posts the user code
/// that the portal shows, with the card's proof. The device code is then approved for that person,
/// and the portal's next poll of the token endpoint returns the tokens.
/// </summary>
public static class DeviceVerificationEndpoint
{
    public static async Task<IResult> VerifyAsync(
        HttpContext http, CardLogin cardLogin, SessionStore sessions, IOptions<TokenOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing; the verification endpoint is not handled by OpenIddict.");

        // For an unknown or expired user code OpenIddict still returns a principal, only without the
        // client_id claim, so that claim is what tells a real code from a mistyped one.
        var codeResult = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (!codeResult.Succeeded
            || codeResult.Principal is not { } code
            || string.IsNullOrEmpty(code.GetClaim(OpenIddictConstants.Claims.ClientId)))
        {
            return Problem(StatusCodes.Status400BadRequest, JpkiReasonCodes.RequestInvalid, "ログイン用コードが無効です。",
                "ログイン用コード (user_code、myna-card の --code) が見つからないか、期限切れか、使用済みです。ポータルに表示されたコードを確かめてください。コードは一度しか使えず、期限が切れたり使い終わったりしたときは、ポータルで「ログインを始める」からやり直してください。");
        }

        // The address in the portal's QR code leads here too, for example when a phone's camera opens it.
        if (request[LoginRoutes.ChallengeIdParameter] is null && request[LoginRoutes.CertificateParameter] is null
            && request[LoginRoutes.SignatureParameter] is null)
        {
            return Problem(StatusCodes.Status400BadRequest, JpkiReasonCodes.RequestInvalid, "カードでの確認がありません。",
                "このアドレスは、カードでログインを承認するためのものです。カードのアプリで読み取ってください。myna-card では ./myna-card login --card <カードファイル> --pin <暗証番号> --code \"<このアドレス>\" を実行します。");
        }

        try
        {
            var login = await cardLogin.VerifyAsync(
                (string?)request[LoginRoutes.ChallengeIdParameter],
                (string?)request[LoginRoutes.CertificateParameter],
                (string?)request[LoginRoutes.SignatureParameter],
                cancellationToken);

            var principal = TokenPrincipals.ForPerson(login.PersonId, code.GetScopes());
            var clientId = code.GetPresenters().FirstOrDefault() ?? request.ClientId ?? "";
            await TokenEndpoints.StartSessionAsync(sessions, principal, clientId, options.Value, clock, cancellationToken);
            return Results.SignIn(principal, new AuthenticationProperties { RedirectUri = null }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        catch (JpkiRejectedException rejection)
        {
            return Problem(rejection.Status, rejection.ReasonCode, rejection.Title, rejection.Detail);
        }
    }

    private static IResult Problem(int status, string reasonCode, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { [JpkiReasonCodes.ProblemExtension] = reasonCode });
}
