using Microsoft.Playwright;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class SelfInfoScreenTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task SelfInfo_BrowseSearchFlag_Works()
    {
        var card = await platform.IssueCardAsync();
        var agency = await TestAgency.RegisterAsync(platform, "江東区", "self-info:write");
        var recipient = await agency.EnrollAsync(card);
        await agency.PublishRecordAsync(recipient, "allowance-2026", "子ども・子育て", "児童手当", ("支給月額", "10000", "円"));
        await agency.PublishRecordAsync(recipient, "checkup-2026", "健康・医療", "検診", ("検診名", "胃がん検診", null));
        var page = await browser.LoggedInPageAsync(platform, card);

        await page.GetByRole(AriaRole.Link, new() { Name = "あなたの情報", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "児童手当" }).ClickAsync();
        Assert.Equal("児童手当", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("10,000 円", await page.Locator("main table").InnerTextAsync());
        Assert.Contains("2026年4月1日 時点の情報", await page.Locator("section.record").InnerTextAsync());

        // A two-character word, as people search.
        await page.GotoAsync(PortalPages.SelfInfo.Path);
        await page.GetByLabel("キーワード").FillAsync("検診");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索する" }).ClickAsync();
        Assert.Equal(1, await page.Locator("section.record").CountAsync());
        Assert.Contains("胃がん検診", await page.Locator("section.record").InnerTextAsync());
        Assert.Equal("検診", await page.GetByLabel("キーワード").InputValueAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "自分の情報ではない", Exact = false }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "お知らせする" }).ClickAsync();
        var afterFlag = await page.Locator("main").InnerTextAsync();
        Assert.Contains("提供した機関が確認します", afterFlag);
        Assert.DoesNotContain("胃がん検診", afterFlag);

        await page.GotoAsync($"{PortalPages.SelfInfoRecords.Path}?group={Uri.EscapeDataString("健康・医療")}&name={Uri.EscapeDataString("検診")}");
        var record = await page.Locator("section.record").InnerTextAsync();
        Assert.Contains("確認しています", record);
        Assert.DoesNotContain("胃がん検診", record);
    }

    [Fact]
    public async Task NotMine_UnknownRecord_ShowsMessage()
    {
        var card = await platform.IssueCardAsync();
        var agency = await TestAgency.RegisterAsync(platform, "品川区", "self-info:write");
        await agency.PublishRecordAsync(await agency.EnrollAsync(card), "checkup-unknown", "健康・医療", "検診", ("検診名", "大腸がん検診", null));
        var page = await browser.LoggedInPageAsync(platform, card);
        await page.GotoAsync($"{PortalPages.SelfInfoRecords.Path}?group={Uri.EscapeDataString("健康・医療")}&name={Uri.EscapeDataString("検診")}");

        // As if the record had gone since the page was shown: the form names a record that does not exist.
        await page.GetByRole(AriaRole.Link, new() { Name = "自分の情報ではない", Exact = false }).ClickAsync();
        await page.Locator("input[name=recordId]").EvaluateAsync($"input => input.value = '{Guid.NewGuid()}'");
        await page.GetByRole(AriaRole.Button, new() { Name = "お知らせする" }).ClickAsync();

        Assert.Contains("その情報は見つかりませんでした。", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Contains("大腸がん検診", await page.Locator("section.record").InnerTextAsync());
    }

    [Fact]
    public async Task NotMine_Cancelled_KeepsRecord()
    {
        var card = await platform.IssueCardAsync();
        var agency = await TestAgency.RegisterAsync(platform, "目黒区", "self-info:write");
        await agency.PublishRecordAsync(await agency.EnrollAsync(card), "checkup-cancel", "健康・医療", "検診", ("検診名", "肺がん検診", null));
        var page = await browser.LoggedInPageAsync(platform, card);
        await page.GotoAsync($"{PortalPages.SelfInfoRecords.Path}?group={Uri.EscapeDataString("健康・医療")}&name={Uri.EscapeDataString("検診")}");

        await page.GetByRole(AriaRole.Link, new() { Name = "自分の情報ではない", Exact = false }).ClickAsync();
        var question = await page.Locator("section.record").InnerTextAsync();
        Assert.Contains("目黒区 にお知らせしますか", question);
        Assert.Contains("肺がん検診", question);

        await page.GetByRole(AriaRole.Link, new() { Name = "やめる" }).ClickAsync();
        await page.ReloadAsync();
        var record = await page.Locator("section.record").InnerTextAsync();
        Assert.Contains("肺がん検診", record);
        Assert.DoesNotContain("確認しています", record);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "お知らせする" }).CountAsync());
    }

    [Fact]
    public async Task NotMine_ConfirmUnknownRecord_ShowsMessage()
    {
        var page = await browser.LoggedInPageAsync(platform, await platform.IssueCardAsync());

        await page.GotoAsync($"{PortalPages.SelfInfoRecords.Path}?confirm={Guid.NewGuid()}");

        Assert.Contains("その情報は見つかりませんでした。", await page.Locator("[role=alert]").InnerTextAsync());
    }

    [Fact]
    public async Task Records_EditedAddress_ExplainsInScreenWords()
    {
        var page = await browser.LoggedInPageAsync(platform, await platform.IssueCardAsync());

        await page.GotoAsync($"{PortalPages.SelfInfoRecords.Path}?group=bogus&name=bogus");
        var unknownCategory = await page.Locator("[role=alert]").InnerTextAsync();
        Assert.Contains("一覧から分類を選んでください", unknownCategory);
        Assert.DoesNotContain("group", unknownCategory);

        await page.GotoAsync($"{PortalPages.SelfInfoRecords.Path}?q={new string('検', 500)}");
        var tooLong = await page.Locator("[role=alert]").InnerTextAsync();
        Assert.Contains("1〜100 文字", tooLong);
        Assert.Equal(1, await page.GetByRole(AriaRole.Search).CountAsync());
        Assert.DoesNotContain("q:", tooLong);
        Assert.True((await page.Locator("h1").InnerTextAsync()).Length < 50, "The heading repeats the whole search text.");
    }
}
