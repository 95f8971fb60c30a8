using System.Net.Http.Json;
using Xunit;

namespace MynaPlatform.Gateway.Tests;

public sealed class CorrelationTests(GatewayFixture gateway)
{
    private const string CorrelationHeader = "X-Correlation-Id";
    private const string TraceHeader = "X-Trace-Id";

    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("a")]
    [InlineData("req-2025.06_01")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task Correlation_WellFormedClientId_Kept(string clientId)
    {
        using var response = await SendAsync(clientId);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(cancellation);

        Assert.Equal(clientId, echoed!.Header(CorrelationHeader));
        Assert.Equal(clientId, ResponseHeader(response, CorrelationHeader));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    [InlineData("a/b")]
    [InlineData("<script>")]
    [InlineData("a,b")]
    [InlineData("")]
    public async Task Correlation_MalformedClientId_Replaced(string clientId)
    {
        using var response = await SendAsync(clientId);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(cancellation);

        var returned = ResponseHeader(response, CorrelationHeader);
        Assert.Matches("^[0-9a-f]{32}$", returned);
        Assert.Equal(returned, echoed!.Header(CorrelationHeader));
    }

    [Fact]
    public async Task Correlation_MalformedClientId_SameInGatewayLogs()
    {
        using var response = await SendAsync("has space");

        var returned = ResponseHeader(response, CorrelationHeader);
        var forwarderLogs = gateway.Logs.Entries.Where(entry =>
            entry.Category.StartsWith("Yarp.ReverseProxy.Forwarder", StringComparison.Ordinal) && entry.CorrelationId == returned);
        Assert.NotEmpty(forwarderLogs);
    }

    [Fact]
    public async Task Correlation_TwoClientIds_Replaced()
    {
        var response = await gateway.CreateRawClient().GetAsync("/api/echo/items", $"{CorrelationHeader}: first", $"{CorrelationHeader}: second");

        Assert.Matches("^[0-9a-f]{32}$", response.Headers[CorrelationHeader]);
        Assert.Contains($"\"{response.Headers[CorrelationHeader]}\"", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correlation_NoClientId_Generated()
    {
        using var first = await SendAsync(clientId: null);
        using var second = await SendAsync(clientId: null);

        var firstId = ResponseHeader(first, CorrelationHeader);
        Assert.Matches("^[0-9a-f]{32}$", firstId);
        Assert.NotEqual(firstId, ResponseHeader(second, CorrelationHeader));
    }

    [Fact]
    public async Task Correlation_TraceId_MatchesForwardedTrace()
    {
        using var response = await SendAsync(clientId: null);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(cancellation);

        var traceId = ResponseHeader(response, TraceHeader);
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.Equal(traceId, echoed!.Header("traceparent")!.Split('-')[1]);
    }

    [Fact]
    public async Task Correlation_RejectedPath_IdsReturned()
    {
        var response = await gateway.CreateRawClient().GetAsync("/api/echo/%2e%2e/identity", $"{CorrelationHeader}: client-42");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("client-42", response.Headers[CorrelationHeader]);
        Assert.Matches("^[0-9a-f]{32}$", response.Headers[TraceHeader]);
    }

    [Fact]
    public async Task Correlation_UnknownRoute_IdsReturned()
    {
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/api/unknown/items", cancellation);

        Assert.Matches("^[0-9a-f]{32}$", ResponseHeader(response, CorrelationHeader));
        Assert.Matches("^[0-9a-f]{32}$", ResponseHeader(response, TraceHeader));
    }

    private async Task<HttpResponseMessage> SendAsync(string? clientId)
    {
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/echo/items");
        if (clientId is not null)
        {
            request.Headers.TryAddWithoutValidation(CorrelationHeader, clientId);
        }

        var response = await client.SendAsync(request, cancellation);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static string ResponseHeader(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues(name));
}
