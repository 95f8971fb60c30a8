using System.Net;
using Xunit;

namespace MynaPlatform.Gateway.Tests;

public sealed class SecurityHeadersTests(GatewayFixture gateway)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecurityHeaders_ApiResponse_AllAdded()
    {
        using var response = await SendAsync("/api/echo/items");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        Assert.Equal(ApiPolicy, Single(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task SecurityHeaders_ServiceCsp_Kept()
    {
        const string portalPolicy = "default-src 'self'; script-src 'self' 'nonce-abc'";

        using var response = await SendAsync("/api/echo/page", ("Content-Security-Policy", portalPolicy));

        Assert.Equal(portalPolicy, Single(response, "Content-Security-Policy"));
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task SecurityHeaders_ServiceOwnValues_NotOverwritten()
    {
        using var response = await SendAsync(
            "/api/echo/page",
            ("X-Frame-Options", "SAMEORIGIN"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("Cross-Origin-Resource-Policy", "cross-origin"));

        Assert.Equal("SAMEORIGIN", Single(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Equal("cross-origin", Single(response, "Cross-Origin-Resource-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task SecurityHeaders_RejectedRequest_AllAdded()
    {
        var response = await gateway.CreateRawClient().GetAsync("/api/echo/%2e%2e/identity");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"]);
        Assert.Equal("DENY", response.Headers["X-Frame-Options"]);
        Assert.Equal(ApiPolicy, response.Headers["Content-Security-Policy"]);
    }

    [Fact]
    public async Task SecurityHeaders_PlainHttp_NoStrictTransport()
    {
        using var response = await SendAsync("/api/echo/items");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private async Task<HttpResponseMessage> SendAsync(string path, params (string Name, string Value)[] serviceHeaders)
    {
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in serviceHeaders)
        {
            request.Headers.TryAddWithoutValidation(EchoServer.ResponseHeaderPrefix + name, value);
        }

        return await client.SendAsync(request, cancellation);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Single(response, "Cross-Origin-Opener-Policy"));
        Assert.Equal("same-origin", Single(response, "Cross-Origin-Resource-Policy"));
        Assert.Contains("camera=()", Single(response, "Permissions-Policy"));
    }

    private static string Single(HttpResponseMessage response, string name)
    {
        var values = response.Headers.TryGetValues(name, out var found) ? found.ToList() : [];
        return Assert.Single(values);
    }
}
