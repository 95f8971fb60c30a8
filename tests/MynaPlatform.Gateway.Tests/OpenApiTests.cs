using System.Net;
using System.Text.Json;
using Xunit;

namespace MynaPlatform.Gateway.Tests;

public sealed class OpenApiTests(GatewayFixture gateway)
{
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenApi_ServiceDocument_ServedThroughGateway()
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/api/echo/openapi/v1.json", cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation));
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        Assert.True(document.RootElement.TryGetProperty("paths", out _));
    }
}
