using System.Net;
using Xunit;

namespace MynaPlatform.Gateway.Tests;

public sealed class LandingPageTests(GatewayFixture gateway)
{
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task LandingPage_Root_ListsServiceDocuments()
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/", cancellation);
        var html = await response.Content.ReadAsStringAsync(cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/echo/openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/echo-batch/openapi/v1.json\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LandingPage_Root_HasSecurityHeaders()
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/", cancellation);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}
