using Microsoft.Playwright;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

/// <summary>
/// Visits every screen in the portal's page list: the accessibility check, a screenshot, and the
/// same at 320 px width. The login page is checked before login, in both of its states.
/// </summary>
public sealed class ScreenTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task EveryScreen_Accessible_AndUsableAt320Px()
    {
        var card = await platform.IssueCardAsync();
        var sender = await TestAgency.RegisterAsync(platform, "国税庁");
        var recipient = await sender.EnrollAsync(card);
        var noticeId = await sender.PushAsync(recipient, "確定申告のお知らせ", "申告の期限は**3月15日**です。", "tax", "申告の手引き.pdf");
        await sender.PublishRecordAsync(recipient, "income-2025", "税・所得・口座", "税・所得", ("課税所得", "3500000", "円"), ("住民税額", "215000", "円"));
        var page = await browser.OpenPageAsync(platform);

        await page.GotoAsync(PortalPages.Login.Path);
        await CheckScreenAsync(page, "login-start");

        // The waiting page is checked without the automatic refresh. With it, the page carries a
        // meta refresh, which axe reports even though the person chose it before the page appeared
        // (the "turn off" option of WCAG 2.2.1). The journey test covers the refreshing page.
        await page.GetByLabel("自動で次の画面に進む", new() { Exact = false }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ログインを始める" }).ClickAsync();
        await CheckScreenAsync(page, "login-code");
        await page.SetViewportSizeAsync(1280, 800);
        await page.GetByRole(AriaRole.Button, new() { Name = "やめる" }).ClickAsync();

        await page.LoginWithCardAsync(platform, card, autoRefresh: false);

        foreach (var screen in PortalPages.All.Where(screen => screen != PortalPages.Login))
        {
            var response = await page.GotoAsync(ExamplePath(screen, noticeId));
            Assert.True(response!.Ok, $"{screen.Path} returned {response.Status}");
            Assert.Contains(screen.Title, await page.TitleAsync());
            await CheckScreenAsync(page, screen.Path.Trim('/').Replace('/', '-') is { Length: > 0 } name ? name : "menu");
            await page.SetViewportSizeAsync(1280, 800);
        }

        await page.GotoAsync(PortalPages.Email.Path);
        await page.GetByLabel("新しいメールアドレス").FillAsync("mirai@example.jp");
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        await CheckScreenAsync(page, "account-email-step-up");
        await page.SetViewportSizeAsync(1280, 800);

        var code = (await page.Locator("#step-up-code").InnerTextAsync()).Trim();
        var approval = await platform.RunCardAsync("step-up", "--card", card, "--pin", "1234", "--code", code);
        Assert.True(approval.ExitCode == 0, $"myna-card step-up failed: {approval.Error}");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        Assert.Equal(PortalPages.Account.Path, new Uri(page.Url).AbsolutePath);
        Assert.Contains("mirai@example.jp", await page.Locator("dl.details").InnerTextAsync());
    }

    /// <summary>The path of a screen, with the query that a screen showing one item or category needs.</summary>
    private static string ExamplePath(PortalPage screen, Guid noticeId) =>
        screen == PortalPages.NoticeView ? $"{screen.Path}?id={noticeId}"
        : screen == PortalPages.SelfInfoRecords ? $"{screen.Path}?group={Uri.EscapeDataString("税・所得・口座")}&name={Uri.EscapeDataString("税・所得")}"
        : screen.Path;

    private static async Task CheckScreenAsync(IPage page, string name)
    {
        await page.AssertAccessibleAsync(name);
        await page.ScreenshotAsync(name);

        await page.SetViewportSizeAsync(320, 640);
        await page.AssertUsableAtNarrowWidthAsync(name);
        await page.ScreenshotAsync($"{name}-320px");
    }
}
