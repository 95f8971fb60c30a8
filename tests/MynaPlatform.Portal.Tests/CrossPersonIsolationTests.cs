using System.Text;
using Microsoft.Playwright;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

/// <summary>
/// Two persons, each logged in in their own browser context. Person B opens the addresses that
/// person A's screens use and must see only B's own data or the Japanese not-found page.
/// </summary>
public sealed class CrossPersonIsolationTests(PlatformFixture platform, BrowserFixture browser)
{
    private const string NoticeTitle = "特別徴収税額の決定通知";
    private const string TaxableIncome = "4200000";

    /// <summary>The taxable income as the records screen shows it, grouped by thousands.</summary>
    private const string TaxableIncomeShown = "4,200,000";
    private const string ReadBackPurpose = "提供した自己情報の確認";

    [Fact]
    public async Task OtherPersonsAddresses_ShowOnlyOwnData()
    {
        var cardA = await platform.IssueCardAsync();
        var cardB = await platform.IssueCardAsync();
        var city = await TestAgency.RegisterAsync(platform, "世田谷区", "notices:write", "self-info:write", "self-info:read");
        var recipientA = await city.EnrollAsync(cardA);
        var recipientB = await city.EnrollAsync(cardB);
        await city.PushAsync(recipientA, NoticeTitle, "令和8年度の税額をお知らせします。", "tax", "税額通知書.pdf");
        await city.PushAsync(recipientB, "保育料のお知らせ", "保育料をお知らせします。", "childcare");
        await city.PublishRecordAsync(recipientA, "income-a", "税・所得・口座", "税・所得", ("課税所得", TaxableIncome, "円"));
        await city.ReadBackRecordAsync("income-a");

        var pageA = await browser.LoggedInPageAsync(platform, cardA);
        var addresses = await CollectAddressesAsync(pageA, city);
        var pageB = await browser.LoggedInPageAsync(platform, cardB);
        Assert.NotSame(pageA.Context, pageB.Context);

        var notice = await pageB.GotoAsync(addresses.Notice);
        Assert.Equal(404, notice!.Status);
        Assert.Equal("ページが見つかりません。", await pageB.Locator("h1").InnerTextAsync());
        Assert.DoesNotContain(NoticeTitle, await pageB.Locator("main").InnerTextAsync());

        // GotoAsync throws when the response starts a download, so reaching the asserts means no PDF was served.
        var attachment = await pageB.GotoAsync(addresses.Attachment);
        Assert.Equal(404, attachment!.Status);
        Assert.Equal("ページが見つかりません。", await pageB.Locator("h1").InnerTextAsync());

        var records = await pageB.GotoAsync(addresses.SelfInfoRecords);
        Assert.Equal(200, records!.Status);
        var recordsText = await pageB.Locator("main").InnerTextAsync();
        Assert.Contains("該当する情報はありません。", recordsText);
        Assert.DoesNotContain(TaxableIncomeShown, recordsText);

        // B's own enrollment by the same agency reaches B's log through the message broker.
        await Polling.UntilAsync(async () =>
        {
            var log = await pageB.GotoAsync(addresses.AccessLog);
            Assert.Equal(200, log!.Status);
            return await pageB.Locator("li.log-record").CountAsync() == 1;
        }, TimeSpan.FromSeconds(30), "person B's log lists B's own enrollment");
        var logText = await pageB.Locator("main").InnerTextAsync();
        Assert.Contains("利用者登録", logText);
        Assert.DoesNotContain(ReadBackPurpose, logText);

        var csv = await pageB.APIRequest.GetAsync(addresses.Csv);
        Assert.Equal(200, csv.Status);
        var csvBytes = await csv.BodyAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var csvText = Encoding.UTF8.GetString(csvBytes);
        Assert.Equal(2, csvText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain(ReadBackPurpose, csvText);
    }

    /// <summary>Takes the addresses of A's notice, attachment, record list, filtered log and CSV from A's own screens.</summary>
    private static async Task<Addresses> CollectAddressesAsync(IPage page, TestAgency city)
    {
        await page.GotoAsync(PortalPages.Notices.Path);
        await page.GetByRole(AriaRole.Link, new() { Name = $"【未読】{NoticeTitle}" }).ClickAsync();
        var notice = page.Url;
        var attachment = await page.GetByRole(AriaRole.Link, new() { Name = "税額通知書.pdf", Exact = false }).GetAttributeAsync("href");

        await page.GotoAsync(PortalPages.SelfInfo.Path);
        await page.GetByRole(AriaRole.Link, new() { Name = "税・所得", Exact = true }).ClickAsync();
        Assert.Contains(TaxableIncomeShown, await page.Locator("main table").InnerTextAsync());
        var selfInfoRecords = page.Url;

        await page.GotoAsync($"{PortalPages.AccessLog.Path}?agency={Uri.EscapeDataString(city.ClientId)}");
        await Polling.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("li.log-record", new() { HasText = ReadBackPurpose }).CountAsync() == 1;
        }, TimeSpan.FromSeconds(30), "person A's log lists the read-back");
        var csv = await page.GetByRole(AriaRole.Link, new() { Name = "CSV ファイルで保存する", Exact = false }).GetAttributeAsync("href");

        return new Addresses(notice, attachment!, selfInfoRecords, page.Url, csv!);
    }

    private sealed record Addresses(string Notice, string Attachment, string SelfInfoRecords, string AccessLog, string Csv);
}
