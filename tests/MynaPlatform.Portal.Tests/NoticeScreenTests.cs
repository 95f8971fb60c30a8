using Microsoft.Playwright;
using MynaPlatform.Platform.Testing;
using MynaPlatform.Portal.Notices;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class NoticeScreenTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task Inbox_SearchOpenArchive_Works()
    {
        var card = await platform.IssueCardAsync();
        var sender = await TestAgency.RegisterAsync(platform, "日本年金機構");
        var recipient = await sender.EnrollAsync(card);
        await sender.PushAsync(recipient, "住民税の納付のお知らせ", "令和8年度の住民税の**納付書**をお送りします。", "tax", "納付書.pdf");
        await sender.PushAsync(recipient, "ねんきん定期便", "これまでの年金加入記録をお知らせします。", "pension");
        var page = await browser.LoggedInPageAsync(platform, card);

        Assert.Contains("未読 2 件", await page.Locator("main").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "お知らせ", Exact = true }).ClickAsync();
        Assert.Equal(2, await page.Locator(".notice-list__item").CountAsync());

        // A two-character word, which full-text trigram indexes would miss.
        await page.GetByLabel("キーワード").FillAsync("年金");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索する" }).ClickAsync();
        Assert.Equal(1, await page.Locator(".notice-list__item").CountAsync());
        await page.GetByLabel("キーワード").FillAsync("");
        await page.GetByLabel("分類").SelectOptionAsync("tax");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索する" }).ClickAsync();
        Assert.Equal(1, await page.Locator(".notice-list__item").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "【未読】住民税の納付のお知らせ" }).ClickAsync();
        Assert.Equal("住民税の納付のお知らせ", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("納付書", await page.Locator(".notice-body strong").InnerTextAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "納付書.pdf", Exact = false }).ClickAsync());
        Assert.Equal("納付書.pdf", download.SuggestedFilename);
        var saved = Path.Combine(platform.DataDirectory, $"download-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal(TestAgency.Pdf("納付書.pdf"), await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken));

        await page.GetByRole(AriaRole.Button, new() { Name = "保管する" }).ClickAsync();
        Assert.Equal(1, await page.Locator(".notice-list__item").CountAsync());
        Assert.Contains("未読 1 件", await page.Locator(".unread-summary").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "保管したお知らせを見る" }).ClickAsync();
        Assert.Contains("住民税の納付のお知らせ", await page.Locator(".notice-list").InnerTextAsync());
    }

    [Fact]
    public async Task Inbox_MarkupInTitle_ShownAsText()
    {
        const string Title = "<b id=\"injected\">太字</b> & \"引用\" のお知らせ";
        var card = await platform.IssueCardAsync();
        var sender = await TestAgency.RegisterAsync(platform, "杉並区");
        await sender.PushAsync(await sender.EnrollAsync(card), Title, "本文です。", "tax");
        var page = await browser.LoggedInPageAsync(platform, card);

        var response = await page.GotoAsync("/notices");
        var html = await response!.TextAsync();

        Assert.Equal(0, await page.Locator("#injected").CountAsync());
        Assert.Contains(Title, await page.Locator(".notice-list").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("&lt;b id=&quot;injected&quot;&gt;太字&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_PastLastPage_LinksToLastPage()
    {
        var card = await platform.IssueCardAsync();
        var sender = await TestAgency.RegisterAsync(platform, "品川区");
        await sender.PushAsync(await sender.EnrollAsync(card), "がん検診のご案内", "今年度のがん検診についてお知らせします。", "health");
        var page = await browser.LoggedInPageAsync(platform, card);

        await page.GotoAsync($"{PortalPages.Notices.Path}?page=5");

        Assert.Contains("このページにはお知らせがありません (全 1 ページ)", await page.Locator(".past-last-page").InnerTextAsync());
        Assert.Equal(PortalPages.Notices.Path, await page.GetByRole(AriaRole.Link, new() { Name = "前のページ" }).GetAttributeAsync("href"));
        await page.GetByRole(AriaRole.Link, new() { Name = "最後のページを表示する" }).ClickAsync();
        Assert.Equal(1, await page.Locator(".notice-list__item").CountAsync());

        await page.GotoAsync($"{PortalPages.Notices.Path}?page=abc");
        Assert.Contains("ページ番号は 1 以上の整数です", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Equal(1, await page.Locator(".notice-list__item").CountAsync());
    }

    [Fact]
    public async Task Inbox_EditedAddress_ExplainsInScreenWords()
    {
        var card = await platform.IssueCardAsync();
        var sender = await TestAgency.RegisterAsync(platform, "大田区");
        await sender.PushAsync(await sender.EnrollAsync(card), "国民健康保険料のお知らせ", "保険料の額をお知らせします。", "tax");
        var page = await browser.LoggedInPageAsync(platform, card);

        await page.GotoAsync($"{PortalPages.Notices.Path}?read=maybe");
        Assert.Contains("既読・未読は一覧から選んでください", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Equal(1, await page.Locator(".notice-list__item").CountAsync());

        await page.GotoAsync($"{PortalPages.Notices.Path}?archived=maybe");
        Assert.Contains("受信したお知らせを表示しています", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Equal(1, await page.Locator(".notice-list__item").CountAsync());

        await page.GotoAsync($"{PortalPages.Notices.Path}?q={new string('税', InboxFilter.MaxSearchLength + 1)}");
        var tooLong = await page.Locator("[role=alert]").InnerTextAsync();
        Assert.Contains($"キーワードは {InboxFilter.MaxSearchLength} 文字以内", tooLong);
        Assert.DoesNotContain("q", tooLong);
    }

    [Fact]
    public async Task Inbox_UnknownCategory_AsksForList()
    {
        var page = await browser.LoggedInPageAsync(platform, await platform.IssueCardAsync());

        await page.GotoAsync($"{PortalPages.Notices.Path}?category=bogus");

        var alert = await page.Locator("[role=alert]").InnerTextAsync();
        Assert.Contains("分類は一覧から選んでください", alert);
        Assert.DoesNotContain("tax", alert);
    }

    [Fact]
    public async Task NoticeOfOtherPerson_NotFound()
    {
        var owner = await platform.IssueCardAsync();
        var sender = await TestAgency.RegisterAsync(platform, "江東区");
        var noticeId = await sender.PushAsync(await sender.EnrollAsync(owner), "保育園の入園のご案内", "入園の手続きについてお知らせします。", "childcare");
        var other = await browser.LoggedInPageAsync(platform, await platform.IssueCardAsync());

        var response = await other.GotoAsync($"{PortalPages.NoticeView.Path}?id={noticeId}");

        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain("保育園", await other.Locator("main").InnerTextAsync());
    }
}
