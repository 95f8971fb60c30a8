using System.Globalization;
using Xunit;
using static MynaPlatform.Platform.Tests.Notices.NoticeTestKit;

namespace MynaPlatform.Platform.Tests.Notices;

public sealed class NoticeScheduleTests(PlatformFixture platform)
{
    [Fact]
    public async Task ScheduledNotice_PublishedWhenTimeComes()
    {
        var agency = await platform.RegisterAgencyAsync("調布市");
        var person = await platform.RegisterPersonAsync(agency);
        var publishAt = DateTimeOffset.UtcNow.AddSeconds(8);

        var noticeId = await platform.PushNoticeAsync(agency,
            Notice(person.Recipient, title: "予約したお知らせ", publishAt: publishAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture)));
        var before = await platform.GetJsonAsync($"{PushPath}/{noticeId}", agency.Token);
        var inboxBefore = await platform.InboxIdsAsync(person);
        var eventsBefore = await platform.NoticeEventsAsync(noticeId);

        Assert.Equal("scheduled", before.GetProperty("state").GetString());
        Assert.Empty(inboxBefore);
        Assert.Empty(eventsBefore);

        await Polling.UntilAsync(async () => (await platform.InboxIdsAsync(person)).Contains(noticeId), TimeSpan.FromSeconds(30),
            "the scheduled notice appeared in the inbox");
        Assert.True(DateTimeOffset.UtcNow >= publishAt, "The notice appeared before its publish time.");
        var after = await platform.GetJsonAsync($"{PushPath}/{noticeId}", agency.Token);
        Assert.Equal("published", after.GetProperty("state").GetString());
        await Polling.UntilAsync(async () => (await platform.NoticeEventsAsync(noticeId)).SequenceEqual(["MynaPlatform.Contracts.Notices.NoticePublished:sent"]),
            TimeSpan.FromSeconds(30), "one NoticePublished was sent for the scheduled notice");
    }

    [Fact]
    public async Task ScheduledNotice_WithdrawnBeforeTime_NeverPublished()
    {
        var agency = await platform.RegisterAgencyAsync("三鷹市");
        var person = await platform.RegisterPersonAsync(agency);
        var noticeId = await platform.PushNoticeAsync(agency,
            Notice(person.Recipient, publishAt: DateTimeOffset.UtcNow.AddSeconds(8).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)));

        using var withdrawn = await platform.SendAsync(HttpMethod.Post, $"{PushPath}/{noticeId}/withdraw", agency.Token);
        var marker = await platform.PushNoticeAsync(agency, Notice(person.Recipient, publishAt: DateTimeOffset.UtcNow.AddSeconds(9).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)));
        await Polling.UntilAsync(async () => (await platform.InboxIdsAsync(person)).Contains(marker), TimeSpan.FromSeconds(30),
            "a notice scheduled after the withdrawn one was published");

        Assert.Equal([marker], await platform.InboxIdsAsync(person));
        Assert.Equal(["MynaPlatform.Contracts.Notices.NoticeWithdrawn:sent"], await platform.NoticeEventsAsync(noticeId));
    }
}
