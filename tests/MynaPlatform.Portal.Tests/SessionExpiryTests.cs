using System.Net.Http.Json;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class SessionExpiryTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task EndedSession_ReturnsToLoginThenPage()
    {
        var card = await platform.IssueCardAsync();
        var page = await browser.LoggedInPageAsync(platform, card);
        await page.GotoAsync("/login-history");

        await EndPortalSessionsAsync(card);

        // Identity rejects the ended session's token at once; the gateway may take a moment to hear of it.
        await Polling.UntilAsync(async () =>
        {
            await page.GotoAsync("/login-history");
            return new Uri(page.Url).AbsolutePath == "/login";
        }, TimeSpan.FromSeconds(20), "the portal sends the person with an ended session to the login page");

        Assert.Contains("ログインが終わりました。", await page.Locator("main").InnerTextAsync());
        await page.LoginWithCardAsync(platform, card);
        Assert.Equal("/login-history", new Uri(page.Url).AbsolutePath);
    }

    /// <summary>Ends every portal session of the card's person, as the person would from another device.</summary>
    private async Task EndPortalSessionsAsync(string card)
    {
        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(login.ExitCode == 0, login.Error);

        using var gateway = platform.CreateGatewayClient();
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me/sessions").WithBearer(login.LastLine);
        using var listed = await gateway.SendAsync(list, TestContext.Current.CancellationToken);
        var sessions = await listed.Content.ReadFromJsonAsync<List<SessionRow>>(TestContext.Current.CancellationToken);

        var portalSessions = sessions!.Where(session => session.ClientId == TokenClient.PortalClientId).ToList();
        Assert.NotEmpty(portalSessions);
        foreach (var session in portalSessions)
        {
            using var end = new HttpRequestMessage(HttpMethod.Delete, $"/api/identity/me/sessions/{session.SessionId}").WithBearer(login.LastLine);
            using var ended = await gateway.SendAsync(end, TestContext.Current.CancellationToken);
            Assert.True(ended.IsSuccessStatusCode, $"ending session failed with {(int)ended.StatusCode}");
        }
    }

    private sealed record SessionRow(string SessionId, string ClientId);
}
