using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.Sessions;

/// <summary>
/// Refreshes the session's access token shortly before it expires. When identity no longer
/// accepts the refresh token (the session was ended or has expired), the portal session ends too,
/// and the login page brings the person back to the page they asked for.
/// </summary>
public sealed partial class PortalCookieEvents(IdentityTokenClient tokens, TimeProvider clock, ILogger<PortalCookieEvents> logger)
    : CookieAuthenticationEvents
{
    /// <summary>Refresh this long before expiry, so a token never expires between the check and the API call.</summary>
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    /// <summary>The request item that marks a session ended by identity, for the redirect to the login page.</summary>
    private const string SessionEndedItem = "myna.session-ended";

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirst(PortalClaims.PersonId) is null)
        {
            return;
        }

        var expiresAt = context.Properties.GetTime(SessionTokens.ExpiresAt);
        if (expiresAt is { } expiry && expiry - RefreshMargin > clock.GetUtcNow())
        {
            return;
        }

        // NOTE: two requests of one session refreshing at the same moment both redeem the same
        // refresh token; if identity rejects the second, that person logs in again.
        var refreshToken = context.Properties.GetTokenValue(SessionTokens.RefreshToken);
        var refreshed = refreshToken is null ? null : await tokens.RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
        if (refreshed is null)
        {
            Log.SessionEnded(logger);
            context.HttpContext.Items[SessionEndedItem] = true;
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        SessionTokens.Store(context.Properties, refreshed);
        context.ShouldRenew = true;
    }

    /// <summary>Sends the person to the login page, saying why when identity ended their session.</summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        WithRelativeRedirect(context);
        if (context.HttpContext.Items.ContainsKey(SessionEndedItem))
        {
            context.RedirectUri = QueryHelpers.AddQueryString(context.RedirectUri, "expired", "true");
        }

        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        base.RedirectToAccessDenied(WithRelativeRedirect(context));

    /// <summary>
    /// Drops the scheme and host from a redirect. The handler builds them from the request the
    /// portal received, whose host is the portal's own port behind the gateway, not the address
    /// the browser used, so an absolute redirect would take the browser past the gateway.
    /// </summary>
    private static RedirectContext<CookieAuthenticationOptions> WithRelativeRedirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute))
        {
            context.RedirectUri = absolute.PathAndQuery;
        }

        return context;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "SessionEnded", Level = LogLevel.Information,
            Message = "Identity rejected a session's refresh token, so the portal session ended")]
        public static partial void SessionEnded(ILogger logger);
    }
}
