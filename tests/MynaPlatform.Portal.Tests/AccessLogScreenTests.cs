using System.Text;
using Microsoft.Playwright;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class AccessLogScreenTests(PlatformFixture platform, BrowserFixture browser)
{
    private const string ReadBackPurpose = "提供した自己情報の確認";
    private const string AllowanceTask = "児童手当法による児童手当の支給に関する事務";

    [Fact]
    public async Task AccessLog_ReadBackFiltersCsv_Work()
    {
        var card = await platform.IssueCardAsync();
        var city = await TestAgency.RegisterAsync(platform, "江東区", "self-info:write", "self-info:read", "access-log:write");
        var pension = await TestAgency.RegisterAsync(platform, "日本年金機構", "access-log:write");
        var recipient = await city.EnrollAsync(card);
        await city.PublishRecordAsync(recipient, "allowance-2026", "子ども・子育て", "児童手当", ("支給月額", "10000", "円"));
        await city.ReadBackRecordAsync("allowance-2026");
        // 00:30 on 1 April in Japan is still 31 March in UTC, so the period filter must use Japan dates.
        await city.PushExchangeAsync(recipient, pension, new DateTimeOffset(2025, 3, 31, 15, 30, 0, TimeSpan.Zero), AllowanceTask, "地方税関係情報");
        var page = await browser.LoggedInPageAsync(platform, card);

        await page.GetByRole(AriaRole.Link, new() { Name = "やりとり履歴", Exact = true }).ClickAsync();
        // The enrollment and the read-back reach the log through the message broker.
        await Polling.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("li.log-record").CountAsync() == 3;
        }, TimeSpan.FromSeconds(30), "the enrollment, the read-back and the exchange are listed");

        var readBack = page.Locator("li.log-record", new() { HasText = ReadBackPurpose });
        var readBackText = await readBack.InnerTextAsync();
        Assert.Contains("江東区 が 児童手当 を閲覧", readBackText);
        Assert.Contains("支給月額", readBackText);
        Assert.Contains("あなたの情報", readBackText);
        Assert.DoesNotContain("10000", readBackText);
        var exchange = await page.Locator("li.log-record", new() { HasText = "情報連携" }).InnerTextAsync();
        Assert.Contains("江東区 が 日本年金機構 に照会", exchange);
        Assert.Contains("2025年4月1日 0時30分", exchange);
        Assert.Contains(AllowanceTask, exchange);
        Assert.Contains("地方税関係情報", exchange);
        var verify = await page.Locator("section.verify").InnerTextAsync();
        Assert.Contains("./myna-log verify", verify);
        Assert.Contains("HISTORY_TRUNCATED", verify);
        await page.AssertAccessibleAsync("access-log-records");
        await page.SetViewportSizeAsync(320, 640);
        await page.AssertUsableAtNarrowWidthAsync("access-log-records");
        await page.ScreenshotAsync("access-log-records-320px");
        await page.SetViewportSizeAsync(1280, 800);

        var csv = await DownloadCsvAsync(page);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var csvText = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.Contains(ReadBackPurpose, csvText);
        Assert.Equal(4, csvText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var csvLink = await page.GetByRole(AriaRole.Link, new() { Name = "CSV ファイルで保存する", Exact = false }).GetAttributeAsync("href");
        var csvResponse = await page.APIRequest.GetAsync(csvLink!);
        Assert.Equal("text/csv; charset=utf-8", csvResponse.Headers["content-type"]);

        await page.GetByLabel("機関").SelectOptionAsync(pension.ClientId);
        await page.GetByRole(AriaRole.Button, new() { Name = "検索する" }).ClickAsync();
        Assert.Equal(1, await page.Locator("li.log-record").CountAsync());
        Assert.Contains("情報連携", await page.Locator("li.log-record").InnerTextAsync());

        await page.GetByLabel("機関").SelectOptionAsync("");
        await page.GetByLabel("事務・目的").FillAsync("読み戻し");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索する" }).ClickAsync();
        Assert.Equal(1, await page.Locator("li.log-record").CountAsync());
        Assert.Contains(ReadBackPurpose, await page.Locator("li.log-record").InnerTextAsync());
        var filteredCsv = Encoding.UTF8.GetString(await DownloadCsvAsync(page));
        Assert.Equal(2, filteredCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        await page.GotoAsync($"{PortalPages.AccessLog.Path}?from=2025-04-01&to=2025-04-01");
        Assert.Equal(1, await page.Locator("li.log-record").CountAsync());
        Assert.Contains("情報連携", await page.Locator("li.log-record").InnerTextAsync());

        await page.GotoAsync($"{PortalPages.AccessLog.Path}?page=9");
        Assert.Contains("このページには記録がありません (全 1 ページ)", await page.Locator(".past-last-page").InnerTextAsync());
        Assert.Equal(PortalPages.AccessLog.Path, await page.GetByRole(AriaRole.Link, new() { Name = "前のページ" }).GetAttributeAsync("href"));
        await page.GetByRole(AriaRole.Link, new() { Name = "最後のページを表示する" }).ClickAsync();
        Assert.True(await page.Locator("li.log-record").CountAsync() > 0, "The first page shows no record.");
        await page.GotoAsync($"{PortalPages.AccessLog.Path}?page=0");
        Assert.Contains("ページ番号は 1 以上の整数です", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.True(await page.Locator("li.log-record").CountAsync() > 0, "The first page shows no record after page=0.");
        await page.GotoAsync($"{PortalPages.AccessLog.Path}?task={new string('事', 300)}");
        var taskAlert = await page.Locator("[role=alert]").InnerTextAsync();
        Assert.Contains("文字以内", taskAlert);
        Assert.DoesNotContain("task", taskAlert);

        await page.GotoAsync($"{PortalPages.AccessLog.Path}?from=2025-04-02&to=2025-04-01");
        var alert = await page.Locator("[role=alert]").InnerTextAsync();
        Assert.Contains("期間の終わりの日付", alert);
        Assert.DoesNotContain("from", alert);

        await page.GotoAsync($"{PortalPages.AccessLog.Path}?agency=zzz");
        Assert.Contains("機関は一覧から選んでください", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#agency option[value=zzz]").CountAsync());
    }

    private static async Task<byte[]> DownloadCsvAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV ファイルで保存する", Exact = false }).ClickAsync());
        Assert.StartsWith("access-log-", download.SuggestedFilename);
        Assert.EndsWith(".csv", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var content = new MemoryStream();
        await stream.CopyToAsync(content, TestContext.Current.CancellationToken);
        return content.ToArray();
    }
}
