using MynaPlatform.Hosting;
using MynaPlatform.MynaDemo.Catalog;
using MynaPlatform.MynaDemo.Seeding;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class DemoSeederTests(PlatformFixture platform)
{
    /// <summary>Content as of any day: the counts and categories do not depend on it.</summary>
    private static readonly DemoContent Content = new(new DateOnly(2026, 4, 1));

    /// <summary>The resident's log: one enrollment per agency, the exchanges and the one read-back.</summary>
    private static readonly int ExpectedLogEntries = DemoAgencies.All.Count + Content.Exchanges.Count + 1;

    [Fact]
    public async Task Seeder_SecondRun_CreatesNothing()
    {
        var settings = await DemoRuns.NewSettingsAsync(platform);
        var first = await DemoRuns.RunAsync(settings);
        var token = await platform.LoginAsync(first);

        // The enrollments' access events travel through identity's outbox, so the log fills a moment later.
        await Polling.UntilAsync(async () => await CountLogEntriesAsync(token) >= ExpectedLogEntries, TimeSpan.FromSeconds(30),
            $"the resident's log has {ExpectedLogEntries} entries");
        var before = await CountAsync(token);

        // Other Idempotency-Keys play a run after the notices service forgot the first run's keys.
        var second = await DemoRuns.RunAsync(settings with { IdempotencyKeySuffix = "-after-24h" });
        var after = await CountAsync(token);

        Assert.Equal(Content.Notices.Count, before.Notices);
        Assert.Equal(Content.Records.Count, before.Records);
        Assert.Equal(ExpectedLogEntries, before.LogEntries);
        Assert.Equal(before, after);

        Assert.Equal(first.Agencies, second.Agencies);
        Assert.Equal(first.CardPath, second.CardPath);
        Assert.Equal(0, second.NoticesSent);
        Assert.Equal(0, second.RecordsPublished);
        Assert.Equal(0, second.ExchangesRecorded);
        Assert.False(second.ReadBack, "the second run read back again");

        var entries = PlatformEnvFile.Read(settings.EnvFilePath);
        Assert.Equal(first.CardPath, entries[DemoState.CardKey]);
        Assert.Equal(first.Pin, entries[DemoState.PinKey]);
        Assert.All(DemoAgencies.All, agency => Assert.Equal(first.Agencies[agency.Key], entries[DemoState.ClientIdKey(agency)]));
    }

    [Fact]
    public void Catalog_NoticesOfOneAgency_HaveDistinctCategories()
    {
        // The seeder recognises a notice it sent by its agency, recipient and category.
        Assert.All(Content.Notices.GroupBy(notice => notice.Sender), sent => Assert.Equal(sent.Count(), sent.Select(notice => notice.Category).Distinct().Count()));
    }

    private async Task<(int Notices, int Records, long LogEntries)> CountAsync(string token)
    {
        var inbox = await platform.GetJsonAsync("/api/notices/inbox?pageSize=100", token);
        var categories = await platform.GetJsonAsync("/api/self-info/me/categories", token);
        var records = categories.GetProperty("categories").EnumerateArray().Sum(category => category.GetProperty("recordCount").GetInt32());
        return (inbox.GetProperty("total").GetInt32(), records, await CountLogEntriesAsync(token));
    }

    private async Task<long> CountLogEntriesAsync(string token) =>
        (await platform.GetJsonAsync("/api/access-log/me/records?pageSize=1", token)).GetProperty("total").GetInt64();
}
