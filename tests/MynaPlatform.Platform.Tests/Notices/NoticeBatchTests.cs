using System.Net;
using System.Text.Json;
using Xunit;
using static MynaPlatform.Platform.Tests.Notices.NoticeTestKit;

namespace MynaPlatform.Platform.Tests.Notices;

public sealed class NoticeBatchTests(PlatformFixture platform)
{
    [Fact]
    public async Task Batch_MixedItems_StoresValidAndReportsEachFailure()
    {
        var agency = await platform.RegisterAgencyAsync("板橋区");
        var first = await platform.RegisterPersonAsync(agency);
        var second = await platform.RegisterPersonAsync(agency);
        object[] items =
        [
            Notice(first.Recipient, title: "一人目へのお知らせ"),
            Notice("ffffffffffffffffffffffffffffffff", title: "登録されていない宛先"),
            Notice(second.Recipient, title: "", category: "unknown"),
            Notice(second.Recipient, title: "二人目へのお知らせ", category: "pension"),
            Notice(first.Recipient, title: "一人目への二通目", category: "health"),
        ];

        using var response = await platform.PushBatchAsync(agency, items);
        var body = await response.Content.ReadAsStringAsync(Token);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var result = JsonDocument.Parse(body).RootElement;
        Assert.Equal(3, result.GetProperty("accepted").GetInt32());
        Assert.Equal(2, result.GetProperty("rejected").GetInt32());
        var results = result.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3, 4], results.Select(item => item.GetProperty("index").GetInt32()));
        Assert.Equal(["accepted", "rejected", "rejected", "accepted", "accepted"], results.Select(item => item.GetProperty("status").GetString()));
        Assert.Equal("unknown_recipient", results[1].GetProperty("reason").GetString());
        Assert.Contains("recipient", results[1].GetProperty("errors").GetProperty("recipient")[0].GetString());
        Assert.DoesNotContain("\\u", body, StringComparison.Ordinal);
        Assert.Equal("invalid_fields", results[2].GetProperty("reason").GetString());
        Assert.True(results[2].GetProperty("errors").TryGetProperty("title", out _));
        Assert.True(results[2].GetProperty("errors").TryGetProperty("category", out _));

        var firstInbox = await platform.InboxIdsAsync(first);
        var secondInbox = await platform.InboxIdsAsync(second);
        // Both notices of the first person became visible at the same instant, so their order is not defined.
        Assert.Equal(
            new[] { results[0].GetProperty("noticeId").GetGuid(), results[4].GetProperty("noticeId").GetGuid() }.Order(),
            firstInbox.Order());
        Assert.Equal([results[3].GetProperty("noticeId").GetGuid()], secondInbox);
    }

    [Fact]
    public async Task Batch_Retried_ReturnsSameResults()
    {
        var agency = await platform.RegisterAgencyAsync("足立区");
        var person = await platform.RegisterPersonAsync(agency);
        var items = Enumerable.Range(1, 30).Select(number => Notice(person.Recipient, title: $"お知らせ {number}")).ToList();
        var key = NewKey();

        using var first = await platform.PushBatchAsync(agency, items, key);
        using var retry = await platform.PushBatchAsync(agency, items, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Token), await retry.Content.ReadAsStringAsync(Token));
        Assert.Equal(30, (await platform.GetJsonAsync(InboxPath, person.Token)).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task Batch_CountOutOfRange_Returns400(int count)
    {
        var agency = await platform.RegisterAgencyAsync("葛飾区");
        var items = Enumerable.Range(0, count).Select(_ => new { recipient = "x" });

        using var response = await platform.PushBatchAsync(agency, items);

        Assert.Contains("items", await ProblemDetailAsync(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("""{"items":["x"]}""", "JSON オブジェクト")]
    [InlineData("""{"items":[null]}""", "null")]
    public async Task Batch_ItemNotObject_Returns400(string body, string expected)
    {
        var agency = await platform.RegisterAgencyAsync("江戸川区");

        using var response = await platform.SendAsync(HttpMethod.Post, BatchPath, agency.Token,
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), NewKey());

        var detail = await ProblemDetailAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("items[0]", detail, StringComparison.Ordinal);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }
}
