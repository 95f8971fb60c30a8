using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using MynaPlatform.Hosting;
using MynaPlatform.Jpki.Contracts;
using Xunit;

namespace MynaPlatform.Platform.Tests;

public sealed class KeyRotationTests(PlatformFixture platform)
{
    private const string RotatePath = "/api/identity/operator/signing-keys/rotate";
    private const string PartnerPath = "/api/identity/partner/client";

    /// <summary>Maximum wait for the new key to sign, well above the fixture's JWKS refresh interval of a few seconds.</summary>
    private static readonly TimeSpan ActivationTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Rotate_PublishesFirst_ThenSignsWithoutRestart()
    {
        using var gateway = platform.CreateGatewayClient();
        using var identity = platform.App.CreateHttpClient(ResourceNames.Identity, ResourceNames.HttpEndpoint);
        var before = await platform.GetAgencyTokenAsync();
        var oldKeyId = KeyIdOf(before);

        using var request = new HttpRequestMessage(HttpMethod.Post, RotatePath).WithBearer(await platform.GetOperatorTokenAsync());
        using var rotated = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var rotation = await rotated.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var newKeyId = rotation.GetProperty("keyId").GetString()!;
        Assert.NotEqual(oldKeyId, newKeyId);

        Assert.Contains(newKeyId, await PublishedKeyIdsAsync(gateway));
        var signedBeforeActivation = await platform.GetAgencyTokenAsync();
        if (DateTimeOffset.UtcNow < rotation.GetProperty("activatesAt").GetDateTimeOffset())
        {
            Assert.NotEqual(newKeyId, KeyIdOf(signedBeforeActivation));
        }

        var after = await WaitForTokenSignedByAsync(newKeyId);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, after));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(identity, after));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, before));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(identity, before));
        Assert.Contains(oldKeyId, await PublishedKeyIdsAsync(gateway));
    }

    [Fact]
    public async Task Rotate_ThreeTimesQuickly_KeepsSigningKey()
    {
        using var gateway = platform.CreateGatewayClient();
        var signingKeyId = KeyIdOf(await platform.GetAgencyTokenAsync());
        var operatorToken = await platform.GetOperatorTokenAsync();

        for (var rotation = 0; rotation < 3; rotation++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, RotatePath).WithBearer(operatorToken);
            using var rotated = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        }

        Assert.Contains(signingKeyId, await PublishedKeyIdsAsync(gateway));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, await platform.GetAgencyTokenAsync()));
    }

    private async Task<string> WaitForTokenSignedByAsync(string keyId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var token = await platform.GetAgencyTokenAsync();
            if (KeyIdOf(token) == keyId)
            {
                return token;
            }

            Assert.True(clock.Elapsed < ActivationTimeout, $"No token was signed with the new key {keyId} within {ActivationTimeout.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }

    private static async Task<List<string>> PublishedKeyIdsAsync(HttpClient gateway)
    {
        var jwks = await gateway.GetFromJsonAsync<JsonElement>(LoginRoutes.JsonWebKeySet, TestContext.Current.CancellationToken);
        return [.. jwks.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()!)];
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, PartnerPath).WithBearer(token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static string KeyIdOf(string token) => new JsonWebToken(token).Kid;
}
