using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;
using static MynaPlatform.Platform.Tests.Notices.NoticeTestKit;

namespace MynaPlatform.Platform.Tests.Notices;

public sealed class NoticePushTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Push_ThenOpen_MarksReadAndPublishesEvents()
    {
        var agency = await platform.RegisterAgencyAsync("千代田区");
        var person = await platform.RegisterPersonAsync(agency);
        var notice = new
        {
            recipient = person.Recipient,
            title = "予防接種のご案内",
            body = "**接種期限**は3月末です。\n\n- 会場: 区役所\n- 詳細: https://www.city.chiyoda.lg.jp/",
            bodyFormat = "markdown",
            category = "health",
            paymentReference = "PAY-2026-0001",
        };

        var noticeId = await platform.PushNoticeAsync(agency, notice);
        var inbox = await platform.GetJsonAsync(InboxPath, person.Token);
        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        var unreadBefore = inbox.GetProperty("unreadCount").GetInt32();
        var opened = await platform.GetJsonAsync($"{InboxPath}/{noticeId}", person.Token);
        var unreadAfter = (await platform.GetJsonAsync($"{InboxPath}/unread-count", person.Token)).GetProperty("unreadCount").GetInt32();
        var state = await platform.GetJsonAsync($"{PushPath}/{noticeId}", agency.Token);

        Assert.Equal(noticeId, item.GetProperty("noticeId").GetGuid());
        Assert.Equal("千代田区", item.GetProperty("agencyName").GetString());
        Assert.Equal("健康・医療", item.GetProperty("categoryName").GetString());
        Assert.EndsWith("+09:00", item.GetProperty("publishedAt").GetString());
        Assert.False(item.GetProperty("read").GetBoolean());
        Assert.Equal(1, unreadBefore);
        Assert.Equal(0, unreadAfter);
        Assert.Contains("<strong>接種期限</strong>", opened.GetProperty("bodyHtml").GetString());
        Assert.Contains("<li>", opened.GetProperty("bodyHtml").GetString());
        Assert.True(opened.GetProperty("notice").GetProperty("read").GetBoolean());
        Assert.Equal("PAY-2026-0001", opened.GetProperty("paymentReference").GetString());
        Assert.Equal("read", state.GetProperty("state").GetString());
        Assert.Equal(person.Recipient, state.GetProperty("recipient").GetString());
        await Polling.UntilAsync(async () => (await platform.NoticeEventsAsync(noticeId)).SequenceEqual(
            ["MynaPlatform.Contracts.Notices.NoticePublished:sent", "MynaPlatform.Contracts.Notices.NoticeRead:sent"]),
            EventTimeout, "NoticePublished and NoticeRead were sent once each");
    }

    [Fact]
    public async Task Withdraw_Unread_LeavesInboxOnce()
    {
        var agency = await platform.RegisterAgencyAsync("新宿区");
        var person = await platform.RegisterPersonAsync(agency);
        var unread = await platform.PushNoticeAsync(agency, Notice(person.Recipient, title: "取り下げるお知らせ"));
        var read = await platform.PushNoticeAsync(agency, Notice(person.Recipient, title: "開封されるお知らせ"));
        await platform.GetJsonAsync($"{InboxPath}/{read}", person.Token);

        using var withdrawn = await platform.SendAsync(HttpMethod.Post, $"{PushPath}/{unread}/withdraw", agency.Token);
        using var again = await platform.SendAsync(HttpMethod.Post, $"{PushPath}/{unread}/withdraw", agency.Token);
        using var refused = await platform.SendAsync(HttpMethod.Post, $"{PushPath}/{read}/withdraw", agency.Token);
        using var opened = await platform.SendAsync(HttpMethod.Get, $"{InboxPath}/{unread}", person.Token);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("開封しました", await ProblemDetailAsync(refused, HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Equal([read], await platform.InboxIdsAsync(person));
        var sent = await platform.GetJsonAsync($"{PushPath}?pageSize=10", agency.Token);
        Assert.Equal(2, sent.GetProperty("total").GetInt32());
        Assert.Equal([(read, "read"), (unread, "withdrawn")], sent.GetProperty("items").EnumerateArray()
            .Select(item => (item.GetProperty("noticeId").GetGuid(), item.GetProperty("state").GetString())));
        await Polling.UntilAsync(async () => (await platform.NoticeEventsAsync(unread)).SequenceEqual(
            ["MynaPlatform.Contracts.Notices.NoticePublished:sent", "MynaPlatform.Contracts.Notices.NoticeWithdrawn:sent"]),
            EventTimeout, "NoticePublished and one NoticeWithdrawn were sent");
    }

    [Fact]
    public async Task Push_InvalidFields_Returns400NamingEach()
    {
        var agency = await platform.RegisterAgencyAsync("港区");
        var person = await platform.RegisterPersonAsync(agency);

        using var response = await platform.PushAsync(agency, new
        {
            recipient = person.Recipient,
            title = "",
            body = "本文",
            category = "lottery",
            publishAt = "2026-04-01 09:00",
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = body.GetProperty("errors");
        Assert.Contains("件名（title）", errors.GetProperty("title")[0].GetString());
        Assert.Contains("tax, pension", errors.GetProperty("category")[0].GetString());
        Assert.Contains("RFC 3339", errors.GetProperty("publishAt")[0].GetString());
        Assert.Empty(await platform.InboxIdsAsync(person));
    }

    [Theory]
    [InlineData("""{ "recipient": "x", "title": 5 }""", "title")]
    [InlineData("""{ "recipient": "x", "sender": "other-agency" }""", "sender")]
    [InlineData("""{ "recipient": """, "recipient")]
    [InlineData("not json", "リクエストの JSON")]
    [InlineData("null", "リクエストの JSON")]
    public async Task Push_UnreadableJson_Returns400NamingField(string json, string field)
    {
        var agency = await platform.RegisterAgencyAsync("品川区");

        using var response = await platform.SendAsync(HttpMethod.Post, PushPath, agency.Token,
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), NewKey());

        Assert.Contains(field, await ProblemDetailAsync(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData(null, "ありません")]
    [InlineData("key with spaces", "不正です")]
    public async Task Push_BadIdempotencyKey_Returns400(string? key, string expected)
    {
        var agency = await platform.RegisterAgencyAsync("目黒区");
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, PushPath) { Content = JsonContent.Create(Notice("someone")) }.WithBearer(agency.Token);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        using var response = await client.SendAsync(request, Token);

        var detail = await ProblemDetailAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", detail);
        Assert.Contains(expected, detail);
    }

    [Fact]
    public async Task Push_UnknownRecipient_Returns422()
    {
        var agency = await platform.RegisterAgencyAsync("大田区");

        using var response = await platform.PushAsync(agency, Notice("0123456789abcdef0123456789abcdef"));

        Assert.Contains("recipient", await ProblemDetailAsync(response, HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task Push_PersonToken_Returns403()
    {
        var agency = await platform.RegisterAgencyAsync("世田谷区");
        var person = await platform.RegisterPersonAsync(agency);

        using var push = await platform.SendAsync(HttpMethod.Post, PushPath, person.Token, JsonContent.Create(Notice(person.Recipient)), NewKey());
        using var inbox = await platform.SendAsync(HttpMethod.Get, InboxPath, agency.Token);

        var pushDetail = await ProblemDetailAsync(push, HttpStatusCode.Forbidden);
        var inboxDetail = await ProblemDetailAsync(inbox, HttpStatusCode.Forbidden);
        Assert.Contains("スコープ notices:write を持つクライアント (機関や運用者) のアクセストークンが必要です。送られたトークンは本人", pushDetail, StringComparison.Ordinal);
        Assert.Contains("スコープ notices:read を持つ本人 (カードでログインした人) のアクセストークンが必要です。送られたトークンはクライアント", inboxDetail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inbox", "GET", "/not-a-uuid", "noticeId")]
    [InlineData("inbox", "PUT", "/12345/archive", "noticeId")]
    [InlineData("inbox", "GET", "/3f2b6c1e-8a4d-4e0f-9b7a-2c5d1e6f7a80/attachments/first", "position")]
    [InlineData("inbox", "GET", "/3f2b6c1e-8a4d-4e0f-9b7a-2c5d1e6f7a80/attachments/0", "position")]
    [InlineData("inbox", "GET", "/3f2b6c1e-8a4d-4e0f-9b7a-2c5d1e6f7a80/attachments/-1", "position")]
    [InlineData("partner", "GET", "/not-a-uuid", "noticeId")]
    [InlineData("partner", "POST", "/not-a-uuid/withdraw", "noticeId")]
    public async Task MalformedPathValue_Returns400NamingIt(string caller, string method, string path, string field)
    {
        var agency = await platform.RegisterAgencyAsync("足立区");
        var person = await platform.RegisterPersonAsync(agency);
        var (prefix, token) = caller == "inbox" ? (InboxPath, person.Token) : (PushPath, agency.Token);

        using var response = await platform.SendAsync(new HttpMethod(method), prefix + path, token);
        var detail = await ProblemDetailAsync(response, HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("invalid_request", problem.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(detail));
    }

    [Fact]
    public async Task BatchPath_Get_Returns405AllowingPost()
    {
        var agency = await platform.RegisterAgencyAsync("葛飾区");

        using var response = await platform.SendAsync(HttpMethod.Get, BatchPath, agency.Token);

        var detail = await ProblemDetailAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Contains("HTTP メソッド", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedNoticeId_NoToken_Returns401()
    {
        using var client = platform.CreateGatewayClient();

        using var response = await client.GetAsync($"{InboxPath}/not-a-uuid", Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
