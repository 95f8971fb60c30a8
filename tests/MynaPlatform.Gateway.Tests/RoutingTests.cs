using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace MynaPlatform.Gateway.Tests;

public sealed class RoutingTests(GatewayFixture gateway)
{
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Route_ServicePath_ForwardedUnchanged()
    {
        using var client = gateway.CreateClient();

        var echoed = await client.GetFromJsonAsync<EchoedRequest>("/api/echo/items/42?kind=notice&q=%E5%B9%B4%E9%87%91", cancellation);

        Assert.NotNull(echoed);
        Assert.Equal("GET", echoed.Method);
        Assert.Equal("/api/echo/items/42", echoed.Path);
        Assert.Equal("?kind=notice&q=%E5%B9%B4%E9%87%91", echoed.Query);
    }

    [Fact]
    public async Task Route_SecondService_ResolvedByDiscovery()
    {
        using var client = gateway.CreateClient();

        var echoed = await client.GetFromJsonAsync<EchoedRequest>("/api/echo-batch/jobs", cancellation);

        Assert.NotNull(echoed);
        Assert.Equal("/api/echo-batch/jobs", echoed.Path);
    }

    [Fact]
    public async Task Route_PostBody_ReachesService()
    {
        using var client = gateway.CreateClient();
        using var content = new ByteArrayContent(new byte[1000]);

        using var response = await client.PostAsync("/api/echo/uploads", content, cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(cancellation);
        Assert.Equal("POST", echoed!.Method);
        Assert.Equal(1000, echoed.BodyLength);
    }

    [Fact]
    public async Task Route_EncodedJapaneseSegment_Forwarded()
    {
        using var client = gateway.CreateClient();

        var echoed = await client.GetFromJsonAsync<EchoedRequest>("/api/echo/%E5%B9%B4%E9%87%91", cancellation);

        Assert.Equal("/api/echo/年金", echoed!.Path);
    }

    [Fact]
    public async Task Route_ServiceDown_Returns502Problem()
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/api/down/items", cancellation);

        await ProblemAssert.IsJapaneseProblemAsync(502, response);
    }

    [Theory]
    [InlineData("/api/unknown/items")]
    [InlineData("/api/echoes/items")]
    [InlineData("/api")]
    public async Task Route_UnknownPath_Returns404Problem(string path)
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(path, cancellation);

        await ProblemAssert.IsJapaneseProblemAsync(404, response);
    }

    [Theory]
    [InlineData("/", "/", "")]
    [InlineData("/account/email?saved=true", "/account/email", "?saved=true")]
    [InlineData("/css/portal.css", "/css/portal.css", "")]
    public async Task Route_NonApiPath_ForwardedToPortal(string target, string path, string query)
    {
        using var client = gateway.CreateClient();

        var echoed = await client.GetFromJsonAsync<EchoedRequest>(target, cancellation);

        Assert.Equal(path, echoed!.Path);
        Assert.Equal(query, echoed.Query);
    }

    [Fact]
    public async Task Route_PortalPath_KeepsGatewayHeaders()
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/login", cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.True(response.Headers.Contains("X-Correlation-Id"), "the portal's response has no correlation id");
    }
}
