using Microsoft.Playwright;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

/// <summary>Tests that move the portal's clock. They run alone, so the clock jump reaches no other test's session.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PortalClockCollection
{
    public const string Name = "portal clock";
}

[Collection(PortalClockCollection.Name)]
public sealed class LoginCodeExpiryTests(PlatformFixture platform, BrowserFixture browser)
{
    /// <summary>An offset longer than identity's default device code lifetime of 10 minutes.</summary>
    private static readonly TimeSpan PastCodeExpiry = TimeSpan.FromMinutes(11);

    [Fact]
    public async Task ExpiredCode_ShowsMessageThenNewCode()
    {
        var page = await browser.OpenPageAsync(platform);
        await page.GotoAsync("/login");
        await page.GetByLabel("自動で次の画面に進む", new() { Exact = false }).SetCheckedAsync(false);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログインを始める" }).ClickAsync();
        var expiredCode = await PortalBrowser.UserCodeAsync(page);

        await PlatformFixture.WriteClockOffsetAsync(platform.PortalClockFile, PastCodeExpiry);
        try
        {
            // Each load polls once, and shows the code until the portal reads the moved clock.
            await Polling.UntilAsync(async () =>
            {
                await page.GotoAsync("/login");
                return await page.Locator("#user-code").CountAsync() == 0;
            }, TimeSpan.FromSeconds(20), "the login page stops showing the expired code");
        }
        finally
        {
            await PlatformFixture.WriteClockOffsetAsync(platform.PortalClockFile, TimeSpan.Zero);
        }

        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("ログイン用コードの有効期限が切れました。", main);
        Assert.Contains("新しいコードでやり直してください", main);

        // Until the portal reads the restored clock, a new code also looks expired to it.
        await Polling.UntilAsync(async () =>
        {
            await page.GotoAsync("/login");
            await page.GetByRole(AriaRole.Button, new() { Name = "ログインを始める" }).ClickAsync();
            return await page.Locator("#user-code").CountAsync() == 1;
        }, TimeSpan.FromSeconds(20), "the login page shows a new code");
        Assert.NotEqual(expiredCode, await PortalBrowser.UserCodeAsync(page));
    }
}
