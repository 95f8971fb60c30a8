using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using MynaPlatform.Jpki.Contracts;
using Xunit;

namespace MynaPlatform.Platform.Tests;

public sealed class ForgedTokenTests(PlatformFixture platform)
{
    private const string SessionPath = "/api/identity/me/session";

    [Fact]
    public async Task ForgedTokens_AllReturn401()
    {
        var genuine = await platform.GetOperatorTokenAsync();
        var parts = genuine.Split('.');
        var payload = parts[1];
        using var gateway = platform.CreateGatewayClient();
        var jwks = await gateway.GetStringAsync(LoginRoutes.JsonWebKeySet, TestContext.Current.CancellationToken);

        using var unknownKey = RSA.Create(2048);
        var forged = new Dictionary<string, string>
        {
            ["alg none"] = $"{Encode("""{"alg":"none","typ":"at+jwt"}""")}.{payload}.",
            ["HS256 with the public key"] = SignHmac($$"""{"alg":"HS256","typ":"at+jwt"}""", payload, Encoding.UTF8.GetBytes(jwks)),
            ["unknown kid"] = SignRsa(unknownKey, payload),
            ["altered payload"] = $"{parts[0]}.{Encode("""{"sub":"someone-else"}""")}.{parts[2]}",
            ["malformed"] = "not-a-token",
            ["truncated"] = genuine[..(genuine.Length / 2)],
        };

        foreach (var (name, token) in forged)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/operator/self-check").WithBearer(token);
            using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task ExpiredToken_Returns401()
    {
        using var key = RSA.Create(2048);
        var expired = Encode("""{"iss":"x","sub":"p","exp":1000000000}""");
        using var gateway = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, SessionPath).WithBearer(SignRsa(key, expired));

        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    public async Task OtherScheme_Returns401AskingForBearer(string authorization)
    {
        using var gateway = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, SessionPath);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("アクセストークンがありません。", problem.GetProperty("title").GetString());
        Assert.Contains("Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task TwoAuthorizationHeaders_Returns401AskingForOne()
    {
        var token = await platform.GetAgencyTokenAsync();
        using var gateway = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, SessionPath);
        request.Headers.TryAddWithoutValidation("Authorization", [$"Bearer {token}", $"Bearer {token}"]);

        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Authorization ヘッダーが複数あります。", problem.GetProperty("title").GetString());
        Assert.Contains("1 つだけ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static string SignHmac(string header, string payload, byte[] key)
    {
        var input = $"{Encode(header)}.{payload}";
        return $"{input}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(input)))}";
    }

    private static string SignRsa(RSA key, string payload)
    {
        var input = $"{Encode("""{"alg":"RS256","typ":"at+jwt","kid":"unknown-key"}""")}.{payload}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }
}
