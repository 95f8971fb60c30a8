using System.Net;
using System.Text.Json;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using Xunit;

namespace MynaPlatform.Platform.Tests;

public sealed class DeviceFlowTests(PlatformFixture platform)
{
    /// <summary>The card approves with the code as shown, or with the address that the portal's QR code holds.</summary>
    [Theory]
    [InlineData("user_code")]
    [InlineData("verification_uri_complete")]
    public async Task DeviceFlow_CardApproves_PortalGetsToken(string codeSource)
    {
        var secret = await platform.ParameterValueAsync("portal-client-secret");
        using var gateway = platform.CreateGatewayClient();
        var device = await StartDeviceLoginAsync(gateway, secret, "identity:account offline_access");

        var approval = await platform.RunCardAsync(
            "login", "--card", await platform.IssueCardAsync(), "--pin", "1234", "--code", device.GetProperty(codeSource).GetString()!);
        Assert.True(approval.ExitCode == 0, approval.Error);

        using var poll = await gateway.PostAsync(LoginRoutes.Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["device_code"] = device.GetProperty("device_code").GetString()!,
            ["client_id"] = TokenClient.PortalClientId,
            ["client_secret"] = secret,
        }), TestContext.Current.CancellationToken);
        var tokens = JsonDocument.Parse(await poll.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.True(poll.IsSuccessStatusCode, tokens.ToString());
        Assert.True(tokens.TryGetProperty("refresh_token", out _));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me/session").WithBearer(tokens.GetProperty("access_token").GetString()!);
        using var session = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
    }

    [Fact]
    public async Task VerificationAddress_OpenedWithoutCard_ExplainsCardApp()
    {
        using var gateway = platform.CreateGatewayClient();
        var device = await StartDeviceLoginAsync(gateway, await platform.ParameterValueAsync("portal-client-secret"), "identity:account");

        using var response = await gateway.GetAsync(device.GetProperty("verification_uri_complete").GetString(), TestContext.Current.CancellationToken);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("カードでの確認がありません。", problem.GetProperty("title").GetString());
        Assert.Contains("--code", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1111-2222-3333")]
    [InlineData("111122224444")]
    public async Task DeviceFlow_UnknownCode_RejectedWithoutSession(string userCode)
    {
        var card = await platform.IssueCardAsync();

        var approval = await platform.RunCardAsync("login", "--card", card, "--pin", "1234", "--code", userCode);
        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(login.ExitCode == 0, login.Error);
        using var gateway = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me/sessions").WithBearer(login.LastLine);
        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
        var sessions = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.NotEqual(0, approval.ExitCode);
        Assert.Contains(JpkiReasonCodes.RequestInvalid, approval.Error);
        Assert.DoesNotContain("SERVER_ERROR", approval.Error);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, sessions.GetArrayLength());
    }

    /// <summary>Starts a device login as the portal does and returns the device authorization response.</summary>
    private static async Task<JsonElement> StartDeviceLoginAsync(HttpClient gateway, string secret, string scope)
    {
        using var authorization = await gateway.PostAsync(LoginRoutes.DeviceAuthorization, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = TokenClient.PortalClientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }), TestContext.Current.CancellationToken);
        var device = JsonDocument.Parse(await authorization.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.True(authorization.IsSuccessStatusCode, device.ToString());
        return device;
    }
}
