using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.Sessions;

/// <summary>
/// Names under which the session's tokens and device-login state are kept in the ticket's
/// properties. The ticket stays on the server, so none of them reaches the browser.
/// </summary>
public static class SessionTokens
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
    public const string ExpiresAt = "expires_at";

    public const string DeviceCode = "device_code";
    public const string UserCode = "user_code";
    public const string VerificationUri = "verification_uri";
    public const string CodeExpiresAt = "code_expires_at";
    public const string PollInterval = "poll_interval";
    public const string NextPollAt = "next_poll_at";

    /// <summary>Replaces the session's tokens, keeping the refresh token when identity did not send a new one.</summary>
    public static void Store(AuthenticationProperties properties, TokenSet tokens)
    {
        var refreshToken = tokens.RefreshToken ?? properties.GetTokenValue(RefreshToken);
        List<AuthenticationToken> stored =
        [
            new() { Name = AccessToken, Value = tokens.AccessToken },
            new() { Name = ExpiresAt, Value = Format(tokens.ExpiresAt) },
        ];
        if (refreshToken is not null)
        {
            stored.Add(new() { Name = RefreshToken, Value = refreshToken });
        }

        properties.StoreTokens(stored);
    }

    public static DateTimeOffset? GetTime(this AuthenticationProperties properties, string name) =>
        DateTimeOffset.TryParse(properties.GetTokenValue(name), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
