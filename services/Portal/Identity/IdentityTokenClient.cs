using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MynaPlatform.Authentication;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.Portal.Identity;

/// <summary>
/// The portal's calls to identity's token endpoints as the confidential portal client: starting
/// and polling a device login, and refreshing a session's tokens.
/// </summary>
public sealed class IdentityTokenClient(HttpClient http, IOptions<PortalOptions> options, TimeProvider clock)
{
    private const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>Every scope a person's session may use, and a refresh token.</summary>
    public static string RequestedScopes => string.Join(' ', [.. PlatformScopes.PersonScopes, "offline_access"]);

    public async Task<DeviceAuthorization> StartDeviceLoginAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(LoginRoutes.DeviceAuthorization, Form(new() { ["scope"] = RequestedScopes }), cancellationToken);
        var body = await ReadJsonAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The device authorization failed with status {(int)response.StatusCode} ({ErrorOf(body)}).");
        }

        return new DeviceAuthorization(
            body.GetProperty("device_code").GetString()!,
            body.GetProperty("user_code").GetString()!,
            body.TryGetProperty("verification_uri_complete", out var complete) ? complete.GetString()! : body.GetProperty("verification_uri").GetString()!,
            clock.GetUtcNow().AddSeconds(body.GetProperty("expires_in").GetInt32()),
            TimeSpan.FromSeconds(body.TryGetProperty("interval", out var interval) ? interval.GetInt32() : 5));
    }

    public async Task<DevicePoll> PollDeviceLoginAsync(string deviceCode, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(LoginRoutes.Token, Form(new() { ["grant_type"] = DeviceCodeGrant, ["device_code"] = deviceCode }), cancellationToken);
        var body = await ReadJsonAsync(response, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return new DevicePoll(DevicePollStatus.Approved, TokensOf(body));
        }

        return ErrorOf(body) switch
        {
            "authorization_pending" => new DevicePoll(DevicePollStatus.Pending),
            "slow_down" => new DevicePoll(DevicePollStatus.SlowDown),
            "expired_token" or "invalid_grant" => new DevicePoll(DevicePollStatus.Expired),
            "access_denied" => new DevicePoll(DevicePollStatus.Denied),
            var error => throw new HttpRequestException($"The device token request failed with status {(int)response.StatusCode} ({error})."),
        };
    }

    /// <summary>Returns new tokens, or null when identity no longer accepts the refresh token (the session ended or expired).</summary>
    public async Task<TokenSet?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(LoginRoutes.Token, Form(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }), cancellationToken);
        var body = await ReadJsonAsync(response, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return TokensOf(body);
        }

        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return null;
        }

        throw new HttpRequestException($"The token refresh failed with status {(int)response.StatusCode} ({ErrorOf(body)}).");
    }

    /// <summary>Returns the person and identity session that a new access token names.</summary>
    public async Task<OwnSession> DescribeAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me/session");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OwnSession>(JsonSerializerOptions.Web, cancellationToken)
            ?? throw new HttpRequestException("Identity returned an empty session description.");
    }

    private TokenSet TokensOf(JsonElement body) => new(
        body.GetProperty("access_token").GetString()!,
        body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
        clock.GetUtcNow().AddSeconds(body.GetProperty("expires_in").GetInt32()));

    private FormUrlEncodedContent Form(Dictionary<string, string> fields)
    {
        fields["client_id"] = options.Value.ClientId!;
        fields["client_secret"] = options.Value.ClientSecret!;
        return new FormUrlEncodedContent(fields);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string ErrorOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error) ? error.GetString() ?? "" : "";
}
