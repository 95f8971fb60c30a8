using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MynaPlatform.Authentication;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Identity.Login;
using MynaPlatform.Identity.Sessions;
using MynaPlatform.Identity.Storage;
using MynaPlatform.Identity.Tokens;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MynaPlatform.Identity.Api;

/// <summary>
/// The token endpoint after OpenIddict has checked the client and the grant: it decides who the
/// token is for. Errors follow OAuth 2.0 (<c>error</c>, <c>error_description</c>) and add the JPKI
/// <c>reasonCode</c>.
/// </summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(LoginRoutes.Token, ExchangeAsync).ExcludeFromDescription();
        routes.MapMethods(LoginRoutes.DeviceVerification, ["GET", "POST"], DeviceVerificationEndpoint.VerifyAsync).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext http, CardLogin cardLogin, SessionStore sessions, IOpenIddictApplicationManager applications,
        IdentityDbContext tokenStore, TokenStoreWriteGate tokenStoreWriteGate, IOptions<TokenOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing; the token endpoint is not handled by OpenIddict.");

        if (request.GrantType == LoginRoutes.JpkiGrantType)
        {
            try
            {
                var login = await cardLogin.VerifyAsync(
                    (string?)request[LoginRoutes.ChallengeIdParameter],
                    (string?)request[LoginRoutes.CertificateParameter],
                    (string?)request[LoginRoutes.SignatureParameter],
                    cancellationToken);
                var person = TokenPrincipals.ForPerson(login.PersonId, GrantedScopes(request, ClientKind.Card));
                await StartSessionAsync(sessions, person, request.ClientId!, options.Value, clock, cancellationToken);
                return new SingleTransactionSignIn(person, tokenStore, tokenStoreWriteGate);
            }
            catch (JpkiRejectedException rejection)
            {
                return Reject(rejection);
            }
        }

        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has already checked the secret, the grant and any requested scope. A client
            // registered by an operator gets, when it requests none, the scopes it was registered with.
            var seeded = options.Value.Clients.GetValueOrDefault(request.ClientId!)?.Kind;
            var scopes = seeded is { } kind || !request.GetScopes().IsEmpty
                ? GrantedScopes(request, seeded ?? ClientKind.Agency)
                : await PermittedScopesAsync(applications, request.ClientId!, cancellationToken);
            return SignIn(TokenPrincipals.ForClient(request.ClientId!, scopes));
        }

        if (request.IsRefreshTokenGrantType() || request.IsDeviceCodeGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (result.Principal is not { } principal)
            {
                return Results.Forbid(Error(Errors.InvalidGrant, "トークンまたはデバイスコードが無効です。ログインし直してください。", null),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            // A session ended by logout, by the person or by a lost card can no longer renew its tokens.
            var sessionId = principal.GetClaim(PlatformClaims.SessionId);
            if (sessionId is null || !await sessions.IsActiveAsync(sessionId, cancellationToken))
            {
                return Results.Forbid(Error(Errors.InvalidGrant, "このセッションは終了しています。ログインし直してください。", null),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            return SignIn(TokenPrincipals.WithDestinations(principal));
        }

        return Results.Forbid(Error(Errors.UnsupportedGrantType, "この grant_type には対応していません。", null),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IEnumerable<string>> PermittedScopesAsync(
        IOpenIddictApplicationManager applications, string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException($"Client {clientId} passed client authentication but is not registered.");
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        return permissions
            .Where(permission => permission.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(permission => permission[Permissions.Prefixes.Scope.Length..]);
    }

    /// <summary>The requested scopes, or the client kind's defaults when none was requested.</summary>
    private static IEnumerable<string> GrantedScopes(OpenIddictRequest request, ClientKind kind)
    {
        var requested = request.GetScopes();
        return requested.IsEmpty ? ClientRegistrations.DefaultScopes(kind) : requested;
    }

    /// <summary>Records the new session of a person's login, which lives as long as its refresh token.</summary>
    internal static Task StartSessionAsync(
        SessionStore sessions, ClaimsPrincipal person, string clientId, TokenOptions options, TimeProvider clock, CancellationToken cancellationToken) =>
        sessions.StartAsync(
            person.GetClaim(PlatformClaims.SessionId)!,
            person.GetClaim(Claims.Subject)!,
            clientId,
            clock.GetUtcNow() + options.RefreshTokenLifetime,
            cancellationToken);

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    /// <summary>
    /// Turns a JPKI rejection into an OAuth 2.0 error: a proof whose fields are missing or unreadable is
    /// a malformed request (<c>invalid_request</c>), a readable proof that fails a check is an invalid
    /// grant, and a check that could not be made is <c>temporarily_unavailable</c>.
    /// </summary>
    internal static IResult Reject(JpkiRejectedException rejection)
    {
        var error = rejection switch
        {
            { Status: StatusCodes.Status503ServiceUnavailable } => Errors.TemporarilyUnavailable,
            { ReasonCode: JpkiReasonCodes.RequestInvalid or JpkiReasonCodes.CertificateMalformed } => Errors.InvalidRequest,
            _ => Errors.InvalidGrant,
        };
        return Results.Forbid(Error(error, $"{rejection.Title} {rejection.Detail}", rejection.ReasonCode),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static AuthenticationProperties Error(string error, string description, string? reasonCode)
    {
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });

        if (reasonCode is not null)
        {
            properties.Parameters[JpkiReasonCodes.ProblemExtension] = reasonCode;
        }

        return properties;
    }
}
