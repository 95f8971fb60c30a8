using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MynaPlatform.Jpki.Contracts;
using Xunit;

namespace MynaPlatform.Platform.Testing;

/// <summary>Gets tokens from the identity service through the gateway, as the seeded clients do.</summary>
public static class TokenClient
{
    public const string OperatorClientId = "operator-console";
    public const string AgencyClientId = "test-agency";
    public const string PortalClientId = "portal";

    public static async Task<string> GetOperatorTokenAsync(this PlatformFixture platform) =>
        await platform.GetClientTokenAsync(OperatorClientId, await platform.ParameterValueAsync("operator-client-secret"));

    public static async Task<string> GetAgencyTokenAsync(this PlatformFixture platform) =>
        await platform.GetClientTokenAsync(AgencyClientId, await platform.ParameterValueAsync("agency-client-secret"));

    public static async Task<string> GetClientTokenAsync(this PlatformFixture platform, string clientId, string secret)
    {
        using var client = platform.CreateGatewayClient();
        using var response = await client.PostAsync(LoginRoutes.Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }), TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"The token request failed with {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
