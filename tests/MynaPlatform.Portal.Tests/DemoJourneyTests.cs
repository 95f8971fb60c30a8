using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using MynaPlatform.Hosting;
using MynaPlatform.MynaDemo.Catalog;
using MynaPlatform.MynaLog.Cli;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

/// <summary>
/// The whole journey on the demo data: the seeder, the login by code with the demo card, the
/// notices, あなたの情報 with a "this is not me" flag, the agency's read-back on the やりとり履歴
/// screen, its CSV export, <c>myna-log verify</c> and the logout. Each step leaves a screenshot named <c>demo-NN-step</c>.
/// </summary>
public sealed class DemoJourneyTests(PlatformFixture platform, BrowserFixture browser)
{
    /// <summary>The start of the purpose that the self-info service gives every read-back.</summary>
    private const string ReadBackPurpose = "提供した自己情報の確認";

    [Fact]
    public async Task DemoJourney_LoginToLogout_Works()
    {
        var demo = await DemoRuns.RunAsync(await DemoRuns.NewSettingsAsync(platform));
        var content = demo.Content;
        var page = await browser.OpenPageAsync(platform);

        await page.GotoAsync("/");
        await page.ScreenshotAsync("demo-01-login");
        await page.LoginWithCardAsync(platform, demo.CardPath, pin: demo.Pin);
        Assert.Equal("メニュー", await page.Locator("h1").InnerTextAsync());
        Assert.Contains($"未読 {content.Notices.Count} 件", await page.Locator("main").InnerTextAsync());
        await page.ScreenshotAsync("demo-02-menu");

        await page.GetByRole(AriaRole.Link, new() { Name = "お知らせ", Exact = true }).ClickAsync();
        Assert.Equal(content.Notices.Count, await page.Locator(".notice-list__item").CountAsync());
        var inbox = await page.Locator(".notice-list").InnerTextAsync();
        Assert.All(content.Notices, notice => Assert.Contains(notice.Title, inbox));
        await page.ScreenshotAsync("demo-03-inbox");

        var statement = content.Notices.Single(notice => notice.Category == "pension");
        await page.GetByRole(AriaRole.Link, new() { Name = statement.Title }).ClickAsync();
        Assert.Equal(statement.Title, await page.Locator("h1").InnerTextAsync());
        Assert.Contains("老齢年金の見込額", await page.Locator(".notice-body").InnerTextAsync());
        await page.ScreenshotAsync("demo-04-notice");

        await page.GotoAsync(PortalPages.Menu.Path);
        await page.GetByRole(AriaRole.Link, new() { Name = "あなたの情報", Exact = true }).ClickAsync();
        foreach (var record in content.Records)
        {
            Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = record.Name, Exact = true }).CountAsync() > 0, $"あなたの情報 shows no link to {record.Name}");
        }

        await page.ScreenshotAsync("demo-05-self-info");
        await page.GetByRole(AriaRole.Link, new() { Name = "予防接種" }).ClickAsync();
        Assert.Contains(DemoAgencies.Municipality.DisplayName, await page.Locator("section.record").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "自分の情報ではない", Exact = false }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "お知らせする" }).ClickAsync();
        Assert.Contains("提供した機関が確認します", await page.Locator("main").InnerTextAsync());
        await page.ScreenshotAsync("demo-06-flagged");

        await page.GotoAsync(PortalPages.Menu.Path);
        await page.GetByRole(AriaRole.Link, new() { Name = "やりとり履歴", Exact = true }).ClickAsync();
        var readBack = await page.Locator("li.log-record", new() { HasText = ReadBackPurpose }).InnerTextAsync();
        Assert.Contains($"{DemoContent.ReadBackAgency.DisplayName} が 年金 を閲覧", readBack);
        var log = await page.Locator(".log-list").InnerTextAsync();
        Assert.All(content.Exchanges, exchange => Assert.Contains(exchange.AdministrativeTask, log));
        await page.ScreenshotAsync("demo-07-access-log");

        var csv = await DownloadCsvAsync(page);
        Assert.Contains(ReadBackPurpose, csv);
        Assert.Contains(content.Exchanges[0].AdministrativeTask, csv);

        await AssertLogVerifiesAsync(await platform.LoginAsync(demo));

        await page.GotoAsync(PortalPages.Logout.Path);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウトする" }).ClickAsync();
        Assert.Contains("ログアウトしました。", await page.Locator("main").InnerTextAsync());
        await page.ScreenshotAsync("demo-08-logout");
    }

    /// <summary>Downloads the CSV export of the screen's list and returns its text after the byte order mark.</summary>
    private static async Task<string> DownloadCsvAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "CSV ファイルで保存する", Exact = false }).ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Runs <c>myna-log verify</c> in this process with the person's token, as a person checks their own log.</summary>
    private async Task AssertLogVerifiesAsync(string token)
    {
        var variables = new Dictionary<string, string>
        {
            [VerifyCommand.TokenVariable] = token,
            [GatewayResolver.GatewayVariable] = platform.App.GetEndpoint(ResourceNames.Gateway, ResourceNames.HttpEndpoint).AbsoluteUri,
            ["LANG"] = "C",
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, name => variables.GetValueOrDefault(name), platform.DataDirectory);
        var state = Path.Combine(platform.DataDirectory, $"myna-log-{Guid.NewGuid():N}.json");

        var exitCode = await MynaLogCli.RunAsync(["verify", "--state", state], environment, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, $"myna-log verify failed with {exitCode}: {error}");
        var report = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("verified", report.GetProperty("result").GetString());
        Assert.True(report.GetProperty("entriesChecked").GetInt32() > 0, "myna-log verify checked no entry");
    }
}
