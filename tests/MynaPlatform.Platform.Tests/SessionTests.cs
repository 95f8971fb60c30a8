using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace MynaPlatform.Platform.Tests;

public sealed class SessionTests(PlatformFixture platform)
{
    private const string SessionPath = "/api/identity/me/session";
    private const string SessionsPath = "/api/identity/me/sessions";

    /// <summary>A route that only the gateway checks: notices has no such endpoint, so a valid token gets 404.</summary>
    private const string GatewayOnlyPath = "/api/notices/session-probe";

    private static readonly TimeSpan RevocationTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Logout_TokenRejectedByGateway()
    {
        var token = await LoginAsync(await platform.IssueCardAsync());
        using (var before = await SendAsync(HttpMethod.Get, GatewayOnlyPath, token))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        using var logout = await SendAsync(HttpMethod.Post, "/api/identity/me/logout", token);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await Polling.UntilAsync(() => IsRejectedAsync(GatewayOnlyPath, token), RevocationTimeout, "the gateway rejects the token");
        using var identity = await SendAsync(HttpMethod.Get, SessionPath, token);
        Assert.Equal(HttpStatusCode.Unauthorized, identity.StatusCode);
    }

    [Fact]
    public async Task EndSession_OtherSessionRejected()
    {
        var card = await platform.IssueCardAsync();
        var first = await LoginAsync(card);
        var second = await LoginAsync(card);
        var firstSessionId = await SessionIdAsync(first);

        using var listed = await SendAsync(HttpMethod.Get, SessionsPath, second);
        var sessions = await listed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        using var ended = await SendAsync(HttpMethod.Delete, $"{SessionsPath}/{firstSessionId}", second);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(2, sessions.GetArrayLength());
        Assert.Single(sessions.EnumerateArray(), session => session.GetProperty("current").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        await Polling.UntilAsync(() => IsRejectedAsync(GatewayOnlyPath, first), RevocationTimeout, "the gateway rejects the ended session");
        using var stillValid = await SendAsync(HttpMethod.Get, SessionPath, second);
        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
    }

    [Fact]
    public async Task LoginHistory_ListsEachLogin()
    {
        var card = await platform.IssueCardAsync();
        await LoginAsync(card);
        var token = await LoginAsync(card);

        using var response = await SendAsync(HttpMethod.Get, "/api/identity/me/login-history", token);
        var history = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, history.GetArrayLength());
        Assert.All(history.EnumerateArray(), entry => Assert.Equal("succeeded", entry.GetProperty("result").GetString()));
        Assert.All(history.EnumerateArray(), entry => Assert.Equal("myna-card", entry.GetProperty("clientId").GetString()));
    }

    [Theory]
    [InlineData("not-a-session", HttpStatusCode.BadRequest)]
    [InlineData("0123456789abcdef0123456789abcdef", HttpStatusCode.NotFound)]
    public async Task EndSession_BadOrUnknownId_Returns4xx(string sessionId, HttpStatusCode expected)
    {
        var token = await LoginAsync(await platform.IssueCardAsync());

        using var response = await SendAsync(HttpMethod.Delete, $"{SessionsPath}/{sessionId}", token);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> LoginAsync(string card)
    {
        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(login.ExitCode == 0, login.Error);
        return login.LastLine;
    }

    private async Task<string> SessionIdAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Get, SessionPath, token);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return session.GetProperty("sessionId").GetString()!;
    }

    private async Task<bool> IsRejectedAsync(string path, string token)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token);
        return response.StatusCode == HttpStatusCode.Unauthorized;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(method, path).WithBearer(token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
