using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace MynaPlatform.Gateway.Tests;

public sealed class PathSafetyTests(GatewayFixture gateway)
{
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/echo/../identity/accounts")]
    [InlineData("/api/echo/..")]
    [InlineData("/api/echo/./items")]
    [InlineData("/api/echo/%2e%2e/identity/accounts")]
    [InlineData("/api/echo/%2E%2E/identity/accounts")]
    [InlineData("/api/echo/.%2e/identity/accounts")]
    [InlineData("/api/echo/%2e/items")]
    [InlineData("/api/echo/..%2Fidentity/accounts")]
    [InlineData("/api/echo/items%2fother")]
    [InlineData("/api/echo/..%5Cidentity/accounts")]
    [InlineData("/api/echo/items%5cother")]
    [InlineData("/api/echo/%252e%252e/identity/accounts")]
    [InlineData("/api/echo/%25252e%25252e/identity/accounts")]
    [InlineData("/api/echo/..\\identity/accounts")]
    [InlineData("/api/echo/items\\other")]
    [InlineData("/../api/echo/items")]
    [InlineData("/account/%2e%2e/api/echo/items")]
    [InlineData("/css/..%2F..%2Fappsettings.json")]
    public async Task PathSafety_EscapingTarget_Returns400Problem(string target)
    {
        var response = await gateway.CreateRawClient().GetAsync(target);

        ProblemAssert.IsJapaneseProblem(400, response);
    }

    [Fact]
    public async Task PathSafety_RejectedTarget_NotForwarded()
    {
        var response = await gateway.CreateRawClient().GetAsync("/api/echo/%2e%2e/echo-batch/items");

        Assert.Equal(400, response.StatusCode);
        Assert.DoesNotContain("rawTarget", response.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PathSafety_EncodedQuery_Forwarded()
    {
        using var client = gateway.CreateClient();

        var echoed = await client.GetFromJsonAsync<EchoedRequest>("/api/echo/search?q=..%2F..%5C%252e", cancellation);

        Assert.Equal("/api/echo/search", echoed!.Path);
        Assert.Equal("?q=..%2F..%5C%252e", echoed.Query);
    }

    [Theory]
    [InlineData("/api/echo/items..json")]
    [InlineData("/api/echo/.well-known")]
    [InlineData("/api/echo/...")]
    public async Task PathSafety_DotsInsideSegment_Forwarded(string target)
    {
        var response = await gateway.CreateRawClient().GetAsync(target);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains(target, response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/echo/items%00")]
    [InlineData("/api/echo/%ff%fe")]
    [InlineData("/api/echo/%")]
    [InlineData("/api/echo/%zz")]
    [InlineData("/api/echo/%c0%ae%c0%ae/identity")]
    [InlineData("/api/echo/items?%")]
    [InlineData("//api/echo/items")]
    [InlineData("/api/echo//items")]
    [InlineData("*")]
    [InlineData("http://127.0.0.1/api/echo/../identity")]
    public async Task PathSafety_MalformedTarget_NeverServerError(string target)
    {
        var response = await gateway.CreateRawClient().GetAsync(target);

        Assert.InRange(response.StatusCode, 200, 499);
        if (response.StatusCode == 200)
        {
            var echoed = JsonSerializer.Deserialize<EchoedRequest>(response.Body, JsonSerializerOptions.Web)!;
            // A path outside /api/ (such as //api/...) reaches the portal's route, never a service's.
            Assert.True(echoed.Path.StartsWith("/api/echo/", StringComparison.Ordinal) || !echoed.Path.StartsWith("/api/", StringComparison.Ordinal),
                $"{target} reached {echoed.Path}");
            Assert.DoesNotContain("..", echoed.Path.Split('/'));
        }
    }
}
