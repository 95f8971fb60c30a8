using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;
using static MynaPlatform.Platform.Tests.Notices.NoticeTestKit;

namespace MynaPlatform.Platform.Tests.Notices;

/// <summary>
/// Every person route of the notices service, taken from the service's own endpoint data, returns
/// 404 for another person's notice, as if it did not exist, and changes nothing about it.
/// </summary>
public sealed class InboxIsolationTests(PlatformFixture platform)
{
    private const string InventoryPath = "/api/notices/openapi/endpoints";

    [Fact]
    public async Task PersonRoutes_OtherPersonsNotice_Return404()
    {
        var agency = await platform.RegisterAgencyAsync("福岡市");
        var owner = await platform.RegisterPersonAsync(agency);
        var stranger = await platform.RegisterPersonAsync(agency);
        var noticeId = await PushWithAttachmentAsync(agency, owner);
        await platform.PushNoticeAsync(agency, Notice(stranger.Recipient, title: "本人あてのお知らせ"));

        var routes = await PersonRoutesAsync();
        Assert.True(routes.Count >= 6, $"Expected the inbox routes in the endpoint list, found: {string.Join(", ", routes)}");
        foreach (var (method, pattern) in routes)
        {
            var path = Fill(pattern, noticeId);
            using var response = await platform.SendAsync(new HttpMethod(method), path, stranger.Token);
            var body = await response.Content.ReadAsStringAsync(Token);
            if (pattern.Contains('{'))
            {
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {pattern} returned {(int)response.StatusCode} for another person's notice: {body}");
            }
            else
            {
                Assert.True(response.IsSuccessStatusCode, $"{method} {pattern} returned {(int)response.StatusCode}: {body}");
                Assert.DoesNotContain(noticeId.ToString(), body);
            }
        }

        var ownerInbox = await platform.GetJsonAsync(InboxPath, owner.Token);
        var item = Assert.Single(ownerInbox.GetProperty("items").EnumerateArray());
        Assert.False(item.GetProperty("read").GetBoolean());
        Assert.False(item.GetProperty("archived").GetBoolean());
        Assert.Equal(1, (await platform.GetJsonAsync($"{InboxPath}/unread-count", stranger.Token)).GetProperty("unreadCount").GetInt32());
    }

    private async Task<List<(string Method, string Pattern)>> PersonRoutesAsync()
    {
        using var client = platform.CreateGatewayClient();
        var endpoints = JsonDocument.Parse(await client.GetStringAsync(InventoryPath, Token)).RootElement;
        return [.. endpoints.EnumerateArray()
            .Where(endpoint => endpoint.GetProperty("caller").GetString() == "person")
            .Select(endpoint => (endpoint.GetProperty("method").GetString()!, endpoint.GetProperty("pattern").GetString()!))];
    }

    /// <summary>Fills the route's parameters; a parameter this test does not know fails it, so a new route gets a case here.</summary>
    private static string Fill(string pattern, Guid noticeId)
    {
        // The untyped patterns are the routes that reject a malformed value, and a valid value reaches the typed route.
        var path = pattern.Replace("{noticeId:guid}", noticeId.ToString()).Replace("{position:int}", "1")
            .Replace("{noticeId}", noticeId.ToString()).Replace("{position}", "1");
        Assert.False(path.Contains('{'), $"The isolation test does not know a parameter of {pattern}; add a value for it.");
        return path;
    }

    private async Task<Guid> PushWithAttachmentAsync(TestAgency agency, TestPerson owner)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(Notice(owner.Recipient, title: "他人には見えないお知らせ")), Encoding.UTF8, "application/json"), "notice" },
            { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "attachments", "private.pdf" },
        };
        using var response = await platform.SendAsync(HttpMethod.Post, PushPath, agency.Token, form, NewKey());
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("noticeId").GetGuid();
    }
}
