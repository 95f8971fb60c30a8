using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.Sessions;

public enum DeviceLoginStatus
{
    Waiting,
    Completed,
    Expired,
    Denied,
}

/// <summary>The state of a device login: the code and its QR target while it waits, the page to return to once it completes.</summary>
public sealed record DeviceLoginState(
    DeviceLoginStatus Status, string? UserCode = null, string? VerificationUri = null, DateTimeOffset? ExpiresAt = null,
    TimeSpan? PollInterval = null, string? ReturnUrl = null);

/// <summary>
/// The device login. Starting it gives the browser a session that only waits for the card: its
/// device code stays in the server-side ticket. Each page load polls identity once, and when the
/// card approved, the waiting session is replaced by the person's session with its tokens.
/// </summary>
public sealed class DeviceLoginFlow(IdentityTokenClient tokens, TimeProvider clock)
{
    private const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private const string ReturnUrlItem = "returnUrl";

    /// <summary>
    /// How long the waiting session outlives its code, so that the login page can still tell the
    /// person that the code expired instead of showing the start page without a word.
    /// </summary>
    private static readonly TimeSpan ExpiredCodeNotice = TimeSpan.FromMinutes(30);

    public async Task StartAsync(HttpContext context, string returnUrl)
    {
        var authorization = await tokens.StartDeviceLoginAsync(context.RequestAborted);
        var properties = new AuthenticationProperties { ExpiresUtc = authorization.ExpiresAt + ExpiredCodeNotice };
        properties.Items[ReturnUrlItem] = returnUrl;
        properties.StoreTokens(
        [
            new() { Name = SessionTokens.DeviceCode, Value = authorization.DeviceCode },
            new() { Name = SessionTokens.UserCode, Value = authorization.UserCode },
            new() { Name = SessionTokens.VerificationUri, Value = authorization.VerificationUri },
            new() { Name = SessionTokens.CodeExpiresAt, Value = SessionTokens.Format(authorization.ExpiresAt) },
            new() { Name = SessionTokens.PollInterval, Value = ((int)authorization.PollInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture) },
        ]);

        var waiting = new ClaimsIdentity([new Claim(PortalClaims.PendingLogin, "true")], "device-login");
        await context.SignInAsync(Scheme, new ClaimsPrincipal(waiting), properties);
    }

    /// <summary>Polls identity once for the waiting login in <paramref name="properties"/> and signs the person in when the card approved.</summary>
    public async Task<DeviceLoginState> PollAsync(HttpContext context, AuthenticationProperties properties)
    {
        var deviceCode = properties.GetTokenValue(SessionTokens.DeviceCode);
        var expiresAt = properties.GetTime(SessionTokens.CodeExpiresAt);
        if (deviceCode is null || expiresAt is null || expiresAt <= clock.GetUtcNow())
        {
            await context.SignOutAsync(Scheme);
            return new DeviceLoginState(DeviceLoginStatus.Expired);
        }

        var poll = await tokens.PollDeviceLoginAsync(deviceCode, context.RequestAborted);
        switch (poll.Status)
        {
            case DevicePollStatus.Approved:
                var returnUrl = properties.Items.TryGetValue(ReturnUrlItem, out var stored) ? stored : null;
                await SignInPersonAsync(context, poll.Tokens!);
                return new DeviceLoginState(DeviceLoginStatus.Completed, ReturnUrl: returnUrl);
            case DevicePollStatus.Expired or DevicePollStatus.Denied:
                await context.SignOutAsync(Scheme);
                return new DeviceLoginState(poll.Status == DevicePollStatus.Expired ? DeviceLoginStatus.Expired : DeviceLoginStatus.Denied);
            default:
                var interval = int.TryParse(properties.GetTokenValue(SessionTokens.PollInterval), CultureInfo.InvariantCulture, out var seconds) ? seconds : 5;
                return new DeviceLoginState(
                    DeviceLoginStatus.Waiting,
                    properties.GetTokenValue(SessionTokens.UserCode),
                    properties.GetTokenValue(SessionTokens.VerificationUri),
                    expiresAt,
                    TimeSpan.FromSeconds(poll.Status == DevicePollStatus.SlowDown ? interval + 5 : interval));
        }
    }

    /// <summary>Replaces the waiting session with the person's; the cookie handler gives it a new ticket key.</summary>
    private async Task SignInPersonAsync(HttpContext context, TokenSet tokenSet)
    {
        var session = await tokens.DescribeAsync(tokenSet.AccessToken, context.RequestAborted);
        var person = new ClaimsIdentity(
        [
            new Claim(PortalClaims.PersonId, session.PersonId),
            new Claim(PortalClaims.SessionId, session.SessionId),
        ], "device-login");

        var properties = new AuthenticationProperties();
        SessionTokens.Store(properties, tokenSet);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(person), properties);
    }
}
