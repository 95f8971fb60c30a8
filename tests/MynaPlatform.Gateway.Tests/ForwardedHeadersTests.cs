using System.Net.Http.Json;
using Xunit;

namespace MynaPlatform.Gateway.Tests;

public sealed class ForwardedHeadersTests(GatewayFixture gateway)
{
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForwardedHeaders_ClientSpoofed_Replaced()
    {
        var echoed = await SendAsync(
            ("X-Forwarded-For", "203.0.113.7"),
            ("X-Forwarded-Host", "evil.example"),
            ("X-Forwarded-Proto", "https"),
            ("X-Forwarded-Prefix", "/evil"));

        Assert.Equal("127.0.0.1", echoed.Header("X-Forwarded-For"));
        Assert.Equal(gateway.Address.Authority, echoed.Header("X-Forwarded-Host"));
        Assert.Equal("http", echoed.Header("X-Forwarded-Proto"));
        Assert.Null(echoed.Header("X-Forwarded-Prefix"));
    }

    [Fact]
    public async Task ForwardedHeaders_StandardAndRealIp_Removed()
    {
        var echoed = await SendAsync(
            ("Forwarded", "for=203.0.113.7;proto=https;host=evil.example"),
            ("X-Real-IP", "203.0.113.7"));

        Assert.Null(echoed.Header("Forwarded"));
        Assert.Null(echoed.Header("X-Real-IP"));
    }

    [Fact]
    public async Task ForwardedHeaders_OtherXForwardedNames_Removed()
    {
        var echoed = await SendAsync(
            ("X-Forwarded-Port", "443"),
            ("X-Forwarded-Server", "evil.example"),
            ("X-Forwarded-Ssl", "on"),
            ("X-Forwarded-Client-Cert", "Hash=abc"));

        var forwarded = echoed.Headers.Keys.Where(name => name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto"], forwarded.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedHeaders_NoneSent_SetByGateway()
    {
        var echoed = await SendAsync();

        Assert.Equal("127.0.0.1", echoed.Header("X-Forwarded-For"));
        Assert.Equal(gateway.Address.Authority, echoed.Header("X-Forwarded-Host"));
        Assert.Equal("http", echoed.Header("X-Forwarded-Proto"));
    }

    private async Task<EchoedRequest> SendAsync(params (string Name, string Value)[] headers)
    {
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/echo/items");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request, cancellation);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<EchoedRequest>(cancellation))!;
    }
}
