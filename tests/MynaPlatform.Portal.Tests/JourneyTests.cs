using System.Net;
using Microsoft.Playwright;
using MynaPlatform.Platform.Testing;
using MynaPlatform.Portal.Sessions;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class JourneyTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task Journey_LoginMenuAccountSessionsLogout_Works()
    {
        var card = await platform.IssueCardAsync();
        var page = await browser.OpenPageAsync(platform);

        await page.GotoAsync("/");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        Assert.Equal("/", QueryValue(page.Url, "returnUrl"));
        await page.LoginWithCardAsync(platform, card);

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.Equal("メニュー", await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "利用者情報" }).First.ClickAsync();
        await page.GetByLabel("ニックネーム (30 文字まで)").FillAsync("みらい");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        Assert.Contains("変更しました。", await page.Locator("main").InnerTextAsync());
        Assert.Contains("みらい", await page.Locator("dl.details").InnerTextAsync());
        await page.GetByLabel("ニックネーム (30 文字まで)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        Assert.Contains("未設定", await page.Locator("dl.details").InnerTextAsync());

        // A second session of the same person, from the card tool, which the person then ends here.
        var cardLogin = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(cardLogin.ExitCode == 0, cardLogin.Error);
        await page.GotoAsync("/sessions");
        var current = page.Locator("tbody tr", new() { HasText = "いま使っている端末" });
        Assert.Equal(1, await current.CountAsync());
        Assert.Contains("マイナポータル", await current.InnerTextAsync());
        Assert.Equal(2, await page.Locator("tbody tr").CountAsync());
        await page.Locator("tbody tr", new() { HasText = "myna-card" }).GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains("その端末のログインを終えました。", await page.Locator("main").InnerTextAsync());
        Assert.Equal(1, await page.Locator("tbody tr").CountAsync());

        await page.GotoAsync("/login-history");
        Assert.True(await page.Locator("tbody tr").CountAsync() >= 1, "the login history shows no login");

        await page.GotoAsync("/logout");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウトする" }).ClickAsync();
        Assert.Contains("ログアウトしました。", await page.Locator("main").InnerTextAsync());

        await page.GotoAsync("/account");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Session_Cookie_HoldsNoToken()
    {
        var page = await browser.LoggedInPageAsync(platform, await platform.IssueCardAsync());

        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, cookie => cookie.Name == PortalSessionRegistration.CookieName);
        Assert.True(session.HttpOnly, "the session cookie is readable by script");
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.False(session.Secure, "over plain HTTP the cookie cannot be Secure");

        // A data-protected ticket key is a few hundred characters; a JWT inside would be far longer and start with eyJ.
        Assert.True(session.Value.Length < 600, $"the session cookie is {session.Value.Length} characters long");
        Assert.DoesNotContain(cookies, cookie => cookie.Value.Contains("eyJ", StringComparison.Ordinal));

        var response = await page.GotoAsync("/account");
        var headers = await response!.AllHeadersAsync();
        Assert.Contains("script-src 'none'", headers["content-security-policy"]);
        Assert.Equal("no-store", headers["cache-control"]);
    }

    [Fact]
    public async Task Forms_WithoutAntiforgeryToken_Rejected()
    {
        var page = await browser.LoggedInPageAsync(platform, await platform.IssueCardAsync());

        // The browser sends its session cookie, but a form posted from elsewhere carries no antiforgery token.
        var response = await page.APIRequest.PostAsync("/logout", new() { Form = page.Context.APIRequest.CreateFormData() });
        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);

        await page.GotoAsync("/account");
        Assert.Equal("/account", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task UnknownPage_ShowsJapaneseNotFound()
    {
        var page = await browser.OpenPageAsync(platform);

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.Equal("ページが見つかりません。", await page.Locator("h1").InnerTextAsync());
    }

    [Theory]
    [InlineData("id=not-a-uuid&position=1")]
    [InlineData("id=3f2b6c1e-8a4d-4e0f-9b7a-2c5d1e6f7a80&position=abc")]
    [InlineData("position=1")]
    public async Task AttachmentLink_Edited_ShowsNotFound(string query)
    {
        var page = await browser.LoggedInPageAsync(platform, await platform.IssueCardAsync());

        var response = await page.GotoAsync($"/notices/attachment?{query}");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.Equal("ページが見つかりません。", await page.Locator("h1").InnerTextAsync());
    }

    [Theory]
    [InlineData("PUT", "/notices")]
    [InlineData("DELETE", "/")]
    public async Task OtherMethod_ShowsJapaneseBadRequest(string method, string path)
    {
        var page = await browser.LoggedInPageAsync(platform, await platform.IssueCardAsync());

        var response = await page.APIRequest.FetchAsync(path, new() { Method = method });

        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("<h1>画面の操作を受け付けられませんでした。</h1>", await response.TextAsync(), StringComparison.Ordinal);
    }

    private static string? QueryValue(string url, string name) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)[name];
}
