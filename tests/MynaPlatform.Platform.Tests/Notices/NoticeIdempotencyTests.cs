using System.Net;
using System.Text.Json;
using Xunit;
using static MynaPlatform.Platform.Tests.Notices.NoticeTestKit;

namespace MynaPlatform.Platform.Tests.Notices;

public sealed class NoticeIdempotencyTests(PlatformFixture platform)
{
    [Fact]
    public async Task SameKey_SameContent_ReturnsOriginalResult()
    {
        var agency = await platform.RegisterAgencyAsync("練馬区");
        var person = await platform.RegisterPersonAsync(agency);
        var key = NewKey();

        using var first = await platform.PushAsync(agency, Notice(person.Recipient), key);
        using var second = await platform.PushAsync(agency, Notice(person.Recipient), key);
        var firstBody = await first.Content.ReadAsStringAsync(Token);
        var secondBody = await second.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(firstBody, secondBody);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.Single(await platform.InboxIdsAsync(person));
    }

    [Fact]
    public async Task SameKey_OtherContent_Returns409()
    {
        var agency = await platform.RegisterAgencyAsync("杉並区");
        var person = await platform.RegisterPersonAsync(agency);
        var key = NewKey();

        using var first = await platform.PushAsync(agency, Notice(person.Recipient, title: "一通目"), key);
        using var second = await platform.PushAsync(agency, Notice(person.Recipient, title: "二通目"), key);
        var other = await platform.RegisterAgencyAsync("中野区");
        var otherPerson = await platform.RegisterPersonAsync(other);
        using var otherAgency = await platform.PushAsync(other, Notice(otherPerson.Recipient, title: "二通目"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Contains("新しいキー", await ProblemDetailAsync(second, HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.Created, otherAgency.StatusCode);
        Assert.Single(await platform.InboxIdsAsync(person));
    }

    [Fact]
    public async Task InvalidPush_KeyFreed_RetryWithFixSucceeds()
    {
        var agency = await platform.RegisterAgencyAsync("豊島区");
        var person = await platform.RegisterPersonAsync(agency);
        var key = NewKey();

        using var invalid = await platform.PushAsync(agency, Notice(person.Recipient, category: "unknown"), key);
        using var fixedPush = await platform.PushAsync(agency, Notice(person.Recipient), key);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fixedPush.StatusCode);
    }

    [Fact]
    public async Task TwentyConcurrent_SameKey_CreateOneNotice()
    {
        var agency = await platform.RegisterAgencyAsync("北区");
        var person = await platform.RegisterPersonAsync(agency);
        var key = NewKey();
        using var start = new SemaphoreSlim(0);

        var requests = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.WaitAsync(Token);
            using var response = await platform.PushAsync(agency, Notice(person.Recipient, title: "同時送信のお知らせ"), key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Token));
        }).ToList();
        start.Release(20);
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, response => Assert.True(response.StatusCode == HttpStatusCode.Created, response.Body));
        var noticeIds = responses.Select(response => JsonDocument.Parse(response.Body).RootElement.GetProperty("noticeId").GetGuid()).Distinct().ToList();
        var inbox = await platform.InboxIdsAsync(person);
        Assert.Equal(Assert.Single(noticeIds), Assert.Single(inbox));
        var stored = await platform.QueryNoticesDatabaseAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE aggregate_id = $id AND message_type LIKE '%NoticePublished%';", ("$id", noticeIds[0].ToString()));
        Assert.Equal("1", Assert.Single(stored));
    }
}
