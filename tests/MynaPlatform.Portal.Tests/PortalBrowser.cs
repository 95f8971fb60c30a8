using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using MynaPlatform.Hosting;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

/// <summary>Opens browser pages on the portal through the gateway and logs them in with a virtual card.</summary>
public static class PortalBrowser
{
    /// <summary>Maximum wait for the login page to notice the card's approval. The page refreshes every 5 s.</summary>
    private static readonly TimeSpan ApprovalTimeout = TimeSpan.FromSeconds(30);

    public static async Task<IPage> OpenPageAsync(this BrowserFixture browser, PlatformFixture platform, int width = 1280)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.App.GetEndpoint(ResourceNames.Gateway, ResourceNames.HttpEndpoint).AbsoluteUri,
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            Locale = "ja-JP",
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Starts the login on the page the browser is on (the login page, possibly after a redirect)
    /// and approves the code with <c>myna-card login --code</c>. With <paramref name="autoRefresh"/>
    /// it waits until the page's own refresh leaves the login page; without it, it presses the
    /// button that continues the login.
    /// </summary>
    public static async Task LoginWithCardAsync(this IPage page, PlatformFixture platform, string card, bool autoRefresh = true, string pin = "1234")
    {
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await page.GetByLabel("自動で次の画面に進む", new() { Exact = false }).SetCheckedAsync(autoRefresh);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログインを始める" }).ClickAsync();
        var code = await UserCodeAsync(page);
        Assert.Equal(autoRefresh ? 1 : 0, await page.Locator("meta[http-equiv='refresh']").CountAsync());

        var approval = await platform.RunCardAsync("login", "--card", card, "--pin", pin, "--code", code);
        Assert.True(approval.ExitCode == 0, $"myna-card login --code failed: {approval.Error}");

        if (!autoRefresh)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "ログインを続ける" }).ClickAsync();
        }

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/login", new() { Timeout = (float)ApprovalTimeout.TotalMilliseconds });
    }

    public static async Task<string> UserCodeAsync(IPage page)
    {
        var code = (await page.Locator("#user-code").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(code), "the login page shows no user code");
        return code;
    }

    public static async Task<IPage> LoggedInPageAsync(this BrowserFixture browser, PlatformFixture platform, string card, int width = 1280)
    {
        var page = await browser.OpenPageAsync(platform, width);
        await page.GotoAsync("/login");
        await page.LoginWithCardAsync(platform, card);
        return page;
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"), FullPage = true });
}
