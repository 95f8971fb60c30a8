using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using MynaPlatform.Authentication;
using Xunit;

namespace MynaPlatform.Gateway.Tests;

/// <summary>
/// Runs a gateway of its own with small limits, so that exhausting one partition cannot disturb
/// the other tests, which share the address 127.0.0.1.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int PersonLimit = 3;
    private const int ClientLimit = 5;
    private const int AnonymousLimit = 4;
    private const string Service = "limited";
    private const string PublicPath = $"/api/{Service}/public/ping";
    private const string PrivatePath = $"/api/{Service}/private/ping";

    private EchoServer? echo;
    private TestTokenIssuer? issuer;
    private GatewayFactory? gateway;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        echo = await EchoServer.StartAsync(Service);
        issuer = await TestTokenIssuer.StartAsync();
        gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Authentication:Issuer"] = TestTokenIssuer.Issuer,
            ["Authentication:JwksUrl"] = issuer.JwksUrl.AbsoluteUri,
            [$"Gateway:Services:{Service}"] = null,
            [$"services:{Service}:http:0"] = echo.Address.ToString(),
            ["Gateway:Authentication:AnonymousPaths:100"] = $"/api/{Service}/public/**",
            ["Gateway:RateLimits:PersonPermitLimit"] = $"{PersonLimit}",
            ["Gateway:RateLimits:ClientPermitLimit"] = $"{ClientLimit}",
            ["Gateway:RateLimits:AnonymousPermitLimit"] = $"{AnonymousLimit}",
            ["Gateway:RateLimits:Window"] = "00:01:00",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        },
        new CapturedLogs());
        gateway.UseKestrel();
        gateway.StartServer();

        var address = gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }

        if (issuer is not null)
        {
            await issuer.DisposeAsync();
        }

        if (echo is not null)
        {
            await echo.DisposeAsync();
        }
    }

    [Fact]
    public async Task PersonToken_OverLimit_Returns429ForThatPerson()
    {
        var person = Token(PrincipalTypes.Person, "person-a");

        await AssertAdmittedAsync(PrivatePath, person, PersonLimit);
        await AssertRejectedAsync(PrivatePath, person);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(PrivatePath, Token(PrincipalTypes.Person, "person-b")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(PrivatePath, Token(PrincipalTypes.Client, "person-a")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(PublicPath, token: null));
    }

    [Fact]
    public async Task ClientToken_OverLimit_Returns429ForThatClient()
    {
        var agency = Token(PrincipalTypes.Client, "agency-a");

        await AssertAdmittedAsync(PrivatePath, agency, ClientLimit);
        await AssertRejectedAsync(PrivatePath, agency);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(PrivatePath, Token(PrincipalTypes.Client, "agency-b")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(PrivatePath, Token(PrincipalTypes.Person, "agency-a")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(PublicPath, token: null));
    }

    [Fact]
    public async Task AnonymousRoute_OverLimit_Returns429ByAddress()
    {
        await AssertAdmittedAsync(PublicPath, token: null, AnonymousLimit);
        await AssertRejectedAsync(PublicPath, token: null);

        // A token moves the request out of the address's partition, on any route.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(PublicPath, Token(PrincipalTypes.Person, "person-c")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(PrivatePath, Token(PrincipalTypes.Client, "agency-c")));
    }

    private string Token(string principalType, string subject) => issuer!.CreateToken(principalType, subject, Service);

    private async Task AssertAdmittedAsync(string path, string? token, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var status = await StatusAsync(path, token);
            Assert.True(status == HttpStatusCode.OK, $"Request {i} of {count} returned {(int)status}.");
        }
    }

    private async Task AssertRejectedAsync(string path, string? token)
    {
        using var response = await SendAsync(path, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpStatusCode> StatusAsync(string path, string? token)
    {
        using var response = await SendAsync(path, token);
        return response.StatusCode;
    }

    private Task<HttpResponseMessage> SendAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
